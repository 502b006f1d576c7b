/*
 * Share-to-earn past the link through the C ABI (docs/referral.md): an open on
 * a device carried over at sign-in, the paid order credited and rewarded at two
 * levels with hand-worked commissions, vesting after the cooling-off period, a
 * clawback in proportion to a refund, points rewards, each fraud control's
 * recorded reason, the statistics, the invitee coupon, and every bad call
 * checked to change nothing.
 */
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#define DAY_MS INT64_C(86400000)

/* Commission: 10% to the sharer, 3% to the sharer's referrer, a fixed 5.00 per cup
 * and 0.50 at level 2; seven days' cooling-off; a new user's welcome coupon. */
static const char* const PROGRAM =
    "{\"url_template\":\"https://shop.example/s/{token}\","
    "\"attribution\":{\"window_days\":7,\"model\":\"last_touch\"},"
    "\"rewards\":{\"kind\":\"commission\",\"rates_bps\":[1000,300],"
    "\"per_sku\":[{\"sku_id\":\"cup\",\"per_unit\":[500,50]}],\"cooling_off_days\":7,"
    "\"invitee_coupon_template_id\":\"welcome\"},"
    "\"limits\":{\"per_sharer_per_day\":0,\"per_sharer_per_month\":0,\"first_orders_only\":false}}";

static const char* const WELCOME =
    "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"coupon_templates\":["
    "{\"id\":\"welcome\",\"title\":\"Welcome\",\"kind\":\"fixed_amount\",\"value\":500,\"issue_mode\":\"grant\","
    "\"validity\":{\"kind\":\"days_from_claim\",\"days\":30}},"
    "{\"id\":\"thanks\",\"title\":\"Thanks for sharing\",\"kind\":\"fixed_amount\",\"value\":800,"
    "\"issue_mode\":\"grant\",\"per_user_limit\":2,\"validity\":{\"kind\":\"days_from_claim\",\"days\":30}}]}";

static void open_shop(fixture* fx) {
    sc_share_key* key = NULL;
    fx_open_file(fx);
    fx_import_standard(fx);
    fx_import(fx, WELCOME);
    CHECK_OK(sc_engine_referral_program_put(fx->engine, PROGRAM, &E));
    CHECK_OK(sc_engine_share_key_generate(fx->engine, "k1", &key, &E));
    sc_share_key_free(key);
    fx_track_user(fx, "lin");
    fx_track_user(fx, "mei");
    fx_track_user(fx, "bo");
}

static void make_link(fixture* fx, const char* sharer, char* code, size_t size) {
    sc_share_link* link = NULL;
    char key[64];
    snprintf(key, sizeof key, "link-%s", sharer);
    CHECK_OK(sc_engine_share_link_create(fx->engine, sharer, SC_SHARE_TARGET_SKU, "tea", "wechat", key, &link, &E));
    snprintf(code, size, "%s", link ? sc_share_link_code(link) : "");
    sc_share_link_free(link);
}

static void buy(fixture* fx, const char* user, const char* sku, int64_t quantity, const char* key, char* id,
                size_t size) {
    sc_order* o = NULL;
    sc_order* paid = NULL;
    char pay_key[64];
    CHECK_OK(sc_engine_cart_add(fx->engine, user, sku, quantity, &E));
    CHECK_OK(sc_engine_checkout(fx->engine, user, NULL, key, &o, &E));
    snprintf(id, size, "%s", o ? sc_order_id(o) : "");
    snprintf(pay_key, sizeof pay_key, "pay-%s", key);
    CHECK_OK(sc_engine_order_pay(fx->engine, id, "psp-1", sc_order_total(o), pay_key, &paid, &E));
    sc_order_free(paid);
    sc_order_free(o);
    fx_track_order(fx, id);
}

static int64_t figure(sc_engine* engine, const char* sharer, sc_referral_figure_t which) {
    sc_referral_stats* stats = NULL;
    int64_t value;
    CHECK_OK(sc_engine_referral_stats(engine, sharer, (sc_share_target_t)0, NULL, &stats, &E));
    value = sc_referral_stats_get(stats, which);
    sc_referral_stats_free(stats);
    return value;
}

