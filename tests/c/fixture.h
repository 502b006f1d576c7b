/*
 * Shared test fixtures: an injected clock, temporary database files, an engine
 * opened with them, and a fingerprint of everything the engine stores (the
 * exported program, the event log, the carts, groups and bargains of known
 * users and known orders) so tests can prove that a failing call changed
 * nothing.
 */
#ifndef SC_TEST_FIXTURE_H
#define SC_TEST_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "harness.h"

/* 2026-01-01T00:00:00Z */
#define T0_MS INT64_C(1767225600000)
/* The payment window every fixture engine is opened with. */
#define WINDOW_MS INT64_C(60000)

/* Ids are at most 128 bytes (docs/c-api.md): ID128 is the longest, ID129 too long. */
#define ID64 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define ID128 ID64 ID64
#define ID129 ID64 ID64 "x"

/* An invalid UTF-8 string. */
#define BAD_UTF8 "\xff\xfe"

/*
 * The injected clock. Tests advance now_ms explicitly; a clock that follows
 * another reads that one's time instead (for extra handles on one database).
 */
typedef struct test_clock {
    int64_t now_ms;
    const struct test_clock* follow;
    int* freed_flag;  /* set to 1 by test_clock_release */
} test_clock;

int64_t test_clock_now(void* user_data);
/* user_data_free for a heap-allocated test_clock. */
void test_clock_release(void* user_data);
/* A new heap clock (to give to sc_options_set_clock). */
test_clock* test_clock_new(int64_t now_ms, const test_clock* follow, int* freed_flag);

/* Temporary database files. */
void tmpdb_make(char* path, size_t size);
void tmpdb_remove(const char* path);

#define FX_MAX_USERS 16
#define FX_MAX_ORDERS 32

typedef struct fixture {
    sc_engine* engine;
    test_clock* clock; /* owned by the engine; valid until fx_close */
    int clock_freed;
    char path[256]; /* "" for :memory: */
    const char* users[FX_MAX_USERS];
    size_t user_count;
    char orders[FX_MAX_ORDERS][128];
    size_t order_count;
} fixture;

/* Opens an engine on ":memory:" (path NULL) or on a new temporary file. */
void fx_open_memory(fixture* fx);
void fx_open_file(fixture* fx);
/* As fx_open_file, with configure(options) called before the engine opens. */
void fx_open_file_with(fixture* fx, void (*configure)(sc_options* options));
/* Opens another handle on the fixture's file, whose clock follows the fixture's. */
sc_engine* fx_open_handle(fixture* fx, int* clock_freed);
/* Closes the engine, checks the clock's user_data was released, removes files. */
void fx_close(fixture* fx);
/* An engine on `path` for a process race: the test clock at T0, a long busy timeout, no
 * check macros (it runs in a forked child too); NULL on failure. */
sc_engine* fx_open_process_engine(const char* path, int* clock_freed);
/* The same with the test clock at `now_ms`. */
sc_engine* fx_open_process_engine_at(const char* path, int64_t now_ms, int* clock_freed);

void fx_advance(fixture* fx, int64_t ms);
int64_t fx_now(const fixture* fx);

/* Imports a program, expecting success. */
void fx_import(fixture* fx, const char* json);
/* Imports the standard test program (tea, cup, cake, kettle). */
void fx_import_standard(fixture* fx);

/* Users and orders whose state goes into the fingerprint. */
void fx_track_user(fixture* fx, const char* user_id);
void fx_track_order(fixture* fx, const char* order_id);
/* An order's total and state, read expecting success. */
int64_t fx_order_total(fixture* fx, const char* order_id);
sc_order_state_t fx_order_state(fixture* fx, const char* order_id);
/* Pays an order its total under `key`, expecting success; the state it reaches. */
sc_order_state_t fx_pay_order(fixture* fx, const char* order_id, const char* key);

/* Everything the engine stores that a test can read, as one malloc'd string. */
char* fx_fingerprint(fixture* fx);
/* Checks that the fingerprint now equals `before`, and frees `before`. */
void fx_expect_same(fixture* fx, char* before, const char* file, int line, const char* expr);

/* A textual dump (malloc'd) of a cart / an order as read now. */
char* dump_cart(sc_engine* engine, const char* user_id);
char* dump_order(sc_engine* engine, const char* order_id);
char* dump_order_snapshot(const sc_order* order);

/* Event log helpers. */
int64_t events_last_seq(sc_engine* engine, int64_t* count_out);
/* Counts events of a type with seq > after_seq. */
int64_t events_count_type(sc_engine* engine, int64_t after_seq, const char* type);
/* Checks that seqs are increasing and gap-free; returns the number of events. */
int64_t events_check_gap_free(sc_engine* engine);

/* SKU helpers (fail a check and return -1 when the SKU cannot be read). */
int64_t sku_available(sc_engine* engine, const char* sku_id);
int64_t sku_on_hand(sc_engine* engine, const char* sku_id);
/* Puts a SKU built from the arguments; stock < 0 means untracked, max 0 none. */
void put_sku_simple(sc_engine* engine, const char* id, int64_t price, int64_t stock,
                    int64_t max_per_order, int active);

/* Order line index of a SKU, or (size_t)-1. */
size_t order_line_of(const sc_order* order, const char* sku_id);

/* Same-as-before assertion around a failing call. */
#define EXPECT_ERR_SAME(fx, code, field, call)                        \
    do {                                                              \
        char* FP_ = fx_fingerprint(fx);                               \
        EXPECT_ERR(code, field, call);                                \
        fx_expect_same((fx), FP_, __FILE__, __LINE__, #call);         \
    } while (0)

#define EXPECT_ERR2_SAME(fx, code, code2, field, call)                \
    do {                                                              \
        char* FP_ = fx_fingerprint(fx);                               \
        EXPECT_ERR2(code, code2, field, call);                        \
        fx_expect_same((fx), FP_, __FILE__, __LINE__, #call);         \
    } while (0)

/* A call made with err == NULL: only the status can be checked. */
#define EXPECT_STATUS_SAME(fx, code, call)                            \
    do {                                                              \
        char* FP_ = fx_fingerprint(fx);                               \
        CHECK_STATUS(call, code);                                     \
        fx_expect_same((fx), FP_, __FILE__, __LINE__, #call);         \
    } while (0)

extern const char* const STANDARD_PROGRAM;

#endif
