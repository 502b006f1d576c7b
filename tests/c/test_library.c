/* Library-wide functions: version, ABI, status names, errors, money format, strings. */
#include <stdint.h>
#include <string.h>

#include "fixture.h"

void test_library_version(void) {
    CHECK_STR(sc_version(), SOCIALCART_VERSION_STRING);
    CHECK_EQ(sc_abi_version(), SOCIALCART_ABI_VERSION);
    /* The same static string every time. */
    CHECK(sc_version() == sc_version());
}

void test_status_names(void) {
    static const char* const names[] = {
        "SC_OK",
        "SC_ERR_INVALID_ARGUMENT",
        "SC_ERR_INVALID_UTF8",
        "SC_ERR_NOT_FOUND",
        "SC_ERR_INVALID_STATE",
        "SC_ERR_OVERFLOW",
        "SC_ERR_CURRENCY_MISMATCH",
        "SC_ERR_OUT_OF_STOCK",
        "SC_ERR_LIMIT_EXCEEDED",
        "SC_ERR_SKU_INACTIVE",
        "SC_ERR_CART_EMPTY",
        "SC_ERR_AMOUNT_MISMATCH",
        "SC_ERR_REFUND_EXCEEDS_PAID",
        "SC_ERR_EXPIRED",
        "SC_ERR_IDEMPOTENCY_CONFLICT",
        "SC_ERR_VALIDATION",
        "SC_ERR_BUSY",
        "SC_ERR_STORAGE",
        "SC_ERR_SCHEMA_TOO_NEW",
        "SC_ERR_OUT_OF_MEMORY",
        "SC_ERR_INTERNAL",
        "SC_ERR_LINK_MALFORMED",
        "SC_ERR_LINK_UNKNOWN_KEY",
        "SC_ERR_LINK_TAMPERED",
        "SC_ERR_GROUP_FULL",
    };
    int i;
    for (i = 0; i <= (int)SC_STATUS_LAST; ++i) {
        CHECK_STR(sc_status_name((sc_status_t)i), names[i]);
    }
    CHECK_STR(sc_status_name(SC_ERR_NOT_FOUND), "SC_ERR_NOT_FOUND");
    CHECK_STR(sc_status_name((sc_status_t)(SC_STATUS_LAST + 1)), "SC_UNKNOWN_STATUS");
    CHECK_EQ(sizeof names / sizeof names[0], (size_t)SC_STATUS_LAST + 1);
    CHECK_STR(sc_status_name((sc_status_t)-1), "SC_UNKNOWN_STATUS");
    CHECK_STR(sc_status_name((sc_status_t)1000), "SC_UNKNOWN_STATUS");
}

void test_order_state_names(void) {
    const char* names[9];
    int i;
    int j;
    CHECK_STR(sc_order_state_name(SC_ORDER_PAID), "paid");
    /* The names docs/orders-and-holds.md lists. */
    CHECK_STR(sc_order_state_name(SC_ORDER_CREATED), "created");
    CHECK_STR(sc_order_state_name(SC_ORDER_PARTIALLY_REFUNDED), "partially_refunded");
    CHECK_STR(sc_order_state_name(SC_ORDER_REFUNDED), "refunded");
    CHECK_STR(sc_order_state_name(SC_ORDER_CANCELLED), "cancelled");
    CHECK_STR(sc_order_state_name((sc_order_state_t)0), "unknown");
    CHECK_STR(sc_order_state_name(SC_ORDER_AWAITING_GROUP), "awaiting_group");
    CHECK_STR(sc_order_state_name(SC_ORDER_GROUP_CONFIRMED), "group_confirmed");
    CHECK_STR(sc_order_state_name(SC_ORDER_GROUP_FAILED), "group_failed");
    CHECK_STR(sc_order_state_name((sc_order_state_t)9), "unknown");
    CHECK_STR(sc_order_state_name((sc_order_state_t)-3), "unknown");
    for (i = 1; i <= 8; ++i) {
        names[i] = sc_order_state_name((sc_order_state_t)i);
        CHECK(names[i] != NULL && names[i][0] != '\0');
        CHECK(names[i] != NULL && strcmp(names[i], "unknown") != 0);
    }
    for (i = 1; i <= 8; ++i) {
        for (j = i + 1; j <= 8; ++j) {
            CHECK(names[i] != NULL && names[j] != NULL && strcmp(names[i], names[j]) != 0);
        }
    }
}

