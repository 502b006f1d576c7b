/*
 * Chapter 28 of the walkthrough: share-to-earn. The shop pays commission on referred
 * orders at two levels. Lin (brought to the shop by Wei) shares the mooncake box; Bo
 * opens it on his phone before he has an account, signs up on that phone, and buys. The
 * order is credited to Lin, with Wei at level 2; the rewards vest after the cooling-off
 * week; Lin opening her own link earns nothing, and the reason is recorded; Bo returns
 * one box and half of each reward is clawed back. Opens and codes hold random ids, so
 * the story prints what does not change between runs.
 */
#include "story.h"

#include <stdio.h>

static void print_rewards(sc_engine* engine, const char* sharer) {
    sc_error* err = NULL;
    sc_referral_rewards* rewards = NULL;
    must(sc_engine_referral_rewards(engine, sharer, &rewards, &err), &err, "referral_rewards");
    for (size_t i = 0; i < sc_referral_rewards_count(rewards); ++i) {
        const sc_referral_reward* r = sc_referral_rewards_at(rewards, i);
        const sc_reward_state_t state = sc_referral_reward_state(r);
        printf("      %s, level %d: %s, %s", sc_referral_reward_sharer_id(r), sc_referral_reward_level(r),
               money(sc_referral_reward_amount(r), "CNY"),
               state == SC_REWARD_PENDING ? "pending" : state == SC_REWARD_VESTED ? "vested" : "clawed back");
        if (state == SC_REWARD_PENDING) printf(" until %s", date_time(sc_referral_reward_vests_at_ms(r)));
        if (sc_referral_reward_clawed_back(r) > 0)
            printf(", %s clawed back", money(sc_referral_reward_clawed_back(r), "CNY"));
        printf("\n");
    }
    sc_referral_rewards_free(rewards);
}

static void open_link(sc_engine* engine, const char* code, const char* user, const char* device, const char* key) {
    sc_error* err = NULL;
    sc_share_open* open = NULL;
    must(sc_engine_share_link_open(engine, code, user, device, key, &open, &err), &err, "share_link_open");
    printf("    %s opens %s's link: %s", user ? user : device, sc_share_open_sharer_id(open),
           sc_share_open_outcome(open));
    if (sc_share_open_is_bound(open)) printf(" until %s", date_time(sc_share_open_bound_until_ms(open)));
    printf("\n");
    sc_share_open_free(open);
}

static void make_link(sc_engine* engine, const char* sharer, const char* channel, const char* key, char* code,
                      size_t size) {
    sc_error* err = NULL;
    sc_share_link* link = NULL;
    must(sc_engine_share_link_create(engine, sharer, SC_SHARE_TARGET_SKU, "mooncake-box", channel, key, &link, &err),
         &err, "share_link_create");
    snprintf(code, size, "%s", sc_share_link_code(link));
    sc_share_link_free(link);
}

