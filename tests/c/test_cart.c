/* Carts: add, set quantity, remove, select, clear, merge, line problems, quotes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* Index of the cart line for sku_id, or (size_t)-1. */
static size_t cart_line_of(const sc_cart* cart, const char* sku_id) {
    size_t i;
    for (i = 0; i < sc_cart_line_count(cart); ++i) {
        const char* s = sc_cart_line_sku_id(cart, i);
        if (s != NULL && strcmp(s, sku_id) == 0) {
            return i;
        }
    }
    return (size_t)-1;
}

static int64_t cart_qty(sc_engine* engine, const char* user, const char* sku) {
    sc_cart* cart = NULL;
    int64_t q;
    CHECK_OK(sc_engine_cart_get(engine, user, &cart, &E));
    q = sc_cart_line_quantity(cart, cart_line_of(cart, sku));
    sc_cart_free(cart);
    return q;
}

static uint32_t cart_problems(sc_engine* engine, const char* user, const char* sku) {
    sc_cart* cart = NULL;
    uint32_t p;
    CHECK_OK(sc_engine_cart_get(engine, user, &cart, &E));
    p = sc_cart_line_problems(cart, cart_line_of(cart, sku));
    sc_cart_free(cart);
    return p;
}

static size_t cart_lines(sc_engine* engine, const char* user) {
    sc_cart* cart = NULL;
    size_t n;
    CHECK_OK(sc_engine_cart_get(engine, user, &cart, &E));
    n = sc_cart_line_count(cart);
    sc_cart_free(cart);
    return n;
}

void test_cart_accessors_null(void) {
    CHECK(sc_cart_user_id(NULL) == NULL);
    CHECK(sc_cart_currency(NULL) == NULL);
    CHECK_EQ(sc_cart_line_count(NULL), 0);
    CHECK(sc_cart_line_sku_id(NULL, 0) == NULL);
    CHECK(sc_cart_line_title(NULL, 0) == NULL);
    CHECK_EQ(sc_cart_line_quantity(NULL, 0), 0);
    CHECK(!sc_cart_line_selected(NULL, 0));
    CHECK_EQ(sc_cart_line_unit_price(NULL, 0), 0);
    CHECK_EQ(sc_cart_line_added_price(NULL, 0), 0);
    CHECK_EQ(sc_cart_line_available(NULL, 0), 0);
    CHECK_EQ(sc_cart_line_problems(NULL, 0), 0);
    sc_cart_free(NULL);
    CHECK(sc_quote_currency(NULL) == NULL);
    CHECK_EQ(sc_quote_line_count(NULL), 0);
    CHECK(sc_quote_line_sku_id(NULL, 0) == NULL);
    CHECK_EQ(sc_quote_line_quantity(NULL, 0), 0);
    CHECK_EQ(sc_quote_line_unit_price(NULL, 0), 0);
    CHECK_EQ(sc_quote_line_base(NULL, 0), 0);
    CHECK_EQ(sc_quote_line_net(NULL, 0), 0);
    CHECK_EQ(sc_quote_subtotal(NULL), 0);
    CHECK_EQ(sc_quote_total(NULL), 0);
    CHECK_EQ(sc_quote_discount(NULL), 0);
    CHECK_EQ(sc_quote_shipping(NULL), 0);
    CHECK_EQ(sc_quote_saved(NULL), 0);
    CHECK(sc_quote_line_merchant_id(NULL, 0) == NULL);
    CHECK_EQ(sc_quote_line_adjustment_count(NULL, 0), 0);
    CHECK(sc_quote_line_adjustment_kind(NULL, 0, 0) == NULL);
    CHECK(sc_quote_line_adjustment_source(NULL, 0, 0) == NULL);
    CHECK_EQ(sc_quote_line_adjustment_amount(NULL, 0, 0), 0);
    CHECK_EQ(sc_quote_merchant_count(NULL), 0);
    CHECK(sc_quote_merchant_id(NULL, 0) == NULL);
    CHECK_EQ(sc_quote_merchant_subtotal(NULL, 0), 0);
    CHECK_EQ(sc_quote_merchant_discount(NULL, 0), 0);
    CHECK_EQ(sc_quote_merchant_shipping_fee(NULL, 0), 0);
    CHECK_EQ(sc_quote_merchant_shipping_waived(NULL, 0), 0);
    CHECK(sc_quote_merchant_shipping_waived_by(NULL, 0) == NULL);
    CHECK_EQ(sc_quote_merchant_shipping(NULL, 0), 0);
    CHECK_EQ(sc_quote_merchant_total(NULL, 0), 0);
    CHECK_EQ(sc_quote_promotion_count(NULL), 0);
    CHECK(sc_quote_promotion_id(NULL, 0) == NULL);
    CHECK_EQ(sc_quote_promotion_amount(NULL, 0), 0);
    CHECK_EQ(sc_quote_coupon_count(NULL), 0);
    CHECK(sc_quote_coupon_code(NULL, 0) == NULL);
    CHECK(sc_quote_coupon_template_id(NULL, 0) == NULL);
    CHECK_EQ(sc_quote_coupon_amount(NULL, 0), 0);
    CHECK_EQ(sc_quote_gift_count(NULL), 0);
    CHECK(sc_quote_gift_promotion_id(NULL, 0) == NULL);
    CHECK(sc_quote_gift_sku_id(NULL, 0) == NULL);
    CHECK_EQ(sc_quote_gift_quantity(NULL, 0), 0);
    CHECK_EQ(sc_quote_explanation_count(NULL), 0);
    CHECK(sc_quote_explanation_code(NULL, 0) == NULL);
    CHECK(sc_quote_explanation_template_id(NULL, 0) == NULL);
    CHECK(sc_quote_explanation_reason(NULL, 0) == NULL);
    CHECK_EQ(sc_quote_explanation_missing(NULL, 0), 0);
    CHECK(sc_quote_explanation_conflicting(NULL, 0) == NULL);
    sc_quote_free(NULL);
}