void test_attribution_accessors_null(void) {
    CHECK(sc_share_open_id(NULL) == NULL);
    CHECK(sc_share_open_code(NULL) == NULL);
    CHECK(sc_share_open_sharer_id(NULL) == NULL);
    CHECK_EQ(sc_share_open_target(NULL), 0);
    CHECK(sc_share_open_target_id(NULL) == NULL);
    CHECK(sc_share_open_channel(NULL) == NULL);
    CHECK(sc_share_open_user_id(NULL) == NULL);
    CHECK(sc_share_open_device_id(NULL) == NULL);
    CHECK_EQ(sc_share_open_opened_at_ms(NULL), 0);
    CHECK(sc_share_open_outcome(NULL) == NULL);
    CHECK(!sc_share_open_is_bound(NULL));
    CHECK_EQ(sc_share_open_bound_until_ms(NULL), 0);
    CHECK(sc_referral_binding_user_id(NULL) == NULL);
    CHECK(sc_referral_binding_device_id(NULL) == NULL);
    CHECK(sc_referral_binding_sharer_id(NULL) == NULL);
    CHECK(sc_referral_binding_open_id(NULL) == NULL);
    CHECK_EQ(sc_referral_binding_bound_at_ms(NULL), 0);
    CHECK_EQ(sc_referral_binding_expires_at_ms(NULL), 0);
    CHECK(sc_order_attribution_order_id(NULL) == NULL);
    CHECK(sc_order_attribution_buyer_id(NULL) == NULL);
    CHECK(sc_order_attribution_sharer_id(NULL) == NULL);
    CHECK(sc_order_attribution_currency(NULL) == NULL);
    CHECK_EQ(sc_order_attribution_paid(NULL), 0);
    CHECK_EQ(sc_order_attribution_attributed_at_ms(NULL), 0);
    CHECK(sc_order_attribution_open(NULL) == NULL);
    CHECK_EQ(sc_order_attribution_reward_count(NULL), 0);
    CHECK(sc_order_attribution_reward_at(NULL, 0) == NULL);
    CHECK_EQ(sc_referral_rewards_count(NULL), 0);
    CHECK(sc_referral_rewards_at(NULL, 0) == NULL);
    CHECK(sc_referral_reward_order_id(NULL) == NULL);
    CHECK(sc_referral_reward_sharer_id(NULL) == NULL);
    CHECK(sc_referral_reward_buyer_id(NULL) == NULL);
    CHECK_EQ(sc_referral_reward_level(NULL), 0);
    CHECK_EQ(sc_referral_reward_kind(NULL), 0);
    CHECK_EQ(sc_referral_reward_amount(NULL), 0);
    CHECK_EQ(sc_referral_reward_clawed_back(NULL), 0);
    CHECK_EQ(sc_referral_reward_state(NULL), 0);
    CHECK_EQ(sc_referral_reward_created_at_ms(NULL), 0);
    CHECK_EQ(sc_referral_reward_vests_at_ms(NULL), 0);
    CHECK_EQ(sc_referral_refusals_count(NULL), 0);
    CHECK(sc_referral_refusals_reason(NULL, 0) == NULL);
    CHECK(sc_referral_refusals_user_id(NULL, 0) == NULL);
    CHECK(sc_referral_refusals_device_id(NULL, 0) == NULL);
    CHECK(sc_referral_refusals_open_id(NULL, 0) == NULL);
    CHECK(sc_referral_refusals_order_id(NULL, 0) == NULL);
    CHECK_EQ(sc_referral_refusals_at_ms(NULL, 0), 0);
    CHECK_EQ(sc_referral_stats_get(NULL, SC_REFERRAL_SHARES), 0);
    sc_share_open_free(NULL);
    sc_referral_binding_free(NULL);
    sc_order_attribution_free(NULL);
    sc_referral_rewards_free(NULL);
    sc_referral_refusals_free(NULL);
    sc_referral_stats_free(NULL);
}

