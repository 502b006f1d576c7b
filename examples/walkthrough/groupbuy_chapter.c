/*
 * Chapter 29 of the walkthrough: group-buy. The bakery sells the mooncake box to groups
 * of three at 88.00 instead of 128.00, a group living a day from its leader's payment.
 * Mei opens a group and shares its invite; Kai and Jun open the invite, join and pay, and
 * the third payment fills the group. Ren opens another; only Ada joins; at the deadline
 * the group fails, each paid member's own order is due a refund, and the shop refunds
 * them one by one. Group ids are random, so the story prints what does not change.
 */
#include "story.h"

#include <stdio.h>
#include <string.h>

static const char* const CAMPAIGN =
    "{\"id\":\"mooncake-trio\",\"sku_id\":\"mooncake-box\",\"group_price\":8800,\"group_size\":3,"
    "\"lifetime_minutes\":1440,\"starts_at\":1795428000000,\"ends_at\":1830000000000,"
    "\"limits\":{\"max_units_per_order\":2}}";

/* A group checkout and its payment; the paid order (free it). */
static sc_order* buy_in_group(sc_engine* engine, const char* user, sc_group_mode_t mode, const char* target,
                              const char* key) {
    sc_error* err = NULL;
    sc_checkout_request* request = NULL;
    sc_order* order = NULL;
    sc_order* paid = NULL;
    char pay_key[64];
    must(sc_checkout_request_new(&request, &err), &err, "checkout_request_new");
    must(sc_checkout_request_set_group(request, mode, target, 1, &err), &err, "checkout_request_set_group");
    must(sc_engine_checkout(engine, user, request, key, &order, &err), &err, "checkout");
    snprintf(pay_key, sizeof pay_key, "pay-%s", key);
    must(sc_engine_order_pay(engine, sc_order_id(order), "wxpay-group", sc_order_total(order), pay_key, &paid, &err),
         &err, "order_pay");
    printf("    %s pays %s: %s\n", user, money(sc_order_total(paid), "CNY"), sc_order_state_name(sc_order_state(paid)));
    sc_order_free(order);
    sc_checkout_request_free(request);
    return paid;
}

static void print_group(sc_engine* engine, const char* group_id) {
    sc_error* err = NULL;
    sc_group* g = NULL;
    must(sc_engine_group_get(engine, group_id, &g, &err), &err, "group_get");
    printf("    the group led by %s is %s: %lld of %lld paid", sc_group_leader_user_id(g),
           sc_group_state_name(sc_group_state(g)), (long long)sc_group_paid_members(g), (long long)sc_group_size(g));
    if (sc_group_state(g) == SC_GROUP_OPEN)
        printf(", %lld more needed by %s", (long long)sc_group_seats_left(g), date_time(sc_group_deadline_ms(g)));
    printf("\n");
    sc_group_free(g);
}

static void group_of(sc_engine* engine, const sc_order* order, char* id, size_t size) {
    sc_error* err = NULL;
    sc_group* g = NULL;
    must(sc_engine_order_group(engine, sc_order_id(order), &g, &err), &err, "order_group");
    snprintf(id, size, "%s", sc_group_id(g));
    sc_group_free(g);
}