void test_cart_basic(void) {
    fixture fx;
    sc_cart* cart = NULL;
    int64_t live;
    size_t i;

    fx_open_memory(&fx);
    /* Empty catalog: empty cart, currency "". */
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    CHECK_STR(sc_cart_user_id(cart), "u1");
    CHECK_STR(sc_cart_currency(cart), "");
    CHECK_EQ(sc_cart_line_count(cart), 0);
    sc_cart_free(cart);
    cart = NULL;

    fx_import_standard(&fx);
    CHECK_OK(sc_engine_cart_get(fx.engine, "nobody", &cart, &E));
    CHECK_STR(sc_cart_user_id(cart), "nobody");
    CHECK_STR(sc_cart_currency(cart), "CNY");
    CHECK_EQ(sc_cart_line_count(cart), 0);
    sc_cart_free(cart);
    cart = NULL;

    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cup", 1, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E)); /* merges */

    live = sc_live_object_count();
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    CHECK_EQ(sc_live_object_count(), live + 1);
    CHECK_STR(sc_cart_user_id(cart), "u1");
    CHECK_STR(sc_cart_currency(cart), "CNY");
    if (CHECK_EQ(sc_cart_line_count(cart), 3)) {
        /* In the order first added. */
        CHECK_STR(sc_cart_line_sku_id(cart, 0), "cake");
        CHECK_STR(sc_cart_line_sku_id(cart, 1), "tea");
        CHECK_STR(sc_cart_line_sku_id(cart, 2), "cup");
        CHECK_STR(sc_cart_line_title(cart, 1), "Longjing \xe9\xbe\x99\xe4\xba\x95");
        CHECK_STR(sc_cart_line_title(cart, 0), "Cake");
        CHECK_EQ(sc_cart_line_quantity(cart, 0), 1);
        CHECK_EQ(sc_cart_line_quantity(cart, 1), 3);
        CHECK_EQ(sc_cart_line_quantity(cart, 2), 1);
        for (i = 0; i < 3; ++i) {
            CHECK(sc_cart_line_selected(cart, i));
            CHECK_EQ(sc_cart_line_problems(cart, i), SC_LINE_OK);
        }
        CHECK_EQ(sc_cart_line_unit_price(cart, 1), 6800);
        CHECK_EQ(sc_cart_line_added_price(cart, 1), 6800);
        CHECK_EQ(sc_cart_line_unit_price(cart, 0), 12800);
        CHECK_EQ(sc_cart_line_available(cart, 0), -1); /* untracked */
        CHECK_EQ(sc_cart_line_available(cart, 1), 12);
        CHECK_EQ(sc_cart_line_available(cart, 2), 3);
    }
    /* Out of range. */
    CHECK(sc_cart_line_sku_id(cart, 3) == NULL);
    CHECK(sc_cart_line_title(cart, 3) == NULL);
    CHECK_EQ(sc_cart_line_quantity(cart, 3), 0);
    CHECK(!sc_cart_line_selected(cart, 3));
    CHECK_EQ(sc_cart_line_unit_price(cart, 3), 0);
    CHECK_EQ(sc_cart_line_added_price(cart, 3), 0);
    CHECK_EQ(sc_cart_line_available(cart, 3), 0);
    CHECK_EQ(sc_cart_line_problems(cart, (size_t)-1), 0);
    sc_cart_free(cart);
    cart = NULL;
    CHECK_EQ(sc_live_object_count(), live);

    /* Adding does not touch stock. */
    CHECK_EQ(sku_available(fx.engine, "tea"), 12);

    /* set_quantity: sets, and is idempotent. */
    CHECK_OK(sc_engine_cart_set_quantity(fx.engine, "u1", "tea", 5, &E));
    CHECK_EQ(cart_qty(fx.engine, "u1", "tea"), 5);
    {
        char* a = dump_cart(fx.engine, "u1");
        char* b;
        CHECK_OK(sc_engine_cart_set_quantity(fx.engine, "u1", "tea", 5, &E));
        b = dump_cart(fx.engine, "u1");
        CHECK_STR(b, a);
        free(a);
        free(b);
    }
    CHECK_OK(sc_engine_cart_set_quantity(fx.engine, "u1", "tea", 1, &E));
    CHECK_EQ(cart_qty(fx.engine, "u1", "tea"), 1);

    /* remove, then set_quantity creates the line again (at the end). */
    CHECK_OK(sc_engine_cart_remove(fx.engine, "u1", "cup", &E));
    CHECK_EQ(cart_lines(fx.engine, "u1"), 2);
    CHECK_OK(sc_engine_cart_set_quantity(fx.engine, "u1", "cup", 2, &E));
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    CHECK_EQ(sc_cart_line_count(cart), 3);
    CHECK_STR(sc_cart_line_sku_id(cart, 2), "cup");
    CHECK_EQ(sc_cart_line_quantity(cart, 2), 2);
    CHECK(sc_cart_line_selected(cart, 2));
    sc_cart_free(cart);
    cart = NULL;

    /* select / unselect. */
    CHECK_OK(sc_engine_cart_select(fx.engine, "u1", "cake", false, &E));
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    CHECK(!sc_cart_line_selected(cart, cart_line_of(cart, "cake")));
    CHECK(sc_cart_line_selected(cart, cart_line_of(cart, "tea")));
    sc_cart_free(cart);
    cart = NULL;
    CHECK_OK(sc_engine_cart_select(fx.engine, "u1", "cake", false, &E)); /* again: fine */
    CHECK_OK(sc_engine_cart_select(fx.engine, "u1", "cake", true, &E));
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    CHECK(sc_cart_line_selected(cart, cart_line_of(cart, "cake")));
    sc_cart_free(cart);
    cart = NULL;
    /* Adding to an unselected line selects it. */
    CHECK_OK(sc_engine_cart_select(fx.engine, "u1", "cup", false, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cup", 1, &E));
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    CHECK(sc_cart_line_selected(cart, cart_line_of(cart, "cup")));
    CHECK_EQ(sc_cart_line_quantity(cart, cart_line_of(cart, "cup")), 3);
    sc_cart_free(cart);
    cart = NULL;

    /* Carts are per user. */
    CHECK_EQ(cart_lines(fx.engine, "u2"), 0);

    /* A snapshot is immutable: later changes do not show in it, and its
       borrowed strings stay valid until it is freed. */
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    {
        const char* first = sc_cart_line_sku_id(cart, 0);
        size_t n = sc_cart_line_count(cart);
        CHECK_OK(sc_engine_cart_remove(fx.engine, "u1", "cake", &E));
        CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 2, &E));
        CHECK_EQ(sc_cart_line_count(cart), n);
        CHECK(sc_cart_line_sku_id(cart, 0) == first);
        CHECK_STR(first, "cake");
        CHECK_EQ(sc_cart_line_quantity(cart, 0), 1);
    }
    sc_cart_free(cart);
    cart = NULL;
    CHECK_EQ(cart_qty(fx.engine, "u1", "cake"), 2);

    /* clear. */
    CHECK_OK(sc_engine_cart_clear(fx.engine, "u1", &E));
    CHECK_EQ(cart_lines(fx.engine, "u1"), 0);
    CHECK_OK(sc_engine_cart_clear(fx.engine, "u1", &E));
    CHECK_OK(sc_engine_cart_clear(fx.engine, "never-seen", &E));
    CHECK_STATUS(sc_engine_cart_clear(fx.engine, "u1", NULL), SC_OK);

    /* A price-0 SKU bought in huge quantity; adding one more overflows. */
    put_sku_simple(fx.engine, "zero", 0, -1, 0, 1);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u3", "zero", INT64_MAX, &E));
    CHECK_EQ(cart_qty(fx.engine, "u3", "zero"), INT64_MAX);
    fx_track_user(&fx, "u3");
    EXPECT_ERR_SAME(&fx, SC_ERR_OVERFLOW, NULL, sc_engine_cart_add(fx.engine, "u3", "zero", 1, &E));
    fx_close(&fx);
}