void test_attribution_device_sign_in_two_levels_and_clawback(void) {
    fixture fx;
    char mei[32], lin[32], order[128];
    sc_share_open* open = NULL;
    sc_referral_binding* binding = NULL;
    sc_order_attribution* a = NULL;
    sc_referral_rewards* rewards = NULL;
    sc_coupons* coupons = NULL;
    sc_order* refunded = NULL;
    const sc_referral_reward* r;
    int64_t opened_at;
    size_t tea_line;
    open_shop(&fx);
    make_link(&fx, "mei", mei, sizeof mei);
    make_link(&fx, "lin", lin, sizeof lin);

    /* Mei brought Lin (as a user); Bo opens Lin's link on his phone before signing in. */
    CHECK_OK(sc_engine_share_link_open(fx.engine, mei, "lin", NULL, "o-lin", &open, &E));
    CHECK_STR(sc_share_open_outcome(open), "bound");
    sc_share_open_free(open);
    CHECK_OK(sc_engine_share_link_open(fx.engine, lin, NULL, "phone-bo", "o-bo", &open, &E));
    CHECK_STR(sc_share_open_outcome(open), "bound");
    CHECK(sc_share_open_is_bound(open));
    CHECK_STR(sc_share_open_sharer_id(open), "lin");
    CHECK_EQ(sc_share_open_target(open), SC_SHARE_TARGET_SKU);
    CHECK_STR(sc_share_open_target_id(open), "tea");
    CHECK_STR(sc_share_open_channel(open), "wechat");
    CHECK_STR(sc_share_open_code(open), lin);
    CHECK_STR(sc_share_open_user_id(open), "");
    CHECK_STR(sc_share_open_device_id(open), "phone-bo");
    opened_at = sc_share_open_opened_at_ms(open);
    CHECK_EQ(opened_at, fx_now(&fx));
    CHECK_EQ(sc_share_open_bound_until_ms(open), opened_at + 7 * DAY_MS);
    sc_share_open_free(open);
    /* A retry is the same open. */
    CHECK_OK(sc_engine_share_link_open(fx.engine, lin, NULL, "phone-bo", "o-bo", &open, &E));
    CHECK_EQ(sc_share_open_opened_at_ms(open), opened_at);
    sc_share_open_free(open);
    CHECK_OK(sc_engine_referral_binding(fx.engine, NULL, "phone-bo", &binding, &E));
    CHECK_STR(sc_referral_binding_sharer_id(binding), "lin");
    CHECK_STR(sc_referral_binding_device_id(binding), "phone-bo");
    CHECK_STR(sc_referral_binding_user_id(binding), "");
    sc_referral_binding_free(binding);
    CHECK_OK(sc_engine_referral_binding(fx.engine, "bo", NULL, &binding, &E));
    CHECK(binding == NULL);

    fx_advance(&fx, 3600000);
    CHECK_OK(sc_engine_referral_sign_in(fx.engine, "bo", "phone-bo", &binding, &E));
    CHECK_STR(sc_referral_binding_user_id(binding), "bo");
    CHECK_STR(sc_referral_binding_sharer_id(binding), "lin");
    CHECK_EQ(sc_referral_binding_bound_at_ms(binding), opened_at);
    CHECK_EQ(sc_referral_binding_expires_at_ms(binding), opened_at + 7 * DAY_MS);
    sc_referral_binding_free(binding);
    CHECK_OK(sc_engine_referral_sign_in(fx.engine, "bo", "phone-bo", NULL, &E));
    /* Bo is new and was bound: the welcome coupon is his, once. */
    CHECK_OK(sc_engine_coupon_list_by_user(fx.engine, "bo", SC_COUPON_STATE_ANY, &coupons, &E));
    CHECK_EQ(sc_coupons_count(coupons), 1);
    sc_coupons_free(coupons);

    /* Two teas at 68.00 and a cup at 39.50: 175.50 paid for goods. Level 1: 10% of the
     * teas' 136.00 is 13.60, plus 5.00 for the cup: 18.60. Level 2: 3% is 4.08, plus
     * 0.50: 4.58. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "bo", "cup", 1, &E));
    buy(&fx, "bo", "tea", 2, "co-1", order, sizeof order);
    CHECK_OK(sc_engine_order_attribution(fx.engine, order, &a, &E));
    CHECK_STR(sc_order_attribution_order_id(a), order);
    CHECK_STR(sc_order_attribution_buyer_id(a), "bo");
    CHECK_STR(sc_order_attribution_sharer_id(a), "lin");
    CHECK_STR(sc_order_attribution_currency(a), "CNY");
    CHECK_EQ(sc_order_attribution_paid(a), 17550);
    CHECK_EQ(sc_order_attribution_attributed_at_ms(a), fx_now(&fx));
    CHECK_STR(sc_share_open_device_id(sc_order_attribution_open(a)), "phone-bo");
    CHECK_EQ(sc_order_attribution_reward_count(a), 2);
    r = sc_order_attribution_reward_at(a, 0);
    CHECK_STR(sc_referral_reward_sharer_id(r), "lin");
    CHECK_STR(sc_referral_reward_buyer_id(r), "bo");
    CHECK_STR(sc_referral_reward_order_id(r), order);
    CHECK_EQ(sc_referral_reward_level(r), 1);
    CHECK_EQ(sc_referral_reward_kind(r), SC_REWARD_COMMISSION);
    CHECK_EQ(sc_referral_reward_amount(r), 1860);
    CHECK_EQ(sc_referral_reward_state(r), SC_REWARD_PENDING);
    CHECK_EQ(sc_referral_reward_created_at_ms(r), fx_now(&fx));
    CHECK_EQ(sc_referral_reward_vests_at_ms(r), fx_now(&fx) + 7 * DAY_MS);
    r = sc_order_attribution_reward_at(a, 1);
    CHECK_STR(sc_referral_reward_sharer_id(r), "mei");
    CHECK_EQ(sc_referral_reward_level(r), 2);
    CHECK_EQ(sc_referral_reward_amount(r), 458);
    CHECK(sc_order_attribution_reward_at(a, 2) == NULL);
    sc_order_attribution_free(a);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_COMMISSION_PENDING), 1860);

    /* Vested a week later; then one tea of the two refunded: its line's part goes back,
     * half of 13.60 at level 1 and half of 4.08 at level 2. */
    fx_advance(&fx, 7 * DAY_MS);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_COMMISSION_PENDING), 0);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_COMMISSION_VESTED), 1860);
    CHECK_OK(sc_engine_order_get(fx.engine, order, &refunded, &E));
    tea_line = order_line_of(refunded, "tea");
    sc_order_free(refunded);
    CHECK_OK(sc_engine_order_refund_line(fx.engine, order, tea_line, 1, "rf-1", &refunded, &E));
    sc_order_free(refunded);
    CHECK_OK(sc_engine_order_refund_line(fx.engine, order, tea_line, 1, "rf-1", &refunded, &E)); /* a retry */
    sc_order_free(refunded);
    CHECK_OK(sc_engine_referral_rewards(fx.engine, "lin", &rewards, &E));
    CHECK_EQ(sc_referral_rewards_count(rewards), 1);
    r = sc_referral_rewards_at(rewards, 0);
    CHECK_EQ(sc_referral_reward_clawed_back(r), 680);
    CHECK_EQ(sc_referral_reward_state(r), SC_REWARD_VESTED);
    CHECK(sc_referral_rewards_at(rewards, 1) == NULL);
    sc_referral_rewards_free(rewards);
    CHECK_OK(sc_engine_referral_rewards(fx.engine, "mei", &rewards, &E));
    CHECK_EQ(sc_referral_reward_clawed_back(sc_referral_rewards_at(rewards, 0)), 204);
    sc_referral_rewards_free(rewards);

    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_SHARES), 1);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_OPENS), 1);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_BOUND_OPENS), 1);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_ORDERS), 1);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_PAID_ORDERS), 1);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_PAID_AMOUNT), 17550);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_COMMISSION_VESTED), 1180);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_COMMISSION_CLAWED_BACK), 680);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_POINTS_VESTED), 0);
    /* Two sharers, one converted buyer: a viral coefficient of 0.5. */
    CHECK_EQ(figure(fx.engine, NULL, SC_REFERRAL_SHARERS), 2);
    CHECK_EQ(figure(fx.engine, NULL, SC_REFERRAL_VIRAL_COEFFICIENT_BPS), 5000);
    CHECK_EQ(figure(fx.engine, NULL, (sc_referral_figure_t)99), 0);
    CHECK_EQ(events_count_type(fx.engine, 0, "referral.attributed"), 1);
    CHECK_EQ(events_count_type(fx.engine, 0, "referral.reward_created"), 2);
    CHECK_EQ(events_count_type(fx.engine, 0, "referral.reward_clawed_back"), 2);
    fx_close(&fx);
}

