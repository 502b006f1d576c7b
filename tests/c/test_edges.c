/* The ABI's edges: retries of a cart add, bools from foreign callers, a foreign
 * database, refunds of nothing, puts that change nothing, a clock that steps back. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* An idempotency key makes a cart add safe to retry. */
void test_cart_add_once(void) {
    fixture fx;
    sc_cart* cart = NULL;
    fx_open_file(&fx);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    CHECK_OK(sc_engine_cart_add_once(fx.engine, "u1", "tea", 2, "add-1", &E));
    /* The retry (a network retry, an unknown outcome) adds nothing more. */
    EXPECT_STATUS_SAME(&fx, SC_OK, sc_engine_cart_add_once(fx.engine, "u1", "tea", 2, "add-1", NULL));
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    CHECK_EQ(sc_cart_line_quantity(cart, 0), 2);
    sc_cart_free(cart);
    /* Another key adds again. */
    CHECK_OK(sc_engine_cart_add_once(fx.engine, "u1", "tea", 1, "add-2", &E));
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    CHECK_EQ(sc_cart_line_quantity(cart, 0), 3);
    sc_cart_free(cart);

    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_cart_add_once(fx.engine, "u1", "tea", 5, "add-1", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_cart_add_once(fx.engine, "u1", "tea", 1, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_cart_add_once(fx.engine, "u1", "tea", 1, "", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "idempotency_key",
                    sc_engine_cart_add_once(fx.engine, "u1", "tea", 1, "\xff", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "quantity",
                    sc_engine_cart_add_once(fx.engine, "u1", "tea", 0, "add-3", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "sku_id",
                    sc_engine_cart_add_once(fx.engine, "u1", "nope", 1, "add-4", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_cart_add_once(NULL, "u1", "tea", 1, "add-5", &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_ARGUMENT,
                       sc_engine_cart_add_once(fx.engine, NULL, "tea", 1, "add-6", NULL));
    /* A refused call leaves its key unused. */
    CHECK_OK(sc_engine_cart_add_once(fx.engine, "u1", "tea", 1, "add-3", &E));
    fx_close(&fx);
}

/* A foreign caller may pass a bool whose byte is neither 0 nor 1: it reads as true. */
typedef sc_status_t (*select_raw_fn)(sc_engine*, const char*, const char*, unsigned char, sc_error**);
typedef sc_status_t (*active_raw_fn)(sc_sku*, unsigned char, sc_error**);

void test_bool_arguments_from_foreign_callers(void) {
    fixture fx;
    sc_cart* cart = NULL;
    sc_sku* sku = NULL;
    select_raw_fn select_raw;
    active_raw_fn active_raw;
    void* self = dlopen(NULL, RTLD_NOW);
    /* What a foreign-function interface does: call with the byte it has. */
    *(void**)(&select_raw) = dlsym(self, "sc_engine_cart_select");
    *(void**)(&active_raw) = dlsym(self, "sc_sku_set_active");
    if (!CHECK(select_raw != NULL && active_raw != NULL)) return;
    fx_open_memory(&fx);
    fx_import_standard(&fx);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    CHECK_OK(select_raw(fx.engine, "u1", "tea", 0, &E));
    CHECK_OK(select_raw(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    CHECK(sc_cart_line_selected(cart, 0));
    sc_cart_free(cart);

    CHECK_OK(sc_sku_new("pot", "m1", "Pot", "CNY", 100, &sku, &E));
    CHECK_OK(active_raw(sku, 0, &E));
    CHECK(!sc_sku_active(sku));
    CHECK_OK(active_raw(sku, 0xfe, &E));
    CHECK(sc_sku_active(sku));
    CHECK_OK(sc_engine_sku_put(fx.engine, sku, &E)); /* stored as 1, not as 254 */
    sc_sku_free(sku);
    sku = NULL;
    CHECK_OK(sc_engine_sku_get(fx.engine, "pot", &sku, &E));
    CHECK(sc_sku_active(sku));
    sc_sku_free(sku);
    fx_close(&fx);
}

/* The file's bytes, to show that a refused open left it exactly as it was. */
static char* read_file(const char* path, long* size) {
    FILE* f = fopen(path, "rb");
    char* data;
    if (f == NULL) return NULL;
    fseek(f, 0, SEEK_END);
    *size = ftell(f);
    fseek(f, 0, SEEK_SET);
    data = malloc((size_t)*size + 1);
    if (data != NULL && fread(data, 1, (size_t)*size, f) != (size_t)*size) {
        free(data);
        data = NULL;
    }
    fclose(f);
    return data;
}

/* Another application's SQLite file is refused and never modified. The library
 * links SQLite dynamically; the test borrows it to make the foreign file. */
void test_foreign_database_refused(void) {
    typedef int (*open_fn)(const char*, void**);
    typedef int (*exec_fn)(void*, const char*, void*, void*, char**);
    typedef int (*close_fn)(void*);
    open_fn sq_open;
    exec_fn sq_exec;
    close_fn sq_close;
    const char* schemas[] = {"CREATE TABLE orders(id INTEGER PRIMARY KEY, note TEXT); INSERT INTO orders(note) VALUES ('x');",
                             "CREATE TABLE notes(id INTEGER PRIMARY KEY); PRAGMA user_version=7;",
                             "PRAGMA application_id=1234; CREATE TABLE t(x);"};
    size_t i;
    void* self = dlopen(NULL, RTLD_NOW);
    *(void**)(&sq_open) = dlsym(self, "sqlite3_open");
    *(void**)(&sq_exec) = dlsym(self, "sqlite3_exec");
    *(void**)(&sq_close) = dlsym(self, "sqlite3_close");
    if (!CHECK(sq_open != NULL && sq_exec != NULL && sq_close != NULL)) return;
    for (i = 0; i < sizeof schemas / sizeof schemas[0]; ++i) {
        char path[256];
        void* db = NULL;
        sc_engine* engine = NULL;
        long before_size = 0, after_size = 0;
        char *before, *after;
        tmpdb_make(path, sizeof path);
        CHECK_EQ(sq_open(path, &db), 0);
        CHECK_EQ(sq_exec(db, schemas[i], NULL, NULL, NULL), 0);
        sq_close(db);
        before = read_file(path, &before_size);
        EXPECT_ERR(SC_ERR_STORAGE, "path", sc_engine_open(path, NULL, &engine, &E));
        CHECK(engine == NULL);
        after = read_file(path, &after_size);
        CHECK(before != NULL && after != NULL && before_size == after_size &&
              memcmp(before, after, (size_t)before_size) == 0);
        free(before);
        free(after);
        tmpdb_remove(path);
    }
    /* A file socialcart made opens again, and so does an empty one. */
    {
        fixture fx;
        sc_engine* again = NULL;
        fx_open_file(&fx);
        fx_import_standard(&fx);
        CHECK_OK(sc_engine_open(fx.path, NULL, &again, &E));
        sc_engine_close(again);
        fx_close(&fx);
    }
}

/* A refund of a line that paid nothing is refused: it would refund 0 and still move
 * the order to partially refunded. */
void test_zero_refund_refused(void) {
    fixture fx;
    sc_order* order = NULL;
    sc_order* paid = NULL;
    fx_open_file(&fx);
    put_sku_simple(fx.engine, "gift", 0, 5, 0, 1);
    put_sku_simple(fx.engine, "tea2", 500, 5, 0, 1);
    fx_track_user(&fx, "u1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "gift", 1, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea2", 1, &E));
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "k1", &order, &E));
    if (!CHECK(order != NULL)) {
        fx_close(&fx);
        return;
    }
    fx_track_order(&fx, sc_order_id(order));
    CHECK_OK(sc_engine_order_pay(fx.engine, sc_order_id(order), "psp", sc_order_total(order), "p1", &paid, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_REFUND_EXCEEDS_PAID, "line_index",
                    sc_engine_order_refund_line(fx.engine, sc_order_id(order), order_line_of(order, "gift"), 1,
                                                "r1", NULL, &E));
    /* The paid line still refunds. */
    CHECK_OK(sc_engine_order_refund_line(fx.engine, sc_order_id(order), order_line_of(order, "tea2"), 1, "r2",
                                         NULL, &E));
    sc_order_free(paid);
    sc_order_free(order);
    fx_close(&fx);
}

/* Putting a SKU exactly as it is changes nothing and logs nothing. */
void test_unchanged_put_is_silent(void) {
    fixture fx;
    int64_t count_before = 0, count_after = 0;
    fx_open_file(&fx);
    put_sku_simple(fx.engine, "pot", 1200, 4, 2, 1);
    events_last_seq(fx.engine, &count_before);
    {
        char* before = fx_fingerprint(&fx);
        put_sku_simple(fx.engine, "pot", 1200, 4, 2, 1);
        fx_expect_same(&fx, before, __FILE__, __LINE__, "put the same SKU");
    }
    events_last_seq(fx.engine, &count_after);
    CHECK_EQ(count_after, count_before);
    put_sku_simple(fx.engine, "pot", 1300, 4, 2, 1);
    CHECK_EQ(events_count_type(fx.engine, 0, "sku.put"), 2);
    fx_close(&fx);
}

/* A clock that steps back never makes the engine stamp a change before one it follows. */
void test_time_never_goes_back(void) {
    fixture fx;
    sc_order* order = NULL;
    sc_order* paid = NULL;
    sc_events* events = NULL;
    size_t i;
    fx_open_file(&fx);
    fx_import_standard(&fx);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "k1", &order, &E));
    if (!CHECK(order != NULL)) {
        fx_close(&fx);
        return;
    }
    fx_advance(&fx, -3600 * 1000); /* the device's clock is corrected by an hour */
    CHECK_OK(sc_engine_order_pay(fx.engine, sc_order_id(order), "psp", sc_order_total(order), "p1", &paid, &E));
    CHECK(sc_order_paid_at_ms(paid) >= sc_order_created_at_ms(paid));
    CHECK_EQ(sc_order_state(paid), SC_ORDER_PAID); /* not expired by the jump either */
    CHECK_OK(sc_engine_events_read(fx.engine, 0, 100, &events, &E));
    for (i = 1; i < sc_events_count(events); ++i)
        CHECK(sc_events_time_ms(events, i) >= sc_events_time_ms(events, i - 1));
    sc_events_free(events);
    sc_order_free(paid);
    sc_order_free(order);
    fx_close(&fx);
}
