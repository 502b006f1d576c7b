/*
 * Coupons, rules and the checkout request through the C ABI: every new function
 * for success and for bad input, with the database fingerprint unchanged after
 * each bad call.
 */
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#define DAY_MS INT64_C(86400000)

/* Two merchants, a threshold promotion, shipping rules and five coupon templates. */
static const char* const PRICING_PROGRAM =
    "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":["
    "{\"id\":\"tea\",\"merchant_id\":\"m1\",\"title\":\"Tea\",\"list_price\":6800,\"stock\":50},"
    "{\"id\":\"cake\",\"merchant_id\":\"m2\",\"title\":\"Cake\",\"list_price\":12800}],"
    "\"promotions\":[{\"id\":\"spend200\",\"title\":\"20 off 200\",\"kind\":\"threshold\","
    "\"tiers\":[{\"min_spend\":20000,\"off\":2000}]}],"
    "\"shipping_rules\":[{\"merchant_id\":\"\",\"flat_fee\":800,\"free_over\":15000},"
    "{\"merchant_id\":\"m2\",\"flat_fee\":1000}],"
    "\"coupon_templates\":["
    "{\"id\":\"tea10\",\"title\":\"10 off tea\",\"kind\":\"fixed_amount\",\"value\":1000,\"min_spend\":5000,"
    "\"issuer_merchant_id\":\"m1\",\"validity\":{\"kind\":\"days_from_claim\",\"days\":7}},"
    "{\"id\":\"plat50\",\"title\":\"50 off 300\",\"kind\":\"threshold\",\"value\":5000,\"min_spend\":30000,"
    "\"validity\":{\"kind\":\"days_from_claim\",\"days\":7},\"total_quantity\":100},"
    "{\"id\":\"sorry\",\"title\":\"Apology\",\"kind\":\"fixed_amount\",\"value\":500,\"issue_mode\":\"grant\","
    "\"validity\":{\"kind\":\"days_from_claim\",\"days\":30},\"per_user_limit\":3},"
    "{\"id\":\"spring\",\"title\":\"Spring 10%\",\"kind\":\"percent\",\"value\":1000,\"max_off\":3000,"
    "\"issue_mode\":\"promo_code\",\"promo_code\":\"SPRING20\","
    "\"validity\":{\"kind\":\"days_from_claim\",\"days\":7}},"
    "{\"id\":\"last\",\"title\":\"Last one\",\"kind\":\"fixed_amount\",\"value\":100,\"total_quantity\":1,"
    "\"validity\":{\"kind\":\"days_from_claim\",\"days\":7}}]}";

static void open_pricing(fixture* fx) {
    fx_open_memory(fx);
    fx_import(fx, PRICING_PROGRAM);
    fx_track_user(fx, "u1");
    fx_track_user(fx, "u2");
}

/* Claims a template for a user and returns the code (static buffer per call site). */
static void claim(fixture* fx, const char* user, const char* template_id, const char* key, char* code,
                  size_t size) {
    sc_coupon* c = NULL;
    CHECK_OK(sc_engine_coupon_claim(fx->engine, user, template_id, key, &c, &E));
    snprintf(code, size, "%s", c ? sc_coupon_code(c) : "");
    sc_coupon_free(c);
}

void test_checkout_request_builder(void) {
    sc_checkout_request* r = NULL;
    size_t i;
    char code[32];
    /* NULL reads as the defaults. */
    CHECK_EQ(sc_checkout_request_coupon_choice(NULL), SC_COUPONS_NONE);
    CHECK_EQ(sc_checkout_request_coupon_count(NULL), 0);
    CHECK(sc_checkout_request_coupon_code(NULL, 0) == NULL);
    CHECK_EQ(sc_checkout_request_shipping(NULL), SC_SHIPPING_DELIVERY);
    sc_checkout_request_free(NULL);
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "out", sc_checkout_request_new(NULL, &E));

    CHECK_OK(sc_checkout_request_new(&r, &E));
    CHECK_EQ(sc_checkout_request_coupon_choice(r), SC_COUPONS_NONE);
    CHECK_EQ(sc_checkout_request_shipping(r), SC_SHIPPING_DELIVERY);
    CHECK_OK(sc_checkout_request_set_coupon_choice(r, SC_COUPONS_BEST, &E));
    CHECK_EQ(sc_checkout_request_coupon_choice(r), SC_COUPONS_BEST);
    CHECK_OK(sc_checkout_request_add_coupon(r, "cpn-a", &E));
    CHECK_EQ(sc_checkout_request_coupon_choice(r), SC_COUPONS_CHOSEN);
    CHECK_OK(sc_checkout_request_add_coupon(r, "cpn-b", &E));
    CHECK_EQ(sc_checkout_request_coupon_count(r), 2);
    CHECK_STR(sc_checkout_request_coupon_code(r, 1), "cpn-b");
    CHECK(sc_checkout_request_coupon_code(r, 2) == NULL);
    CHECK_OK(sc_checkout_request_set_shipping(r, SC_SHIPPING_PICKUP, &E));
    CHECK_EQ(sc_checkout_request_shipping(r), SC_SHIPPING_PICKUP);

    /* Bad input leaves the request as it was. */
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "code", sc_checkout_request_add_coupon(r, "cpn-a", &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "code", sc_checkout_request_add_coupon(r, NULL, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "code", sc_checkout_request_add_coupon(r, "", &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "code", sc_checkout_request_add_coupon(r, ID129, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "code", sc_checkout_request_add_coupon(r, "a\nb", &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "code", sc_checkout_request_add_coupon(r, BAD_UTF8, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "request", sc_checkout_request_add_coupon(NULL, "x", &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "choice",
               sc_checkout_request_set_coupon_choice(r, (sc_coupon_choice_t)3, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "choice",
               sc_checkout_request_set_coupon_choice(r, (sc_coupon_choice_t)-1, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "request",
               sc_checkout_request_set_coupon_choice(NULL, SC_COUPONS_BEST, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "shipping",
               sc_checkout_request_set_shipping(r, (sc_shipping_method_t)2, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "request", sc_checkout_request_set_shipping(NULL, SC_SHIPPING_PICKUP, &E));
    CHECK_EQ(sc_checkout_request_coupon_choice(r), SC_COUPONS_CHOSEN);
    CHECK_EQ(sc_checkout_request_coupon_count(r), 2);
    CHECK_EQ(sc_checkout_request_shipping(r), SC_SHIPPING_PICKUP);

    /* CHOSEN keeps the codes; NONE and BEST forget them. */
    CHECK_OK(sc_checkout_request_set_coupon_choice(r, SC_COUPONS_CHOSEN, &E));
    CHECK_EQ(sc_checkout_request_coupon_count(r), 2);
    CHECK_OK(sc_checkout_request_set_coupon_choice(r, SC_COUPONS_NONE, &E));
    CHECK_EQ(sc_checkout_request_coupon_count(r), 0);

    /* At most SC_CHECKOUT_MAX_COUPONS codes. */
    for (i = 0; i < SC_CHECKOUT_MAX_COUPONS; ++i) {
        snprintf(code, sizeof code, "cpn-%zu", i);
        CHECK_OK(sc_checkout_request_add_coupon(r, code, &E));
    }
    EXPECT_ERR(SC_ERR_LIMIT_EXCEEDED, "code", sc_checkout_request_add_coupon(r, "one-more", &E));
    CHECK_EQ(sc_checkout_request_coupon_count(r), SC_CHECKOUT_MAX_COUPONS);
    sc_checkout_request_free(r);
}

void test_rules_put(void) {
    fixture fx;
    sc_quote* q = NULL;
    char* exported = NULL;
    open_pricing(&fx);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    CHECK_OK(sc_engine_quote(fx.engine, "u1", NULL, &q, &E));
    CHECK_EQ(sc_quote_discount(q), 0);
    sc_quote_free(q);

    /* A promotion put one at a time applies at once; a put that changes nothing adds no event. */
    CHECK_OK(sc_engine_promotion_put(fx.engine,
                                     "{\"id\":\"tea5\",\"title\":\"5% off tea\",\"kind\":\"percent_off\",\"bps\":500,"
                                     "\"scope\":{\"include\":{\"skus\":[\"tea\"]}}}",
                                     &E));
    CHECK_OK(sc_engine_quote(fx.engine, "u1", NULL, &q, &E));
    CHECK_EQ(sc_quote_discount(q), 340);
    CHECK_STR(sc_quote_promotion_id(q, 0), "tea5");
    sc_quote_free(q);
    {
        int64_t before = events_last_seq(fx.engine, NULL);
        CHECK_OK(sc_engine_promotion_put(fx.engine,
                                         "{\"id\":\"tea5\",\"title\":\"5% off tea\",\"kind\":\"percent_off\","
                                         "\"bps\":500,\"scope\":{\"include\":{\"skus\":[\"tea\"]}}}",
                                         &E));
        CHECK_EQ(events_last_seq(fx.engine, NULL), before);
    }
    /* A shipping rule replaces the merchant's rule; a template is created. */
    CHECK_OK(sc_engine_shipping_rule_put(fx.engine, "{\"merchant_id\":\"m1\",\"flat_fee\":1200}", &E));
    CHECK_OK(sc_engine_quote(fx.engine, "u1", NULL, &q, &E));
    CHECK_EQ(sc_quote_shipping(q), 1200);
    sc_quote_free(q);
    CHECK_OK(sc_engine_coupon_template_put(fx.engine,
                                           "{\"id\":\"new5\",\"title\":\"5 off\",\"kind\":\"fixed_amount\","
                                           "\"value\":500,\"validity\":{\"kind\":\"days_from_claim\",\"days\":3}}",
                                           &E));
    CHECK_OK(sc_engine_program_export(fx.engine, &exported, &E));
    CHECK(exported != NULL && strstr(exported, "\"new5\"") != NULL && strstr(exported, "\"tea5\"") != NULL);
    sc_string_free(exported);

    /* Bad entries change nothing and name the field. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_promotion_put(NULL, "{}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "json", sc_engine_promotion_put(fx.engine, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "json", sc_engine_promotion_put(fx.engine, BAD_UTF8, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, NULL, sc_engine_promotion_put(fx.engine, "[1]", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, NULL, sc_engine_promotion_put(fx.engine, "{\"id\":", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "kind",
                    sc_engine_promotion_put(fx.engine, "{\"id\":\"p\",\"title\":\"P\",\"kind\":\"magic\"}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "tiers[0].off",
                    sc_engine_promotion_put(fx.engine,
                                            "{\"id\":\"p\",\"title\":\"P\",\"kind\":\"threshold\","
                                            "\"tiers\":[{\"min_spend\":1000,\"off\":-1}]}",
                                            &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "surprise",
                    sc_engine_shipping_rule_put(fx.engine, "{\"merchant_id\":\"m1\",\"flat_fee\":1,\"surprise\":1}",
                                                &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "flat_fee",
                    sc_engine_shipping_rule_put(fx.engine, "{\"merchant_id\":\"m1\",\"flat_fee\":-5}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_shipping_rule_put(NULL, "{}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "json", sc_engine_coupon_template_put(fx.engine, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_coupon_template_put(NULL, "{}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "value",
                    sc_engine_coupon_template_put(fx.engine,
                                                  "{\"id\":\"bad\",\"title\":\"Bad\",\"kind\":\"fixed_amount\","
                                                  "\"value\":0,\"validity\":{\"kind\":\"days_from_claim\",\"days\":3}}",
                                                  &E));
    /* Another template already has the promo code. */
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "promo_code",
                    sc_engine_coupon_template_put(fx.engine,
                                                  "{\"id\":\"copy\",\"title\":\"Copy\",\"kind\":\"fixed_amount\","
                                                  "\"value\":100,\"issue_mode\":\"promo_code\",\"promo_code\":"
                                                  "\"SPRING20\",\"validity\":{\"kind\":\"days_from_claim\",\"days\":3}}",
                                                  &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_VALIDATION, sc_engine_promotion_put(fx.engine, "{}", NULL));
    fx_close(&fx);
}

void test_coupon_issue(void) {
    fixture fx;
    sc_coupon* c = NULL;
    sc_coupon* again = NULL;
    sc_coupons* list = NULL;
    open_pricing(&fx);

    CHECK_OK(sc_engine_coupon_claim(fx.engine, "u1", "tea10", "k-claim", &c, &E));
    CHECK_STR(sc_coupon_template_id(c), "tea10");
    CHECK_STR(sc_coupon_owner_id(c), "u1");
    CHECK_EQ(sc_coupon_state(c), SC_COUPON_AVAILABLE);
    CHECK_EQ(sc_coupon_claimed_at_ms(c), T0_MS);
    CHECK_EQ(sc_coupon_valid_from_ms(c), T0_MS);
    CHECK_EQ(sc_coupon_valid_until_ms(c), T0_MS + 7 * DAY_MS);
    CHECK_STR(sc_coupon_order_id(c), "");
    CHECK(strlen(sc_coupon_code(c)) >= 16);
    /* A retry under the key returns the same coupon and issues nothing more. */
    fx_advance(&fx, 1000);
    CHECK_OK(sc_engine_coupon_claim(fx.engine, "u1", "tea10", "k-claim", &again, &E));
    CHECK_STR(sc_coupon_code(again), sc_coupon_code(c));
    sc_coupon_free(again);
    again = NULL;

    /* Grant and promo code; the grant template allows three per user. */
    CHECK_OK(sc_engine_coupon_grant(fx.engine, "u1", "sorry", "k-sorry-1", &again, &E));
    CHECK_STR(sc_coupon_template_id(again), "sorry");
    sc_coupon_free(again);
    again = NULL;
    CHECK_OK(sc_engine_coupon_grant(fx.engine, "u1", "sorry", "k-sorry-2", &again, &E));
    sc_coupon_free(again);
    again = NULL;
    CHECK_OK(sc_engine_coupon_redeem_code(fx.engine, "u1", "SPRING20", "k-spring", &again, &E));
    CHECK_STR(sc_coupon_template_id(again), "spring");
    sc_coupon_free(again);
    again = NULL;
    CHECK_OK(sc_engine_coupon_list_by_user(fx.engine, "u1", SC_COUPON_STATE_ANY, &list, &E));
    CHECK_EQ(sc_coupons_count(list), 4);
    CHECK_STR(sc_coupon_code(sc_coupons_at(list, 0)), sc_coupon_code(c));
    CHECK(sc_coupons_at(list, 4) == NULL);
    sc_coupons_free(list);
    list = NULL;

    /* Refusals: each changes nothing and names its field. */
    EXPECT_ERR_SAME(&fx, SC_ERR_LIMIT_EXCEEDED, "user_id",
                    sc_engine_coupon_claim(fx.engine, "u1", "tea10", "k-claim-2", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_coupon_claim(fx.engine, "u1", "plat50", "k-claim", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_coupon_claim(fx.engine, "u2", "tea10", "k-claim", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "template_id",
                    sc_engine_coupon_claim(fx.engine, "u1", "nope", "k-nope", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "template_id",
                    sc_engine_coupon_claim(fx.engine, "u1", "sorry", "k-not-claimable", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "template_id",
                    sc_engine_coupon_grant(fx.engine, "u1", "tea10", "k-not-grantable", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "promo_code",
                    sc_engine_coupon_redeem_code(fx.engine, "u1", "spring20", "k-case", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_coupon_claim(NULL, "u1", "tea10", "k", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_coupon_claim(fx.engine, NULL, "tea10", "k", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_coupon_claim(fx.engine, "", "tea10", "k", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "user_id",
                    sc_engine_coupon_grant(fx.engine, BAD_UTF8, "sorry", "k", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "template_id",
                    sc_engine_coupon_grant(fx.engine, "u2", NULL, "k", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "promo_code",
                    sc_engine_coupon_redeem_code(fx.engine, "u2", NULL, "k", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_coupon_claim(fx.engine, "u2", "tea10", NULL, &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_coupon_redeem_code(fx.engine, "u2", "SPRING20", "", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_coupon_claim(fx.engine, "u2", "tea10", "k-out", NULL, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_NOT_FOUND, sc_engine_coupon_claim(fx.engine, "u2", "nope", "k", &again, NULL));
    CHECK(again == NULL);

    /* The last copy: one claim gets it, the next is refused. */
    CHECK_OK(sc_engine_coupon_claim(fx.engine, "u2", "last", "k-last", &again, &E));
    sc_coupon_free(again);
    again = NULL;
    EXPECT_ERR_SAME(&fx, SC_ERR_LIMIT_EXCEEDED, "template_id",
                    sc_engine_coupon_claim(fx.engine, "u1", "last", "k-last-u1", &again, &E));

    /* Listing: by state, and bad arguments. */
    CHECK_OK(sc_engine_coupon_list_by_user(fx.engine, "u1", SC_COUPON_USED, &list, &E));
    CHECK_EQ(sc_coupons_count(list), 0);
    sc_coupons_free(list);
    list = NULL;
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "state",
               sc_engine_coupon_list_by_user(fx.engine, "u1", (sc_coupon_state_t)6, &list, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "state",
               sc_engine_coupon_list_by_user(fx.engine, "u1", (sc_coupon_state_t)-1, &list, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "user_id",
               sc_engine_coupon_list_by_user(fx.engine, "", SC_COUPON_STATE_ANY, &list, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "out",
               sc_engine_coupon_list_by_user(fx.engine, "u1", SC_COUPON_STATE_ANY, NULL, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_coupon_list_by_user(NULL, "u1", 0, &list, &E));
    CHECK(list == NULL);

    /* Seven days later the unused coupons read as expired. */
    fx_advance(&fx, 7 * DAY_MS);
    CHECK_OK(sc_engine_coupon_list_by_user(fx.engine, "u1", SC_COUPON_EXPIRED, &list, &E));
    CHECK_EQ(sc_coupons_count(list), 2); /* tea10 and spring; the grants last 30 days */
    sc_coupons_free(list);
    sc_coupon_free(c);
    fx_close(&fx);
}

void test_coupon_accessors_null(void) {
    CHECK(sc_coupon_code(NULL) == NULL);
    CHECK(sc_coupon_template_id(NULL) == NULL);
    CHECK(sc_coupon_owner_id(NULL) == NULL);
    CHECK_EQ(sc_coupon_state(NULL), 0);
    CHECK_EQ(sc_coupon_valid_from_ms(NULL), 0);
    CHECK_EQ(sc_coupon_valid_until_ms(NULL), 0);
    CHECK_EQ(sc_coupon_claimed_at_ms(NULL), 0);
    CHECK(sc_coupon_order_id(NULL) == NULL);
    CHECK_EQ(sc_coupons_count(NULL), 0);
    CHECK(sc_coupons_at(NULL, 0) == NULL);
    CHECK_EQ(sc_coupon_report_count(NULL), 0);
    CHECK(sc_coupon_report_currency(NULL) == NULL);
    CHECK(sc_coupon_report_template_id(NULL, 0) == NULL);
    CHECK_EQ(sc_coupon_report_total_quantity(NULL, 0), 0);
    CHECK_EQ(sc_coupon_report_claimed(NULL, 0), 0);
    CHECK_EQ(sc_coupon_report_used(NULL, 0), 0);
    CHECK_EQ(sc_coupon_report_returned(NULL, 0), 0);
    CHECK_EQ(sc_coupon_report_held(NULL, 0), 0);
    CHECK_EQ(sc_coupon_report_discount_given(NULL, 0), 0);
    CHECK_STR(sc_coupon_state_name(SC_COUPON_AVAILABLE), "available");
    CHECK_STR(sc_coupon_state_name(SC_COUPON_HELD), "held");
    CHECK_STR(sc_coupon_state_name(SC_COUPON_USED), "used");
    CHECK_STR(sc_coupon_state_name(SC_COUPON_EXPIRED), "expired");
    CHECK_STR(sc_coupon_state_name(SC_COUPON_REVOKED), "revoked");
    CHECK_STR(sc_coupon_state_name((sc_coupon_state_t)0), "unknown");
    CHECK_STR(sc_coupon_state_name((sc_coupon_state_t)99), "unknown");
    sc_coupon_free(NULL);
    sc_coupons_free(NULL);
    sc_coupon_report_free(NULL);
    /* The order's pricing snapshot reads as 0 / NULL for NULL. */
    CHECK_EQ(sc_order_discount(NULL), 0);
    CHECK_EQ(sc_order_shipping(NULL), 0);
    CHECK_EQ(sc_order_shipping_method(NULL), SC_SHIPPING_DELIVERY);
    CHECK_EQ(sc_order_line_adjustment_count(NULL, 0), 0);
    CHECK(sc_order_line_adjustment_kind(NULL, 0, 0) == NULL);
    CHECK(sc_order_line_adjustment_source(NULL, 0, 0) == NULL);
    CHECK_EQ(sc_order_line_adjustment_amount(NULL, 0, 0), 0);
    CHECK_EQ(sc_order_merchant_count(NULL), 0);
    CHECK(sc_order_merchant_id(NULL, 0) == NULL);
    CHECK(sc_order_merchant_shipping_waived_by(NULL, 0) == NULL);
    CHECK_EQ(sc_order_merchant_total(NULL, 0), 0);
    CHECK_EQ(sc_order_promotion_count(NULL), 0);
    CHECK(sc_order_promotion_id(NULL, 0) == NULL);
    CHECK_EQ(sc_order_coupon_count(NULL), 0);
    CHECK(sc_order_coupon_code(NULL, 0) == NULL);
    CHECK(sc_order_coupon_template_id(NULL, 0) == NULL);
    CHECK_EQ(sc_order_coupon_amount(NULL, 0), 0);
}

/* The quote's figures equal the order's pricing snapshot, field by field. */
static void check_order_matches_quote(const sc_order* o, const sc_quote* q) {
    size_t i, j, k;
    CHECK_EQ(sc_order_subtotal(o), sc_quote_subtotal(q));
    CHECK_EQ(sc_order_discount(o), sc_quote_discount(q));
    CHECK_EQ(sc_order_shipping(o), sc_quote_shipping(q));
    CHECK_EQ(sc_order_total(o), sc_quote_total(q));
    CHECK_EQ(sc_order_total(o), sc_order_subtotal(o) - sc_order_discount(o) + sc_order_shipping(o));
    if (CHECK_EQ(sc_order_line_count(o), sc_quote_line_count(q))) {
        for (i = 0; i < sc_quote_line_count(q); ++i) {
            k = order_line_of(o, sc_quote_line_sku_id(q, i));
            CHECK_EQ(sc_order_line_net(o, k), sc_quote_line_net(q, i));
            if (CHECK_EQ(sc_order_line_adjustment_count(o, k), sc_quote_line_adjustment_count(q, i))) {
                for (j = 0; j < sc_quote_line_adjustment_count(q, i); ++j) {
                    CHECK_STR(sc_order_line_adjustment_kind(o, k, j), sc_quote_line_adjustment_kind(q, i, j));
                    CHECK_STR(sc_order_line_adjustment_source(o, k, j), sc_quote_line_adjustment_source(q, i, j));
                    CHECK_EQ(sc_order_line_adjustment_amount(o, k, j), sc_quote_line_adjustment_amount(q, i, j));
                }
            }
        }
    }
    if (CHECK_EQ(sc_order_merchant_count(o), sc_quote_merchant_count(q))) {
        for (i = 0; i < sc_quote_merchant_count(q); ++i) {
            CHECK_STR(sc_order_merchant_id(o, i), sc_quote_merchant_id(q, i));
            CHECK_EQ(sc_order_merchant_subtotal(o, i), sc_quote_merchant_subtotal(q, i));
            CHECK_EQ(sc_order_merchant_discount(o, i), sc_quote_merchant_discount(q, i));
            CHECK_EQ(sc_order_merchant_shipping_fee(o, i), sc_quote_merchant_shipping_fee(q, i));
            CHECK_EQ(sc_order_merchant_shipping_waived(o, i), sc_quote_merchant_shipping_waived(q, i));
            CHECK_STR(sc_order_merchant_shipping_waived_by(o, i), sc_quote_merchant_shipping_waived_by(q, i));
            CHECK_EQ(sc_order_merchant_shipping(o, i), sc_quote_merchant_shipping(q, i));
            CHECK_EQ(sc_order_merchant_total(o, i), sc_quote_merchant_total(q, i));
        }
    }
    if (CHECK_EQ(sc_order_promotion_count(o), sc_quote_promotion_count(q))) {
        for (i = 0; i < sc_quote_promotion_count(q); ++i) {
            CHECK_STR(sc_order_promotion_id(o, i), sc_quote_promotion_id(q, i));
            CHECK_EQ(sc_order_promotion_amount(o, i), sc_quote_promotion_amount(q, i));
        }
    }
    if (CHECK_EQ(sc_order_coupon_count(o), sc_quote_coupon_count(q))) {
        for (i = 0; i < sc_quote_coupon_count(q); ++i) {
            CHECK_STR(sc_order_coupon_code(o, i), sc_quote_coupon_code(q, i));
            CHECK_STR(sc_order_coupon_template_id(o, i), sc_quote_coupon_template_id(q, i));
            CHECK_EQ(sc_order_coupon_amount(o, i), sc_quote_coupon_amount(q, i));
        }
    }
}

static sc_coupon_state_t coupon_state_of(fixture* fx, const char* user, const char* code) {
    sc_coupons* list = NULL;
    sc_coupon_state_t state = (sc_coupon_state_t)0;
    size_t i;
    CHECK_OK(sc_engine_coupon_list_by_user(fx->engine, user, SC_COUPON_STATE_ANY, &list, &E));
    for (i = 0; i < sc_coupons_count(list); ++i) {
        if (strcmp(sc_coupon_code(sc_coupons_at(list, i)), code) == 0) state = sc_coupon_state(sc_coupons_at(list, i));
    }
    sc_coupons_free(list);
    return state;
}

/* A threshold coupon below its minimum spend, the best choice, checkout, payment, the
 * report, and the coupons coming back after a full refund. */
void test_coupon_checkout_lifecycle(void) {
    fixture fx;
    char tea10[64], plat50[64];
    sc_checkout_request* best = NULL;
    sc_quote* q = NULL;
    sc_order* o = NULL;
    sc_coupon_report* report = NULL;
    size_t i, t;
    open_pricing(&fx);
    claim(&fx, "u1", "tea10", "k1", tea10, sizeof tea10);
    claim(&fx, "u1", "plat50", "k2", plat50, sizeof plat50);
    CHECK_OK(sc_checkout_request_new(&best, &E));
    CHECK_OK(sc_checkout_request_set_coupon_choice(best, SC_COUPONS_BEST, &E));

    /* 2 tea + 1 cake = 26400: the promotion takes 2000 (tea 1030, cake 970); tea10 takes
     * 1000 off m1's tea; plat50 needs 30000 of goods after the promotion (24400): 5600 more. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    CHECK_OK(sc_engine_quote(fx.engine, "u1", best, &q, &E));
    CHECK_EQ(sc_quote_subtotal(q), 26400);
    CHECK_EQ(sc_quote_discount(q), 3000);
    CHECK_EQ(sc_quote_shipping(q), 1800);
    CHECK_EQ(sc_quote_total(q), 25200);
    if (CHECK_EQ(sc_quote_coupon_count(q), 1)) CHECK_STR(sc_quote_coupon_code(q, 0), tea10);
    if (CHECK_EQ(sc_quote_explanation_count(q), 1)) {
        CHECK_STR(sc_quote_explanation_code(q, 0), plat50);
        CHECK_STR(sc_quote_explanation_reason(q, 0), "below_min_spend");
        CHECK_EQ(sc_quote_explanation_missing(q, 0), 5600);
    }
    sc_quote_free(q);

    /* Without a request no coupon applies, and both are explained as not chosen. */
    CHECK_OK(sc_engine_quote(fx.engine, "u1", NULL, &q, &E));
    CHECK_EQ(sc_quote_discount(q), 2000);
    CHECK_EQ(sc_quote_explanation_count(q), 2);
    CHECK_STR(sc_quote_explanation_reason(q, 0), "not_chosen");
    sc_quote_free(q);

    /* One more cake: 39200, promotion 2000, both coupons now apply (1000 + 5000). */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    CHECK_OK(sc_engine_quote(fx.engine, "u1", best, &q, &E));
    CHECK_EQ(sc_quote_subtotal(q), 39200);
    CHECK_EQ(sc_quote_discount(q), 8000);
    CHECK_EQ(sc_quote_coupon_count(q), 2);
    CHECK_EQ(sc_quote_explanation_count(q), 0);
    CHECK_EQ(sc_quote_total(q), 39200 - 8000 + sc_quote_shipping(q));

    /* Checkout with the same request charges exactly the quote and keeps its snapshot. */
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", best, "k-order", &o, &E));
    fx_track_order(&fx, sc_order_id(o));
    check_order_matches_quote(o, q);
    CHECK_EQ(sc_order_shipping_method(o), SC_SHIPPING_DELIVERY);
    t = order_line_of(o, "tea");
    if (CHECK_EQ(sc_order_line_adjustment_count(o, t), 3)) {
        CHECK_STR(sc_order_line_adjustment_kind(o, t, 0), "promotion");
        CHECK_STR(sc_order_line_adjustment_kind(o, t, 2), "coupon");
    }
    CHECK(sc_order_line_adjustment_kind(o, t, 3) == NULL);
    sc_quote_free(q);
    CHECK_EQ(coupon_state_of(&fx, "u1", tea10), SC_COUPON_HELD);
    CHECK_EQ(coupon_state_of(&fx, "u1", plat50), SC_COUPON_HELD);
    {
        sc_coupons* held = NULL;
        CHECK_OK(sc_engine_coupon_list_by_user(fx.engine, "u1", SC_COUPON_HELD, &held, &E));
        if (CHECK_EQ(sc_coupons_count(held), 2)) CHECK_STR(sc_coupon_order_id(sc_coupons_at(held, 0)), sc_order_id(o));
        sc_coupons_free(held);
    }
    /* The same key with another request is a conflict, and changes nothing. */
    {
        sc_order* other = NULL;
        CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
        EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                        sc_engine_checkout(fx.engine, "u1", NULL, "k-order", &other, &E));
        CHECK(other == NULL);
        /* The same key and request replays the order. */
        CHECK_OK(sc_engine_checkout(fx.engine, "u1", best, "k-order", &other, &E));
        CHECK_STR(sc_order_id(other), sc_order_id(o));
        sc_order_free(other);
    }

    /* Paid: the coupons are used and counted. */
    CHECK_OK(sc_engine_order_pay(fx.engine, sc_order_id(o), "pay-1", sc_order_total(o), "k-pay", NULL, &E));
    CHECK_EQ(coupon_state_of(&fx, "u1", tea10), SC_COUPON_USED);
    CHECK_OK(sc_engine_coupon_report(fx.engine, &report, &E));
    CHECK_EQ(sc_coupon_report_count(report), 5);
    CHECK_STR(sc_coupon_report_currency(report), "CNY");
    for (i = 0; i < sc_coupon_report_count(report); ++i) {
        const char* id = sc_coupon_report_template_id(report, i);
        if (strcmp(id, "plat50") == 0) {
            CHECK_EQ(sc_coupon_report_total_quantity(report, i), 100);
            CHECK_EQ(sc_coupon_report_claimed(report, i), 1);
            CHECK_EQ(sc_coupon_report_used(report, i), 1);
            CHECK_EQ(sc_coupon_report_held(report, i), 0);
            CHECK_EQ(sc_coupon_report_discount_given(report, i), 5000);
        } else if (strcmp(id, "tea10") == 0) {
            CHECK_EQ(sc_coupon_report_total_quantity(report, i), -1);
            CHECK_EQ(sc_coupon_report_discount_given(report, i), 1000);
        }
    }
    CHECK(sc_coupon_report_template_id(report, 5) == NULL);
    sc_coupon_report_free(report);
    report = NULL;
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_coupon_report(NULL, &report, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "out", sc_engine_coupon_report(fx.engine, NULL, &E));

    /* A full refund gives both coupons back (still valid); the report counts the return. */
    CHECK_OK(sc_engine_order_refund_amount(fx.engine, sc_order_id(o), sc_order_total(o) - sc_order_shipping(o),
                                           "k-refund", NULL, &E));
    CHECK_EQ(coupon_state_of(&fx, "u1", tea10), SC_COUPON_AVAILABLE);
    CHECK_EQ(coupon_state_of(&fx, "u1", plat50), SC_COUPON_AVAILABLE);
    CHECK_OK(sc_engine_coupon_report(fx.engine, &report, &E));
    for (i = 0; i < sc_coupon_report_count(report); ++i) {
        if (strcmp(sc_coupon_report_template_id(report, i), "plat50") == 0) {
            CHECK_EQ(sc_coupon_report_returned(report, i), 1);
            CHECK_EQ(sc_coupon_report_discount_given(report, i), 0);
        }
    }
    sc_coupon_report_free(report);
    sc_order_free(o);
    sc_checkout_request_free(best);
    fx_close(&fx);
}

/* Chosen codes, pickup, and a cancelled order releasing its coupon. */
void test_coupon_chosen_and_pickup(void) {
    fixture fx;
    char tea10[64], plat50[64];
    sc_checkout_request* r = NULL;
    sc_quote* q = NULL;
    sc_order* o = NULL;
    open_pricing(&fx);
    claim(&fx, "u1", "tea10", "k1", tea10, sizeof tea10);
    claim(&fx, "u1", "plat50", "k2", plat50, sizeof plat50);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    CHECK_OK(sc_checkout_request_new(&r, &E));
    CHECK_OK(sc_checkout_request_set_shipping(r, SC_SHIPPING_PICKUP, &E));
    /* A code that is not one of the shopper's coupons is refused by quote and checkout alike. */
    CHECK_OK(sc_checkout_request_add_coupon(r, "cpn-not-mine", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "coupons", sc_engine_quote(fx.engine, "u1", r, &q, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "coupons", sc_engine_checkout(fx.engine, "u1", r, "k-pickup", &o, &E));
    CHECK(q == NULL && o == NULL);
    CHECK_OK(sc_checkout_request_set_coupon_choice(r, SC_COUPONS_NONE, &E));
    CHECK_OK(sc_checkout_request_add_coupon(r, tea10, &E));
    /* 6800 of tea: tea10 applies; pickup charges no shipping (delivery would be 800). */
    CHECK_OK(sc_engine_quote(fx.engine, "u1", r, &q, &E));
    CHECK_EQ(sc_quote_discount(q), 1000);
    CHECK_EQ(sc_quote_shipping(q), 0);
    CHECK_EQ(sc_quote_merchant_shipping_fee(q, 0), 0);
    CHECK_EQ(sc_quote_total(q), 5800);
    if (CHECK_EQ(sc_quote_explanation_count(q), 1)) {
        CHECK_STR(sc_quote_explanation_code(q, 0), plat50);
        CHECK_STR(sc_quote_explanation_reason(q, 0), "not_chosen");
    }
    sc_quote_free(q);
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", r, "k-pickup", &o, &E));
    fx_track_order(&fx, sc_order_id(o));
    CHECK_EQ(sc_order_shipping_method(o), SC_SHIPPING_PICKUP);
    CHECK_EQ(sc_order_total(o), 5800);
    CHECK_EQ(coupon_state_of(&fx, "u1", tea10), SC_COUPON_HELD);
    /* A held coupon cannot be revoked; cancelling the order releases it. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, NULL, sc_engine_coupon_revoke(fx.engine, tea10, NULL, &E));
    CHECK_OK(sc_engine_order_cancel(fx.engine, sc_order_id(o), NULL, &E));
    CHECK_EQ(coupon_state_of(&fx, "u1", tea10), SC_COUPON_AVAILABLE);
    sc_order_free(o);
    sc_checkout_request_free(r);
    fx_close(&fx);
}

void test_coupon_revoke(void) {
    fixture fx;
    char code[64];
    sc_coupon* c = NULL;
    sc_quote* q = NULL;
    sc_checkout_request* best = NULL;
    open_pricing(&fx);
    claim(&fx, "u1", "tea10", "k1", code, sizeof code);
    CHECK_OK(sc_engine_coupon_revoke(fx.engine, code, &c, &E));
    CHECK_EQ(sc_coupon_state(c), SC_COUPON_REVOKED);
    CHECK_STR(sc_coupon_code(c), code);
    sc_coupon_free(c);
    c = NULL;
    /* Revoking again is a no-op that returns it. */
    {
        int64_t before = events_last_seq(fx.engine, NULL);
        CHECK_OK(sc_engine_coupon_revoke(fx.engine, code, NULL, &E));
        CHECK_EQ(events_last_seq(fx.engine, NULL), before);
    }
    CHECK_EQ(coupon_state_of(&fx, "u1", code), SC_COUPON_REVOKED);
    CHECK_EQ(events_count_type(fx.engine, 0, "coupon.revoked"), 1);
    /* A revoked coupon prices nothing. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    CHECK_OK(sc_checkout_request_new(&best, &E));
    CHECK_OK(sc_checkout_request_set_coupon_choice(best, SC_COUPONS_BEST, &E));
    CHECK_OK(sc_engine_quote(fx.engine, "u1", best, &q, &E));
    CHECK_EQ(sc_quote_coupon_count(q), 0);
    sc_quote_free(q);
    sc_checkout_request_free(best);
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "code", sc_engine_coupon_revoke(fx.engine, "cpn-nope", &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "code", sc_engine_coupon_revoke(fx.engine, NULL, &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "code", sc_engine_coupon_revoke(fx.engine, "", &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "code", sc_engine_coupon_revoke(fx.engine, BAD_UTF8, &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_coupon_revoke(NULL, code, &c, &E));
    CHECK(c == NULL);
    /* An expired coupon is not revoked. */
    claim(&fx, "u2", "tea10", "k2", code, sizeof code);
    fx_advance(&fx, 8 * DAY_MS);
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, NULL, sc_engine_coupon_revoke(fx.engine, code, &c, &E));
    fx_close(&fx);
}

/* Quote and checkout reject bad arguments next to a request. */
void test_checkout_request_bad_calls(void) {
    fixture fx;
    sc_checkout_request* r = NULL;
    sc_quote* q = NULL;
    sc_order* o = NULL;
    open_pricing(&fx);
    CHECK_OK(sc_checkout_request_new(&r, &E));
    CHECK_OK(sc_checkout_request_set_coupon_choice(r, SC_COUPONS_BEST, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_CART_EMPTY, "user_id", sc_engine_checkout(fx.engine, "u1", r, "k", &o, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id", sc_engine_quote(fx.engine, "", r, &q, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_quote(fx.engine, "u1", r, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key", sc_engine_checkout(fx.engine, "u1", r, "", &o, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_checkout(fx.engine, "u1", r, "k", NULL, &E));
    CHECK(q == NULL && o == NULL);
    sc_checkout_request_free(r);
    fx_close(&fx);
}