static void expect_money(int64_t amount, const char* currency, const char* want, int line) {
    char* out = NULL;
    sc_error* e = NULL;
    sc_status_t st = sc_money_format(amount, currency, &out, &e);
    h_check_ok(st, e, __FILE__, line, want);
    h_check_str(out, want, __FILE__, line, "sc_money_format", want);
    sc_string_free(out);
    sc_error_free(e);
}

void test_money_format(void) {
    char* out = NULL;
    int64_t live;
    expect_money(6800, "CNY", "CNY 68.00", __LINE__);
    expect_money(1200, "JPY", "JPY 1200", __LINE__);
    expect_money(-5, "USD", "USD -0.05", __LINE__);
    expect_money(0, "CNY", "CNY 0.00", __LINE__);
    expect_money(5, "CNY", "CNY 0.05", __LINE__);
    expect_money(100, "EUR", "EUR 1.00", __LINE__);
    expect_money(-6800, "CNY", "CNY -68.00", __LINE__);
    expect_money(-99, "CNY", "CNY -0.99", __LINE__);
    expect_money(-1200, "JPY", "JPY -1200", __LINE__);
    expect_money(0, "JPY", "JPY 0", __LINE__);
    expect_money(1234, "KWD", "KWD 1.234", __LINE__);
    expect_money(INT64_MAX, "CNY", "CNY 92233720368547758.07", __LINE__);
    expect_money(INT64_MIN, "CNY", "CNY -92233720368547758.08", __LINE__);
    expect_money(INT64_MIN, "JPY", "JPY -9223372036854775808", __LINE__);
    /* Digits come from the ISO 4217 list. */
    expect_money(12345, "CLF", "CLF 1.2345", __LINE__);
    expect_money(-7, "CLF", "CLF -0.0007", __LINE__);
    expect_money(1500, "BHD", "BHD 1.500", __LINE__);
    expect_money(1200, "KRW", "KRW 1200", __LINE__);
    expect_money(250, "UYI", "UYI 250", __LINE__);

    /* The returned string is a live object until freed. */
    live = sc_live_object_count();
    CHECK_OK(sc_money_format(1, "CNY", &out, &E));
    CHECK_EQ(sc_live_object_count(), live + 1);
    sc_string_free(out);
    CHECK_EQ(sc_live_object_count(), live);

    /* Bad input. */
    out = NULL;
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_money_format(1, NULL, &out, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_money_format(1, "", &out, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_money_format(1, "cny", &out, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_money_format(1, "CN", &out, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_money_format(1, "CNYY", &out, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_money_format(1, "C1Y", &out, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_money_format(1, "CN ", &out, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_money_format(1, "ZZZ", &out, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_money_format(1, "XAU", &out, &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "currency",
                sc_money_format(1, "\xff\xfe\xfd", &out, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "out", sc_money_format(1, "CNY", NULL, &E));
    CHECK(out == NULL);
    /* err may be NULL. */
    CHECK_STATUS(sc_money_format(1, "cny", &out, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(sc_money_format(1, "CNY", NULL, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK(out == NULL);
    CHECK_STATUS(sc_money_format(250, "CNY", &out, NULL), SC_OK);
    CHECK_STR(out, "CNY 2.50");
    sc_string_free(out);
}

static void expect_digits(const char* currency, int32_t want, int line) {
    int32_t digits = -1;
    sc_error* e = NULL;
    h_check_ok(sc_currency_minor_units(currency, &digits, &e), e, __FILE__, line, currency);
    h_check_i64(digits, want, __FILE__, line, currency, "digits");
    sc_error_free(e);
}

void test_currency_minor_units(void) {
    int32_t digits = -1;
    expect_digits("CNY", 2, __LINE__);
    expect_digits("USD", 2, __LINE__);
    expect_digits("EUR", 2, __LINE__);
    expect_digits("JPY", 0, __LINE__);
    expect_digits("KRW", 0, __LINE__);
    expect_digits("BHD", 3, __LINE__);
    expect_digits("KWD", 3, __LINE__);
    expect_digits("CLF", 4, __LINE__);
    expect_digits("UYW", 4, __LINE__);
    expect_digits("UYI", 0, __LINE__);

    /* Not a currency with a minor unit: gold, SDR, the testing code, withdrawn, made up. */
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_currency_minor_units("XAU", &digits, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_currency_minor_units("XDR", &digits, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_currency_minor_units("XTS", &digits, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_currency_minor_units("HRK", &digits, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_currency_minor_units("ZZZ", &digits, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_currency_minor_units("cny", &digits, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_currency_minor_units("", &digits, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_currency_minor_units("CNY ", &digits, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "currency", sc_currency_minor_units(NULL, &digits, &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "currency", sc_currency_minor_units("\xff\xfe\xfd", &digits, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "digits_out", sc_currency_minor_units("CNY", NULL, &E));
    /* The out-parameter is untouched on failure; err may be NULL. */
    CHECK_EQ(digits, -1);
    CHECK_STATUS(sc_currency_minor_units("ZZZ", &digits, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(sc_currency_minor_units("CNY", NULL, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK_EQ(digits, -1);
    CHECK_STATUS(sc_currency_minor_units("JPY", &digits, NULL), SC_OK);
    CHECK_EQ(digits, 0);
}

void test_error_accessors(void) {
    sc_error* e = NULL;
    int64_t live = sc_live_object_count();
    /* NULL is allowed everywhere. */
    CHECK_EQ(sc_error_code(NULL), SC_OK);
    CHECK_STR(sc_error_message(NULL), "");
    CHECK(sc_error_field(NULL) == NULL);
    CHECK(!sc_error_retryable(NULL));
    sc_error_free(NULL);
    sc_string_free(NULL);

    /* A real error: counted as a live object, readable, freed. */
    CHECK_STATUS(sc_money_format(1, "usd", NULL, &e), SC_ERR_INVALID_ARGUMENT);
    CHECK(e != NULL);
    CHECK_EQ(sc_live_object_count(), live + 1);
    CHECK_EQ(sc_error_code(e), SC_ERR_INVALID_ARGUMENT);
    CHECK(strlen(sc_error_message(e)) > 0);
    CHECK(!sc_error_retryable(e));
    /* Borrowed strings are stable while the error lives. */
    CHECK(sc_error_message(e) == sc_error_message(e));
    sc_error_free(e);
    CHECK_EQ(sc_live_object_count(), live);
}

/* "On success *err is left untouched." */
void test_err_untouched_on_success(void) {
    static long double sentinel_storage;
    sc_error* const sentinel = (sc_error*)(void*)&sentinel_storage;
    sc_error* e = sentinel;
    char* out = NULL;
    sc_options* opts = NULL;
    sc_engine* engine = NULL;
    sc_cart* cart = NULL;
    int64_t settled = -1;

    CHECK_STATUS(sc_money_format(6800, "CNY", &out, &e), SC_OK);
    CHECK(e == sentinel);
    sc_string_free(out);

    CHECK_STATUS(sc_options_new(&opts, &e), SC_OK);
    CHECK(e == sentinel);
    CHECK_STATUS(sc_options_set_payment_window_ms(opts, 5000, &e), SC_OK);
    CHECK(e == sentinel);
    CHECK_STATUS(sc_engine_open(":memory:", opts, &engine, &e), SC_OK);
    CHECK(e == sentinel);
    sc_options_free(opts);
    CHECK_STATUS(sc_engine_program_import(engine, STANDARD_PROGRAM, &e), SC_OK);
    CHECK(e == sentinel);
    CHECK_STATUS(sc_engine_cart_add(engine, "u1", "tea", 1, &e), SC_OK);
    CHECK(e == sentinel);
    CHECK_STATUS(sc_engine_cart_get(engine, "u1", &cart, &e), SC_OK);
    CHECK(e == sentinel);
    sc_cart_free(cart);
    CHECK_STATUS(sc_engine_sweep(engine, 100, &settled, NULL, &e), SC_OK);
    CHECK(e == sentinel);
    CHECK_EQ(settled, 0);
    if (e != sentinel) {
        /* Do not free something the library wrote by mistake. */
        e = NULL;
    }
    sc_engine_close(engine);
}