void tell_attribution_chapter(sc_engine* engine, story_clock* clock) {
    sc_error* err = NULL;
    advance_minutes(clock, 60);
    printf("\n28. Share-to-earn. A referred order pays its sharer 10%% of what its goods paid, and\n"
           "    whoever brought the sharer 3%%, after a cooling-off week. An open binds the opener\n"
           "    to the sharer for 7 days; the latest open wins.\n");
    must(sc_engine_referral_program_put(engine,
                                        "{\"url_template\":\"https://shop.example/s/{token}\","
                                        "\"link_lifetime_days\":7,\"clock_skew_seconds\":300,"
                                        "\"attribution\":{\"window_days\":7,\"model\":\"last_touch\"},"
                                        "\"rewards\":{\"kind\":\"commission\",\"rates_bps\":[1000,300],"
                                        "\"cooling_off_days\":7}}",
                                        &err),
         &err, "referral_program_put");
    char wei_code[16], lin_code[16];
    make_link(engine, "wei", "copy_link", "wei-share-1", wei_code, sizeof wei_code);
    printf("    Wei brought Lin to the shop:\n");
    open_link(engine, wei_code, "lin", "lin-phone", "open-lin-1");

    make_link(engine, "lin", "wechat", "lin-share-3", lin_code, sizeof lin_code);
    printf("    Lin shares the mooncake box on WeChat; Bo opens it on his phone before he has an\n"
           "    account:\n");
    open_link(engine, lin_code, NULL, "bo-phone", "open-bo-1");
    advance_minutes(clock, 20);
    printf("    Bo signs up on that phone; the phone's binding carries over to him:\n");
    sc_referral_binding* binding = NULL;
    must(sc_engine_referral_sign_in(engine, "bo", "bo-phone", &binding, &err), &err, "referral_sign_in");
    printf("    bo is bound to %s until %s\n", sc_referral_binding_sharer_id(binding),
           date_time(sc_referral_binding_expires_at_ms(binding)));
    sc_referral_binding_free(binding);

    printf("    Bo buys two mooncake boxes; the payment credits the order to Lin:\n");
    must(sc_engine_cart_add(engine, "bo", "mooncake-box", 2, &err), &err, "cart_add");
    sc_order* order = NULL;
    must(sc_engine_checkout(engine, "bo", NULL, "bo-checkout-1", &order, &err), &err, "checkout");
    sc_order* paid = NULL;
    must(sc_engine_order_pay(engine, sc_order_id(order), "wxpay-20270102-0042", sc_order_total(order), "bo-pay-1",
                             &paid, &err),
         &err, "order_pay");
    sc_order_attribution* a = NULL;
    must(sc_engine_order_attribution(engine, sc_order_id(paid), &a, &err), &err, "order_attribution");
    printf("    credited to %s (opened via %s), goods paid %s; rewards:\n", sc_order_attribution_sharer_id(a),
           sc_share_open_channel(sc_order_attribution_open(a)), money(sc_order_attribution_paid(a), "CNY"));
    sc_order_attribution_free(a);
    print_rewards(engine, "lin");
    print_rewards(engine, "wei");

    printf("    Lin opens her own link from her phone: no binding, and the reason is kept:\n");
    open_link(engine, lin_code, "lin", "lin-phone", "open-lin-2");
    sc_referral_refusals* refusals = NULL;
    must(sc_engine_referral_refusals(engine, "lin", &refusals, &err), &err, "referral_refusals");
    for (size_t i = 0; i < sc_referral_refusals_count(refusals); ++i)
        printf("    refused for lin: %s (user %s)\n", sc_referral_refusals_reason(refusals, i),
               sc_referral_refusals_user_id(refusals, i));
    sc_referral_refusals_free(refusals);

    printf("    A week later the cooling-off period is over:\n");
    advance_minutes(clock, 7 * 24 * 60);
    print_rewards(engine, "lin");
    printf("    Bo returns one box: half of each reward is clawed back, vested or not:\n");
    sc_order* refunded = NULL;
    must(sc_engine_order_refund_line(engine, sc_order_id(paid), 0, 1, "bo-refund-1", &refunded, &err), &err,
         "order_refund_line");
    print_rewards(engine, "lin");
    print_rewards(engine, "wei");

    sc_referral_stats* stats = NULL;
    must(sc_engine_referral_stats(engine, NULL, SC_SHARE_TARGET_SKU, "mooncake-box", &stats, &err), &err,
         "referral_stats");
    const int64_t viral = sc_referral_stats_get(stats, SC_REFERRAL_VIRAL_COEFFICIENT_BPS);
    printf("    The mooncake box's share-to-earn figures: shares %lld (sharers %lld) -> opens %lld\n"
           "    (bound %lld) -> orders %lld -> paid %lld, goods paid %s; commission pending %s,\n"
           "    vested %s, clawed back %s; refused %lld; viral coefficient %lld.%02lld\n",
           (long long)sc_referral_stats_get(stats, SC_REFERRAL_SHARES),
           (long long)sc_referral_stats_get(stats, SC_REFERRAL_SHARERS),
           (long long)sc_referral_stats_get(stats, SC_REFERRAL_OPENS),
           (long long)sc_referral_stats_get(stats, SC_REFERRAL_BOUND_OPENS),
           (long long)sc_referral_stats_get(stats, SC_REFERRAL_ORDERS),
           (long long)sc_referral_stats_get(stats, SC_REFERRAL_PAID_ORDERS),
           money(sc_referral_stats_get(stats, SC_REFERRAL_PAID_AMOUNT), "CNY"),
           money(sc_referral_stats_get(stats, SC_REFERRAL_COMMISSION_PENDING), "CNY"),
           money(sc_referral_stats_get(stats, SC_REFERRAL_COMMISSION_VESTED), "CNY"),
           money(sc_referral_stats_get(stats, SC_REFERRAL_COMMISSION_CLAWED_BACK), "CNY"),
           (long long)sc_referral_stats_get(stats, SC_REFERRAL_REFUSALS),
           (long long)(viral / 10000), (long long)(viral % 10000 / 100));
    sc_referral_stats_free(stats);
    sc_order_free(refunded);
    sc_order_free(paid);
    sc_order_free(order);
}