void test_attribution_fraud_refusals(void) {
    fixture fx;
    char lin[32], mei[32], order[128];
    sc_share_open* open = NULL;
    sc_referral_refusals* refusals = NULL;
    sc_order_attribution* a = NULL;
    sc_referral_stats* stats = NULL;
    open_shop(&fx);
    make_link(&fx, "lin", lin, sizeof lin);
    make_link(&fx, "mei", mei, sizeof mei);

    CHECK_OK(sc_engine_share_link_open(fx.engine, lin, "lin", NULL, "o1", &open, &E));
    CHECK_STR(sc_share_open_outcome(open), "self_referral");
    CHECK(!sc_share_open_is_bound(open));
    CHECK_EQ(sc_share_open_bound_until_ms(open), 0);
    sc_share_open_free(open);
    CHECK_OK(sc_engine_referral_sign_in(fx.engine, "lin", "tablet", NULL, &E));
    CHECK_OK(sc_engine_share_link_open(fx.engine, lin, NULL, "tablet", "o2", &open, &E));
    CHECK_STR(sc_share_open_outcome(open), "self_referral_device");
    sc_share_open_free(open);
    CHECK_OK(sc_engine_share_link_open(fx.engine, mei, "lin", NULL, "o3", &open, &E));
    sc_share_open_free(open);
    CHECK_OK(sc_engine_share_link_open(fx.engine, lin, "mei", NULL, "o4", &open, &E));
    CHECK_STR(sc_share_open_outcome(open), "cycle");
    sc_share_open_free(open);

    CHECK_OK(sc_engine_referral_refusals(fx.engine, "lin", &refusals, &E));
    CHECK_EQ(sc_referral_refusals_count(refusals), 3);
    CHECK_STR(sc_referral_refusals_reason(refusals, 0), "self_referral");
    CHECK_STR(sc_referral_refusals_user_id(refusals, 0), "lin");
    CHECK_STR(sc_referral_refusals_reason(refusals, 1), "self_referral_device");
    CHECK_STR(sc_referral_refusals_device_id(refusals, 1), "tablet");
    CHECK_STR(sc_referral_refusals_user_id(refusals, 1), "");
    CHECK_STR(sc_referral_refusals_reason(refusals, 2), "cycle");
    CHECK_STR(sc_referral_refusals_user_id(refusals, 2), "mei");
    CHECK_STR(sc_referral_refusals_order_id(refusals, 2), "");
    CHECK(strncmp(sc_referral_refusals_open_id(refusals, 2), "opn", 3) == 0);
    CHECK_EQ(sc_referral_refusals_at_ms(refusals, 2), fx_now(&fx));
    CHECK(sc_referral_refusals_reason(refusals, 3) == NULL);
    sc_referral_refusals_free(refusals);

    /* Mei is bound to nobody, so her order is credited to nobody. */
    buy(&fx, "mei", "tea", 1, "co-mei", order, sizeof order);
    CHECK_OK(sc_engine_order_attribution(fx.engine, order, &a, &E));
    CHECK(a == NULL);
    CHECK_OK(sc_engine_referral_stats(fx.engine, NULL, SC_SHARE_TARGET_SKU, "tea", &stats, &E));
    CHECK_EQ(sc_referral_stats_get(stats, SC_REFERRAL_OPENS), 4);
    CHECK_EQ(sc_referral_stats_get(stats, SC_REFERRAL_BOUND_OPENS), 1);
    CHECK_EQ(sc_referral_stats_get(stats, SC_REFERRAL_REFUSALS), 3);
    CHECK_EQ(sc_referral_stats_get(stats, SC_REFERRAL_PAID_ORDERS), 0);
    sc_referral_stats_free(stats);
    CHECK_EQ(events_count_type(fx.engine, 0, "referral.refused"), 3);
    fx_close(&fx);
}

