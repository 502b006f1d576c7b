/* Program documents: import, export, round trip and validation errors. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#define DOC_HEAD "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":["
#define SKU_OK(id) "{\"id\":\"" id "\",\"merchant_id\":\"m1\",\"title\":\"T\",\"list_price\":100}"

void test_import_export_roundtrip(void) {
    fixture fx;
    fixture fx2;
    char* doc = NULL;
    char* doc2 = NULL;
    sc_sku* s = NULL;

    fx_open_memory(&fx);
    /* An empty catalog exports without error. */
    CHECK_OK(sc_engine_program_export(fx.engine, &doc, &E));
    CHECK(doc != NULL);
    sc_string_free(doc);
    doc = NULL;

    fx_import_standard(&fx);
    CHECK_OK(sc_engine_sku_get(fx.engine, "tea", &s, &E));
    CHECK_STR(sc_sku_title(s), "Longjing \xe9\xbe\x99\xe4\xba\x95");
    CHECK_EQ(sc_sku_list_price(s), 6800);
    CHECK_EQ(sc_sku_stock_on_hand(s), 12);
    CHECK_EQ(sc_sku_max_per_order(s), 5);
    CHECK_EQ(sc_sku_category_count(s), 2);
    CHECK(sc_sku_active(s));
    sc_sku_free(s);
    s = NULL;
    CHECK_OK(sc_engine_sku_get(fx.engine, "kettle", &s, &E));
    CHECK(!sc_sku_active(s));
    CHECK(sc_sku_stock_tracked(s));
    CHECK_EQ(sc_sku_stock_on_hand(s), 0);
    sc_sku_free(s);
    s = NULL;
    CHECK_OK(sc_engine_sku_get(fx.engine, "cake", &s, &E));
    CHECK(!sc_sku_stock_tracked(s));
    CHECK_EQ(sc_sku_max_per_order(s), 0);
    CHECK(sc_sku_active(s));
    sc_sku_free(s);
    s = NULL;

    CHECK_OK(sc_engine_program_export(fx.engine, &doc, &E));
    if (CHECK(doc != NULL)) {
        CHECK(strstr(doc, "socialcart.program/1") != NULL);
        CHECK(strstr(doc, "CNY") != NULL);
        CHECK(doc[0] == '{');
        /* Round trip through a fresh engine. */
        fx_open_memory(&fx2);
        CHECK_OK(sc_engine_program_import(fx2.engine, doc, &E));
        CHECK_OK(sc_engine_program_export(fx2.engine, &doc2, &E));
        CHECK_STR(doc2, doc);
        sc_string_free(doc2);
        doc2 = NULL;
        fx_close(&fx2);
        /* Importing the export again changes no SKU. */
        CHECK_OK(sc_engine_program_import(fx.engine, doc, &E));
        CHECK_OK(sc_engine_program_export(fx.engine, &doc2, &E));
        CHECK_STR(doc2, doc);
        sc_string_free(doc2);
        doc2 = NULL;
    }
    sc_string_free(doc);
    doc = NULL;

    /* SKUs not in the document are kept; SKUs in it are replaced. */
    put_sku_simple(fx.engine, "extra", 500, 3, 0, 1);
    fx_import(&fx, DOC_HEAD "{\"id\":\"tea\",\"merchant_id\":\"m3\",\"title\":\"Tea 2\","
                            "\"list_price\":7100,\"stock\":2}]}");
    CHECK_EQ(sku_on_hand(fx.engine, "extra"), 3);
    CHECK_OK(sc_engine_sku_get(fx.engine, "tea", &s, &E));
    CHECK_STR(sc_sku_title(s), "Tea 2");
    CHECK_STR(sc_sku_merchant_id(s), "m3");
    CHECK_EQ(sc_sku_list_price(s), 7100);
    CHECK_EQ(sc_sku_stock_on_hand(s), 2);
    CHECK_EQ(sc_sku_max_per_order(s), 0);
    CHECK_EQ(sc_sku_category_count(s), 0);
    CHECK(sc_sku_active(s));
    sc_sku_free(s);
    s = NULL;
    /* An empty SKU list is a valid document. */
    fx_import(&fx, DOC_HEAD "]}");

    /* Bad arguments. */
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_program_export(NULL, &doc, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "json_out",
               sc_engine_program_export(fx.engine, NULL, &E));
    CHECK_STATUS(sc_engine_program_export(fx.engine, NULL, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK(doc == NULL);
    fx_close(&fx);
}

static char* read_text_file(const char* path) {
    FILE* f = fopen(path, "rb");
    char* buf;
    long n;
    if (f == NULL) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = (char*)malloc((size_t)n + 1);
    if (buf != NULL) {
        size_t got = fread(buf, 1, (size_t)n, f);
        buf[got] = '\0';
    }
    fclose(f);
    return buf;
}

/* The walkthrough example imports and round-trips. */
void test_import_example_file(void) {
    char path[1024];
    char* json = NULL;
    const char* here = __FILE__;
    const char* cut = strstr(here, "tests/c/test_program.c");
    fixture fx;
    if (cut != NULL) {
        snprintf(path, sizeof path, "%.*sexamples/walkthrough/program.json", (int)(cut - here),
                 here);
        json = read_text_file(path);
    }
    if (json == NULL) {
        json = read_text_file("../examples/walkthrough/program.json");
    }
    if (json == NULL) {
        h_note("examples/walkthrough/program.json not found: skipped");
        return;
    }
    fx_open_memory(&fx);
    fx_import(&fx, json);
    CHECK_EQ(sku_on_hand(fx.engine, "tea-oolong-250g"), 12);
    CHECK_EQ(sku_on_hand(fx.engine, "cup-celadon"), 3);
    {
        sc_catalog* cat = NULL;
        CHECK_OK(sc_engine_catalog_list(fx.engine, &cat, &E));
        CHECK_EQ(sc_catalog_count(cat), 4);
        sc_catalog_free(cat);
    }
    fx_close(&fx);
    free(json);
}

typedef struct bad_doc {
    const char* json;
    const char* field; /* NULL: not checked */
} bad_doc;

void test_import_validation(void) {
    static const bad_doc docs[] = {
        {"{\"format\":\"socialcart.program/2\",\"currency\":\"CNY\",\"skus\":[]}", "format"},
        {"{\"currency\":\"CNY\",\"skus\":[]}", "format"},
        {"{\"format\":7,\"currency\":\"CNY\",\"skus\":[]}", "format"},
        {"{\"format\":\"socialcart.program/1\",\"currency\":\"cny\",\"skus\":[]}", "currency"},
        {"{\"format\":\"socialcart.program/1\",\"currency\":\"CNYX\",\"skus\":[]}", "currency"},
        {"{\"format\":\"socialcart.program/1\",\"skus\":[" SKU_OK("n1") "]}", "currency"},
        {"{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":{}}", "skus"},
        {DOC_HEAD SKU_OK("n1") ",{\"id\":\"n2\",\"merchant_id\":\"m1\",\"title\":\"T\","
                               "\"list_price\":-1}]}",
         "skus[1].list_price"},
        {DOC_HEAD "{\"id\":\"n1\",\"merchant_id\":\"m1\",\"title\":\"T\",\"list_price\":68.5}]}",
         "skus[0].list_price"},
        {DOC_HEAD "{\"id\":\"n1\",\"merchant_id\":\"m1\",\"title\":\"T\",\"list_price\":\"6800\"}]}",
         "skus[0].list_price"},
        {DOC_HEAD "{\"id\":\"n1\",\"merchant_id\":\"m1\",\"title\":\"T\","
                  "\"list_price\":9223372036854775808}]}",
         "skus[0].list_price"},
        {DOC_HEAD "{\"id\":\"n1\",\"merchant_id\":\"m1\",\"title\":\"T\"}]}",
         "skus[0].list_price"},
        {DOC_HEAD SKU_OK("n1") "," SKU_OK("n1") "]}", "skus[1].id"},
        {DOC_HEAD SKU_OK("") "]}", "skus[0].id"},
        {DOC_HEAD "{\"id\":5,\"merchant_id\":\"m1\",\"title\":\"T\",\"list_price\":1}]}",
         "skus[0].id"},
        {DOC_HEAD "{\"merchant_id\":\"m1\",\"title\":\"T\",\"list_price\":1}]}", "skus[0].id"},
        /* Ids: no control characters, at most 128 bytes (docs/program-document.md). */
        {DOC_HEAD SKU_OK("a\\u0001b") "]}", "skus[0].id"},
        {DOC_HEAD SKU_OK("a\\nb") "]}", "skus[0].id"},
        {DOC_HEAD SKU_OK(ID129) "]}", "skus[0].id"},
        {DOC_HEAD "{\"id\":\"n1\",\"title\":\"T\",\"list_price\":1}]}", "skus[0].merchant_id"},
        {DOC_HEAD "{\"id\":\"n1\",\"merchant_id\":\"\",\"title\":\"T\",\"list_price\":1}]}",
         "skus[0].merchant_id"},
        {DOC_HEAD "{\"id\":\"n1\",\"merchant_id\":\"m1\",\"list_price\":1}]}", "skus[0].title"},
        {DOC_HEAD "{\"id\":\"n1\",\"merchant_id\":\"m1\",\"title\":\"T\",\"list_price\":1,"
                  "\"stock\":-1}]}",
         "skus[0].stock"},
        {DOC_HEAD "{\"id\":\"n1\",\"merchant_id\":\"m1\",\"title\":\"T\",\"list_price\":1,"
                  "\"stock\":1.5}]}",
         "skus[0].stock"},
        {DOC_HEAD "{\"id\":\"n1\",\"merchant_id\":\"m1\",\"title\":\"T\",\"list_price\":1,"
                  "\"max_per_order\":0}]}",
         "skus[0].max_per_order"},
        {DOC_HEAD "{\"id\":\"n1\",\"merchant_id\":\"m1\",\"title\":\"T\",\"list_price\":1,"
                  "\"categories\":\"tea\"}]}",
         "skus[0].categories"},
        {DOC_HEAD "{\"id\":\"n1\",\"merchant_id\":\"m1\",\"title\":\"T\",\"list_price\":1,"
                  "\"active\":\"yes\"}]}",
         "skus[0].active"},
        {DOC_HEAD "{\"id\":\"n1\",\"merchant_id\":\"m1\",\"title\":\"T\",\"list_price\":1,"
                  "\"color\":\"red\"}]}",
         "skus[0].color"},
        {DOC_HEAD SKU_OK("n1") "," SKU_OK("n2") "," SKU_OK("n3") "],\"promo\":1}", "promo"},
        {DOC_HEAD SKU_OK("n1") "," SKU_OK("n2") ",{\"id\":\"n3\",\"merchant_id\":\"m1\","
                                                "\"title\":\"T\",\"list_price\":1,"
                                                "\"stock\":-5}]}",
         "skus[2].stock"},
        {DOC_HEAD "\"tea\"]}", "skus[0]"},
        {"{", NULL},
        {"[]", NULL},
        {"{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":[]} trailing", NULL},
        {"null", NULL},
    };
    fixture fx;
    size_t i;
    fx_open_memory(&fx);
    fx_import_standard(&fx);
    for (i = 0; i < sizeof docs / sizeof docs[0]; ++i) {
        char* before = fx_fingerprint(&fx);
        sc_error* e = NULL;
        sc_status_t st = sc_engine_program_import(fx.engine, docs[i].json, &e);
        char what[700];
        snprintf(what, sizeof what, "import of bad document #%zu: %.500s", i, docs[i].json);
        h_expect_err(st, e, SC_ERR_VALIDATION, SC_ERR_VALIDATION, docs[i].field, __FILE__,
                     __LINE__, what);
        sc_error_free(e);
        fx_expect_same(&fx, before, __FILE__, __LINE__, what);
        /* Same result with err == NULL. */
        CHECK_STATUS(sc_engine_program_import(fx.engine, docs[i].json, NULL), SC_ERR_VALIDATION);
    }
    /* Nothing of a rejected document was applied. */
    {
        sc_sku* gone = NULL;
        EXPECT_ERR(SC_ERR_NOT_FOUND, "sku_id", sc_engine_sku_get(fx.engine, "n1", &gone, &E));
        CHECK(gone == NULL);
    }

    /* A valid document in another currency. */
    EXPECT_ERR_SAME(&fx, SC_ERR_CURRENCY_MISMATCH, NULL,
                    sc_engine_program_import(
                        fx.engine,
                        "{\"format\":\"socialcart.program/1\",\"currency\":\"USD\",\"skus\":["
                        SKU_OK("n1") "]}",
                        &E));
    /* Invalid UTF-8 inside the document (docs/c-api.md, "Strings": the field names the argument). */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "json",
                    sc_engine_program_import(
                        fx.engine,
                        DOC_HEAD "{\"id\":\"n1\",\"merchant_id\":\"m1\",\"title\":\"" BAD_UTF8
                                 "\",\"list_price\":1}]}",
                        &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "json",
                    sc_engine_program_import(fx.engine, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, NULL,
                     sc_engine_program_import(fx.engine, "", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_program_import(NULL, STANDARD_PROGRAM, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_ARGUMENT, sc_engine_program_import(fx.engine, NULL, NULL));
    fx_close(&fx);
}

/* Ids of exactly 128 bytes are fine; stock cannot go below what unpaid orders hold. */
void test_import_limits(void) {
    fixture fx;
    sc_order* o = NULL;
    fx_open_memory(&fx);
    fx_import(&fx, DOC_HEAD SKU_OK(ID128) "]}");
    {
        sc_sku* s = NULL;
        CHECK_OK(sc_engine_sku_get(fx.engine, ID128, &s, &E));
        CHECK_STR(sc_sku_id(s), ID128);
        sc_sku_free(s);
    }
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cup", 2, &E));
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "k1", &o, &E));
    if (CHECK(o != NULL)) {
        fx_track_order(&fx, sc_order_id(o));
    }
    /* 2 cups held: stock 1 is refused, with the place named; 2 is fine. */
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "skus[1].stock",
                    sc_engine_program_import(
                        fx.engine,
                        DOC_HEAD SKU_OK("n1") ",{\"id\":\"cup\",\"merchant_id\":\"m1\","
                                              "\"title\":\"Cup\",\"list_price\":3950,\"stock\":1}]}",
                        &E));
    /* The same through sc_engine_sku_put (the header does not name this error). */
    {
        sc_sku* s = NULL;
        CHECK_OK(sc_sku_new("cup", "m1", "Cup", "CNY", 3950, &s, &E));
        CHECK_OK(sc_sku_set_stock(s, 1, &E));
        EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, NULL, sc_engine_sku_put(fx.engine, s, &E));
        CHECK_OK(sc_sku_set_stock(s, 2, &E));
        CHECK_OK(sc_engine_sku_put(fx.engine, s, &E));
        sc_sku_free(s);
    }
    CHECK_EQ(sku_on_hand(fx.engine, "cup"), 2);
    CHECK_EQ(sku_available(fx.engine, "cup"), 0);
    sc_order_free(o);
    fx_close(&fx);
}

