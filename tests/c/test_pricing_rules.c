/*
 * Every kind of promotion and coupon of FEATURES §3–4 through the C ABI, each with
 * figures worked out by hand: the repeating 每满 threshold with its cap, percent off a
 * scope with include and exclude lists, free shipping over a threshold, a gift, an
 * exclusive promotion, and coupons (percent with a cap, a merchant's free-shipping
 * coupon, one platform coupon per order, an exclusive coupon, not yet valid, out of
 * scope, the best choice). Same inputs, byte-identical quote.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#define SKUS                                                                                                        \
    "\"skus\":["                                                                                                    \
    "{\"id\":\"tea\",\"merchant_id\":\"m1\",\"title\":\"Tea\",\"list_price\":5000,\"categories\":[\"tea\"]},"       \
    "{\"id\":\"cup\",\"merchant_id\":\"m1\",\"title\":\"Cup\",\"list_price\":3000,\"categories\":[\"teaware\"]},"   \
    "{\"id\":\"cake\",\"merchant_id\":\"m2\",\"title\":\"Cake\",\"list_price\":10000,\"categories\":[\"food\"]}]"
#define PROGRAM(rules) "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\"," SKUS rules "}"

static void open_with(fixture* fx, const char* program) {
    fx_open_memory(fx);
    fx_import(fx, program);
    fx_track_user(fx, "u1");
}

static sc_quote* quote_of(fixture* fx, const sc_checkout_request* request) {
    sc_quote* q = NULL;
    CHECK_OK(sc_engine_quote(fx->engine, "u1", request, &q, &E));
    return q;
}

static size_t line_of(const sc_quote* q, const char* sku) {
    size_t i;
    for (i = 0; i < sc_quote_line_count(q); ++i)
        if (strcmp(sc_quote_line_sku_id(q, i), sku) == 0) return i;
    return (size_t)-1;
}

static size_t merchant_of(const sc_quote* q, const char* merchant) {
    size_t i;
    for (i = 0; i < sc_quote_merchant_count(q); ++i)
        if (strcmp(sc_quote_merchant_id(q, i), merchant) == 0) return i;
    return (size_t)-1;
}

/* 每满100减10, at most 25: 35000 holds 10000 three times, 3000 capped at 2500; split
 * 30000 : 5000 is 2142.86 : 357.14, the spare unit to cake (larger remainder). */
void test_promotion_repeating_threshold(void) {
    fixture fx;
    sc_quote* q;
    open_with(&fx, PROGRAM(",\"promotions\":[{\"id\":\"every100\",\"title\":\"10 off every 100\",\"kind\":"
                           "\"threshold\",\"repeating\":{\"every\":10000,\"off\":1000,\"max_off\":2500}}]"));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 3, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    q = quote_of(&fx, NULL);
    CHECK_EQ(sc_quote_discount(q), 2500);
    CHECK_EQ(sc_quote_line_net(q, line_of(q, "cake")), 30000 - 2143);
    CHECK_EQ(sc_quote_line_net(q, line_of(q, "tea")), 5000 - 357);
    CHECK_STR(sc_quote_line_adjustment_source(q, line_of(q, "tea"), 0), "every100");
    sc_quote_free(q);
    /* 19999 holds 10000 once. */
    CHECK_OK(sc_engine_cart_set_quantity(fx.engine, "u1", "cake", 1, &E));
    CHECK_OK(sc_engine_cart_set_quantity(fx.engine, "u1", "tea", 1, &E));
    q = quote_of(&fx, NULL);
    CHECK_EQ(sc_quote_discount(q), 1000);
    sc_quote_free(q);
    fx_close(&fx);
}

/* 10% off tea and teaware, but not the cup: only tea is in scope. */
void test_promotion_percent_scope(void) {
    fixture fx;
    sc_quote* q;
    open_with(&fx, PROGRAM(",\"promotions\":[{\"id\":\"tea10\",\"title\":\"10% off tea\",\"kind\":\"percent_off\","
                           "\"bps\":1000,\"scope\":{\"include\":{\"categories\":[\"tea\",\"teaware\"]},"
                           "\"exclude\":{\"skus\":[\"cup\"]}}}]"));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cup", 1, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    q = quote_of(&fx, NULL);
    CHECK_EQ(sc_quote_discount(q), 1000);
    CHECK_EQ(sc_quote_line_adjustment_count(q, line_of(q, "tea")), 1);
    CHECK_EQ(sc_quote_line_adjustment_count(q, line_of(q, "cup")), 0);
    CHECK_EQ(sc_quote_line_adjustment_count(q, line_of(q, "cake")), 0);
    CHECK_EQ(sc_quote_total(q), 23000 - 1000);
    sc_quote_free(q);
    fx_close(&fx);
}