void test_attribution_points_rewards(void) {
    fixture fx;
    char lin[32], order[128];
    sc_share_open* open = NULL;
    sc_points_balance* b = NULL;
    sc_order* refunded = NULL;
    fx_open_file(&fx);
    fx_import_standard(&fx);
    CHECK_OK(sc_engine_referral_program_put(
        fx.engine,
        "{\"url_template\":\"s/{token}\",\"rewards\":{\"kind\":\"points\",\"rates_bps\":[500],\"cooling_off_days\":3}}",
        &E));
    {
        sc_share_key* key = NULL;
        CHECK_OK(sc_engine_share_key_generate(fx.engine, "k1", &key, &E));
        sc_share_key_free(key);
    }
    make_link(&fx, "lin", lin, sizeof lin);
    CHECK_OK(sc_engine_share_link_open(fx.engine, lin, "bo", "phone-bo", "o1", &open, &E));
    sc_share_open_free(open);
    /* 5% of 68.00 is 340 points, pending for three days. */
    buy(&fx, "bo", "tea", 1, "co-1", order, sizeof order);
    CHECK_OK(sc_engine_points_balance(fx.engine, "lin", &b, &E));
    CHECK_EQ(sc_points_balance_pending(b), 340);
    CHECK_EQ(sc_points_balance_available(b), 0);
    sc_points_balance_free(b);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_POINTS_PENDING), 340);
    fx_advance(&fx, 3 * DAY_MS);
    CHECK_OK(sc_engine_points_balance(fx.engine, "lin", &b, &E));
    CHECK_EQ(sc_points_balance_available(b), 340);
    sc_points_balance_free(b);
    CHECK_OK(sc_engine_order_refund_line(fx.engine, order, 0, 1, "rf-1", &refunded, &E));
    sc_order_free(refunded);
    CHECK_OK(sc_engine_points_balance(fx.engine, "lin", &b, &E));
    CHECK_EQ(sc_points_balance_available(b), 0);
    sc_points_balance_free(b);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_POINTS_CLAWED_BACK), 340);
    fx_close(&fx);
}

