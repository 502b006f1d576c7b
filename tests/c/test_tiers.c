/*
 * Member tiers through the C ABI (docs/tiers.md): the program, a member placed
 * by their spend, an upgrade at once on the crossing payment, the tier's
 * member price, points multiplier and free-shipping threshold in the next
 * quote, a refund that does not downgrade before the quarter ends, the
 * downgrade the sweep makes at the quarter's end, tier-only coupon templates
 * and the report. Every figure is worked out by hand in the comments; every
 * bad call is checked to change nothing.
 */
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#define DAY_MS INT64_C(86400000)
/* 2026-04-01T00:00:00Z: the end of the quarter T0_MS (2026-01-01) is in. */
#define Q1_END_MS INT64_C(1775001600000)

/* Tea 68.00 (m1), cake 128.00 (m2); shipping 8.00, free over 150.00 (goods after discounts). */
static const char* const TIER_SHOP =
    "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":["
    "{\"id\":\"tea\",\"merchant_id\":\"m1\",\"title\":\"Tea\",\"list_price\":6800,\"stock\":50},"
    "{\"id\":\"cake\",\"merchant_id\":\"m2\",\"title\":\"Cake\",\"list_price\":12800}],"
    "\"shipping_rules\":[{\"merchant_id\":\"\",\"flat_fee\":800,\"free_over\":15000}],"
    "\"points\":{\"earn\":{\"points\":1,\"per_amount\":100},\"return_window_days\":7}}";

/*
 * Spend over 365 days, reviewed each quarter. Silver from 200.00: 5% off, points
 * ×1.5, free shipping from 100.00. Gold from 1,000.00: 10% off, points ×2.
 */
static const char* const TIER_PROGRAM =
    "{\"basis\":\"paid_spend\",\"window_days\":365,\"period\":\"quarter\",\"tiers\":["
    "{\"id\":\"normal\",\"name\":\"Normal\",\"threshold\":0},"
    "{\"id\":\"silver\",\"name\":\"Silver\",\"threshold\":20000,\"benefits\":"
    "{\"member_price_bps\":500,\"points_multiplier_bps\":15000,\"free_shipping_over\":10000}},"
    "{\"id\":\"gold\",\"name\":\"Gold\",\"threshold\":100000,\"benefits\":"
    "{\"member_price_bps\":1000,\"points_multiplier_bps\":20000}}]}";

static void open_tiers(fixture* fx) {
    fx_open_memory(fx);
    fx_import(fx, TIER_SHOP);
    fx_track_user(fx, "u1");
    fx_track_user(fx, "u2");
}

/* Puts one SKU in the user's otherwise empty cart and quotes it with no coupons or points. */
static sc_quote* quote_one(fixture* fx, const char* user, const char* sku) {
    sc_quote* q = NULL;
    CHECK_OK(sc_engine_cart_clear(fx->engine, user, &E));
    CHECK_OK(sc_engine_cart_add(fx->engine, user, sku, 1, &E));
    CHECK_OK(sc_engine_quote(fx->engine, user, NULL, &q, &E));
    return q;
}

/* Checks the cart out and pays the total; returns the order's points earned, the id in `id`. */
static int64_t buy(fixture* fx, const char* user, const char* key, char* id, size_t size) {
    sc_order* o = NULL;
    sc_order* paid = NULL;
    char pay_key[64];
    int64_t earned;
    CHECK_OK(sc_engine_checkout(fx->engine, user, NULL, key, &o, &E));
    snprintf(id, size, "%s", o ? sc_order_id(o) : "");
    snprintf(pay_key, sizeof pay_key, "pay-%s", key);
    CHECK_OK(sc_engine_order_pay(fx->engine, id, "psp-1", sc_order_total(o), pay_key, &paid, &E));
    earned = sc_order_points_earned(paid);
    sc_order_free(paid);
    sc_order_free(o);
    fx_track_order(fx, id);
    return earned;
}

static int64_t count_type(fixture* fx, const char* type) {
    sc_events* ev = NULL;
    int64_t n;
    CHECK_OK(sc_engine_events_read_type(fx->engine, type, 0, 1000, &ev, &E));
    n = (int64_t)sc_events_count(ev);
    sc_events_free(ev);
    return n;
}

void test_tiers_accessors_null(void) {
    CHECK(sc_tier_status_tier_id(NULL) == NULL);
    CHECK(sc_tier_status_tier_name(NULL) == NULL);
    CHECK(sc_tier_status_next_tier_id(NULL) == NULL);
    CHECK(sc_tier_status_tier_at_period_end(NULL) == NULL);
    CHECK_EQ(sc_tier_status_rank(NULL), 0);
    CHECK_EQ(sc_tier_status_since_ms(NULL), 0);
    CHECK_EQ(sc_tier_status_period_end_ms(NULL), 0);
    CHECK_EQ(sc_tier_status_figure(NULL), 0);
    CHECK_EQ(sc_tier_status_to_next(NULL), 0);
    CHECK_EQ(sc_tier_status_figure_at_period_end(NULL), 0);
    CHECK(!sc_tier_status_can_keep(NULL));
    CHECK_EQ(sc_tier_status_to_keep(NULL), 0);
    CHECK_EQ(sc_tier_status_member_price_bps(NULL), 0);
    CHECK_EQ(sc_tier_status_points_multiplier_bps(NULL), 0);
    CHECK(!sc_tier_status_has_free_shipping_over(NULL));
    CHECK_EQ(sc_tier_status_free_shipping_over(NULL), 0);
    CHECK_EQ(sc_tier_report_count(NULL), 0);
    CHECK(sc_tier_report_tier_id(NULL, 0) == NULL);
    CHECK_EQ(sc_tier_report_members(NULL, 0), 0);
    CHECK_EQ(sc_tier_report_upgrades(NULL, 0), 0);
    CHECK_EQ(sc_tier_report_downgrades(NULL, 0), 0);
    sc_tier_status_free(NULL);
    sc_tier_report_free(NULL);
}

void test_tiers_program_bad_input(void) {
    fixture fx;
    sc_tier_status* s = NULL;
    sc_tier_report* r = NULL;
    open_tiers(&fx);
    /* Before a program: no tier to read, and a tier-only template has nothing to name. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "tiers", sc_engine_tier_status(fx.engine, "u1", &s, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "tiers", sc_engine_tier_report(fx.engine, 0, 1, &r, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "audience.min_tier",
                    sc_engine_coupon_template_put(fx.engine,
                                                  "{\"id\":\"vip\",\"title\":\"VIP\",\"kind\":\"fixed_amount\","
                                                  "\"value\":500,\"audience\":{\"kind\":\"min_tier\",\"min_tier\":1},"
                                                  "\"validity\":{\"kind\":\"days_from_claim\",\"days\":30}}",
                                                  &E));
    /* Bad programs: each names its field and changes nothing. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_tier_program_put(NULL, TIER_PROGRAM, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "json", sc_engine_tier_program_put(fx.engine, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "json", sc_engine_tier_program_put(fx.engine, BAD_UTF8, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "tiers[1].threshold",
                    sc_engine_tier_program_put(fx.engine,
                                               "{\"basis\":\"paid_spend\",\"window_days\":30,\"period\":\"month\","
                                               "\"tiers\":[{\"id\":\"a\",\"name\":\"A\",\"threshold\":0},"
                                               "{\"id\":\"b\",\"name\":\"B\",\"threshold\":0}]}",
                                               &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "tiers[0].threshold",
                    sc_engine_tier_program_put(fx.engine,
                                               "{\"basis\":\"paid_spend\",\"window_days\":30,\"period\":\"month\","
                                               "\"tiers\":[{\"id\":\"a\",\"name\":\"A\",\"threshold\":5}]}",
                                               &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "window_days",
                    sc_engine_tier_program_put(fx.engine,
                                               "{\"basis\":\"growth_points\",\"window_days\":30,\"period\":\"year\","
                                               "\"tiers\":[{\"id\":\"a\",\"name\":\"A\",\"threshold\":0}]}",
                                               &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "period",
                    sc_engine_tier_program_put(fx.engine,
                                               "{\"basis\":\"paid_spend\",\"window_days\":30,\"period\":\"week\","
                                               "\"tiers\":[{\"id\":\"a\",\"name\":\"A\",\"threshold\":0}]}",
                                               &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "tiers[1].benefits.member_price_bps",
                    sc_engine_tier_program_put(fx.engine,
                                               "{\"basis\":\"paid_spend\",\"window_days\":30,\"period\":\"month\","
                                               "\"tiers\":[{\"id\":\"a\",\"name\":\"A\",\"threshold\":0},"
                                               "{\"id\":\"b\",\"name\":\"B\",\"threshold\":1,"
                                               "\"benefits\":{\"member_price_bps\":10001}}]}",
                                               &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "tiers[0].perks",
                    sc_engine_tier_program_put(fx.engine,
                                               "{\"basis\":\"paid_spend\",\"window_days\":30,\"period\":\"month\","
                                               "\"tiers\":[{\"id\":\"a\",\"name\":\"A\",\"threshold\":0,"
                                               "\"perks\":1}]}",
                                               &E));
    /* The same section in the program document, with its prefix. */
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "tiers.tiers",
                    sc_engine_program_import(fx.engine,
                                             "{\"format\":\"socialcart.program/1\",\"tiers\":{\"basis\":"
                                             "\"paid_spend\",\"window_days\":30,\"period\":\"month\",\"tiers\":[]}}",
                                             &E));
    CHECK_OK(sc_engine_tier_program_put(fx.engine, TIER_PROGRAM, &E));
    /* A second put of the same program appends nothing. */
    {
        char* before = fx_fingerprint(&fx);
        CHECK_OK(sc_engine_tier_program_put(fx.engine, TIER_PROGRAM, &E));
        fx_expect_same(&fx, before, __FILE__, __LINE__, "the same program again");
    }
    /* Reads: bad arguments. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id", sc_engine_tier_status(fx.engine, "", &s, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id", sc_engine_tier_status(fx.engine, NULL, &s, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "user_id", sc_engine_tier_status(fx.engine, BAD_UTF8, &s, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_tier_status(fx.engine, "u1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_tier_status(NULL, "u1", &s, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "to_ms", sc_engine_tier_report(fx.engine, 10, 9, &r, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_tier_report(fx.engine, 0, 1, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_tier_report(NULL, 0, 1, &r, &E));
    /* A tier-only template must name a rank the program has. */
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "audience.min_tier",
                    sc_engine_coupon_template_put(fx.engine,
                                                  "{\"id\":\"vip\",\"title\":\"VIP\",\"kind\":\"fixed_amount\","
                                                  "\"value\":500,\"audience\":{\"kind\":\"min_tier\",\"min_tier\":3},"
                                                  "\"validity\":{\"kind\":\"days_from_claim\",\"days\":30}}",
                                                  &E));
    fx_close(&fx);
}