void tell_groupbuy_chapter(sc_engine* engine, story_clock* clock) {
    sc_error* err = NULL;
    advance_minutes(clock, 60);
    printf("\n29. Group-buy. Mooncake boxes at CNY 88.00 instead of 128.00 for groups of three; a group\n"
           "    opens when its leader pays and has a day to fill.\n");
    must(sc_engine_groupbuy_campaign_put(engine, CAMPAIGN, &err), &err, "groupbuy_campaign_put");

    char mei_group[64], ren_group[64], invite[16];
    sc_order* mei = buy_in_group(engine, "mei", SC_GROUP_MODE_OPEN, "mooncake-trio", "mei-group-1");
    group_of(engine, mei, mei_group, sizeof mei_group);
    print_group(engine, mei_group);

    printf("    Mei shares the group's invite; Kai opens it and joins:\n");
    sc_share_link* link = NULL;
    must(sc_engine_share_link_create(engine, "mei", SC_SHARE_TARGET_GROUP, mei_group, "wechat", "mei-invite-1", &link,
                                     &err),
         &err, "share_link_create");
    snprintf(invite, sizeof invite, "%s", sc_share_link_code(link));
    sc_share_link_free(link);
    advance_minutes(clock, 30);
    sc_share_open* open = NULL;
    must(sc_engine_share_link_open(engine, invite, "kai", "kai-phone", "open-kai-1", &open, &err), &err,
         "share_link_open");
    const int to_group = sc_share_open_target(open) == SC_SHARE_TARGET_GROUP &&
                         strcmp(sc_share_open_target_id(open), mei_group) == 0;
    printf("    the invite leads to %s, and kai is %s\n", to_group ? "Mei's group" : "somewhere else",
           sc_share_open_outcome(open));
    sc_share_open_free(open);
    sc_order* kai = buy_in_group(engine, "kai", SC_GROUP_MODE_JOIN, mei_group, "kai-group-1");
    print_group(engine, mei_group);
    sc_order_attribution* a = NULL;
    must(sc_engine_order_attribution(engine, sc_order_id(kai), &a, &err), &err, "order_attribution");
    printf("    Kai's order is credited to %s, who earns %s pending\n", a ? sc_order_attribution_sharer_id(a) : "nobody",
           a && sc_order_attribution_reward_count(a) > 0
               ? money(sc_referral_reward_amount(sc_order_attribution_reward_at(a, 0)), "CNY")
               : money(0, "CNY"));
    sc_order_attribution_free(a);

    advance_minutes(clock, 90);
    printf("    Jun opens the invite too and takes the last seat:\n");
    must(sc_engine_share_link_open(engine, invite, "jun", "jun-phone", "open-jun-1", &open, &err), &err,
         "share_link_open");
    sc_share_open_free(open);
    sc_order* jun = buy_in_group(engine, "jun", SC_GROUP_MODE_JOIN, mei_group, "jun-group-1");
    print_group(engine, mei_group);
    sc_order* seen = NULL;
    must(sc_engine_order_get(engine, sc_order_id(mei), &seen, &err), &err, "order_get");
    printf("    Mei's order is now %s too: the bakery ships all three\n", sc_order_state_name(sc_order_state(seen)));
    sc_order_free(seen);
    printf("    Ana comes late:\n");
    sc_checkout_request* late = NULL;
    must(sc_checkout_request_new(&late, &err), &err, "checkout_request_new");
    must(sc_checkout_request_set_group(late, SC_GROUP_MODE_JOIN, mei_group, 1, &err), &err,
         "checkout_request_set_group");
    sc_order* none = NULL;
    show_refusal(sc_engine_checkout(engine, "ana", late, "ana-group-1", &none, &err), &err, SC_ERR_GROUP_FULL);
    sc_checkout_request_free(late);

    printf("    Ren opens another group; only Ada joins before the day is out:\n");
    sc_order* ren = buy_in_group(engine, "ren", SC_GROUP_MODE_OPEN, "mooncake-trio", "ren-group-1");
    group_of(engine, ren, ren_group, sizeof ren_group);
    advance_minutes(clock, 45);
    sc_order* ada = buy_in_group(engine, "ada", SC_GROUP_MODE_JOIN, ren_group, "ada-group-1");
    print_group(engine, ren_group);
    advance_minutes(clock, 24 * 60);
    int64_t settled = 0;
    bool more = false;
    must(sc_engine_sweep(engine, 100, &settled, &more, &err), &err, "sweep");
    print_group(engine, ren_group);
    printf("    each paid member's own order is due a refund, and the shop refunds them one by one:\n");
    sc_order* orders[2] = {ren, ada};
    for (size_t i = 0; i < 2; ++i) {
        must(sc_engine_order_get(engine, sc_order_id(orders[i]), &seen, &err), &err, "order_get");
        const int64_t due = sc_order_total(seen) - sc_order_shipping(seen) - sc_order_refunded(seen);
        printf("    %s's order: %s, %s due for the boxes", sc_order_user_id(seen),
               sc_order_state_name(sc_order_state(seen)), money(due, "CNY"));
        char key[64];
        snprintf(key, sizeof key, "refund-group-%s", sc_order_user_id(seen));
        sc_order* refunded = NULL;
        must(sc_engine_order_refund_amount(engine, sc_order_id(seen), due, key, &refunded, &err), &err,
             "order_refund_amount");
        printf(" -> %s\n", sc_order_state_name(sc_order_state(refunded)));
        sc_order_free(refunded);
        sc_order_free(seen);
    }

    sc_group_report* report = NULL;
    must(sc_engine_groupbuy_report(engine, "mooncake-trio", &report, &err), &err, "groupbuy_report");
    const int64_t rate = sc_group_report_get(report, SC_GROUP_REPORT_SUCCESS_RATE_BPS);
    printf("    The campaign's figures: groups opened %lld, filled %lld, failed %lld, success rate %lld.%02lld%%,\n"
           "    average time to fill %lld min, boxes sold %lld\n",
           (long long)sc_group_report_get(report, SC_GROUP_REPORT_OPENED),
           (long long)sc_group_report_get(report, SC_GROUP_REPORT_FILLED),
           (long long)sc_group_report_get(report, SC_GROUP_REPORT_FAILED), (long long)(rate / 100),
           (long long)(rate % 100), (long long)(sc_group_report_get(report, SC_GROUP_REPORT_AVERAGE_FILL_MS) / 60000),
           (long long)sc_group_report_get(report, SC_GROUP_REPORT_UNITS_SOLD));
    sc_group_report_free(report);
    sc_order_free(mei);
    sc_order_free(kai);
    sc_order_free(jun);
    sc_order_free(ren);
    sc_order_free(ada);
}