void test_cart_bad_input(void) {
    fixture fx;
    sc_cart* cart = NULL;
    fx_open_memory(&fx);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    fx_track_user(&fx, "g1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 3, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cup", 1, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "g1", "cake", 1, &E));

    /* cart_add */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_cart_add(NULL, "u1", "tea", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_add(fx.engine, NULL, "tea", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_add(fx.engine, "", "tea", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "user_id",
                    sc_engine_cart_add(fx.engine, BAD_UTF8, "tea", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sku_id",
                    sc_engine_cart_add(fx.engine, "u1", NULL, 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sku_id",
                    sc_engine_cart_add(fx.engine, "u1", "", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "sku_id",
                    sc_engine_cart_add(fx.engine, "u1", BAD_UTF8, 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "quantity",
                    sc_engine_cart_add(fx.engine, "u1", "tea", 0, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "quantity",
                    sc_engine_cart_add(fx.engine, "u1", "tea", -1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "quantity",
                    sc_engine_cart_add(fx.engine, "u1", "tea", INT64_MIN, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "sku_id",
                    sc_engine_cart_add(fx.engine, "u1", "no-such-sku", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_SKU_INACTIVE, NULL,
                    sc_engine_cart_add(fx.engine, "u1", "kettle", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_LIMIT_EXCEEDED, NULL,
                    sc_engine_cart_add(fx.engine, "u1", "tea", 3, &E)); /* 3 + 3 > 5 */
    EXPECT_ERR_SAME(&fx, SC_ERR_LIMIT_EXCEEDED, NULL,
                    sc_engine_cart_add(fx.engine, "u2", "tea", 6, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_OUT_OF_STOCK, NULL,
                    sc_engine_cart_add(fx.engine, "u1", "cup", 3, &E)); /* 1 + 3 > 3 */
    EXPECT_ERR_SAME(&fx, SC_ERR_OUT_OF_STOCK, NULL,
                    sc_engine_cart_add(fx.engine, "u2", "cup", 4, &E));
    /* Ids with control characters or over 128 bytes (docs/c-api.md, "Strings"). */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_add(fx.engine, "u\x01", "tea", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_add(fx.engine, "u\n1", "tea", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_add(fx.engine, ID129, "tea", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sku_id",
                    sc_engine_cart_add(fx.engine, "u1", "te\ta", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sku_id",
                    sc_engine_cart_add(fx.engine, "u1", ID129, 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "guest_id",
                    sc_engine_cart_merge_guest(fx.engine, "u1", ID129, &E));
    /* The longest id is fine. */
    CHECK_OK(sc_engine_cart_add(fx.engine, ID128, "tea", 1, &E));
    CHECK_OK(sc_engine_cart_clear(fx.engine, ID128, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_ARGUMENT,
                       sc_engine_cart_add(fx.engine, "u1", "tea", 0, NULL));
    EXPECT_STATUS_SAME(&fx, SC_ERR_NOT_FOUND,
                       sc_engine_cart_add(fx.engine, "u1", "no-such-sku", 1, NULL));

    /* cart_set_quantity */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_cart_set_quantity(NULL, "u1", "tea", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_set_quantity(fx.engine, NULL, "tea", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_set_quantity(fx.engine, "", "tea", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "user_id",
                    sc_engine_cart_set_quantity(fx.engine, BAD_UTF8, "tea", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sku_id",
                    sc_engine_cart_set_quantity(fx.engine, "u1", NULL, 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sku_id",
                    sc_engine_cart_set_quantity(fx.engine, "u1", "", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "sku_id",
                    sc_engine_cart_set_quantity(fx.engine, "u1", BAD_UTF8, 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "quantity",
                    sc_engine_cart_set_quantity(fx.engine, "u1", "tea", 0, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "quantity",
                    sc_engine_cart_set_quantity(fx.engine, "u1", "tea", -7, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "sku_id",
                    sc_engine_cart_set_quantity(fx.engine, "u1", "no-such-sku", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_SKU_INACTIVE, NULL,
                    sc_engine_cart_set_quantity(fx.engine, "u1", "kettle", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_LIMIT_EXCEEDED, NULL,
                    sc_engine_cart_set_quantity(fx.engine, "u1", "tea", 6, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_OUT_OF_STOCK, NULL,
                    sc_engine_cart_set_quantity(fx.engine, "u1", "cup", 4, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_ARGUMENT,
                       sc_engine_cart_set_quantity(fx.engine, "u1", "tea", 0, NULL));

    /* cart_remove */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_cart_remove(NULL, "u1", "tea", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_remove(fx.engine, NULL, "tea", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_remove(fx.engine, "", "tea", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "user_id",
                    sc_engine_cart_remove(fx.engine, BAD_UTF8, "tea", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sku_id",
                    sc_engine_cart_remove(fx.engine, "u1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sku_id",
                    sc_engine_cart_remove(fx.engine, "u1", "", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "sku_id",
                    sc_engine_cart_remove(fx.engine, "u1", BAD_UTF8, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "sku_id",
                    sc_engine_cart_remove(fx.engine, "u1", "cake", &E)); /* no such line */
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "sku_id",
                    sc_engine_cart_remove(fx.engine, "u1", "no-such-sku", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "sku_id",
                    sc_engine_cart_remove(fx.engine, "nobody", "tea", &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_NOT_FOUND, sc_engine_cart_remove(fx.engine, "u1", "cake", NULL));

    /* cart_select */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_cart_select(NULL, "u1", "tea", false, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_select(fx.engine, NULL, "tea", false, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_select(fx.engine, "", "tea", false, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "user_id",
                    sc_engine_cart_select(fx.engine, BAD_UTF8, "tea", false, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sku_id",
                    sc_engine_cart_select(fx.engine, "u1", NULL, false, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sku_id",
                    sc_engine_cart_select(fx.engine, "u1", "", false, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "sku_id",
                    sc_engine_cart_select(fx.engine, "u1", BAD_UTF8, false, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "sku_id",
                    sc_engine_cart_select(fx.engine, "u1", "cake", false, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "sku_id",
                    sc_engine_cart_select(fx.engine, "nobody", "tea", true, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_NOT_FOUND,
                       sc_engine_cart_select(fx.engine, "u1", "cake", true, NULL));

    /* cart_clear */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_cart_clear(NULL, "u1", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_clear(fx.engine, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_clear(fx.engine, "", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "user_id",
                    sc_engine_cart_clear(fx.engine, BAD_UTF8, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_ARGUMENT, sc_engine_cart_clear(fx.engine, "", NULL));

    /* cart_get */
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_cart_get(NULL, "u1", &cart, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "user_id", sc_engine_cart_get(fx.engine, NULL, &cart, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "user_id", sc_engine_cart_get(fx.engine, "", &cart, &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "user_id",
               sc_engine_cart_get(fx.engine, BAD_UTF8, &cart, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "out", sc_engine_cart_get(fx.engine, "u1", NULL, &E));
    CHECK_STATUS(sc_engine_cart_get(fx.engine, "", &cart, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK(cart == NULL);

    /* cart_merge */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_cart_merge_guest(NULL, "u1", "g1", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "guest_id",
                    sc_engine_cart_merge_guest(fx.engine, "u1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "guest_id",
                    sc_engine_cart_merge_guest(fx.engine, "u1", "", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "guest_id",
                    sc_engine_cart_merge_guest(fx.engine, "u1", BAD_UTF8, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_merge_guest(fx.engine, NULL, "g1", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_cart_merge_guest(fx.engine, "", "g1", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "user_id",
                    sc_engine_cart_merge_guest(fx.engine, BAD_UTF8, "g1", &E));
    {
        char* before = fx_fingerprint(&fx);
        sc_error* e = NULL;
        sc_status_t st = sc_engine_cart_merge_guest(fx.engine, "u1", "u1", &e);
        h_expect_err(st, e, SC_ERR_INVALID_ARGUMENT, SC_ERR_INVALID_ARGUMENT, NULL, __FILE__,
                     __LINE__, "sc_engine_cart_merge_guest(u1, u1)");
        CHECK(sc_error_field(e) != NULL && strcmp(sc_error_field(e), "guest_id") == 0);
        sc_error_free(e);
        fx_expect_same(&fx, before, __FILE__, __LINE__, "sc_engine_cart_merge_guest(u1, u1)");
    }
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_ARGUMENT, sc_engine_cart_merge_guest(fx.engine, "g1", "g1", NULL));
    fx_close(&fx);
}

void test_cart_problems(void) {
    fixture fx;
    sc_cart* cart = NULL;
    size_t i;
    fx_open_memory(&fx);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 4, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cup", 2, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));

    /* Cake becomes inactive. */
    put_sku_simple(fx.engine, "cake", 12800, -1, 0, 0);
    CHECK_EQ(cart_problems(fx.engine, "u1", "cake"), SC_LINE_INACTIVE);
    CHECK_EQ(cart_problems(fx.engine, "u1", "tea"), SC_LINE_OK);
    /* Checkout refuses the inactive SKU, and the message names it. */
    {
        char* before = fx_fingerprint(&fx);
        sc_order* o = NULL;
        sc_error* e = NULL;
        sc_status_t st = sc_engine_checkout(fx.engine, "u1", NULL, "k-inactive", &o, &e);
        h_expect_err(st, e, SC_ERR_SKU_INACTIVE, SC_ERR_SKU_INACTIVE, "sku_id", __FILE__,
                     __LINE__, "checkout with an inactive line");
        CHECK(strstr(sc_error_message(e), "cake") != NULL);
        CHECK(o == NULL);
        sc_error_free(e);
        fx_expect_same(&fx, before, __FILE__, __LINE__, "checkout with an inactive line");
    }
    CHECK_OK(sc_engine_cart_select(fx.engine, "u1", "cake", false, &E));

    /* Tea's price changes. */
    {
        sc_sku* s = NULL;
        CHECK_OK(sc_engine_sku_get(fx.engine, "tea", &s, &E));
        sc_sku_free(s);
    }
    fx_import(&fx, "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":["
                   "{\"id\":\"tea\",\"merchant_id\":\"m1\",\"title\":\"Tea\",\"list_price\":7000,"
                   "\"stock\":12,\"max_per_order\":5}]}");
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    i = cart_line_of(cart, "tea");
    CHECK_EQ(sc_cart_line_problems(cart, i), SC_LINE_PRICE_CHANGED);
    CHECK_EQ(sc_cart_line_unit_price(cart, i), 7000);
    CHECK_EQ(sc_cart_line_added_price(cart, i), 6800);
    CHECK_STR(sc_cart_line_title(cart, i), "Tea");
    sc_cart_free(cart);
    cart = NULL;
    /* Adding again remembers the current price. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    i = cart_line_of(cart, "tea");
    CHECK_EQ(sc_cart_line_quantity(cart, i), 5);
    CHECK_EQ(sc_cart_line_added_price(cart, i), 7000);
    CHECK_EQ(sc_cart_line_problems(cart, i), SC_LINE_OK);
    sc_cart_free(cart);
    cart = NULL;

    /* Tea's maximum drops below the line. */
    put_sku_simple(fx.engine, "tea", 7000, 12, 2, 1);
    CHECK_EQ(cart_problems(fx.engine, "u1", "tea"), SC_LINE_OVER_MAX);
    {
        char* before = fx_fingerprint(&fx);
        sc_order* o = NULL;
        sc_error* e = NULL;
        sc_status_t st = sc_engine_checkout(fx.engine, "u1", NULL, "k-overmax", &o, &e);
        h_expect_err(st, e, SC_ERR_LIMIT_EXCEEDED, SC_ERR_LIMIT_EXCEEDED, "quantity", __FILE__,
                     __LINE__, "checkout over the maximum");
        CHECK(strstr(sc_error_message(e), "tea") != NULL);
        CHECK(o == NULL);
        sc_error_free(e);
        fx_expect_same(&fx, before, __FILE__, __LINE__, "checkout over the maximum");
    }
    CHECK_OK(sc_engine_cart_set_quantity(fx.engine, "u1", "tea", 2, &E));
    CHECK_EQ(cart_problems(fx.engine, "u1", "tea"), SC_LINE_OK);

    /* Cup's stock drops below the line. */
    put_sku_simple(fx.engine, "cup", 3950, 1, 0, 1);
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    i = cart_line_of(cart, "cup");
    CHECK_EQ(sc_cart_line_problems(cart, i), SC_LINE_OUT_OF_STOCK);
    CHECK_EQ(sc_cart_line_available(cart, i), 1);
    CHECK_EQ(sc_cart_line_quantity(cart, i), 2);
    sc_cart_free(cart);
    cart = NULL;
    {
        char* before = fx_fingerprint(&fx);
        sc_order* o = NULL;
        sc_error* e = NULL;
        sc_status_t st = sc_engine_checkout(fx.engine, "u1", NULL, "k-oos", &o, &e);
        h_expect_err(st, e, SC_ERR_OUT_OF_STOCK, SC_ERR_OUT_OF_STOCK, "quantity", __FILE__,
                     __LINE__, "checkout out of stock");
        CHECK(strstr(sc_error_message(e), "cup") != NULL);
        CHECK(o == NULL);
        sc_error_free(e);
        fx_expect_same(&fx, before, __FILE__, __LINE__, "checkout out of stock");
    }

    /* A failed checkout did not use up its idempotency key. */
    CHECK_OK(sc_engine_cart_set_quantity(fx.engine, "u1", "cup", 1, &E));
    {
        sc_order* o = NULL;
        CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "k-oos", &o, &E));
        if (CHECK(o != NULL)) {
            CHECK_EQ(sc_order_line_count(o), 2); /* tea and cup; cake is unselected */
            CHECK(order_line_of(o, "cake") == (size_t)-1);
            CHECK_EQ(sc_order_total(o), 2 * 7000 + 3950);
        }
        sc_order_free(o);
    }
    CHECK_EQ(cart_lines(fx.engine, "u1"), 1); /* the unselected cake stays */
    put_sku_simple(fx.engine, "cup", 3950, 3, 0, 1);
    CHECK_EQ(sku_available(fx.engine, "cup"), 2); /* 1 held by the order */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cup", 2, &E));

    /* Several problems at once. */
    put_sku_simple(fx.engine, "cup", 4100, 1, 1, 0);
    CHECK_EQ(cart_problems(fx.engine, "u1", "cup"),
             SC_LINE_INACTIVE | SC_LINE_OUT_OF_STOCK | SC_LINE_OVER_MAX | SC_LINE_PRICE_CHANGED);
    fx_close(&fx);
}

void test_cart_merge(void) {
    fixture fx;
    sc_cart* cart = NULL;
    fx_open_memory(&fx);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    fx_track_user(&fx, "g1");

    CHECK_OK(sc_engine_cart_add(fx.engine, "g1", "tea", 3, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "g1", "cup", 2, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "g1", "cake", 1, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 4, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 2, &E));
    CHECK_OK(sc_engine_cart_merge_guest(fx.engine, "u1", "g1", &E));
    CHECK_EQ(cart_lines(fx.engine, "g1"), 0);
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    CHECK_EQ(sc_cart_line_count(cart), 3);
    CHECK_EQ(sc_cart_line_quantity(cart, cart_line_of(cart, "tea")), 5);  /* 7 capped at 5 */
    CHECK_EQ(sc_cart_line_quantity(cart, cart_line_of(cart, "cake")), 3); /* untracked */
    CHECK_EQ(sc_cart_line_quantity(cart, cart_line_of(cart, "cup")), 2);
    CHECK_EQ(sc_cart_line_problems(cart, cart_line_of(cart, "tea")), SC_LINE_OK);
    sc_cart_free(cart);
    cart = NULL;

    /* Capped by the stock available. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "g1", "cup", 3, &E));
    CHECK_OK(sc_engine_cart_merge_guest(fx.engine, "u1", "g1", &E));
    CHECK_EQ(cart_qty(fx.engine, "u1", "cup"), 3);
    CHECK_EQ(cart_problems(fx.engine, "u1", "cup"), SC_LINE_OK);
    CHECK_EQ(cart_lines(fx.engine, "g1"), 0);

    /* The cap is the stock available: units held by an unpaid order do not count. */
    CHECK_OK(sc_engine_cart_clear(fx.engine, "u1", &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u8", "cup", 2, &E));
    {
        sc_order* held = NULL;
        CHECK_OK(sc_engine_checkout(fx.engine, "u8", NULL, "k-hold", &held, &E));
        CHECK(held != NULL);
        CHECK_EQ(sku_available(fx.engine, "cup"), 1);
        CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cup", 1, &E));
        CHECK_OK(sc_engine_cart_add(fx.engine, "g1", "cup", 1, &E));
        CHECK_OK(sc_engine_cart_merge_guest(fx.engine, "u1", "g1", &E));
        CHECK_EQ(cart_qty(fx.engine, "u1", "cup"), 1);
        CHECK_EQ(cart_problems(fx.engine, "u1", "cup"), SC_LINE_OK);
        /* Release the hold again. */
        CHECK_OK(sc_engine_order_cancel(fx.engine, sc_order_id(held), NULL, &E));
        sc_order_free(held);
    }
    CHECK_EQ(sku_available(fx.engine, "cup"), 3);

    /* An empty or unknown guest: nothing changes. */
    EXPECT_STATUS_SAME(&fx, SC_OK, sc_engine_cart_merge_guest(fx.engine, "u1", "g1", NULL));
    EXPECT_STATUS_SAME(&fx, SC_OK, sc_engine_cart_merge_guest(fx.engine, "u1", "never-seen", NULL));

    /* Never below 1: a line that cannot be served keeps 1 unit and shows a problem. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "g2", "cup", 1, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "g2", "cake", 2, &E));
    put_sku_simple(fx.engine, "cup", 3950, 0, 0, 1);
    put_sku_simple(fx.engine, "cake", 12800, -1, 0, 0);
    CHECK_OK(sc_engine_cart_merge_guest(fx.engine, "u2", "g2", &E));
    CHECK_EQ(cart_lines(fx.engine, "g2"), 0);
    CHECK_OK(sc_engine_cart_get(fx.engine, "u2", &cart, &E));
    CHECK_EQ(sc_cart_line_count(cart), 2);
    CHECK_EQ(sc_cart_line_quantity(cart, cart_line_of(cart, "cup")), 1);
    CHECK(sc_cart_line_problems(cart, cart_line_of(cart, "cup")) & SC_LINE_OUT_OF_STOCK);
    CHECK_EQ(sc_cart_line_available(cart, cart_line_of(cart, "cup")), 0);
    CHECK_EQ(sc_cart_line_quantity(cart, cart_line_of(cart, "cake")), 2);
    CHECK(sc_cart_line_problems(cart, cart_line_of(cart, "cake")) & SC_LINE_INACTIVE);
    sc_cart_free(cart);
    fx_close(&fx);
}

void test_quote(void) {
    fixture fx;
    sc_quote* q = NULL;
    int64_t live;
    fx_open_memory(&fx);

    CHECK_OK(sc_engine_quote(fx.engine, "u1", NULL, &q, &E));
    CHECK_STR(sc_quote_currency(q), "");
    CHECK_EQ(sc_quote_line_count(q), 0);
    CHECK_EQ(sc_quote_total(q), 0);
    sc_quote_free(q);
    q = NULL;

    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    CHECK_OK(sc_engine_quote(fx.engine, "u1", NULL, &q, &E));
    CHECK_STR(sc_quote_currency(q), "CNY");
    CHECK_EQ(sc_quote_line_count(q), 0);
    CHECK_EQ(sc_quote_subtotal(q), 0);
    CHECK_EQ(sc_quote_total(q), 0);
    sc_quote_free(q);
    q = NULL;

    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cup", 1, &E));
    CHECK_OK(sc_engine_cart_select(fx.engine, "u1", "cup", false, &E));
    {
        char* before = fx_fingerprint(&fx);
        live = sc_live_object_count();
        CHECK_OK(sc_engine_quote(fx.engine, "u1", NULL, &q, &E));
        CHECK_EQ(sc_live_object_count(), live + 1);
        fx_expect_same(&fx, before, __FILE__, __LINE__, "sc_engine_quote is pure");
    }
    CHECK_STR(sc_quote_currency(q), "CNY");
    if (CHECK_EQ(sc_quote_line_count(q), 2)) {
        size_t t = strcmp(sc_quote_line_sku_id(q, 0), "tea") == 0 ? 0 : 1;
        size_t c = 1 - t;
        CHECK_STR(sc_quote_line_sku_id(q, t), "tea");
        CHECK_STR(sc_quote_line_sku_id(q, c), "cake");
        CHECK_EQ(sc_quote_line_quantity(q, t), 2);
        CHECK_EQ(sc_quote_line_unit_price(q, t), 6800);
        CHECK_EQ(sc_quote_line_base(q, t), 13600);
        CHECK_EQ(sc_quote_line_net(q, t), 13600);
        CHECK_EQ(sc_quote_line_quantity(q, c), 1);
        CHECK_EQ(sc_quote_line_unit_price(q, c), 12800);
        CHECK_EQ(sc_quote_line_base(q, c), 12800);
        CHECK_EQ(sc_quote_line_net(q, c), 12800);
        CHECK_EQ(sc_quote_line_net(q, 0) + sc_quote_line_net(q, 1), sc_quote_total(q));
    }
    CHECK_EQ(sc_quote_subtotal(q), 26400);
    CHECK_EQ(sc_quote_total(q), 26400);
    /* No rules in this program: nothing taken off, no shipping, one figure per merchant. */
    CHECK_EQ(sc_quote_discount(q), 0);
    CHECK_EQ(sc_quote_shipping(q), 0);
    CHECK_EQ(sc_quote_saved(q), 0);
    CHECK_EQ(sc_quote_line_adjustment_count(q, 0), 0);
    CHECK(sc_quote_line_adjustment_kind(q, 0, 0) == NULL);
    CHECK_EQ(sc_quote_promotion_count(q), 0);
    CHECK_EQ(sc_quote_coupon_count(q), 0);
    CHECK_EQ(sc_quote_gift_count(q), 0);
    CHECK_EQ(sc_quote_explanation_count(q), 0);
    {
        size_t m, merchants = sc_quote_merchant_count(q);
        int64_t sum = 0;
        CHECK_EQ(merchants, 2);
        for (m = 0; m < merchants; ++m) {
            CHECK(sc_quote_merchant_id(q, m) != NULL);
            CHECK_EQ(sc_quote_merchant_subtotal(q, m), sc_quote_merchant_total(q, m));
            CHECK_EQ(sc_quote_merchant_discount(q, m), 0);
            CHECK_EQ(sc_quote_merchant_shipping_fee(q, m), 0);
            CHECK_EQ(sc_quote_merchant_shipping_waived(q, m), 0);
            CHECK_STR(sc_quote_merchant_shipping_waived_by(q, m), "");
            CHECK_EQ(sc_quote_merchant_shipping(q, m), 0);
            sum += sc_quote_merchant_total(q, m);
        }
        CHECK_EQ(sum, sc_quote_total(q));
        CHECK(sc_quote_merchant_id(q, merchants) == NULL);
        CHECK_STR(sc_quote_line_merchant_id(q, 0), sc_quote_merchant_id(q, 0));
    }
    CHECK(sc_quote_line_sku_id(q, 2) == NULL);
    CHECK_EQ(sc_quote_line_quantity(q, 2), 0);
    CHECK_EQ(sc_quote_line_unit_price(q, 2), 0);
    CHECK_EQ(sc_quote_line_base(q, 2), 0);
    CHECK_EQ(sc_quote_line_net(q, (size_t)-1), 0);
    sc_quote_free(q);
    q = NULL;

    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_quote(NULL, "u1", NULL, &q, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "user_id", sc_engine_quote(fx.engine, NULL, NULL, &q, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "user_id", sc_engine_quote(fx.engine, "", NULL, &q, &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "user_id", sc_engine_quote(fx.engine, BAD_UTF8, NULL, &q, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "out", sc_engine_quote(fx.engine, "u1", NULL, NULL, &E));
    CHECK_STATUS(sc_engine_quote(fx.engine, "u1", NULL, NULL, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK(q == NULL);
    fx_close(&fx);
}

/* A threshold promotion and shipping rules from the program document, read through the
 * quote's accessors, and the order that checkout makes from the same cart. */
void test_quote_with_rules(void) {
    fixture fx;
    sc_quote* q = NULL;
    sc_order* o = NULL;
    size_t t, c;
    fx_open_memory(&fx);
    fx_import(&fx,
              "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":["
              "{\"id\":\"tea\",\"merchant_id\":\"m1\",\"title\":\"Tea\",\"list_price\":6800},"
              "{\"id\":\"cake\",\"merchant_id\":\"m2\",\"title\":\"Cake\",\"list_price\":12800}],"
              "\"promotions\":[{\"id\":\"spend200\",\"title\":\"20 off 200\",\"kind\":\"threshold\","
              "\"tiers\":[{\"min_spend\":20000,\"off\":2000}]}],"
              "\"shipping_rules\":[{\"merchant_id\":\"\",\"flat_fee\":800,\"free_over\":15000},"
              "{\"merchant_id\":\"m2\",\"flat_fee\":1000}]}");
    fx_track_user(&fx, "u1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    CHECK_OK(sc_engine_quote(fx.engine, "u1", NULL, &q, &E));
    /* 26400 of goods meets the 20000 threshold: 2000 off, split 13600 : 12800 by largest
     * remainder (1030.30 and 969.70: the spare unit goes to cake). m1's goods (12570) stay
     * under its free-shipping threshold, m2 has a flat fee of its own. */
    CHECK_EQ(sc_quote_subtotal(q), 26400);
    CHECK_EQ(sc_quote_discount(q), 2000);
    CHECK_EQ(sc_quote_shipping(q), 1800);
    CHECK_EQ(sc_quote_total(q), 26200);
    CHECK_EQ(sc_quote_saved(q), 2000);
    if (CHECK_EQ(sc_quote_line_count(q), 2)) {
        t = strcmp(sc_quote_line_sku_id(q, 0), "tea") == 0 ? 0 : 1;
        c = 1 - t;
        CHECK_EQ(sc_quote_line_adjustment_count(q, t), 1);
        CHECK_STR(sc_quote_line_adjustment_kind(q, t, 0), "promotion");
        CHECK_STR(sc_quote_line_adjustment_source(q, t, 0), "spend200");
        CHECK_EQ(sc_quote_line_adjustment_amount(q, t, 0), 1030);
        CHECK_EQ(sc_quote_line_adjustment_amount(q, c, 0), 970);
        CHECK_EQ(sc_quote_line_net(q, t), 12570);
        CHECK_EQ(sc_quote_line_net(q, c), 11830);
        CHECK(sc_quote_line_adjustment_kind(q, t, 1) == NULL);
        CHECK_EQ(sc_quote_line_adjustment_amount(q, t, 1), 0);
    }
    if (CHECK_EQ(sc_quote_merchant_count(q), 2)) {
        size_t m1 = strcmp(sc_quote_merchant_id(q, 0), "m1") == 0 ? 0 : 1;
        CHECK_EQ(sc_quote_merchant_subtotal(q, m1), 13600);
        CHECK_EQ(sc_quote_merchant_discount(q, m1), 1030);
        CHECK_EQ(sc_quote_merchant_shipping_fee(q, m1), 800);
        CHECK_EQ(sc_quote_merchant_shipping(q, m1), 800);
        CHECK_EQ(sc_quote_merchant_total(q, m1), 13370);
        CHECK_EQ(sc_quote_merchant_shipping_fee(q, 1 - m1), 1000);
        CHECK_EQ(sc_quote_merchant_total(q, 1 - m1), 12830);
    }
    if (CHECK_EQ(sc_quote_promotion_count(q), 1)) {
        CHECK_STR(sc_quote_promotion_id(q, 0), "spend200");
        CHECK_EQ(sc_quote_promotion_amount(q, 0), 2000);
    }
    CHECK_EQ(sc_quote_coupon_count(q), 0);
    CHECK_EQ(sc_quote_explanation_count(q), 0);
    sc_quote_free(q);
    q = NULL;

    /* Checkout charges exactly what the quote showed. */
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "k-rules", &o, &E));
    CHECK_EQ(sc_order_total(o), 26200);
    CHECK_EQ(sc_order_subtotal(o), 26400);
    sc_order_free(o);

    /* Below the threshold: no promotion, and m1 pays its shipping. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_quote(fx.engine, "u1", NULL, &q, &E));
    CHECK_EQ(sc_quote_discount(q), 0);
    CHECK_EQ(sc_quote_promotion_count(q), 0);
    CHECK_EQ(sc_quote_shipping(q), 800);
    CHECK_EQ(sc_quote_total(q), 14400);
    sc_quote_free(q);
    fx_close(&fx);
}

/* Totals that do not fit in 64 bits. */
void test_quote_overflow(void) {
    fixture fx;
    sc_quote* q = NULL;
    sc_order* o = NULL;
    sc_error* e = NULL;
    sc_status_t st;
    const int64_t half = INT64_MAX / 2;
    fx_open_memory(&fx);
    fx_track_user(&fx, "u1");
    fx_track_user(&fx, "u2");
    fx_track_user(&fx, "u3");
    put_sku_simple(fx.engine, "half", half, -1, 0, 1);
    put_sku_simple(fx.engine, "half1", half + 1, -1, 0, 1);
    put_sku_simple(fx.engine, "two", 2, -1, 0, 1);

    /* Two lines whose sum overflows. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "half1", 1, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "half", 1, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "two", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_OVERFLOW, NULL, sc_engine_quote(fx.engine, "u1", NULL, &q, &E));
    CHECK(q == NULL);
    EXPECT_ERR_SAME(&fx, SC_ERR_OVERFLOW, NULL, sc_engine_checkout(fx.engine, "u1", NULL, "k-of1", &o, &E));
    CHECK(o == NULL);
    EXPECT_STATUS_SAME(&fx, SC_ERR_OVERFLOW, sc_engine_checkout(fx.engine, "u1", NULL, "k-of1", &o, NULL));

    /* INT64_MAX/2 bought twice fits; add a SKU priced 2 and it does not. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u2", "half", 2, &E));
    CHECK_OK(sc_engine_quote(fx.engine, "u2", NULL, &q, &E));
    CHECK_EQ(sc_quote_total(q), half * 2);
    sc_quote_free(q);
    q = NULL;
    CHECK_OK(sc_engine_cart_add(fx.engine, "u2", "two", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_OVERFLOW, NULL, sc_engine_quote(fx.engine, "u2", NULL, &q, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_OVERFLOW, NULL, sc_engine_checkout(fx.engine, "u2", NULL, "k-of2", &o, &E));

    /* One line whose base overflows: refused when added, or when priced. */
    {
        char* before = fx_fingerprint(&fx);
        st = sc_engine_cart_add(fx.engine, "u3", "half1", 2, &e);
        if (st != SC_OK) {
            h_expect_err(st, e, SC_ERR_OVERFLOW, SC_ERR_OVERFLOW, NULL, __FILE__, __LINE__,
                         "sc_engine_cart_add(half1 x2)");
            fx_expect_same(&fx, before, __FILE__, __LINE__, "sc_engine_cart_add(half1 x2)");
        } else {
            free(before);
            EXPECT_ERR_SAME(&fx, SC_ERR_OVERFLOW, NULL, sc_engine_quote(fx.engine, "u3", NULL, &q, &E));
            EXPECT_ERR_SAME(&fx, SC_ERR_OVERFLOW, NULL,
                            sc_engine_checkout(fx.engine, "u3", NULL, "k-of3", &o, &E));
        }
        sc_error_free(e);
    }
    CHECK(q == NULL);
    CHECK(o == NULL);
    fx_close(&fx);
}