void test_tiers_upgrade_prices_and_downgrade(void) {
    fixture fx;
    sc_tier_status* s = NULL;
    sc_tier_report* r = NULL;
    sc_quote* q = NULL;
    sc_order* o = NULL;
    char first[64], second[64], third[64], small[64];
    open_tiers(&fx);
    CHECK_OK(sc_engine_tier_program_put(fx.engine, TIER_PROGRAM, &E));

    /* A member with no spend is in the first tier; 200.00 to go for silver. */
    CHECK_OK(sc_engine_tier_status(fx.engine, "u1", &s, &E));
    CHECK_STR(sc_tier_status_tier_id(s), "normal");
    CHECK_STR(sc_tier_status_tier_name(s), "Normal");
    CHECK_EQ(sc_tier_status_rank(s), 0);
    CHECK_EQ(sc_tier_status_figure(s), 0);
    CHECK_STR(sc_tier_status_next_tier_id(s), "silver");
    CHECK_EQ(sc_tier_status_to_next(s), 20000);
    CHECK_EQ(sc_tier_status_period_end_ms(s), Q1_END_MS);
    CHECK_EQ(sc_tier_status_points_multiplier_bps(s), 10000);
    CHECK(!sc_tier_status_has_free_shipping_over(s));
    sc_tier_status_free(s);

    /* Cake at list price: 128.00 + 8.00 shipping (below 150.00); 128 points at ×1. */
    q = quote_one(&fx, "u1", "cake");
    CHECK_EQ(sc_quote_line_unit_price(q, 0), 12800);
    CHECK_EQ(sc_quote_shipping(q), 800);
    CHECK_EQ(sc_quote_points_to_earn(q), 128);
    sc_quote_free(q);
    CHECK_EQ(buy(&fx, "u1", "k1", first, sizeof first), 128);
    /* 128.00 spent: still normal, 72.00 to silver. */
    CHECK_OK(sc_engine_tier_status(fx.engine, "u1", &s, &E));
    CHECK_STR(sc_tier_status_tier_id(s), "normal");
    CHECK_EQ(sc_tier_status_figure(s), 12800);
    CHECK_EQ(sc_tier_status_to_next(s), 7200);
    sc_tier_status_free(s);

    /* The second cake crosses 200.00 (256.00): silver at once. Its points were quoted at
       the tier the member had when paying, normal: 128. */
    fx_advance(&fx, DAY_MS);
    q = quote_one(&fx, "u1", "cake");
    CHECK_EQ(sc_quote_points_to_earn(q), 128);
    sc_quote_free(q);
    CHECK_EQ(count_type(&fx, "tier.upgraded"), 0);
    CHECK_EQ(buy(&fx, "u1", "k2", second, sizeof second), 128);
    CHECK_EQ(count_type(&fx, "tier.upgraded"), 1);
    CHECK_OK(sc_engine_tier_status(fx.engine, "u1", &s, &E));
    CHECK_STR(sc_tier_status_tier_id(s), "silver");
    CHECK_EQ(sc_tier_status_rank(s), 1);
    CHECK_EQ(sc_tier_status_since_ms(s), T0_MS + DAY_MS);
    CHECK_EQ(sc_tier_status_figure(s), 25600);
    CHECK_STR(sc_tier_status_next_tier_id(s), "gold");
    CHECK_EQ(sc_tier_status_to_next(s), 100000 - 25600);
    CHECK_EQ(sc_tier_status_member_price_bps(s), 500);
    CHECK_EQ(sc_tier_status_points_multiplier_bps(s), 15000);
    CHECK(sc_tier_status_has_free_shipping_over(s));
    CHECK_EQ(sc_tier_status_free_shipping_over(s), 10000);
    CHECK(sc_tier_status_can_keep(s));
    CHECK_EQ(sc_tier_status_to_keep(s), 0);
    sc_tier_status_free(s);

    /* Silver prices: tea 68.00 − floor(6800 × 5%) = 64.60, a member item price; shipping
       8.00 (64.60 is below both thresholds); floor(6460 × 1.5 / 100) = floor(96.9) = 96. */
    q = quote_one(&fx, "u1", "tea");
    CHECK_EQ(sc_quote_line_unit_price(q, 0), 6800); /* the list price; the offer is an adjustment */
    CHECK_EQ(sc_quote_line_net(q, 0), 6460);
    CHECK_EQ(sc_quote_line_adjustment_count(q, 0), 1);
    CHECK_STR(sc_quote_line_adjustment_kind(q, 0, 0), "item_price");
    CHECK_STR(sc_quote_line_adjustment_source(q, 0, 0), "silver");
    CHECK_EQ(sc_quote_line_adjustment_amount(q, 0, 0), 340);
    CHECK_EQ(sc_quote_shipping(q), 800);
    CHECK_EQ(sc_quote_points_to_earn(q), 96);
    sc_quote_free(q);
    /* Cake: 128.00 − 6.40 = 121.60, at or above silver's 100.00: ships free (the merchant
       alone would charge below 150.00); floor(12160 × 1.5 / 100) = floor(182.4) = 182. */
    q = quote_one(&fx, "u1", "cake");
    CHECK_EQ(sc_quote_line_net(q, 0), 12160);
    CHECK_EQ(sc_quote_shipping(q), 0);
    CHECK_EQ(sc_quote_total(q), 12160);
    CHECK_EQ(sc_quote_points_to_earn(q), 182);
    sc_quote_free(q);
    fx_advance(&fx, DAY_MS);
    CHECK_EQ(buy(&fx, "u1", "k3", third, sizeof third), 182);

    /* u2 buys tea at list price: normal, 68.00. */
    q = quote_one(&fx, "u2", "tea");
    CHECK_EQ(sc_quote_line_net(q, 0), 6800);
    CHECK_EQ(sc_quote_line_adjustment_count(q, 0), 0);
    sc_quote_free(q);
    buy(&fx, "u2", "k4", small, sizeof small);

    /* Refunds: the third order in full (121.60) and 100.00 of the first: 256.00 + 121.60 −
       121.60 − 100.00 = 156.00 is below silver's 200.00, but a refund never downgrades
       before the period end. At the end of March the spend is still in the 365-day window:
       the review would see 156.00 and give normal, unless 44.00 more is paid. */
    CHECK_OK(sc_engine_order_refund_amount(fx.engine, third, 12160, "r1", &o, &E));
    sc_order_free(o);
    CHECK_OK(sc_engine_order_refund_amount(fx.engine, first, 10000, "r2", &o, &E));
    sc_order_free(o);
    CHECK_OK(sc_engine_tier_status(fx.engine, "u1", &s, &E));
    CHECK_STR(sc_tier_status_tier_id(s), "silver");
    CHECK_EQ(sc_tier_status_figure(s), 15600);
    CHECK_EQ(sc_tier_status_figure_at_period_end(s), 15600);
    CHECK_STR(sc_tier_status_tier_at_period_end(s), "normal");
    CHECK(sc_tier_status_can_keep(s));
    CHECK_EQ(sc_tier_status_to_keep(s), 4400);
    sc_tier_status_free(s);
    CHECK_EQ(count_type(&fx, "tier.downgraded"), 0);

    /* The report of the quarter so far: u1 in silver after one upgrade, u2 in normal. */
    CHECK_OK(sc_engine_tier_report(fx.engine, T0_MS, Q1_END_MS, &r, &E));
    CHECK_EQ(sc_tier_report_count(r), 3);
    CHECK_STR(sc_tier_report_tier_id(r, 0), "normal");
    CHECK_EQ(sc_tier_report_members(r, 0), 1);
    CHECK_STR(sc_tier_report_tier_id(r, 1), "silver");
    CHECK_EQ(sc_tier_report_members(r, 1), 1);
    CHECK_EQ(sc_tier_report_upgrades(r, 1), 1);
    CHECK_EQ(sc_tier_report_downgrades(r, 1), 0);
    CHECK_STR(sc_tier_report_tier_id(r, 2), "gold");
    CHECK_EQ(sc_tier_report_members(r, 2), 0);
    CHECK(sc_tier_report_tier_id(r, 3) == NULL);
    sc_tier_report_free(r);

    /* The quarter ends. A read already sees the review; the sweep makes it and logs it. */
    fx_advance(&fx, Q1_END_MS - fx_now(&fx));
    CHECK_OK(sc_engine_tier_status(fx.engine, "u1", &s, &E));
    CHECK_STR(sc_tier_status_tier_id(s), "normal");
    CHECK_EQ(sc_tier_status_since_ms(s), Q1_END_MS);
    CHECK_EQ(sc_tier_status_period_end_ms(s), INT64_C(1782864000000)); /* 2026-07-01 */
    sc_tier_status_free(s);
    CHECK_EQ(count_type(&fx, "tier.downgraded"), 0);
    {
        int64_t settled = -1;
        bool more = true;
        CHECK_OK(sc_engine_sweep(fx.engine, 100, &settled, &more, &E));
        CHECK_EQ(settled, 0);
        CHECK(!more);
    }
    CHECK_EQ(count_type(&fx, "tier.downgraded"), 1);
    CHECK_OK(sc_engine_tier_report(fx.engine, Q1_END_MS, Q1_END_MS + 1, &r, &E));
    CHECK_EQ(sc_tier_report_members(r, 0), 2);
    CHECK_EQ(sc_tier_report_downgrades(r, 0), 1);
    CHECK_EQ(sc_tier_report_members(r, 1), 0);
    CHECK_EQ(sc_tier_report_upgrades(r, 1), 0);
    sc_tier_report_free(r);
    /* Back at list price. */
    q = quote_one(&fx, "u1", "tea");
    CHECK_EQ(sc_quote_line_net(q, 0), 6800);
    CHECK_EQ(sc_quote_line_adjustment_count(q, 0), 0);
    sc_quote_free(q);
    fx_close(&fx);
}

