/* The event log (read from a cursor) and subscriptions. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"

void test_events_accessors_null(void) {
    CHECK_EQ(sc_events_count(NULL), 0);
    CHECK_EQ(sc_events_seq(NULL, 0), 0);
    CHECK(sc_events_type(NULL, 0) == NULL);
    CHECK(sc_events_subject_id(NULL, 0) == NULL);
    CHECK_EQ(sc_events_time_ms(NULL, 0), 0);
    CHECK(sc_events_payload(NULL, 0) == NULL);
    sc_events_free(NULL);
    sc_subscription_free(NULL);
}

/* Finds the first event of a type in a batch; (size_t)-1 when absent. */
static size_t find_type(const sc_events* ev, const char* type) {
    size_t i;
    for (i = 0; i < sc_events_count(ev); ++i) {
        const char* t = sc_events_type(ev, i);
        if (t != NULL && strcmp(t, type) == 0) {
            return i;
        }
    }
    return (size_t)-1;
}

void test_events_read(void) {
    fixture fx;
    sc_events* ev = NULL;
    sc_order* o = NULL;
    char id[128];
    int64_t seq0;
    int64_t count = 0;
    int64_t last;
    size_t i;

    fx_open_memory(&fx);
    CHECK_OK(sc_engine_events_read(fx.engine, 0, 100, &ev, &E));
    CHECK_EQ(sc_events_count(ev), 0);
    sc_events_free(ev);
    ev = NULL;

    fx_import_standard(&fx);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    seq0 = events_last_seq(fx.engine, NULL);
    CHECK(seq0 >= 1);

    fx_advance(&fx, 42);
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "k1", &o, &E));
    if (!CHECK(o != NULL)) {
        fx_close(&fx);
        return;
    }
    snprintf(id, sizeof id, "%s", sc_order_id(o));
    CHECK_OK(sc_engine_events_read(fx.engine, seq0, 100, &ev, &E));
    i = find_type(ev, "order.created");
    if (CHECK(i != (size_t)-1)) {
        CHECK(sc_events_seq(ev, i) > seq0);
        CHECK_STR(sc_events_subject_id(ev, i), id);
        CHECK_EQ(sc_events_time_ms(ev, i), T0_MS + 42);
        CHECK(sc_events_payload(ev, i) != NULL && sc_events_payload(ev, i)[0] == '{');
    }
    sc_events_free(ev);
    ev = NULL;

    fx_advance(&fx, 1);
    CHECK_OK(sc_engine_order_pay(fx.engine, id, "psp", sc_order_total(o), "p1", NULL, &E));
    CHECK_OK(sc_engine_order_refund_line(fx.engine, id, 0, 1, "r1", NULL, &E));
    CHECK_OK(sc_engine_events_read(fx.engine, seq0, 100, &ev, &E));
    i = find_type(ev, "order.paid");
    if (CHECK(i != (size_t)-1)) {
        CHECK_STR(sc_events_subject_id(ev, i), id);
        CHECK_EQ(sc_events_time_ms(ev, i), T0_MS + 43);
        CHECK(sc_events_payload(ev, i) != NULL && sc_events_payload(ev, i)[0] == '{');
    }
    i = find_type(ev, "order.refunded");
    if (CHECK(i != (size_t)-1)) {
        CHECK_STR(sc_events_subject_id(ev, i), id);
        CHECK(sc_events_payload(ev, i) != NULL && sc_events_payload(ev, i)[0] == '{');
    }
    /* In order, increasing, gap-free; every event well formed. */
    for (i = 0; i < sc_events_count(ev); ++i) {
        CHECK_EQ(sc_events_seq(ev, i), seq0 + 1 + (int64_t)i);
        CHECK(sc_events_type(ev, i) != NULL && sc_events_type(ev, i)[0] != '\0');
        CHECK(sc_events_subject_id(ev, i) != NULL);
        CHECK(sc_events_payload(ev, i) != NULL && sc_events_payload(ev, i)[0] == '{');
    }
    /* Out of range. */
    i = sc_events_count(ev);
    CHECK_EQ(sc_events_seq(ev, i), 0);
    CHECK(sc_events_type(ev, i) == NULL);
    CHECK(sc_events_subject_id(ev, i) == NULL);
    CHECK_EQ(sc_events_time_ms(ev, i), 0);
    CHECK(sc_events_payload(ev, i) == NULL);
    sc_events_free(ev);
    ev = NULL;

    /* Reading one at a time from a cursor gives the same sequence. */
    last = events_last_seq(fx.engine, &count);
    CHECK_EQ(events_check_gap_free(fx.engine), count);
    {
        int64_t cursor = 0;
        int64_t n = 0;
        for (;;) {
            CHECK_OK(sc_engine_events_read(fx.engine, cursor, 1, &ev, &E));
            if (sc_events_count(ev) == 0) {
                sc_events_free(ev);
                ev = NULL;
                break;
            }
            CHECK_EQ(sc_events_count(ev), 1);
            CHECK(sc_events_seq(ev, 0) > cursor);
            cursor = sc_events_seq(ev, 0);
            ++n;
            sc_events_free(ev);
            ev = NULL;
            if (n > count + 5) {
                break;
            }
        }
        CHECK_EQ(n, count);
        CHECK_EQ(cursor, last);
    }
    /* Past the end. */
    CHECK_OK(sc_engine_events_read(fx.engine, last, 10000, &ev, &E));
    CHECK_EQ(sc_events_count(ev), 0);
    sc_events_free(ev);
    ev = NULL;
    CHECK_OK(sc_engine_events_read(fx.engine, INT64_MAX, 1, &ev, &E));
    CHECK_EQ(sc_events_count(ev), 0);
    sc_events_free(ev);
    ev = NULL;

    /* Bad input. */
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "after_seq", sc_engine_events_read(fx.engine, -1, 10, &ev, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "after_seq",
               sc_engine_events_read(fx.engine, INT64_MIN, 10, &ev, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "limit", sc_engine_events_read(fx.engine, 0, 0, &ev, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "limit", sc_engine_events_read(fx.engine, 0, 10001, &ev, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "limit",
               sc_engine_events_read(fx.engine, 0, (size_t)-1, &ev, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "out", sc_engine_events_read(fx.engine, 0, 10, NULL, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_events_read(NULL, 0, 10, &ev, &E));
    CHECK_STATUS(sc_engine_events_read(fx.engine, -1, 10, &ev, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK(ev == NULL);
    sc_order_free(o);
    fx_close(&fx);
}

/* ------------------------------------------------------------- subscriptions */

typedef struct sub_state {
    int calls;
    int events;
    int freed;
    int wrong_thread;
    int bad_batch;
    int64_t last_seq;
    int seen_created;
    int seen_paid;
    pthread_t thread;
    sc_engine* engine;  /* when set, the callback reads the log back */
    int reread_ok;
    int reread_mismatch;
    sc_subscription* self; /* when set, the callback ends its own subscription */
} sub_state;

static void sub_init(sub_state* s) {
    memset(s, 0, sizeof *s);
    s->thread = pthread_self();
}

static void sub_cb(void* user_data, const sc_events* events) {
    sub_state* s = (sub_state*)user_data;
    size_t i;
    size_t n = sc_events_count(events);
    s->calls++;
    s->events += (int)n;
    if (!pthread_equal(s->thread, pthread_self())) {
        s->wrong_thread++;
    }
    if (n == 0) {
        s->bad_batch++;
    }
    for (i = 0; i < n; ++i) {
        const char* t = sc_events_type(events, i);
        if (sc_events_seq(events, i) <= s->last_seq) {
            s->bad_batch++;
        }
        s->last_seq = sc_events_seq(events, i);
        if (t != NULL && strcmp(t, "order.created") == 0) {
            s->seen_created++;
        }
        if (t != NULL && strcmp(t, "order.paid") == 0) {
            s->seen_paid++;
        }
    }
    if (s->engine != NULL && n > 0) {
        /* The callback may call the engine; the transaction has committed. */
        sc_events* again = NULL;
        sc_status_t st = sc_engine_events_read(s->engine, sc_events_seq(events, 0) - 1, n, &again, NULL);
        if (st == SC_OK && sc_events_count(again) == n) {
            s->reread_ok++;
            for (i = 0; i < n; ++i) {
                if (sc_events_seq(again, i) != sc_events_seq(events, i) ||
                    strcmp(sc_events_type(again, i), sc_events_type(events, i)) != 0) {
                    s->reread_mismatch++;
                }
            }
        }
        sc_events_free(again);
    }
    if (s->self != NULL) {
        sc_subscription* me = s->self;
        s->self = NULL;
        sc_subscription_free(me);
        /* Ended after this callback returns: user_data is still ours. */
    }
}

static void sub_free(void* user_data) {
    sub_state* s = (sub_state*)user_data;
    s->freed++;
}

void test_subscribe(void) {
    fixture fx;
    sub_state a;
    sub_state b;
    sub_state c;
    sub_state d;
    sc_subscription* sa = NULL;
    sc_subscription* sb = NULL;
    sc_subscription* sc = NULL;
    sc_subscription* sd = NULL;
    sc_subscription* bad = NULL;
    sc_order* o = NULL;
    char id[128];
    int64_t live;
    sc_engine* other;
    int other_clock_freed = 0;

    fx_open_file(&fx);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u2", "cake", 1, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u3", "cup", 1, &E));

    sub_init(&a);
    sub_init(&b);
    sub_init(&c);
    sub_init(&d);
    a.engine = fx.engine;

    /* Bad input. */
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "engine",
               sc_engine_events_subscribe(NULL, sub_cb, &a, NULL, &bad, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "fn",
               sc_engine_events_subscribe(fx.engine, NULL, &a, NULL, &bad, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "out",
               sc_engine_events_subscribe(fx.engine, sub_cb, &a, NULL, NULL, &E));
    CHECK_STATUS(sc_engine_events_subscribe(fx.engine, NULL, &a, NULL, &bad, NULL), SC_ERR_INVALID_ARGUMENT);
    CHECK(bad == NULL);
    /* On failure user_data is not taken: user_data_free is not called. */
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "fn",
               sc_engine_events_subscribe(fx.engine, NULL, &a, sub_free, &bad, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "out",
               sc_engine_events_subscribe(fx.engine, sub_cb, &a, sub_free, NULL, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "engine",
               sc_engine_events_subscribe(NULL, sub_cb, &a, sub_free, &bad, &E));
    CHECK_EQ(a.freed, 0);
    CHECK(bad == NULL);

    live = sc_live_object_count();
    CHECK_OK(sc_engine_events_subscribe(fx.engine, sub_cb, &a, sub_free, &sa, &E));
    CHECK_EQ(sc_live_object_count(), live + 1);
    CHECK_OK(sc_engine_events_subscribe(fx.engine, sub_cb, &b, sub_free, &sb, &E));
    CHECK_OK(sc_engine_events_subscribe(fx.engine, sub_cb, &c, NULL, &sc, &E));
    d.self = NULL;
    CHECK_OK(sc_engine_events_subscribe(fx.engine, sub_cb, &d, sub_free, &sd, &E));
    d.self = sd; /* d ends itself on its first delivery */

    /* One call: one delivery to each subscriber, after commit, on this thread. */
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "k1", &o, &E));
    if (!CHECK(o != NULL)) {
        sc_subscription_free(sa);
        sc_subscription_free(sb);
        sc_subscription_free(sc);
        fx_close(&fx);
        return;
    }
    snprintf(id, sizeof id, "%s", sc_order_id(o));
    fx_track_order(&fx, id);
    CHECK_EQ(a.calls, 1);
    CHECK_EQ(b.calls, 1);
    CHECK_EQ(c.calls, 1);
    CHECK_EQ(d.calls, 1);
    CHECK_EQ(a.seen_created, 1);
    CHECK(a.events >= 1);
    CHECK_EQ(a.last_seq, events_last_seq(fx.engine, NULL));
    CHECK_EQ(a.reread_ok, 1);
    CHECK_EQ(a.reread_mismatch, 0);
    CHECK_EQ(a.wrong_thread, 0);
    CHECK_EQ(a.bad_batch, 0);
    CHECK_EQ(b.events, a.events);
    /* d ended itself inside the callback. */
    CHECK_EQ(d.freed, 1);

    /* A failing call commits nothing and delivers nothing. */
    EXPECT_ERR(SC_ERR_AMOUNT_MISMATCH, NULL,
               sc_engine_order_pay(fx.engine, id, "psp", sc_order_total(o) + 1, "p1", NULL, &E));
    {
        sc_order* none = NULL;
        EXPECT_ERR(SC_ERR_CART_EMPTY, "user_id", sc_engine_checkout(fx.engine, "u9", NULL, "k9", &none, &E));
        CHECK(none == NULL);
    }
    CHECK_EQ(a.calls, 1);
    CHECK_EQ(b.calls, 1);

    /* Freeing b stops its deliveries and releases its user_data. */
    sc_subscription_free(sb);
    sb = NULL;
    CHECK_EQ(b.freed, 1);
    CHECK_OK(sc_engine_order_pay(fx.engine, id, "psp", sc_order_total(o), "p1", NULL, &E));
    CHECK_EQ(a.calls, 2);
    CHECK_EQ(a.seen_paid, 1);
    CHECK_EQ(c.calls, 2);
    CHECK_EQ(b.calls, 1);
    CHECK_EQ(d.calls, 1);
    CHECK_EQ(a.wrong_thread, 0);
    CHECK_EQ(a.bad_batch, 0);

    /* Changes made through another handle are not delivered. */
    other = fx_open_handle(&fx, &other_clock_freed);
    {
        sc_order* o2 = NULL;
        CHECK_OK(sc_engine_checkout(other, "u2", NULL, "k2", &o2, &E));
        CHECK(o2 != NULL);
        sc_order_free(o2);
    }
    CHECK_EQ(a.calls, 2);
    CHECK_EQ(c.calls, 2);
    sc_engine_close(other);
    CHECK_EQ(other_clock_freed, 1);
    /* ... but are in the log. */
    CHECK(events_last_seq(fx.engine, NULL) > a.last_seq);

    /* A subscription may outlive its engine; it receives nothing more. */
    sc_subscription_free(sa);
    CHECK_EQ(a.freed, 1);
    sc_order_free(o);
    fx_close(&fx);
    CHECK_EQ(c.freed, 0);
    sc_subscription_free(sc); /* no user_data_free: nothing to call */
}

/*
 * Checks that the events after *cursor include one of `type` about `subject`
 * (and, when payload_part is not NULL, whose payload contains it); moves the cursor.
 */
static void expect_event(sc_engine* engine, int64_t* cursor, const char* type,
                         const char* subject, const char* payload_part, int line) {
    sc_events* ev = NULL;
    size_t i;
    int found = 0;
    sc_error* e = NULL;
    sc_status_t st = sc_engine_events_read(engine, *cursor, 10000, &ev, &e);
    h_check_ok(st, e, __FILE__, line, "sc_engine_events_read");
    sc_error_free(e);
    for (i = 0; i < sc_events_count(ev); ++i) {
        const char* t = sc_events_type(ev, i);
        const char* s = sc_events_subject_id(ev, i);
        const char* p = sc_events_payload(ev, i);
        if (t != NULL && strcmp(t, type) == 0 && s != NULL && strcmp(s, subject) == 0 &&
            (payload_part == NULL || (p != NULL && strstr(p, payload_part) != NULL))) {
            found = 1;
        }
        *cursor = sc_events_seq(ev, i);
    }
    if (!h_check(found, __FILE__, line, "expected event found")) {
        h_note("wanted %s about %s (payload with %s) among %zu new events", type, subject,
               payload_part ? payload_part : "anything", sc_events_count(ev));
        for (i = 0; i < sc_events_count(ev); ++i) {
            h_note("  have %s about %s: %s", sc_events_type(ev, i), sc_events_subject_id(ev, i),
                   sc_events_payload(ev, i));
        }
    }
    sc_events_free(ev);
}

static void expect_no_event(sc_engine* engine, int64_t cursor, int line) {
    h_check_i64(events_last_seq(engine, NULL), cursor, __FILE__, line, "last seq",
                "seq before a call that changes nothing");
}

/* The event types of docs/events.md, and calls that change nothing append nothing. */
void test_event_types(void) {
    fixture fx;
    int64_t cur = 0;
    sc_order* o = NULL;
    char id[128];

    fx_open_memory(&fx);
    fx_import_standard(&fx);
    expect_event(fx.engine, &cur, "program.imported", "program", NULL, __LINE__);
    put_sku_simple(fx.engine, "mug", 1500, 10, 0, 1);
    expect_event(fx.engine, &cur, "sku.put", "mug", NULL, __LINE__);

    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    expect_event(fx.engine, &cur, "cart.line_added", "u1", NULL, __LINE__);
    CHECK_OK(sc_engine_cart_set_quantity(fx.engine, "u1", "tea", 2, &E));
    expect_event(fx.engine, &cur, "cart.quantity_set", "u1", NULL, __LINE__);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "mug", 1, &E));
    expect_event(fx.engine, &cur, "cart.line_added", "u1", NULL, __LINE__);
    CHECK_OK(sc_engine_cart_select(fx.engine, "u1", "mug", false, &E));
    expect_event(fx.engine, &cur, "cart.line_selected", "u1", NULL, __LINE__);
    /* Already unselected / already selected: nothing. */
    CHECK_OK(sc_engine_cart_select(fx.engine, "u1", "mug", false, &E));
    expect_no_event(fx.engine, cur, __LINE__);
    CHECK_OK(sc_engine_cart_select(fx.engine, "u1", "tea", true, &E));
    expect_no_event(fx.engine, cur, __LINE__);
    CHECK_OK(sc_engine_cart_remove(fx.engine, "u1", "mug", &E));
    expect_event(fx.engine, &cur, "cart.line_removed", "u1", NULL, __LINE__);
    CHECK_OK(sc_engine_cart_add(fx.engine, "g1", "cake", 1, &E));
    expect_event(fx.engine, &cur, "cart.line_added", "g1", NULL, __LINE__);
    CHECK_OK(sc_engine_cart_merge_guest(fx.engine, "u1", "g1", &E));
    expect_event(fx.engine, &cur, "cart.merged", "u1", NULL, __LINE__);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u2", "cake", 1, &E));
    expect_event(fx.engine, &cur, "cart.line_added", "u2", NULL, __LINE__);
    CHECK_OK(sc_engine_cart_clear(fx.engine, "u2", &E));
    expect_event(fx.engine, &cur, "cart.cleared", "u2", NULL, __LINE__);
    /* Clearing an empty cart: nothing. */
    CHECK_OK(sc_engine_cart_clear(fx.engine, "u2", &E));
    expect_no_event(fx.engine, cur, __LINE__);

    /* Checkout, pay, refund. */
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "k1", &o, &E));
    if (!CHECK(o != NULL)) {
        fx_close(&fx);
        return;
    }
    snprintf(id, sizeof id, "%s", sc_order_id(o));
    {
        int64_t c2 = cur;
        expect_event(fx.engine, &c2, "order.created", id, NULL, __LINE__);
        expect_event(fx.engine, &cur, "hold.placed", id, "tea", __LINE__);
    }
    CHECK_OK(sc_engine_order_pay(fx.engine, id, "psp-77", sc_order_total(o), "p1", NULL, &E));
    {
        int64_t c2 = cur;
        expect_event(fx.engine, &c2, "order.paid", id, "psp-77", __LINE__);
        expect_event(fx.engine, &cur, "hold.committed", id, NULL, __LINE__);
    }
    /* An idempotent retry: nothing. */
    CHECK_OK(sc_engine_order_pay(fx.engine, id, "psp-77", sc_order_total(o), "p1", NULL, &E));
    expect_no_event(fx.engine, cur, __LINE__);
    /* A checkout retry returns the order as it is now. */
    {
        sc_order* again = NULL;
        CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "k1", &again, &E));
        CHECK_STR(sc_order_id(again), id);
        CHECK_EQ(sc_order_state(again), SC_ORDER_PAID);
        sc_order_free(again);
        expect_no_event(fx.engine, cur, __LINE__);
    }
    CHECK_OK(sc_engine_order_refund_line(fx.engine, id, order_line_of(o, "tea"), 1, "r1", NULL, &E));
    expect_event(fx.engine, &cur, "order.refunded", id, NULL, __LINE__);
    /* A refund does not put stock back on hand. */
    CHECK_EQ(sku_on_hand(fx.engine, "tea"), 10);
    sc_order_free(o);
    o = NULL;

    /* Cancel: order.cancelled (requested) and the hold released. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u3", "tea", 1, &E));
    expect_event(fx.engine, &cur, "cart.line_added", "u3", NULL, __LINE__);
    CHECK_OK(sc_engine_checkout(fx.engine, "u3", NULL, "k3", &o, &E));
    if (CHECK(o != NULL)) {
        snprintf(id, sizeof id, "%s", sc_order_id(o));
        expect_event(fx.engine, &cur, "order.created", id, NULL, __LINE__);
        CHECK_OK(sc_engine_order_cancel(fx.engine, id, NULL, &E));
        {
            int64_t c2 = cur;
            expect_event(fx.engine, &c2, "order.cancelled", id, "requested", __LINE__);
            expect_event(fx.engine, &cur, "hold.released", id, "tea", __LINE__);
        }
        CHECK_OK(sc_engine_order_cancel(fx.engine, id, NULL, &E));
        expect_no_event(fx.engine, cur, __LINE__);
    }
    sc_order_free(o);
    o = NULL;

    /* Lapse: order.cancelled (payment_lapsed) and the hold released. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u4", "tea", 1, &E));
    expect_event(fx.engine, &cur, "cart.line_added", "u4", NULL, __LINE__);
    CHECK_OK(sc_engine_checkout(fx.engine, "u4", NULL, "k4", &o, &E));
    if (CHECK(o != NULL)) {
        snprintf(id, sizeof id, "%s", sc_order_id(o));
        expect_event(fx.engine, &cur, "order.created", id, NULL, __LINE__);
        fx_advance(&fx, WINDOW_MS + 1);
        {
            sc_order* r = NULL;
            CHECK_OK(sc_engine_order_get(fx.engine, id, &r, &E));
            CHECK_EQ(sc_order_state(r), SC_ORDER_CANCELLED);
            sc_order_free(r);
        }
        /* The read wrote nothing; the settlement's events come with the sweep. */
        CHECK_EQ(events_count_type(fx.engine, 0, "order.cancelled"), 1);
        CHECK_OK(sc_engine_sweep(fx.engine, 100, NULL, NULL, &E));
        {
            int64_t c2 = cur;
            expect_event(fx.engine, &c2, "order.cancelled", id, "payment_lapsed", __LINE__);
            expect_event(fx.engine, &cur, "hold.released", id, NULL, __LINE__);
        }
        CHECK_EQ(events_count_type(fx.engine, 0, "order.cancelled"), 2);
    }
    sc_order_free(o);
    events_check_gap_free(fx.engine);
    fx_close(&fx);
}
