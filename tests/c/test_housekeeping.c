/* Housekeeping through the C ABI: sweeping lapsed orders in pages, compacting the
 * event log and idempotency records, and the options that size the engine. */
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#define HOUR_MS INT64_C(3600000)

static void short_retention(sc_options* options) {
    CHECK_OK(sc_options_set_event_retention_ms(options, HOUR_MS, &E));
    CHECK_OK(sc_options_set_idempotency_retention_ms(options, 2 * HOUR_MS, &E));
}

static void no_readers_small_cache(sc_options* options) {
    CHECK_OK(sc_options_set_read_connections(options, 0, &E));
    CHECK_OK(sc_options_set_cache_size_kib(options, 256, &E));
}

static void many_readers_large_cache(sc_options* options) {
    CHECK_OK(sc_options_set_read_connections(options, 64, &E));
    CHECK_OK(sc_options_set_cache_size_kib(options, 1048576, &E));
}

static void checkout_one(fixture* fx, const char* user, const char* sku, const char* key) {
    sc_order* order = NULL;
    CHECK_OK(sc_engine_cart_add(fx->engine, user, sku, 1, &E));
    CHECK_OK(sc_engine_checkout(fx->engine, user, NULL, key, &order, &E));
    if (order != NULL) fx_track_order(fx, sc_order_id(order));
    sc_order_free(order);
}

/* The sizing options change how the engine runs, not what it answers. */
void test_engine_sizing_options(void) {
    void (*configs[])(sc_options*) = {no_readers_small_cache, many_readers_large_cache};
    size_t i;
    for (i = 0; i < sizeof configs / sizeof configs[0]; ++i) {
        fixture fx;
        sc_quote* quote = NULL;
        fx_open_file_with(&fx, configs[i]);
        fx_import_standard(&fx);
        CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
        CHECK_OK(sc_engine_quote(fx.engine, "u1", NULL, &quote, &E));
        CHECK_EQ(sc_quote_total(quote), 2 * 6800);
        sc_quote_free(quote);
        fx_close(&fx);
    }
}

/* A bad page size settles nothing, even with lapsed orders waiting. */
void test_sweep_pages(void) {
    fixture fx;
    int64_t settled = -1;
    bool more = false;
    int i;
    fx_open_file(&fx);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    for (i = 0; i < 5; ++i) {
        char key[16];
        snprintf(key, sizeof key, "k%d", i);
        checkout_one(&fx, "u1", "tea", key);
    }
    fx_advance(&fx, WINDOW_MS);
    CHECK_EQ(sku_available(fx.engine, "tea"), 12); /* free at once, before settling */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "max_orders",
                    sc_engine_sweep(fx.engine, 0, &settled, &more, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_ARGUMENT, sc_engine_sweep(fx.engine, 100001, NULL, NULL, NULL));
    CHECK_EQ(events_count_type(fx.engine, 0, "order.cancelled"), 0);

    CHECK_OK(sc_engine_sweep(fx.engine, 2, &settled, &more, &E));
    CHECK_EQ(settled, 2);
    CHECK(more);
    CHECK_OK(sc_engine_sweep(fx.engine, 3, &settled, &more, &E));
    CHECK_EQ(settled, 3);
    CHECK(!more);
    CHECK_EQ(events_count_type(fx.engine, 0, "order.cancelled"), 5);
    CHECK_EQ(events_count_type(fx.engine, 0, "hold.released"), 5);
    CHECK_EQ(sku_available(fx.engine, "tea"), 12);
    fx_close(&fx);
}

/* Events and keys older than their retention go; younger ones stay; bad pages change nothing. */
void test_compact_retention(void) {
    fixture fx;
    int64_t events = -1, keys = -1, old_count = 0, last_old = 0, count = 0;
    bool more = true;
    sc_order* first = NULL;
    sc_order* again = NULL;
    sc_events* left = NULL;
    fx_open_file_with(&fx, short_retention);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "key", &first, &E));
    if (!CHECK(first != NULL)) {
        fx_close(&fx);
        return;
    }
    fx_track_order(&fx, sc_order_id(first));
    last_old = events_last_seq(fx.engine, &old_count);
    fx_advance(&fx, HOUR_MS + 1);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E)); /* also settles the lapsed order */

    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "max_rows",
                    sc_engine_compact(fx.engine, 0, &events, &keys, &more, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_compact(NULL, 10, &events, &keys, &more, &E));
    CHECK_EQ(events, -1);

    CHECK_OK(sc_engine_compact(fx.engine, 2, &events, &keys, &more, &E));
    CHECK_EQ(events, 2);
    CHECK_EQ(keys, 0); /* the key is one hour old; kept for two */
    CHECK(more);
    CHECK_OK(sc_engine_compact(fx.engine, 100000, &events, &keys, &more, &E));
    CHECK_EQ(events, old_count - 2);
    CHECK(!more);
    CHECK_OK(sc_engine_events_read(fx.engine, 0, 100, &left, &E));
    count = (int64_t)sc_events_count(left);
    CHECK(count >= 1);
    CHECK(sc_events_seq(left, 0) == last_old + 1); /* what remains starts right after */
    sc_events_free(left);
    events_check_gap_free(fx.engine);

    /* Inside its window the key still replays the first checkout. */
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "key", &again, &E));
    CHECK_STR(sc_order_id(again), sc_order_id(first));
    sc_order_free(again);
    again = NULL;

    /* Past it, the key is forgotten and a checkout under it is a new one. */
    fx_advance(&fx, HOUR_MS);
    CHECK_OK(sc_engine_compact(fx.engine, 100000, NULL, &keys, &more, &E));
    CHECK_EQ(keys, 1);
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "key", &again, &E));
    if (CHECK(again != NULL)) CHECK(strcmp(sc_order_id(again), sc_order_id(first)) != 0);
    sc_order_free(again);
    sc_order_free(first);
    fx_close(&fx);
}

/* The newest event stays however old, so the next one is numbered after it. */
void test_compact_keeps_newest_event(void) {
    fixture fx;
    int64_t events = -1, count = 0, last = 0;
    bool more = true;
    sc_events* left = NULL;
    fx_open_file_with(&fx, short_retention);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    last = events_last_seq(fx.engine, &count);
    CHECK(count >= 2);
    fx_advance(&fx, 2 * HOUR_MS); /* every event is past the retention */

    CHECK_OK(sc_engine_compact(fx.engine, 100000, &events, NULL, &more, &E));
    CHECK_EQ(events, count - 1);
    CHECK(!more);
    CHECK_OK(sc_engine_events_read(fx.engine, 0, 100, &left, &E));
    CHECK_EQ((int64_t)sc_events_count(left), 1);
    CHECK_EQ(sc_events_seq(left, 0), last);
    sc_events_free(left);

    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    CHECK_EQ(events_last_seq(fx.engine, NULL), last + 1);
    fx_close(&fx);
}
