/* SKU builder, put/get SKU and the catalog listing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

static int sku_has_category(const sc_sku* s, const char* cat) {
    size_t i;
    for (i = 0; i < sc_sku_category_count(s); ++i) {
        const char* c = sc_sku_category_at(s, i);
        if (c != NULL && strcmp(c, cat) == 0) {
            return 1;
        }
    }
    return 0;
}

void test_sku_accessors_null(void) {
    CHECK(sc_sku_id(NULL) == NULL);
    CHECK(sc_sku_merchant_id(NULL) == NULL);
    CHECK(sc_sku_title(NULL) == NULL);
    CHECK(sc_sku_currency(NULL) == NULL);
    CHECK_EQ(sc_sku_list_price(NULL), 0);
    CHECK(!sc_sku_stock_tracked(NULL));
    CHECK_EQ(sc_sku_stock_on_hand(NULL), 0);
    CHECK_EQ(sc_sku_stock_available(NULL), 0);
    CHECK_EQ(sc_sku_max_per_order(NULL), 0);
    CHECK(!sc_sku_active(NULL));
    CHECK_EQ(sc_sku_category_count(NULL), 0);
    CHECK(sc_sku_category_at(NULL, 0) == NULL);
    sc_sku_free(NULL);
    CHECK_EQ(sc_catalog_count(NULL), 0);
    CHECK(sc_catalog_at(NULL, 0) == NULL);
    sc_catalog_free(NULL);
}

void test_sku_builder(void) {
    sc_sku* s = NULL;
    int64_t live = sc_live_object_count();

    CHECK_OK(sc_sku_new("tea", "m1", "Tea \xe8\x8c\xb6", "CNY", 6800, &s, &E));
    if (!CHECK(s != NULL)) {
        return;
    }
    CHECK_EQ(sc_live_object_count(), live + 1);
    CHECK_STR(sc_sku_id(s), "tea");
    CHECK_STR(sc_sku_merchant_id(s), "m1");
    CHECK_STR(sc_sku_title(s), "Tea \xe8\x8c\xb6");
    CHECK_STR(sc_sku_currency(s), "CNY");
    CHECK_EQ(sc_sku_list_price(s), 6800);
    /* Defaults: untracked, no maximum, active, no category. */
    CHECK(!sc_sku_stock_tracked(s));
    CHECK_EQ(sc_sku_stock_on_hand(s), 0);
    CHECK_EQ(sc_sku_stock_available(s), -1); /* untracked */
    CHECK_EQ(sc_sku_max_per_order(s), 0);
    CHECK(sc_sku_active(s));
    CHECK_EQ(sc_sku_category_count(s), 0);
    CHECK(sc_sku_category_at(s, 0) == NULL);

    CHECK_OK(sc_sku_set_stock(s, 7, &E));
    CHECK(sc_sku_stock_tracked(s));
    CHECK_EQ(sc_sku_stock_on_hand(s), 7);
    /* Never stored: available equals on hand. */
    CHECK_EQ(sc_sku_stock_available(s), 7);
    CHECK_OK(sc_sku_set_stock(s, 0, &E));
    CHECK(sc_sku_stock_tracked(s));
    CHECK_EQ(sc_sku_stock_on_hand(s), 0);
    CHECK_OK(sc_sku_set_stock(s, 12, &E));
    CHECK_OK(sc_sku_set_max_per_order(s, 1, &E));
    CHECK_EQ(sc_sku_max_per_order(s), 1);
    CHECK_OK(sc_sku_set_max_per_order(s, 5, &E));
    CHECK_EQ(sc_sku_max_per_order(s), 5);
    CHECK_OK(sc_sku_set_active(s, false, &E));
    CHECK(!sc_sku_active(s));
    CHECK_OK(sc_sku_set_active(s, true, &E));
    CHECK(sc_sku_active(s));
    CHECK_OK(sc_sku_add_category(s, "tea", &E));
    CHECK_OK(sc_sku_add_category(s, "gifts", &E));
    CHECK_OK(sc_sku_add_category(s, "tea", &E)); /* ignored */
    CHECK_OK(sc_sku_add_category(s, "\xe8\x8c\xb6", &E));
    CHECK_EQ(sc_sku_category_count(s), 3);
    CHECK(sku_has_category(s, "tea"));
    CHECK(sku_has_category(s, "gifts"));
    CHECK(sku_has_category(s, "\xe8\x8c\xb6"));
    CHECK(sc_sku_category_at(s, 3) == NULL);
    CHECK(sc_sku_category_at(s, (size_t)-1) == NULL);

    /* Bad setter input changes nothing. */
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "sku", sc_sku_set_stock(NULL, 5, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "on_hand", sc_sku_set_stock(s, -1, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "on_hand", sc_sku_set_stock(s, INT64_MIN, &E));
    CHECK_STATUS(sc_sku_set_stock(s, -1, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK_EQ(sc_sku_stock_on_hand(s), 12);
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "sku", sc_sku_set_max_per_order(NULL, 5, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "max_quantity", sc_sku_set_max_per_order(s, 0, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "max_quantity", sc_sku_set_max_per_order(s, -3, &E));
    CHECK_STATUS(sc_sku_set_max_per_order(s, 0, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK_EQ(sc_sku_max_per_order(s), 5);
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "sku", sc_sku_set_active(NULL, true, &E));
    CHECK_STATUS(sc_sku_set_active(NULL, false, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK(sc_sku_active(s));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "sku", sc_sku_add_category(NULL, "x", &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "category_id", sc_sku_add_category(s, NULL, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "category_id", sc_sku_add_category(s, "", &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "category_id", sc_sku_add_category(s, BAD_UTF8, &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "category_id", sc_sku_add_category(s, "a\xc0\xaf", &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "category_id", sc_sku_add_category(s, "\xed\xa0\x80", &E));
    CHECK_STATUS(sc_sku_add_category(s, "", NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK_EQ(sc_sku_category_count(s), 3);

    sc_sku_free(s);
    CHECK_EQ(sc_live_object_count(), live);

    /* Edge prices are fine. */
    s = NULL;
    CHECK_OK(sc_sku_new("free", "m1", "Free", "JPY", 0, &s, &E));
    CHECK_EQ(sc_sku_list_price(s), 0);
    CHECK_STR(sc_sku_currency(s), "JPY");
    sc_sku_free(s);
    s = NULL;
    CHECK_OK(sc_sku_new("max", "m1", "Max", "USD", INT64_MAX, &s, &E));
    CHECK_EQ(sc_sku_list_price(s), INT64_MAX);
    sc_sku_free(s);
}

void test_sku_new_bad(void) {
    sc_sku* s = NULL;
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "id", sc_sku_new(NULL, "m", "T", "CNY", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "id", sc_sku_new("", "m", "T", "CNY", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "id", sc_sku_new(BAD_UTF8, "m", "T", "CNY", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "id", sc_sku_new("a\x01", "m", "T", "CNY", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "id", sc_sku_new(ID129, "m", "T", "CNY", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "merchant_id",
               sc_sku_new("a", "m\x7f", "T", "CNY", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "merchant_id",
               sc_sku_new("a", NULL, "T", "CNY", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "merchant_id",
               sc_sku_new("a", "", "T", "CNY", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "merchant_id",
               sc_sku_new("a", BAD_UTF8, "T", "CNY", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "title", sc_sku_new("a", "m", NULL, "CNY", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "title", sc_sku_new("a", "m", "", "CNY", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "title", sc_sku_new("a", "m", BAD_UTF8, "CNY", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_sku_new("a", "m", "T", NULL, 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_sku_new("a", "m", "T", "", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_sku_new("a", "m", "T", "cny", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency",
               sc_sku_new("a", "m", "T", "CNYX", 1, &s, &E));
    /* Only ISO 4217 codes with a minor unit: not made-up codes, not gold. */
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_sku_new("a", "m", "T", "ZZZ", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_sku_new("a", "m", "T", "XAU", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "title", sc_sku_new("a", "m", "\x01T", "CNY", 1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "list_price",
               sc_sku_new("a", "m", "T", "CNY", -1, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "list_price",
               sc_sku_new("a", "m", "T", "CNY", INT64_MIN, &s, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "out", sc_sku_new("a", "m", "T", "CNY", 1, NULL, &E));
    CHECK_STATUS(sc_sku_new("", "m", "T", "CNY", 1, &s, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(sc_sku_new("a", "m", "T", "CNY", -1, &s, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(sc_sku_new(BAD_UTF8, "m", "T", "CNY", 1, &s, NULL), SC_ERR_INVALID_UTF8);
    CHECK(s == NULL);
}

void test_put_get_sku(void) {
    fixture fx;
    sc_sku* s = NULL;
    sc_sku* got = NULL;
    int64_t live;

    fx_open_memory(&fx);
    CHECK_OK(sc_sku_new("tea", "m1", "Tea", "CNY", 6800, &s, &E));
    CHECK_OK(sc_sku_set_stock(s, 12, &E));
    CHECK_OK(sc_sku_set_max_per_order(s, 5, &E));
    CHECK_OK(sc_sku_add_category(s, "tea", &E));
    CHECK_OK(sc_sku_add_category(s, "gifts", &E));
    CHECK_OK(sc_engine_sku_put(fx.engine, s, &E));
    sc_sku_free(s);
    s = NULL;

    live = sc_live_object_count();
    CHECK_OK(sc_engine_sku_get(fx.engine, "tea", &got, &E));
    CHECK_EQ(sc_live_object_count(), live + 1);
    if (CHECK(got != NULL)) {
        CHECK_STR(sc_sku_id(got), "tea");
        CHECK_STR(sc_sku_merchant_id(got), "m1");
        CHECK_STR(sc_sku_title(got), "Tea");
        CHECK_STR(sc_sku_currency(got), "CNY");
        CHECK_EQ(sc_sku_list_price(got), 6800);
        CHECK(sc_sku_stock_tracked(got));
        CHECK_EQ(sc_sku_stock_on_hand(got), 12);
        CHECK_EQ(sc_sku_stock_available(got), 12);
        CHECK_EQ(sc_sku_max_per_order(got), 5);
        CHECK(sc_sku_active(got));
        CHECK_EQ(sc_sku_category_count(got), 2);
        CHECK(sku_has_category(got, "tea"));
        CHECK(sku_has_category(got, "gifts"));
        CHECK(sc_sku_category_at(got, 2) == NULL);
    }
    sc_sku_free(got);
    got = NULL;

    /* Replace: new title, price, stock, inactive, no maximum, no category. */
    CHECK_OK(sc_sku_new("tea", "m9", "Green tea", "CNY", 7000, &s, &E));
    CHECK_OK(sc_sku_set_stock(s, 4, &E));
    CHECK_OK(sc_sku_set_active(s, false, &E));
    CHECK_OK(sc_engine_sku_put(fx.engine, s, &E));
    sc_sku_free(s);
    s = NULL;
    CHECK_OK(sc_engine_sku_get(fx.engine, "tea", &got, &E));
    CHECK_STR(sc_sku_merchant_id(got), "m9");
    CHECK_STR(sc_sku_title(got), "Green tea");
    CHECK_EQ(sc_sku_list_price(got), 7000);
    CHECK_EQ(sc_sku_stock_on_hand(got), 4);
    CHECK_EQ(sc_sku_stock_available(got), 4);
    CHECK_EQ(sc_sku_max_per_order(got), 0);
    CHECK(!sc_sku_active(got));
    CHECK_EQ(sc_sku_category_count(got), 0);
    /* A SKU read from the engine can be put back unchanged. */
    {
        char* fp = fx_fingerprint(&fx);
        char* fp2;
        CHECK_OK(sc_engine_sku_put(fx.engine, got, &E));
        fp2 = fx_fingerprint(&fx);
        /* Same program; the event log may record the put. */
        CHECK(strncmp(fp, fp2, (size_t)(strstr(fp, "events") - fp)) == 0);
        free(fp);
        free(fp2);
    }
    sc_sku_free(got);
    got = NULL;

    /* A new SKU with stock 0 is tracked, and available 0. */
    CHECK_OK(sc_sku_new("zero", "m1", "Zero", "CNY", 1, &s, &E));
    CHECK_OK(sc_sku_set_stock(s, 0, &E));
    CHECK_EQ(sc_sku_stock_available(s), 0);
    sc_sku_free(s);
    s = NULL;

    /* An untracked SKU. */
    put_sku_simple(fx.engine, "cake", 12800, -1, 0, 1);
    CHECK_OK(sc_engine_sku_get(fx.engine, "cake", &got, &E));
    CHECK(!sc_sku_stock_tracked(got));
    CHECK_EQ(sc_sku_stock_on_hand(got), 0);
    CHECK_EQ(sc_sku_stock_available(got), -1);
    sc_sku_free(got);
    got = NULL;

    /* Bad input. */
    CHECK_OK(sc_sku_new("usd-thing", "m1", "Thing", "USD", 100, &s, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_CURRENCY_MISMATCH, NULL, sc_engine_sku_put(fx.engine, s, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_CURRENCY_MISMATCH, sc_engine_sku_put(fx.engine, s, NULL));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_sku_put(NULL, s, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sku", sc_engine_sku_put(fx.engine, NULL, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_ARGUMENT, sc_engine_sku_put(fx.engine, NULL, NULL));
    sc_sku_free(s);
    s = NULL;
    EXPECT_ERR(SC_ERR_NOT_FOUND, "sku_id", sc_engine_sku_get(fx.engine, "nope", &got, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "sku_id", sc_engine_sku_get(fx.engine, "", &got, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "sku_id", sc_engine_sku_get(fx.engine, NULL, &got, &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "sku_id", sc_engine_sku_get(fx.engine, BAD_UTF8, &got, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "out", sc_engine_sku_get(fx.engine, "tea", NULL, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_sku_get(NULL, "tea", &got, &E));
    CHECK_STATUS(sc_engine_sku_get(fx.engine, "nope", &got, NULL), SC_ERR_NOT_FOUND);
    CHECK(got == NULL);
    fx_close(&fx);

    /* The first SKU sets the catalog's currency. */
    fx_open_memory(&fx);
    CHECK_OK(sc_sku_new("a", "m1", "A", "USD", 100, &s, &E));
    CHECK_OK(sc_engine_sku_put(fx.engine, s, &E));
    sc_sku_free(s);
    s = NULL;
    CHECK_OK(sc_sku_new("b", "m1", "B", "CNY", 100, &s, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_CURRENCY_MISMATCH, NULL, sc_engine_sku_put(fx.engine, s, &E));
    sc_sku_free(s);
    fx_close(&fx);
}

void test_catalog_listing(void) {
    fixture fx;
    sc_catalog* cat = NULL;
    int64_t live;
    static const char* const ids[] = {"cake", "cup", "kettle", "tea"};
    size_t i;

    fx_open_memory(&fx);
    CHECK_OK(sc_engine_catalog_list(fx.engine, &cat, &E));
    CHECK_EQ(sc_catalog_count(cat), 0);
    CHECK(sc_catalog_at(cat, 0) == NULL);
    sc_catalog_free(cat);
    cat = NULL;

    fx_import_standard(&fx);
    live = sc_live_object_count();
    CHECK_OK(sc_engine_catalog_list(fx.engine, &cat, &E));
    CHECK_EQ(sc_live_object_count(), live + 1);
    CHECK_EQ(sc_catalog_count(cat), 4);
    for (i = 0; i < 4 && i < sc_catalog_count(cat); ++i) {
        CHECK_STR(sc_sku_id(sc_catalog_at(cat, i)), ids[i]);
    }
    /* Borrowed SKUs are not new objects. */
    CHECK_EQ(sc_live_object_count(), live + 1);
    {
        const sc_sku* tea = sc_catalog_at(cat, 3);
        const sc_sku* kettle = sc_catalog_at(cat, 2);
        const sc_sku* cake = sc_catalog_at(cat, 0);
        CHECK_STR(sc_sku_title(tea), "Longjing \xe9\xbe\x99\xe4\xba\x95");
        CHECK_STR(sc_sku_merchant_id(tea), "m1");
        CHECK_STR(sc_sku_currency(tea), "CNY");
        CHECK_EQ(sc_sku_list_price(tea), 6800);
        CHECK(sc_sku_stock_tracked(tea));
        CHECK_EQ(sc_sku_stock_on_hand(tea), 12);
        CHECK_EQ(sc_sku_stock_available(tea), 12);
        CHECK_EQ(sc_sku_max_per_order(tea), 5);
        CHECK(sc_sku_active(tea));
        CHECK_EQ(sc_sku_category_count(tea), 2);
        CHECK(sku_has_category(tea, "gifts"));
        CHECK(!sc_sku_active(kettle));
        CHECK(sc_sku_stock_tracked(kettle));
        CHECK_EQ(sc_sku_stock_on_hand(kettle), 0);
        CHECK_EQ(sc_sku_category_count(kettle), 0);
        CHECK(!sc_sku_stock_tracked(cake));
        CHECK_EQ(sc_sku_stock_on_hand(cake), 0);
        CHECK_EQ(sc_sku_stock_available(cake), -1);
        CHECK_EQ(sc_sku_max_per_order(cake), 0);
        CHECK_STR(sc_sku_merchant_id(cake), "m2");
    }
    CHECK(sc_catalog_at(cat, 4) == NULL);
    CHECK(sc_catalog_at(cat, (size_t)-1) == NULL);
    sc_catalog_free(cat);
    CHECK_EQ(sc_live_object_count(), live);
    cat = NULL;

    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_catalog_list(NULL, &cat, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "out", sc_engine_catalog_list(fx.engine, NULL, &E));
    CHECK_STATUS(sc_engine_catalog_list(fx.engine, NULL, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK(cat == NULL);
    fx_close(&fx);
}
