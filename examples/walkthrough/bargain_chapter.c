/*
 * Chapter 31 of the walkthrough: a bargain. The bakery lets a shopper bargain the mooncake
 * box down from 128.00 to 68.00 with three friends' help inside a day. Mei opens one and
 * shares its invite; she cannot help herself, Kai helps once and not twice, Jun and Ana's
 * helps land it exactly on the floor, and Mei buys at 68.00. Ren's bargain gets one help and
 * expires. The cuts come from the story's seeded random source, so every run cuts the same.
 */
#include "story.h"

#include <stdio.h>
#include <string.h>

static const char* const PROGRAM =
    "{\"id\":\"mooncake-chop\",\"sku_id\":\"mooncake-box\",\"floor_price\":6800,\"helpers\":3,"
    "\"lifetime_minutes\":1440,\"starts_at\":1795428000000,\"ends_at\":1830000000000}";

/* A friend's help; prints the cut, or the refusal the story expects. */
static void help(sc_engine* engine, const char* bargain_id, const char* friend_id, const char* key,
                 sc_status_t expected) {
    sc_error* err = NULL;
    sc_bargain* after = NULL;
    int64_t cut = 0;
    const sc_status_t status = sc_engine_bargain_help(engine, bargain_id, friend_id, key, &cut, &after, &err);
    if (expected != SC_OK) {
        printf("    %s tries to help:\n", friend_id);
        show_refusal(status, &err, expected);
        return;
    }
    must(status, &err, "bargain_help");
    printf("    %s helps: %s off, now %s (%s)\n", friend_id, money(cut, "CNY"), money(sc_bargain_price(after), "CNY"),
           sc_bargain_state_name(sc_bargain_state(after)));
    sc_bargain_free(after);
}

static void open_bargain(sc_engine* engine, const char* user, const char* key, char* id, size_t size) {
    sc_error* err = NULL;
    sc_bargain* b = NULL;
    must(sc_engine_bargain_open(engine, "mooncake-chop", user, key, &b, &err), &err, "bargain_open");
    snprintf(id, size, "%s", sc_bargain_id(b));
    printf("    %s opens a bargain at %s, down to %s with %lld friends' help by %s\n", user,
           money(sc_bargain_price(b), "CNY"), money(sc_bargain_floor_price(b), "CNY"),
           (long long)sc_bargain_helpers_needed(b), date_time(sc_bargain_deadline_ms(b)));
    sc_bargain_free(b);
}

void tell_bargain_chapter(sc_engine* engine, story_clock* clock) {
    sc_error* err = NULL;
    advance_minutes(clock, 60);
    printf("\n31. Bargain. The mooncake box from CNY 128.00 down to 68.00 with three friends' help\n"
           "    inside a day; each help cuts a random part of what is left.\n");
    must(sc_engine_bargain_program_put(engine, PROGRAM, &err), &err, "bargain_program_put");

    char mei[64], ren[64], invite[16];
    open_bargain(engine, "mei", "mei-chop-1", mei, sizeof mei);
    sc_share_link* link = NULL;
    must(sc_engine_share_link_create(engine, "mei", SC_SHARE_TARGET_BARGAIN, mei, "wechat", "mei-chop-invite", &link,
                                     &err),
         &err, "share_link_create");
    snprintf(invite, sizeof invite, "%s", sc_share_link_code(link));
    sc_share_link_free(link);
    sc_share_open* open = NULL;
    must(sc_engine_share_link_open(engine, invite, "kai", "kai-phone", "open-kai-chop", &open, &err), &err,
         "share_link_open");
    printf("    Mei shares the invite; it leads Kai to %s\n",
           sc_share_open_target(open) == SC_SHARE_TARGET_BARGAIN && strcmp(sc_share_open_target_id(open), mei) == 0
               ? "Mei's bargain"
               : "somewhere else");
    sc_share_open_free(open);
    help(engine, mei, "mei", "help-mei-mei", SC_ERR_INVALID_STATE);
    help(engine, mei, "kai", "help-mei-kai", SC_OK);
    help(engine, mei, "kai", "help-mei-kai-2", SC_ERR_INVALID_STATE);
    advance_minutes(clock, 40);
    help(engine, mei, "jun", "help-mei-jun", SC_OK);
    advance_minutes(clock, 25);
    help(engine, mei, "ana", "help-mei-ana", SC_OK);

    sc_checkout_request* request = NULL;
    sc_order* order = NULL;
    sc_order* paid = NULL;
    must(sc_checkout_request_new(&request, &err), &err, "checkout_request_new");
    must(sc_checkout_request_set_bargain(request, mei, &err), &err, "checkout_request_set_bargain");
    must(sc_engine_checkout(engine, "mei", request, "mei-chop-buy", &order, &err), &err, "checkout");
    sc_checkout_request_free(request);
    must(sc_engine_order_pay(engine, sc_order_id(order), "wxpay-chop", sc_order_total(order), "pay-mei-chop", &paid,
                             &err),
         &err, "order_pay");
    printf("    Mei buys the box at the bargained price: %s with shipping, %s\n", money(sc_order_total(paid), "CNY"),
           sc_order_state_name(sc_order_state(paid)));
    sc_order_free(paid);
    sc_order_free(order);
    sc_bargain* b = NULL;
    must(sc_engine_bargain_get(engine, mei, &b, &err), &err, "bargain_get");
    printf("    Mei's bargain is %s after %lld helps\n", sc_bargain_state_name(sc_bargain_state(b)),
           (long long)sc_bargain_help_count(b));
    sc_bargain_free(b);

    open_bargain(engine, "ren", "ren-chop-1", ren, sizeof ren);
    help(engine, ren, "ada", "help-ren-ada", SC_OK);
    advance_minutes(clock, 24 * 60);
    int64_t settled = 0;
    bool more = false;
    must(sc_engine_sweep(engine, 100, &settled, &more, &err), &err, "sweep");
    must(sc_engine_bargain_get(engine, ren, &b, &err), &err, "bargain_get");
    printf("    a day later Ren's bargain is %s at %s\n", sc_bargain_state_name(sc_bargain_state(b)),
           money(sc_bargain_price(b), "CNY"));
    sc_bargain_free(b);

    sc_bargain_report* report = NULL;
    must(sc_engine_bargain_report(engine, "mooncake-chop", &report, &err), &err, "bargain_report");
    const int64_t per = sc_bargain_report_get(report, SC_BARGAIN_FIGURE_HELPERS_PER_COMPLETION);
    const int64_t conversion = sc_bargain_report_get(report, SC_BARGAIN_FIGURE_CONVERSION_BPS);
    printf("    The program's figures: opened %lld, completed %lld, bought %lld, expired %lld, helps %lld,\n"
           "    helpers per completion %lld.%02lld, conversion to paid %lld.%02lld%%\n",
           (long long)sc_bargain_report_get(report, SC_BARGAIN_FIGURE_OPENED),
           (long long)sc_bargain_report_get(report, SC_BARGAIN_FIGURE_COMPLETED),
           (long long)sc_bargain_report_get(report, SC_BARGAIN_FIGURE_BOUGHT),
           (long long)sc_bargain_report_get(report, SC_BARGAIN_FIGURE_EXPIRED),
           (long long)sc_bargain_report_get(report, SC_BARGAIN_FIGURE_HELPS), (long long)(per / 100),
           (long long)(per % 100), (long long)(conversion / 100), (long long)(conversion % 100));
    sc_bargain_report_free(report);
}