/* Free shipping on m1's goods from 8000: m1's 800 is waived, m2 pays its 800. */
void test_promotion_free_shipping(void) {
    fixture fx;
    sc_quote* q;
    size_t m1;
    open_with(&fx, PROGRAM(",\"shipping_rules\":[{\"merchant_id\":\"\",\"flat_fee\":800}],"
                           "\"promotions\":[{\"id\":\"freeship\",\"title\":\"Free shipping\",\"kind\":"
                           "\"free_shipping\",\"min_spend\":8000,\"scope\":{\"include\":{\"merchants\":[\"m1\"]}}}]"));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    q = quote_of(&fx, NULL);
    m1 = merchant_of(q, "m1");
    CHECK_EQ(sc_quote_merchant_shipping_fee(q, m1), 800);
    CHECK_EQ(sc_quote_merchant_shipping_waived(q, m1), 800);
    CHECK_STR(sc_quote_merchant_shipping_waived_by(q, m1), "freeship");
    CHECK_EQ(sc_quote_merchant_shipping(q, m1), 0);
    CHECK_EQ(sc_quote_merchant_shipping(q, merchant_of(q, "m2")), 800);
    CHECK_STR(sc_quote_merchant_shipping_waived_by(q, merchant_of(q, "m2")), "");
    CHECK_EQ(sc_quote_shipping(q), 800);
    CHECK_EQ(sc_quote_saved(q), 800);
    CHECK_EQ(sc_quote_discount(q), 0);
    if (CHECK_EQ(sc_quote_promotion_count(q), 1)) CHECK_EQ(sc_quote_promotion_amount(q, 0), 800);
    CHECK_EQ(sc_quote_total(q), 20000 + 800);
    sc_quote_free(q);
    /* Below the threshold m1 pays too. */
    CHECK_OK(sc_engine_cart_set_quantity(fx.engine, "u1", "tea", 1, &E));
    q = quote_of(&fx, NULL);
    CHECK_EQ(sc_quote_shipping(q), 1600);
    sc_quote_free(q);
    fx_close(&fx);
}

/* 满赠: a cup with any order of 10000 or more. */
void test_promotion_gift(void) {
    fixture fx;
    sc_quote* q;
    open_with(&fx, PROGRAM(",\"promotions\":[{\"id\":\"gift\",\"title\":\"A cup with 100\",\"kind\":\"gift\","
                           "\"min_spend\":10000,\"gift_sku_id\":\"cup\",\"gift_quantity\":1}]"));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    q = quote_of(&fx, NULL);
    CHECK_EQ(sc_quote_gift_count(q), 0);
    sc_quote_free(q);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    q = quote_of(&fx, NULL);
    if (CHECK_EQ(sc_quote_gift_count(q), 1)) {
        CHECK_STR(sc_quote_gift_promotion_id(q, 0), "gift");
        CHECK_STR(sc_quote_gift_sku_id(q, 0), "cup");
        CHECK_EQ(sc_quote_gift_quantity(q, 0), 1);
    }
    CHECK_EQ(sc_quote_discount(q), 0);
    CHECK_EQ(sc_quote_total(q), 10000);
    CHECK(sc_quote_gift_sku_id(q, 1) == NULL);
    sc_quote_free(q);
    fx_close(&fx);
}

