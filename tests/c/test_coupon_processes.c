/*
 * Two processes on one database file claiming the last copies of a coupon template
 * and redeeming the last copies of a promo code: the limits hold exactly across
 * processes. Forks, so it runs before any thread exists.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"

#define COPIES 20

static const char* const RACE_PROGRAM =
    "{\"format\":\"socialcart.program/1\",\"coupon_templates\":["
    "{\"id\":\"pool\",\"title\":\"Pool\",\"kind\":\"fixed_amount\",\"value\":100,\"total_quantity\":20,"
    "\"validity\":{\"kind\":\"days_from_claim\",\"days\":7}},"
    "{\"id\":\"code\",\"title\":\"Code\",\"kind\":\"fixed_amount\",\"value\":100,\"total_quantity\":20,"
    "\"issue_mode\":\"promo_code\",\"promo_code\":\"RACE\",\"validity\":{\"kind\":\"days_from_claim\",\"days\":7}}]}";

/*
 * Issues copies to fresh users until the template refuses with SC_ERR_LIMIT_EXCEEDED;
 * returns the copies won, or -1 on any other failure. Each user claims twice under one
 * key (a retry) to show that a retry never takes a second copy. No check macros: it
 * runs in the child too.
 */
static int issue_until_gone(sc_engine* engine, const char* who, int promo) {
    int won = 0;
    int i;
    for (i = 0; i < 100; ++i) {
        char user[64], key[80];
        int attempt;
        snprintf(user, sizeof user, "%s-%s-%d", who, promo ? "code" : "pool", i);
        snprintf(key, sizeof key, "k-%s", user);
        for (attempt = 0; attempt < 2; ++attempt) {
            sc_coupon* c = NULL;
            sc_error* e = NULL;
            sc_status_t st = promo ? sc_engine_coupon_redeem_code(engine, user, "RACE", key, &c, &e)
                                   : sc_engine_coupon_claim(engine, user, "pool", key, &c, &e);
            sc_coupon_free(c);
            if (st == SC_ERR_LIMIT_EXCEEDED && attempt == 0) {
                sc_error_free(e);
                return won;
            }
            if (st != SC_OK) {
                fprintf(stderr, "%s: unexpected %s: %s\n", who, sc_status_name(st), sc_error_message(e));
                sc_error_free(e);
                return -1;
            }
            if (attempt == 0) ++won;
        }
    }
    return -1;
}

void test_second_process_coupons(void) {
    char path[256];
    sc_engine* engine = NULL;
    sc_coupon_report* report = NULL;
    int freed = 0;
    int status = 0;
    int parent_pool, parent_code, child_won = -1;
    size_t i;
    pid_t pid;

    tmpdb_make(path, sizeof path);
    engine = fx_open_process_engine(path, &freed);
    if (!CHECK(engine != NULL)) return;
    CHECK_OK(sc_engine_program_import(engine, RACE_PROGRAM, &E));
    sc_engine_close(engine);

    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid == 0) {
        sc_engine* mine = fx_open_process_engine(path, NULL);
        int pool = mine ? issue_until_gone(mine, "child", 0) : -1;
        int code = mine ? issue_until_gone(mine, "child", 1) : -1;
        sc_engine_close(mine);
        _exit(pool < 0 || code < 0 ? 100 : pool + code);
    }
    if (!CHECK(pid > 0)) {
        tmpdb_remove(path);
        return;
    }
    engine = fx_open_process_engine(path, &freed);
    if (!CHECK(engine != NULL)) return;
    parent_pool = issue_until_gone(engine, "parent", 0);
    parent_code = issue_until_gone(engine, "parent", 1);
    CHECK(waitpid(pid, &status, 0) == pid);
    if (CHECK(WIFEXITED(status))) child_won = WEXITSTATUS(status);
    CHECK(parent_pool >= 0 && parent_code >= 0);
    CHECK(child_won >= 0 && child_won < 100);
    /* Exactly the copies there were, between both processes and both templates. */
    CHECK_EQ(parent_pool + parent_code + child_won, 2 * COPIES);
    CHECK_EQ(events_count_type(engine, 0, "coupon.issued"), 2 * COPIES);
    CHECK_OK(sc_engine_coupon_report(engine, &report, &E));
    for (i = 0; i < sc_coupon_report_count(report); ++i) {
        CHECK_EQ(sc_coupon_report_claimed(report, i), COPIES);
        CHECK_EQ(sc_coupon_report_total_quantity(report, i), COPIES);
    }
    sc_coupon_report_free(report);
    events_check_gap_free(engine);
    sc_engine_close(engine);
    tmpdb_remove(path);
}
