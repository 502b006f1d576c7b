/*
 * Ids and text through the C ABI (header, "Text and limits"): controls, C1
 * controls, bidi and zero-width characters are refused in every id argument,
 * controls and bidi overrides in titles; messages never repeat the argument.
 */
#include <stdio.h>
#include <string.h>

#include "fixture.h"

/* Each would let two different ids look alike or hide part of one. "qz" marks the text so a
   message that repeats it can be caught. "\001a": an octal escape stops after three
   digits, where "\x01a" would read on (and two literals in a row look like a missing comma). */
static const char* const BAD_IDS[] = {
    "qz\001a", "qz\ta", "qz\x7f", "qz\xc2\x80", "qz\xc2\x85", "qz\xc2\x9f",
    "qz\xd8\x9c", "qz\xe2\x80\x8e", "qz\xe2\x80\x8f", "qz\xe2\x80\xaa", "qz\xe2\x80\xae",
    "qz\xe2\x81\xa6", "qz\xe2\x81\xa9", "qz\xe2\x80\x8b", "qz\xe2\x80\x8c", "qz\xe2\x80\x8d",
    "qz\xe2\x81\xa0", "\xef\xbb\xbfqz",
};
#define BAD_ID_COUNT (sizeof BAD_IDS / sizeof BAD_IDS[0])

/* Titles: controls and bidi embeddings, overrides and isolates. */
static const char* const BAD_TITLES[] = {
    "qz\x01", "qz\n", "qz\x7f", "qz\xc2\x85", "qz\xe2\x80\xab", "qz\xe2\x80\xae", "qz\xe2\x81\xa7",
};

/* The message of a refusal is ASCII English that names the rule, not the argument. */
static void check_message(const sc_error* e, const char* what) {
    const char* m = sc_error_message(e);
    const char* p;
    int printable = 1;
    for (p = m; *p != '\0'; ++p) {
        if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f) printable = 0;
    }
    if (!CHECK(printable && strstr(m, "qz") == NULL)) {
        h_note("  ... message of %s", what);
    }
}

/* Runs `call` expecting SC_ERR_INVALID_ARGUMENT at `field`, an unchanged database, and a
   message that does not repeat the argument. */
#define EXPECT_REFUSED(fx, field, what, call)                                              \
    do {                                                                                   \
        char* FP_ = fx_fingerprint(fx);                                                    \
        sc_error* E = NULL;                                                                \
        sc_status_t S_ = (call);                                                             \
        h_expect_err(S_, E, SC_ERR_INVALID_ARGUMENT, SC_ERR_INVALID_ARGUMENT, field,       \
                     __FILE__, __LINE__, what);                                            \
        if (E != NULL) check_message(E, what);                                             \
        sc_error_free(E);                                                                  \
        fx_expect_same((fx), FP_, __FILE__, __LINE__, what);                               \
    } while (0)

void test_id_rules(void) {
    fixture fx;
    size_t i;
    sc_sku* s = NULL;
    sc_sku* got = NULL;
    sc_order* order = NULL;
    char what[160];
    fx_open_memory(&fx);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    CHECK_OK(sc_sku_new("ok", "m1", "Ok", "CNY", 1, &s, &E));
    for (i = 0; i < BAD_ID_COUNT; ++i) {
        const char* bad = BAD_IDS[i];
        snprintf(what, sizeof what, "bad id #%zu", i);
        EXPECT_REFUSED(&fx, "id", what, sc_sku_new(bad, "m1", "T", "CNY", 1, &got, &E));
        EXPECT_REFUSED(&fx, "merchant_id", what, sc_sku_new("a", bad, "T", "CNY", 1, &got, &E));
        EXPECT_REFUSED(&fx, "category_id", what, sc_sku_add_category(s, bad, &E));
        EXPECT_REFUSED(&fx, "sku_id", what, sc_engine_sku_get(fx.engine, bad, &got, &E));
        EXPECT_REFUSED(&fx, "user_id", what, sc_engine_cart_add(fx.engine, bad, "tea", 1, &E));
        EXPECT_REFUSED(&fx, "sku_id", what, sc_engine_cart_add(fx.engine, "u1", bad, 1, &E));
        EXPECT_REFUSED(&fx, "idempotency_key", what, sc_engine_checkout(fx.engine, "u1", NULL, bad, &order, &E));
        EXPECT_REFUSED(&fx, "order_id", what, sc_engine_order_get(fx.engine, bad, &order, &E));
    }
    CHECK(got == NULL);
    CHECK(order == NULL);
    CHECK_EQ(sc_sku_category_count(s), 0);
    /* Ordinary Unicode in ids stays fine, right next to the refused ranges: U+00A0, U+2010, U+206A. */
    CHECK_OK(sc_sku_add_category(s, "\xe8\x8c\xb6-\xc2\xa0-\xe2\x80\x90-\xe2\x81\xaa", &E));
    CHECK_EQ(sc_sku_category_count(s), 1);
    sc_sku_free(s);
    fx_close(&fx);
}

void test_text_rules(void) {
    fixture fx;
    size_t i;
    sc_sku* s = NULL;
    char what[160];
    fx_open_memory(&fx);
    fx_import_standard(&fx);
    for (i = 0; i < sizeof BAD_TITLES / sizeof BAD_TITLES[0]; ++i) {
        snprintf(what, sizeof what, "bad title #%zu", i);
        EXPECT_REFUSED(&fx, "title", what, sc_sku_new("a", "m1", BAD_TITLES[i], "CNY", 1, &s, &E));
    }
    CHECK(s == NULL);
    /* Titles are for people: bidi marks, joiners and any script are fine (U+200F, U+200D). */
    CHECK_OK(sc_sku_new("a", "m1", "\xe2\x80\x8f\xd8\xb4\xd8\xa7\xdb\x8c \xe9\xbe\x99\xe4\xba\x95 \xe2\x80\x8d",
                        "CNY", 1, &s, &E));
    CHECK_OK(sc_engine_sku_put(fx.engine, s, &E));
    sc_sku_free(s);
    fx_close(&fx);
}