void test_tiers_only_coupons(void) {
    fixture fx;
    sc_coupon* c = NULL;
    char id[64];
    open_tiers(&fx);
    CHECK_OK(sc_engine_tier_program_put(fx.engine, TIER_PROGRAM, &E));
    CHECK_OK(sc_engine_coupon_template_put(fx.engine,
                                           "{\"id\":\"vip\",\"title\":\"VIP\",\"kind\":\"fixed_amount\","
                                           "\"value\":500,\"audience\":{\"kind\":\"min_tier\",\"min_tier\":1},"
                                           "\"validity\":{\"kind\":\"days_from_claim\",\"days\":30}}",
                                           &E));
    /* A program that drops the tier the template needs is refused while the template names it. */
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "tiers",
                    sc_engine_tier_program_put(fx.engine,
                                               "{\"basis\":\"paid_spend\",\"window_days\":30,\"period\":\"month\","
                                               "\"tiers\":[{\"id\":\"a\",\"name\":\"A\",\"threshold\":0}]}",
                                               &E));
    /* Normal may not claim a silver template. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "user_id", sc_engine_coupon_claim(fx.engine, "u1", "vip", "c1", &c, &E));
    /* Two cakes (256.00) make u1 silver; the claim then succeeds. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 2, &E));
    buy(&fx, "u1", "k1", id, sizeof id);
    CHECK_OK(sc_engine_coupon_claim(fx.engine, "u1", "vip", "c1", &c, &E));
    CHECK_STR(sc_coupon_template_id(c), "vip");
    sc_coupon_free(c);
    fx_close(&fx);
}

/* Growth points: the lifetime sum of points earned, reversals subtracted. */
void test_tiers_growth_points(void) {
    fixture fx;
    sc_tier_status* s = NULL;
    sc_sign_in* si = NULL;
    char id[64];
    open_tiers(&fx);
    CHECK_OK(sc_engine_points_program_put(fx.engine,
                                          "{\"earn\":{\"points\":1,\"per_amount\":100},\"return_window_days\":7,"
                                          "\"sign_in\":[50]}",
                                          &E));
    CHECK_OK(sc_engine_tier_program_put(fx.engine,
                                        "{\"basis\":\"growth_points\",\"period\":\"year\",\"tiers\":["
                                        "{\"id\":\"fan\",\"name\":\"Fan\",\"threshold\":0},"
                                        "{\"id\":\"star\",\"name\":\"Star\",\"threshold\":150,"
                                        "\"benefits\":{\"points_multiplier_bps\":20000}}]}",
                                        &E));
    /* A cake earns 128 points: a fan, 22 to go. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    CHECK_EQ(buy(&fx, "u1", "k1", id, sizeof id), 128);
    CHECK_OK(sc_engine_tier_status(fx.engine, "u1", &s, &E));
    CHECK_STR(sc_tier_status_tier_id(s), "fan");
    CHECK_EQ(sc_tier_status_figure(s), 128);
    CHECK_EQ(sc_tier_status_to_next(s), 22);
    sc_tier_status_free(s);
    /* A sign-in earns 50 (178): a star at once. */
    CHECK_OK(sc_engine_points_sign_in(fx.engine, "u1", &si, &E));
    sc_sign_in_free(si);
    CHECK_OK(sc_engine_tier_status(fx.engine, "u1", &s, &E));
    CHECK_STR(sc_tier_status_tier_id(s), "star");
    CHECK_EQ(sc_tier_status_figure(s), 178);
    sc_tier_status_free(s);
    /* The next cake earns at ×2: 256. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    CHECK_EQ(buy(&fx, "u1", "k2", id, sizeof id), 256);
    CHECK_EQ(count_type(&fx, "tier.upgraded"), 1);
    fx_close(&fx);
}