void test_attribution_bad_input(void) {
    fixture fx;
    char lin[32], forged[256];
    sc_share_open* open = NULL;
    sc_referral_binding* binding = NULL;
    sc_order_attribution* a = NULL;
    sc_referral_rewards* rewards = NULL;
    sc_referral_refusals* refusals = NULL;
    sc_referral_stats* stats = NULL;
    sc_share_link* link = NULL;
    fx_open_file(&fx);
    fx_import_standard(&fx);
    fx_track_user(&fx, "bo");
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "rewards.invitee_coupon_template_id",
                    sc_engine_referral_program_put(fx.engine, PROGRAM, &E));
    fx_import(&fx, WELCOME);
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "referral",
                    sc_engine_share_link_open(fx.engine, "ABCD-EFGHJK", "bo", NULL, "o1", &open, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "referral",
                    sc_engine_referral_sign_in(fx.engine, "bo", "phone", NULL, &E));
    CHECK_OK(sc_engine_referral_program_put(fx.engine, PROGRAM, &E));
    {
        sc_share_key* key = NULL;
        CHECK_OK(sc_engine_share_key_generate(fx.engine, "k1", &key, &E));
        sc_share_key_free(key);
    }
    make_link(&fx, "lin", lin, sizeof lin);
    CHECK_OK(sc_engine_share_link_create(fx.engine, "lin", SC_SHARE_TARGET_SKU, "tea", "wechat", "link-lin", &link,
                                         &E));
    CHECK_OK(sc_engine_share_link_open(fx.engine, lin, "bo", NULL, "o1", &open, &E));
    sc_share_open_free(open);
    open = NULL;

    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_share_link_open(NULL, lin, "bo", NULL, "o2", &open, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "token",
                    sc_engine_share_link_open(fx.engine, NULL, "bo", NULL, "o2", &open, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_share_link_open(fx.engine, lin, NULL, NULL, "o2", &open, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_share_link_open(fx.engine, lin, "", NULL, "o2", &open, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "device_id",
                    sc_engine_share_link_open(fx.engine, lin, "bo", "", "o2", &open, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_share_link_open(fx.engine, lin, ID129, NULL, "o2", &open, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "device_id",
                    sc_engine_share_link_open(fx.engine, lin, NULL, BAD_UTF8, "o2", &open, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_share_link_open(fx.engine, lin, "bo", NULL, NULL, &open, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_share_link_open(fx.engine, lin, "bo", NULL, "o2", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_share_link_open(fx.engine, lin, "kai", NULL, "o1", &open, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "code",
                    sc_engine_share_link_open(fx.engine, "ZZZZ-ZZZZZZ", "bo", NULL, "o2", &open, &E));
    snprintf(forged, sizeof forged, "%s", sc_share_link_token(link));
    forged[strlen(forged) - 5] = forged[strlen(forged) - 5] == 'A' ? 'B' : 'A';
    EXPECT_ERR_SAME(&fx, SC_ERR_LINK_TAMPERED, "token",
                    sc_engine_share_link_open(fx.engine, forged, "bo", NULL, "o2", &open, &E));
    CHECK(open == NULL);

    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_referral_sign_in(fx.engine, NULL, "phone", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "device_id",
                    sc_engine_referral_sign_in(fx.engine, "bo", "", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_referral_binding(fx.engine, NULL, NULL, &binding, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "device_id",
                    sc_engine_referral_binding(fx.engine, "bo", "phone", &binding, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_referral_binding(fx.engine, "bo", NULL, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "order_id",
                    sc_engine_order_attribution(fx.engine, "ord_nope", &a, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_order_attribution(fx.engine, "ord_nope", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sharer_id",
                    sc_engine_referral_rewards(fx.engine, NULL, &rewards, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "sharer_id",
                    sc_engine_referral_refusals(fx.engine, BAD_UTF8, &refusals, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "target",
                    sc_engine_referral_stats(fx.engine, NULL, (sc_share_target_t)9, "tea", &stats, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "target",
                    sc_engine_referral_stats(fx.engine, "lin", SC_SHARE_TARGET_SKU, "tea", &stats, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "target_id",
                    sc_engine_referral_stats(fx.engine, NULL, SC_SHARE_TARGET_SKU, NULL, &stats, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "target_id",
                    sc_engine_referral_stats(fx.engine, NULL, (sc_share_target_t)0, "tea", &stats, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_referral_stats(fx.engine, NULL, (sc_share_target_t)0, NULL, NULL, &E));
    /* A program whose rules are wrong is refused whole. */
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "rewards.rates_bps",
                    sc_engine_referral_program_put(
                        fx.engine, "{\"url_template\":\"s/{token}\",\"rewards\":{\"kind\":\"points\",\"rates_bps\":[1,2,3]}}",
                        &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "rewards.per_sku[0].per_unit",
                    sc_engine_referral_program_put(
                        fx.engine,
                        "{\"url_template\":\"s/{token}\",\"rewards\":{\"kind\":\"commission\",\"rates_bps\":[100],"
                        "\"per_sku\":[{\"sku_id\":\"cup\",\"per_unit\":[1,2]}]}}",
                        &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "attribution.model",
                    sc_engine_referral_program_put(
                        fx.engine, "{\"url_template\":\"s/{token}\",\"attribution\":{\"model\":\"middle\"}}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "rewards.coupon_template_ids[0]",
                    sc_engine_referral_program_put(
                        fx.engine,
                        "{\"url_template\":\"s/{token}\",\"rewards\":{\"kind\":\"coupon\","
                        "\"coupon_template_ids\":[\"nope\"]}}",
                        &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "rewards.rates_bps",
                    sc_engine_referral_program_put(
                        fx.engine,
                        "{\"url_template\":\"s/{token}\",\"rewards\":{\"kind\":\"coupon\","
                        "\"coupon_template_ids\":[\"welcome\"],\"rates_bps\":[100]}}",
                        &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "limits.first_orders_only",
                    sc_engine_referral_program_put(
                        fx.engine, "{\"url_template\":\"s/{token}\",\"limits\":{\"first_orders_only\":1}}", &E));
    sc_share_link_free(link);
    fx_close(&fx);
}

void test_attribution_coupon_rewards(void) {
    fixture fx;
    char lin[32], first[128], second[128], third[128];
    sc_share_open* open = NULL;
    sc_order_attribution* a = NULL;
    sc_order* refunded = NULL;
    sc_coupons* coupons = NULL;
    const sc_referral_reward* r;
    char code[64];
    fx_open_file(&fx);
    fx_import_standard(&fx);
    fx_import(&fx, WELCOME);
    CHECK_OK(sc_engine_referral_program_put(
        fx.engine,
        "{\"url_template\":\"s/{token}\",\"rewards\":{\"kind\":\"coupon\","
        "\"coupon_template_ids\":[\"thanks\"],\"cooling_off_days\":2}}",
        &E));
    {
        sc_share_key* key = NULL;
        CHECK_OK(sc_engine_share_key_generate(fx.engine, "k1", &key, &E));
        sc_share_key_free(key);
    }
    fx_track_user(&fx, "lin");
    make_link(&fx, "lin", lin, sizeof lin);
    CHECK_OK(sc_engine_share_link_open(fx.engine, lin, "bo", NULL, "o1", &open, &E));
    sc_share_open_free(open);

    /* Each credited order earns Lin one copy, usable once the two days' cooling-off ends. */
    buy(&fx, "bo", "tea", 1, "co-1", first, sizeof first);
    CHECK_OK(sc_engine_order_attribution(fx.engine, first, &a, &E));
    r = sc_order_attribution_reward_at(a, 0);
    CHECK_EQ(sc_referral_reward_kind(r), SC_REWARD_COUPON);
    CHECK_EQ(sc_referral_reward_amount(r), 1);
    snprintf(code, sizeof code, "%s", sc_referral_reward_coupon_code(r));
    CHECK(strncmp(code, "cpn", 3) == 0);
    sc_order_attribution_free(a);
    CHECK_OK(sc_engine_coupon_list_by_user(fx.engine, "lin", SC_COUPON_STATE_ANY, &coupons, &E));
    CHECK_EQ(sc_coupons_count(coupons), 1);
    CHECK_STR(sc_coupon_code(sc_coupons_at(coupons, 0)), code);
    CHECK_EQ(sc_coupon_valid_from_ms(sc_coupons_at(coupons, 0)), fx_now(&fx) + 2 * DAY_MS);
    sc_coupons_free(coupons);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_COUPONS_PENDING), 1);
    buy(&fx, "bo", "cake", 1, "co-2", second, sizeof second);
    /* A third order finds Lin at the template's two copies per user: credited, no coupon. */
    buy(&fx, "bo", "cake", 1, "co-3", third, sizeof third);
    CHECK_OK(sc_engine_order_attribution(fx.engine, third, &a, &E));
    CHECK_STR(sc_order_attribution_sharer_id(a), "lin");
    CHECK_EQ(sc_order_attribution_reward_count(a), 0);
    sc_order_attribution_free(a);
    CHECK_EQ(events_count_type(fx.engine, 0, "referral.reward_skipped"), 1);

    /* A partial refund keeps the coupon; the whole order refunded takes it back. */
    fx_advance(&fx, 2 * DAY_MS);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_COUPONS_VESTED), 2);
    CHECK_OK(sc_engine_order_refund_amount(fx.engine, first, 1000, "rf-1", &refunded, &E));
    sc_order_free(refunded);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_COUPONS_CLAWED_BACK), 0);
    CHECK_OK(sc_engine_order_refund_amount(fx.engine, first, 5800, "rf-2", &refunded, &E));
    sc_order_free(refunded);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_COUPONS_CLAWED_BACK), 1);
    CHECK_EQ(figure(fx.engine, "lin", SC_REFERRAL_COUPONS_VESTED), 1);
    CHECK_OK(sc_engine_coupon_list_by_user(fx.engine, "lin", SC_COUPON_REVOKED, &coupons, &E));
    CHECK_EQ(sc_coupons_count(coupons), 1);
    CHECK_STR(sc_coupon_code(sc_coupons_at(coupons, 0)), code);
    sc_coupons_free(coupons);
    CHECK_EQ(events_count_type(fx.engine, 0, "coupon.revoked"), 1);
    fx_close(&fx);
}