/* An exclusive promotion that applies takes the stage alone. */
void test_promotion_exclusive(void) {
    fixture fx;
    sc_quote* q;
    open_with(&fx, PROGRAM(",\"promotions\":["
                           "{\"id\":\"stack5\",\"title\":\"5% off\",\"kind\":\"percent_off\",\"bps\":500,\"priority\":9},"
                           "{\"id\":\"excl\",\"title\":\"20 off 100, alone\",\"kind\":\"threshold\",\"exclusive\":true,"
                           "\"tiers\":[{\"min_spend\":10000,\"off\":2000}]}]"));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 2, &E));
    q = quote_of(&fx, NULL);
    CHECK_EQ(sc_quote_discount(q), 2000);
    if (CHECK_EQ(sc_quote_promotion_count(q), 1)) CHECK_STR(sc_quote_promotion_id(q, 0), "excl");
    sc_quote_free(q);
    /* Below its threshold the exclusive one does not apply, and the stackable one does. */
    CHECK_OK(sc_engine_cart_remove(fx.engine, "u1", "cake", &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    q = quote_of(&fx, NULL);
    CHECK_EQ(sc_quote_discount(q), 250);
    if (CHECK_EQ(sc_quote_promotion_count(q), 1)) CHECK_STR(sc_quote_promotion_id(q, 0), "stack5");
    sc_quote_free(q);
    fx_close(&fx);
}

#define DAYS7 "\"validity\":{\"kind\":\"days_from_claim\",\"days\":7}"

static void claim_code(fixture* fx, const char* template_id, char* code, size_t size) {
    sc_coupon* c = NULL;
    char key[64];
    snprintf(key, sizeof key, "k-%s", template_id);
    CHECK_OK(sc_engine_coupon_claim(fx->engine, "u1", template_id, key, &c, &E));
    snprintf(code, size, "%s", c ? sc_coupon_code(c) : "");
    sc_coupon_free(c);
}

static const char* reason_of(const sc_quote* q, const char* code) {
    size_t i;
    for (i = 0; i < sc_quote_explanation_count(q); ++i)
        if (strcmp(sc_quote_explanation_code(q, i), code) == 0) return sc_quote_explanation_reason(q, i);
    return "(applied)";
}

static const char* conflicting_of(const sc_quote* q, const char* code) {
    size_t i;
    for (i = 0; i < sc_quote_explanation_count(q); ++i)
        if (strcmp(sc_quote_explanation_code(q, i), code) == 0) return sc_quote_explanation_conflicting(q, i);
    return "";
}

/* Every figure a quote gives, as text: the same inputs must give the same bytes. */
static char* quote_text(const sc_quote* q) {
    size_t i, j, n = 0, cap = 8192;
    char* s = malloc(cap);
    if (s == NULL) return NULL;
    n += (size_t)snprintf(s + n, cap - n, "%lld %lld %lld %lld|", (long long)sc_quote_subtotal(q),
                          (long long)sc_quote_discount(q), (long long)sc_quote_shipping(q),
                          (long long)sc_quote_total(q));
    for (i = 0; i < sc_quote_line_count(q) && n < cap; ++i)
        for (j = 0; j < sc_quote_line_adjustment_count(q, i) && n < cap; ++j)
            n += (size_t)snprintf(s + n, cap - n, "%s:%s:%s:%lld|", sc_quote_line_sku_id(q, i),
                                  sc_quote_line_adjustment_kind(q, i, j), sc_quote_line_adjustment_source(q, i, j),
                                  (long long)sc_quote_line_adjustment_amount(q, i, j));
    for (i = 0; i < sc_quote_explanation_count(q) && n < cap; ++i)
        n += (size_t)snprintf(s + n, cap - n, "%s:%s|", sc_quote_explanation_code(q, i),
                              sc_quote_explanation_reason(q, i));
    return s;
}

void test_coupon_kinds(void) {
    fixture fx;
    char pct[64], ship[64], solo[64], plat2[64], future[64], outscope[64];
    sc_checkout_request* r = NULL;
    sc_quote* q;
    size_t m2;
    char program[4096];
    snprintf(program, sizeof program,
             PROGRAM(",\"shipping_rules\":[{\"merchant_id\":\"\",\"flat_fee\":800}],\"coupon_templates\":["
                     "{\"id\":\"pct\",\"title\":\"20%% off, at most 15\",\"kind\":\"percent\",\"value\":2000,"
                     "\"max_off\":1500," DAYS7 "},"
                     "{\"id\":\"ship\",\"title\":\"Free bakery shipping\",\"kind\":\"free_shipping\","
                     "\"issuer_merchant_id\":\"m2\"," DAYS7 "},"
                     "{\"id\":\"solo\",\"title\":\"5 off, alone\",\"kind\":\"fixed_amount\",\"value\":500,"
                     "\"exclusive\":true," DAYS7 "},"
                     "{\"id\":\"plat2\",\"title\":\"3 off\",\"kind\":\"fixed_amount\",\"value\":300," DAYS7 "},"
                     "{\"id\":\"future\",\"title\":\"Next week\",\"kind\":\"fixed_amount\",\"value\":100,"
                     "\"validity\":{\"kind\":\"fixed_window\",\"valid_from\":%lld,\"valid_until\":%lld}},"
                     "{\"id\":\"outscope\",\"title\":\"1 off cups\",\"kind\":\"fixed_amount\",\"value\":100,"
                     "\"scope\":{\"include\":{\"skus\":[\"cup\"]}}," DAYS7 "}]"),
             (long long)(T0_MS + 86400000LL), (long long)(T0_MS + 8 * 86400000LL));
    open_with(&fx, program);
    claim_code(&fx, "pct", pct, sizeof pct);
    claim_code(&fx, "ship", ship, sizeof ship);
    claim_code(&fx, "solo", solo, sizeof solo);
    claim_code(&fx, "plat2", plat2, sizeof plat2);
    claim_code(&fx, "future", future, sizeof future);
    claim_code(&fx, "outscope", outscope, sizeof outscope);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    CHECK_OK(sc_checkout_request_new(&r, &E));

    /* pct, plat2 and ship chosen: 20% of 15000 is 3000, capped at 1500 (cake 1000, tea
     * 500); plat2 loses the platform slot to pct; ship waives the bakery's 800. */
    CHECK_OK(sc_checkout_request_add_coupon(r, pct, &E));
    CHECK_OK(sc_checkout_request_add_coupon(r, plat2, &E));
    CHECK_OK(sc_checkout_request_add_coupon(r, ship, &E));
    q = quote_of(&fx, r);
    CHECK_EQ(sc_quote_discount(q), 1500);
    CHECK_EQ(sc_quote_line_net(q, line_of(q, "cake")), 9000);
    CHECK_EQ(sc_quote_line_net(q, line_of(q, "tea")), 4500);
    m2 = merchant_of(q, "m2");
    CHECK_EQ(sc_quote_merchant_shipping_waived(q, m2), 800);
    CHECK_STR(sc_quote_merchant_shipping_waived_by(q, m2), ship);
    CHECK_EQ(sc_quote_shipping(q), 800);
    CHECK_EQ(sc_quote_total(q), 15000 - 1500 + 800);
    CHECK_EQ(sc_quote_saved(q), 1500 + 800);
    CHECK_EQ(sc_quote_coupon_count(q), 2);
    CHECK_STR(reason_of(q, plat2), "one_per_issuer");
    CHECK_STR(conflicting_of(q, plat2), pct);
    CHECK_STR(reason_of(q, solo), "not_chosen");
    CHECK_STR(reason_of(q, future), "not_yet_valid");
    sc_quote_free(q);

    /* An exclusive coupon that applies is alone among the coupons. */
    CHECK_OK(sc_checkout_request_set_coupon_choice(r, SC_COUPONS_NONE, &E));
    CHECK_OK(sc_checkout_request_add_coupon(r, solo, &E));
    CHECK_OK(sc_checkout_request_add_coupon(r, pct, &E));
    q = quote_of(&fx, r);
    CHECK_EQ(sc_quote_discount(q), 500);
    CHECK_STR(reason_of(q, pct), "not_stackable");
    CHECK_STR(conflicting_of(q, pct), solo);
    sc_quote_free(q);

    /* Best: pct + ship (1500 off, 800 waived: payable 14300) beats solo alone (15100) and
     * plat2 + ship (14500). */
    CHECK_OK(sc_checkout_request_set_coupon_choice(r, SC_COUPONS_BEST, &E));
    q = quote_of(&fx, r);
    CHECK_EQ(sc_quote_total(q), 14300);
    CHECK_STR(reason_of(q, pct), "(applied)");
    CHECK_STR(reason_of(q, ship), "(applied)");
    CHECK_STR(reason_of(q, solo), "not_better");
    CHECK_STR(reason_of(q, plat2), "not_better");
    CHECK_STR(reason_of(q, future), "not_yet_valid");
    CHECK_STR(reason_of(q, outscope), "out_of_scope");
    {
        /* Same inputs, same bytes. */
        sc_quote* again = quote_of(&fx, r);
        char* a = quote_text(q);
        char* b = quote_text(again);
        CHECK(a != NULL && b != NULL && strcmp(a, b) == 0);
        free(a);
        free(b);
        sc_quote_free(again);
    }
    sc_quote_free(q);

    /* A day later the future coupon is valid, and the best choice does not need it. */
    fx_advance(&fx, 86400000LL);
    q = quote_of(&fx, r);
    CHECK_STR(reason_of(q, future), "not_better");
    CHECK_EQ(sc_quote_total(q), 14300);
    sc_quote_free(q);
    sc_checkout_request_free(r);
    fx_close(&fx);
}
