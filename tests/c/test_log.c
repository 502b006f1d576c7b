/*
 * The log callback: its arguments and ownership, the level filter, and the messages
 * for settled deadlines and storage trouble (never with personal data).
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

/* What the callback saw. The tests that use it run on one thread. */
typedef struct log_sink {
    int count[4];
    char last[4][256];
    int bad_level;
    int personal_data;
    int freed;
} log_sink;

static log_sink sink;

static void sink_log(void* user_data, sc_log_level_t level, const char* message) {
    log_sink* s = (log_sink*)user_data;
    if (level < SC_LOG_DEBUG || level > SC_LOG_ERROR || message == NULL) {
        s->bad_level++;
        return;
    }
    s->count[level]++;
    snprintf(s->last[level], sizeof s->last[level], "%s", message);
    /* The users of these tests: their ids must never reach a log line. */
    if (strstr(message, "shopper-") != NULL) s->personal_data++;
}

static void sink_free(void* user_data) { ((log_sink*)user_data)->freed++; }

static void with_log_debug(sc_options* options) {
    CHECK_OK(sc_options_set_log(options, sink_log, &sink, sink_free, &E));
    CHECK_OK(sc_options_set_log_level(options, SC_LOG_DEBUG, &E));
}

static void with_log_errors_only(sc_options* options) {
    CHECK_OK(sc_options_set_log(options, sink_log, &sink, sink_free, &E));
    CHECK_OK(sc_options_set_log_level(options, SC_LOG_ERROR, &E));
}

void test_log_options(void) {
    sc_options* opts = NULL;
    log_sink a;
    log_sink b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    CHECK_OK(sc_options_new(&opts, &E));

    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "options", sc_options_set_log(NULL, sink_log, &a, sink_free, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "fn", sc_options_set_log(opts, NULL, &a, sink_free, &E));
    CHECK_STATUS(sc_options_set_log(opts, NULL, &a, sink_free, NULL), SC_ERR_INVALID_ARGUMENT);
    /* On failure user_data is not taken. */
    CHECK_EQ(a.freed, 0);

    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "options", sc_options_set_log_level(NULL, SC_LOG_INFO, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "min_level", sc_options_set_log_level(opts, (sc_log_level_t)4, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "min_level", sc_options_set_log_level(opts, (sc_log_level_t)-1, &E));
    CHECK_STATUS(sc_options_set_log_level(opts, (sc_log_level_t)9, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK_OK(sc_options_set_log_level(opts, SC_LOG_DEBUG, &E));
    CHECK_OK(sc_options_set_log_level(opts, SC_LOG_ERROR, &E));

    /* Replacing the callback releases the first user_data; freeing the options the second. */
    CHECK_OK(sc_options_set_log(opts, sink_log, &a, sink_free, &E));
    CHECK_OK(sc_options_set_log(opts, sink_log, &b, sink_free, &E));
    CHECK_EQ(a.freed, 1);
    CHECK_EQ(b.freed, 0);
    /* user_data_free may be NULL. */
    CHECK_OK(sc_options_set_log(opts, sink_log, &a, NULL, &E));
    CHECK_EQ(b.freed, 1);
    sc_options_free(opts);
    CHECK_EQ(a.freed, 1);
    CHECK_EQ(a.count[SC_LOG_INFO] + b.count[SC_LOG_INFO], 0);
}

void test_log_settled_deadlines(void) {
    fixture fx;
    sc_order* o = NULL;
    int64_t settled = 0;

    memset(&sink, 0, sizeof sink);
    fx_open_file_with(&fx, with_log_debug);
    fx_import_standard(&fx);
    CHECK_OK(sc_engine_cart_add(fx.engine, "shopper-1", "tea", 1, &E));
    CHECK_OK(sc_engine_checkout(fx.engine, "shopper-1", NULL, "k1", &o, &E));
    sc_order_free(o);
    CHECK_OK(sc_engine_cart_add(fx.engine, "shopper-2", "tea", 1, &E));
    CHECK_OK(sc_engine_checkout(fx.engine, "shopper-2", NULL, "k2", &o, &E));
    sc_order_free(o);
    CHECK_EQ(sink.count[SC_LOG_INFO], 0);

    fx_advance(&fx, WINDOW_MS);
    CHECK_OK(sc_engine_sweep(fx.engine, 100, &settled, NULL, &E));
    CHECK_EQ(settled, 2);
    CHECK_EQ(sink.count[SC_LOG_INFO], 1);
    CHECK_STR(sink.last[SC_LOG_INFO], "settled 2 lapsed orders");
    /* A sweep with nothing to do says nothing. */
    CHECK_OK(sc_engine_sweep(fx.engine, 100, &settled, NULL, &E));
    CHECK_EQ(sink.count[SC_LOG_INFO], 1);
    CHECK_EQ(sink.count[SC_LOG_WARNING] + sink.count[SC_LOG_ERROR], 0);
    CHECK_EQ(sink.bad_level, 0);
    CHECK_EQ(sink.personal_data, 0);
    CHECK_EQ(sink.freed, 0);
    fx_close(&fx);
    /* The engine was the last owner of user_data. */
    CHECK_EQ(sink.freed, 1);
}

void test_log_level_filter(void) {
    fixture fx;
    sc_order* o = NULL;

    memset(&sink, 0, sizeof sink);
    fx_open_file_with(&fx, with_log_errors_only);
    fx_import_standard(&fx);
    CHECK_OK(sc_engine_cart_add(fx.engine, "shopper-1", "tea", 1, &E));
    CHECK_OK(sc_engine_checkout(fx.engine, "shopper-1", NULL, "k1", &o, &E));
    sc_order_free(o);
    fx_advance(&fx, WINDOW_MS);
    /* This write settles the lapsed order on its way in: an info line, filtered out. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "shopper-1", "cup", 1, &E));
    CHECK_EQ(sku_available(fx.engine, "tea"), 12);
    CHECK_EQ(events_count_type(fx.engine, 0, "order.cancelled"), 1);
    CHECK_EQ(sink.count[SC_LOG_DEBUG] + sink.count[SC_LOG_INFO] + sink.count[SC_LOG_WARNING], 0);
    fx_close(&fx);
    CHECK_EQ(sink.freed, 1);
}

void test_log_storage_error(void) {
    char path[256];
    FILE* f;
    int i;
    sc_options* opts = NULL;
    sc_engine* engine = NULL;

    memset(&sink, 0, sizeof sink);
    tmpdb_make(path, sizeof path);
    /* A file that is not a database. */
    f = fopen(path, "wb");
    if (!CHECK(f != NULL)) return;
    for (i = 0; i < 512; ++i) fputs("not a database, shopper-1's notes ", f);
    fclose(f);

    CHECK_OK(sc_options_new(&opts, &E));
    CHECK_OK(sc_options_set_log(opts, sink_log, &sink, sink_free, &E));
    EXPECT_ERR(SC_ERR_STORAGE, NULL, sc_engine_open(path, opts, &engine, &E));
    CHECK(engine == NULL);
    CHECK_EQ(sink.count[SC_LOG_ERROR], 1);
    CHECK(strstr(sink.last[SC_LOG_ERROR], "database") != NULL);
    /* Neither the path nor the file's text reaches the log. */
    CHECK(strstr(sink.last[SC_LOG_ERROR], path) == NULL);
    CHECK_EQ(sink.personal_data, 0);
    sc_options_free(opts);
    CHECK_EQ(sink.freed, 1);
    tmpdb_remove(path);
}
