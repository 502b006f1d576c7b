/*
 * Two processes on one database file racing for the seats of the same group-buy
 * groups: every group ends with exactly N seats taken, never N + 1, and every joiner
 * beyond them is told SC_ERR_GROUP_FULL. Forks, so it runs before any thread exists.
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

#define GROUPS 12
#define SIZE 5

static const char* const GROUP_PROGRAM =
    "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":["
    "{\"id\":\"box\",\"merchant_id\":\"m1\",\"title\":\"Box\",\"list_price\":12800}],"
    "\"group_buy\":{\"campaigns\":[{\"id\":\"race\",\"sku_id\":\"box\",\"group_price\":9900,"
    "\"group_size\":5,\"lifetime_minutes\":1440,\"starts_at\":0,\"ends_at\":1893456000000}]}}";

/*
 * Joins every group with fresh shoppers until each says SC_ERR_GROUP_FULL; returns the
 * seats won, or -1 on any other failure. No check macros: it runs in the child too.
 */
static int join_until_full(sc_engine* engine, const char* who, char groups[GROUPS][64]) {
    int won = 0;
    int g, i;
    sc_checkout_request* request = NULL;
    if (sc_checkout_request_new(&request, NULL) != SC_OK) return -1;
    for (g = 0; g < GROUPS; ++g) {
        for (i = 0; i < SIZE + 1; ++i) {
            char user[64];
            sc_order* order = NULL;
            sc_error* e = NULL;
            sc_status_t st;
            snprintf(user, sizeof user, "%s-%d-%d", who, g, i);
            if (sc_checkout_request_set_group(request, SC_GROUP_MODE_JOIN, groups[g], 1, NULL) != SC_OK) break;
            st = sc_engine_checkout(engine, user, request, user, &order, &e);
            sc_order_free(order);
            if (st == SC_ERR_GROUP_FULL) {
                sc_error_free(e);
                break;
            }
            if (st != SC_OK) {
                fprintf(stderr, "%s: unexpected %s: %s\n", who, sc_status_name(st), sc_error_message(e));
                sc_error_free(e);
                sc_checkout_request_free(request);
                return -1;
            }
            ++won;
        }
    }
    sc_checkout_request_free(request);
    return won;
}

void test_second_process_groups(void) {
    char path[256];
    char groups[GROUPS][64];
    sc_engine* engine = NULL;
    sc_checkout_request* request = NULL;
    int freed = 0, status = 0, child_won = -1, parent_won, g;
    pid_t pid;

    tmpdb_make(path, sizeof path);
    engine = fx_open_process_engine(path, &freed);
    if (!CHECK(engine != NULL)) return;
    CHECK_OK(sc_engine_program_import(engine, GROUP_PROGRAM, &E));
    CHECK_OK(sc_checkout_request_new(&request, &E));
    CHECK_OK(sc_checkout_request_set_group(request, SC_GROUP_MODE_OPEN, "race", 1, &E));
    for (g = 0; g < GROUPS; ++g) {
        char leader[32];
        sc_order* order = NULL;
        sc_order* paid = NULL;
        sc_group* group = NULL;
        snprintf(leader, sizeof leader, "leader-%d", g);
        CHECK_OK(sc_engine_checkout(engine, leader, request, leader, &order, &E));
        CHECK_OK(sc_engine_order_pay(engine, sc_order_id(order), "psp", sc_order_total(order), leader, &paid, &E));
        CHECK_OK(sc_engine_order_group(engine, sc_order_id(order), &group, &E));
        snprintf(groups[g], sizeof groups[g], "%s", group ? sc_group_id(group) : "");
        sc_group_free(group);
        sc_order_free(paid);
        sc_order_free(order);
    }
    sc_checkout_request_free(request);
    sc_engine_close(engine);

    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid == 0) {
        sc_engine* mine = fx_open_process_engine(path, NULL);
        int won = mine ? join_until_full(mine, "child", groups) : -1;
        sc_engine_close(mine);
        _exit(won < 0 ? 255 : won);
    }
    if (!CHECK(pid > 0)) {
        tmpdb_remove(path);
        return;
    }
    engine = fx_open_process_engine(path, &freed);
    if (!CHECK(engine != NULL)) return;
    parent_won = join_until_full(engine, "parent", groups);
    CHECK(waitpid(pid, &status, 0) == pid);
    if (CHECK(WIFEXITED(status))) child_won = WEXITSTATUS(status);
    CHECK(parent_won >= 0);
    CHECK(child_won >= 0 && child_won < 255);
    /* The leader's seat and exactly N - 1 joiners in every group, between both processes. */
    CHECK_EQ(parent_won + child_won, GROUPS * (SIZE - 1));
    for (g = 0; g < GROUPS; ++g) {
        sc_group* group = NULL;
        CHECK_OK(sc_engine_group_get(engine, groups[g], &group, &E));
        CHECK_EQ(sc_group_seats_left(group), 0);
        CHECK_EQ(sc_group_seat_count(group), SIZE);
        sc_group_free(group);
    }
    CHECK_EQ(events_count_type(engine, 0, "group.seat_reserved"), GROUPS * SIZE);
    events_check_gap_free(engine);
    sc_engine_close(engine);
    tmpdb_remove(path);
}