/* Every refusal of the strict reader: SC_ERR_VALIDATION at the field, nothing changed, and a
   message that starts with the field, is printable ASCII and repeats no document text (the
   documents below mark their text with "qz"). */
void test_import_strictness(void) {
    static const bad_doc docs[] = {
        /* Numbers too large to represent, in a known field and in an unknown one. */
        {DOC_HEAD "{\"id\":\"qz1\",\"merchant_id\":\"m1\",\"title\":\"qz\",\"list_price\":1e400}]}",
         "skus[0].list_price"},
        {DOC_HEAD "{\"id\":\"qz1\",\"merchant_id\":\"m1\",\"title\":\"qz\",\"list_price\":1,"
                  "\"extra\":-1e400}]}",
         "skus[0].extra"},
        /* Duplicate keys, wherever they are. */
        {DOC_HEAD "{\"id\":\"qz1\",\"merchant_id\":\"m1\",\"title\":\"qz\",\"title\":\"qzz\","
                  "\"list_price\":1}]}",
         "skus[0].title"},
        {"{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"currency\":\"CNY\"}", "currency"},
        /* Controls in text and ids; bidi and zero-width characters in ids. */
        {DOC_HEAD "{\"id\":\"qz1\",\"merchant_id\":\"m1\",\"title\":\"\\u0000Celadon qz\","
                  "\"list_price\":1}]}",
         "skus[0].title"},
        {DOC_HEAD "{\"id\":\"qz1\",\"merchant_id\":\"m1\",\"title\":\"qz\\u0085\",\"list_price\":1}]}",
         "skus[0].title"},
        {DOC_HEAD "{\"id\":\"qz1\",\"merchant_id\":\"m1\",\"title\":\"qz\\u202e\",\"list_price\":1}]}",
         "skus[0].title"},
        {DOC_HEAD "{\"id\":\"qz\\u200e1\",\"merchant_id\":\"m1\",\"title\":\"qz\",\"list_price\":1}]}",
         "skus[0].id"},
        {DOC_HEAD "{\"id\":\"qz\xc2\x85\",\"merchant_id\":\"m1\",\"title\":\"qz\",\"list_price\":1}]}",
         "skus[0].id"},
        {DOC_HEAD "{\"id\":\"qz1\",\"merchant_id\":\"m\\ufeff\",\"title\":\"qz\",\"list_price\":1}]}",
         "skus[0].merchant_id"},
        {DOC_HEAD "{\"id\":\"qz1\",\"merchant_id\":\"m1\",\"title\":\"qz\",\"list_price\":1,"
                  "\"categories\":[\"ok\",\"qz\\u2066\"]}]}",
         "skus[0].categories[1]"},
        /* Currencies come from the ISO 4217 list. */
        {"{\"format\":\"socialcart.program/1\",\"currency\":\"ZZZ\",\"skus\":[]}", "currency"},
        {"{\"format\":\"socialcart.program/1\",\"currency\":\"XAU\",\"skus\":[]}", "currency"},
        /* An unknown key that is not a plain name is not repeated: it shows as "*". */
        {DOC_HEAD "{\"id\":\"qz1\",\"merchant_id\":\"m1\",\"title\":\"qz\",\"list_price\":1,"
                  "\"qz \xe9\xbe\x99\":1}]}",
         "skus[0].*"},
        /* Syntax errors name a position; the text there may end mid-character. */
        {DOC_HEAD "{\"id\":\"qz1\",\"merchant_id\":\"m1\",\"title\":\"qz\xe9\xbe\x99\"qz", ""},
        {DOC_HEAD "{\"id\":\"qz1\",\"merchant_id\":\"m1\",\"title\":\"\\ud800qz\",\"list_price\":1}]}", ""},
    };
    fixture fx;
    size_t i;
    fx_open_memory(&fx);
    fx_import_standard(&fx);
    for (i = 0; i < sizeof docs / sizeof docs[0]; ++i) {
        char* before = fx_fingerprint(&fx);
        sc_error* e = NULL;
        sc_status_t st = sc_engine_program_import(fx.engine, docs[i].json, &e);
        char what[96];
        snprintf(what, sizeof what, "import of strict document #%zu", i);
        h_expect_err(st, e, SC_ERR_VALIDATION, SC_ERR_VALIDATION,
                     docs[i].field[0] != '\0' ? docs[i].field : NULL, __FILE__, __LINE__, what);
        if (e != NULL) {
            const char* m = sc_error_message(e);
            const char* field = sc_error_field(e);
            const char* p;
            int printable = 1;
            for (p = m; *p != '\0'; ++p) {
                if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f) printable = 0;
            }
            if (!CHECK(printable && strstr(m, "qz") == NULL &&
                       strncmp(m, field != NULL ? field : "document", strlen(field != NULL ? field : "document")) == 0)) {
                h_note("  ... %s: message \"%s\"", what, m);
            }
            if (docs[i].field[0] == '\0') CHECK(field == NULL);
        }
        sc_error_free(e);
        fx_expect_same(&fx, before, __FILE__, __LINE__, what);
    }
    /* The title from the brief's example reads back only when it is clean. */
    fx_import(&fx, DOC_HEAD "{\"id\":\"cup\",\"merchant_id\":\"m1\",\"title\":\"Celadon \\u200f\\u200d\","
                            "\"list_price\":3950,\"stock\":3}]}");
    {
        sc_sku* s = NULL;
        CHECK_OK(sc_engine_sku_get(fx.engine, "cup", &s, &E));
        CHECK_STR(sc_sku_title(s), "Celadon \xe2\x80\x8f\xe2\x80\x8d");
        sc_sku_free(s);
    }
    /* Currencies with other minor units import too (a fresh catalog; CLF has 4 digits). */
    {
        fixture fx2;
        int32_t digits = -1;
        fx_open_memory(&fx2);
        fx_import(&fx2, "{\"format\":\"socialcart.program/1\",\"currency\":\"CLF\",\"skus\":["
                        SKU_OK("uf") "]}");
        CHECK_OK(sc_currency_minor_units("CLF", &digits, &E));
        CHECK_EQ(digits, 4);
        fx_close(&fx2);
    }
    fx_close(&fx);
}
