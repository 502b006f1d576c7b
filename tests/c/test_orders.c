/* Orders: checkout, pay, cancel, payment lapse, sweep, refunds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

static sc_order* checkout(fixture* fx, const char* user, const char* key) {
    sc_order* o = NULL;
    CHECK_OK(sc_engine_checkout(fx->engine, user, NULL, key, &o, &E));
    if (o != NULL) {
        fx_track_order(fx, sc_order_id(o));
    }
    return o;
}

static void pay(fixture* fx, const sc_order* o) {
    char key[200];
    snprintf(key, sizeof key, "pay-%s", sc_order_id(o));
    CHECK_OK(sc_engine_order_pay(fx->engine, sc_order_id(o), "psp-1", sc_order_total(o), key,
                                 NULL, &E));
}

static sc_order* get_order(fixture* fx, const char* id) {
    sc_order* o = NULL;
    CHECK_OK(sc_engine_order_get(fx->engine, id, &o, &E));
    return o;
}

/* The lines' refunded amounts and the refunds both add up to the order's refunded total. */
static void check_refund_sums(const sc_order* o) {
    int64_t lines = 0;
    int64_t refunds = 0;
    size_t i;
    for (i = 0; i < sc_order_line_count(o); ++i) {
        lines += sc_order_line_refunded_amount(o, i);
        CHECK(sc_order_line_refunded_amount(o, i) <= sc_order_line_net(o, i));
        CHECK(sc_order_line_refunded_quantity(o, i) <= sc_order_line_quantity(o, i));
    }
    for (i = 0; i < sc_order_refund_count(o); ++i) {
        refunds += sc_order_refund_amount(o, i);
        CHECK(sc_order_refund_amount(o, i) > 0);
        CHECK(sc_order_refund_id(o, i) != NULL && sc_order_refund_id(o, i)[0] != '\0');
    }
    CHECK_EQ(lines, sc_order_refunded(o));
    CHECK_EQ(refunds, sc_order_refunded(o));
    CHECK(sc_order_refunded(o) <= sc_order_total(o));
}

void test_order_accessors_null(void) {
    CHECK(sc_order_id(NULL) == NULL);
    CHECK(sc_order_user_id(NULL) == NULL);
    CHECK_EQ(sc_order_state(NULL), 0);
    CHECK_EQ(sc_order_cancel_reason(NULL), SC_CANCEL_NONE);
    CHECK(sc_order_currency(NULL) == NULL);
    CHECK_EQ(sc_order_subtotal(NULL), 0);
    CHECK_EQ(sc_order_total(NULL), 0);
    CHECK_EQ(sc_order_refunded(NULL), 0);
    CHECK_EQ(sc_order_created_at_ms(NULL), 0);
    CHECK_EQ(sc_order_pay_deadline_ms(NULL), 0);
    CHECK_EQ(sc_order_paid_at_ms(NULL), 0);
    CHECK(sc_order_payment_ref(NULL) == NULL);
    CHECK_EQ(sc_order_line_count(NULL), 0);
    CHECK(sc_order_line_sku_id(NULL, 0) == NULL);
    CHECK(sc_order_line_title(NULL, 0) == NULL);
    CHECK(sc_order_line_merchant_id(NULL, 0) == NULL);
    CHECK_EQ(sc_order_line_quantity(NULL, 0), 0);
    CHECK_EQ(sc_order_line_unit_price(NULL, 0), 0);
    CHECK_EQ(sc_order_line_base(NULL, 0), 0);
    CHECK_EQ(sc_order_line_net(NULL, 0), 0);
    CHECK_EQ(sc_order_line_refunded_quantity(NULL, 0), 0);
    CHECK_EQ(sc_order_line_refunded_amount(NULL, 0), 0);
    CHECK_EQ(sc_order_refund_count(NULL), 0);
    CHECK(sc_order_refund_id(NULL, 0) == NULL);
    CHECK_EQ(sc_order_refund_amount(NULL, 0), 0);
    sc_order_free(NULL);
}

void test_checkout(void) {
    fixture fx;
    sc_order* o = NULL;
    sc_order* o2 = NULL;
    sc_cart* cart = NULL;
    int64_t live;
    int64_t seq0;
    size_t t;
    size_t c;
    char id[128];

    fx_open_file(&fx);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    fx_track_user(&fx, "u2");
    fx_track_user(&fx, "u3");

    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cup", 1, &E));
    CHECK_OK(sc_engine_cart_select(fx.engine, "u1", "cup", false, &E));
    fx_advance(&fx, 5000);
    seq0 = events_last_seq(fx.engine, NULL);

    live = sc_live_object_count();
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "k1", &o, &E));
    CHECK_EQ(sc_live_object_count(), live + 1);
    if (!CHECK(o != NULL)) {
        fx_close(&fx);
        return;
    }
    snprintf(id, sizeof id, "%s", sc_order_id(o));
    fx_track_order(&fx, id);
    CHECK(id[0] != '\0');
    CHECK_STR(sc_order_user_id(o), "u1");
    CHECK_EQ(sc_order_state(o), SC_ORDER_CREATED);
    CHECK_EQ(sc_order_cancel_reason(o), SC_CANCEL_NONE);
    CHECK_STR(sc_order_currency(o), "CNY");
    CHECK_EQ(sc_order_subtotal(o), 2 * 6800 + 12800);
    CHECK_EQ(sc_order_total(o), 2 * 6800 + 12800);
    CHECK_EQ(sc_order_refunded(o), 0);
    CHECK_EQ(sc_order_created_at_ms(o), T0_MS + 5000);
    CHECK_EQ(sc_order_pay_deadline_ms(o), T0_MS + 5000 + WINDOW_MS);
    CHECK_EQ(sc_order_paid_at_ms(o), 0);
    CHECK(sc_order_payment_ref(o) == NULL);
    CHECK_EQ(sc_order_line_count(o), 2);
    t = order_line_of(o, "tea");
    c = order_line_of(o, "cake");
    CHECK(t != (size_t)-1 && c != (size_t)-1);
    CHECK_STR(sc_order_line_title(o, t), "Longjing \xe9\xbe\x99\xe4\xba\x95");
    CHECK_STR(sc_order_line_merchant_id(o, t), "m1");
    CHECK_STR(sc_order_line_merchant_id(o, c), "m2");
    CHECK_EQ(sc_order_line_quantity(o, t), 2);
    CHECK_EQ(sc_order_line_unit_price(o, t), 6800);
    CHECK_EQ(sc_order_line_base(o, t), 13600);
    CHECK_EQ(sc_order_line_net(o, t), 13600);
    CHECK_EQ(sc_order_line_quantity(o, c), 1);
    CHECK_EQ(sc_order_line_base(o, c), 12800);
    CHECK_EQ(sc_order_line_net(o, t) + sc_order_line_net(o, c), sc_order_total(o));
    CHECK_EQ(sc_order_line_refunded_quantity(o, t), 0);
    CHECK_EQ(sc_order_line_refunded_amount(o, t), 0);
    CHECK_EQ(sc_order_refund_count(o), 0);
    CHECK(sc_order_refund_id(o, 0) == NULL);
    CHECK_EQ(sc_order_refund_amount(o, 0), 0);
    /* Out of range. */
    CHECK(sc_order_line_sku_id(o, 2) == NULL);
    CHECK(sc_order_line_title(o, 2) == NULL);
    CHECK(sc_order_line_merchant_id(o, 2) == NULL);
    CHECK_EQ(sc_order_line_quantity(o, 2), 0);
    CHECK_EQ(sc_order_line_unit_price(o, 2), 0);
    CHECK_EQ(sc_order_line_base(o, 2), 0);
    CHECK_EQ(sc_order_line_net(o, 2), 0);
    CHECK_EQ(sc_order_line_refunded_quantity(o, 2), 0);
    CHECK_EQ(sc_order_line_refunded_amount(o, (size_t)-1), 0);

    /* The ordered lines left the cart; the unselected one stayed. */
    CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
    CHECK_EQ(sc_cart_line_count(cart), 1);
    CHECK_STR(sc_cart_line_sku_id(cart, 0), "cup");
    sc_cart_free(cart);
    cart = NULL;

    /* Tracked stock is held, not taken. */
    CHECK_EQ(sku_available(fx.engine, "tea"), 10);
    CHECK_EQ(sku_on_hand(fx.engine, "tea"), 12);
    CHECK_EQ(events_count_type(fx.engine, seq0, "order.created"), 1);

    /* Reading the order gives the same snapshot. */
    {
        char* a = dump_order_snapshot(o);
        char* b = dump_order(fx.engine, id);
        CHECK_STR(b, a);
        free(a);
        free(b);
    }

    /* A retry with the same key returns the same order and changes nothing,
       even with new selected lines in the cart. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    {
        char* before = fx_fingerprint(&fx);
        char* a = dump_order_snapshot(o);
        char* b;
        CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "k1", &o2, &E));
        CHECK_STR(sc_order_id(o2), id);
        b = dump_order_snapshot(o2);
        CHECK_STR(b, a);
        free(a);
        free(b);
        fx_expect_same(&fx, before, __FILE__, __LINE__, "checkout retry with the same key");
        sc_order_free(o2);
        o2 = NULL;
    }
    /* The same key for another user. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u2", "cake", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_checkout(fx.engine, "u2", NULL, "k1", &o2, &E));
    CHECK(o2 == NULL);

    /* Nothing selected. */
    EXPECT_ERR_SAME(&fx, SC_ERR_CART_EMPTY, "user_id",
                    sc_engine_checkout(fx.engine, "u3", NULL, "k-empty", &o2, &E));
    CHECK_OK(sc_engine_cart_select(fx.engine, "u2", "cake", false, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_CART_EMPTY, "user_id",
                    sc_engine_checkout(fx.engine, "u2", NULL, "k-empty2", &o2, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_CART_EMPTY,
                       sc_engine_checkout(fx.engine, "u2", NULL, "k-empty2", &o2, NULL));

    /* Bad arguments. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_checkout(NULL, "u1", NULL, "k2", &o2, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_checkout(fx.engine, NULL, NULL, "k2", &o2, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_checkout(fx.engine, "", NULL, "k2", &o2, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "user_id",
                    sc_engine_checkout(fx.engine, BAD_UTF8, NULL, "k2", &o2, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_checkout(fx.engine, "u1", NULL, NULL, &o2, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_checkout(fx.engine, "u1", NULL, "", &o2, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "idempotency_key",
                    sc_engine_checkout(fx.engine, "u1", NULL, BAD_UTF8, &o2, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_checkout(fx.engine, "u1", NULL, "k2", NULL, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_ARGUMENT,
                       sc_engine_checkout(fx.engine, "u1", NULL, "", &o2, NULL));
    CHECK(o2 == NULL);

    /* order_get */
    EXPECT_ERR(SC_ERR_NOT_FOUND, "order_id", sc_engine_order_get(fx.engine, "no-such-order", &o2, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "order_id", sc_engine_order_get(fx.engine, "", &o2, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "order_id", sc_engine_order_get(fx.engine, NULL, &o2, &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "order_id", sc_engine_order_get(fx.engine, BAD_UTF8, &o2, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "order_id", sc_engine_order_get(fx.engine, "o\x01", &o2, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "order_id", sc_engine_order_get(fx.engine, ID129, &o2, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "out", sc_engine_order_get(fx.engine, id, NULL, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_order_get(NULL, id, &o2, &E));
    CHECK_STATUS(sc_engine_order_get(fx.engine, "no-such-order", &o2, NULL), SC_ERR_NOT_FOUND);
    CHECK(o2 == NULL);

    /* Changing the SKU changes no existing order. */
    put_sku_simple(fx.engine, "tea", 9900, 12, 5, 1);
    o2 = get_order(&fx, id);
    CHECK_EQ(sc_order_line_unit_price(o2, order_line_of(o2, "tea")), 6800);
    CHECK_STR(sc_order_line_title(o2, order_line_of(o2, "tea")), "Longjing \xe9\xbe\x99\xe4\xba\x95");
    CHECK_EQ(sc_order_total(o2), 26400);
    sc_order_free(o2);
    o2 = NULL;
    /* The stock on hand becomes the new count; the hold still counts. */
    CHECK_EQ(sku_on_hand(fx.engine, "tea"), 12);
    CHECK_EQ(sku_available(fx.engine, "tea"), 10);

    /* Checkout re-prices a line whose price changed since it was added. */
    o2 = checkout(&fx, "u1", "k3");
    if (CHECK(o2 != NULL)) {
        CHECK_EQ(sc_order_line_unit_price(o2, order_line_of(o2, "tea")), 9900);
        CHECK_EQ(sc_order_total(o2), 9900);
    }
    sc_order_free(o2);
    sc_order_free(o);
    fx_close(&fx);
}

void test_pay(void) {
    fixture fx;
    sc_order* o = NULL;
    sc_order* o2 = NULL;
    sc_order* out = NULL;
    int64_t total;
    int64_t seq0;
    char id[128];
    char id2[128];

    fx_open_memory(&fx);
    fx_import_standard(&fx);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 3, &E));
    o = checkout(&fx, "u1", "k1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u2", "cup", 1, &E));
    o2 = checkout(&fx, "u2", "k2");
    if (!CHECK(o != NULL && o2 != NULL)) {
        sc_order_free(o);
        sc_order_free(o2);
        fx_close(&fx);
        return;
    }
    snprintf(id, sizeof id, "%s", sc_order_id(o));
    snprintf(id2, sizeof id2, "%s", sc_order_id(o2));
    total = sc_order_total(o);
    CHECK_EQ(total, 3 * 6800);
    seq0 = events_last_seq(fx.engine, NULL);

    /* Wrong amounts. */
    EXPECT_ERR_SAME(&fx, SC_ERR_AMOUNT_MISMATCH, "amount_minor",
                    sc_engine_order_pay(fx.engine, id, "psp-1", total + 1, "p1", &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_AMOUNT_MISMATCH, "amount_minor",
                    sc_engine_order_pay(fx.engine, id, "psp-1", total - 1, "p1", &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_AMOUNT_MISMATCH, "amount_minor",
                     sc_engine_order_pay(fx.engine, id, "psp-1", 0, "p1", &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_AMOUNT_MISMATCH, "amount_minor",
                     sc_engine_order_pay(fx.engine, id, "psp-1", -total, "p1", &out, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_AMOUNT_MISMATCH,
                       sc_engine_order_pay(fx.engine, id, "psp-1", total + 1, "p1", &out, NULL));
    /* Bad arguments. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_order_pay(NULL, id, "psp-1", total, "p1", &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "order_id",
                    sc_engine_order_pay(fx.engine, NULL, "psp-1", total, "p1", &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "order_id",
                    sc_engine_order_pay(fx.engine, "", "psp-1", total, "p1", &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "order_id",
                    sc_engine_order_pay(fx.engine, BAD_UTF8, "psp-1", total, "p1", &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "order_id",
                    sc_engine_order_pay(fx.engine, "no-such-order", "psp-1", total, "p1", &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "payment_ref",
                    sc_engine_order_pay(fx.engine, id, NULL, total, "p1", &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "payment_ref",
                    sc_engine_order_pay(fx.engine, id, "", total, "p1", &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "payment_ref",
                    sc_engine_order_pay(fx.engine, id, BAD_UTF8, total, "p1", &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_order_pay(fx.engine, id, "psp-1", total, NULL, &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_order_pay(fx.engine, id, "psp-1", total, "", &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "idempotency_key",
                    sc_engine_order_pay(fx.engine, id, "psp-1", total, BAD_UTF8, &out, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_NOT_FOUND,
                       sc_engine_order_pay(fx.engine, "no-such-order", "psp-1", total, "p1", NULL, NULL));
    CHECK(out == NULL);

    /* Pay. */
    fx_advance(&fx, 1234);
    CHECK_OK(sc_engine_order_pay(fx.engine, id, "psp-1", total, "p1", &out, &E));
    if (CHECK(out != NULL)) {
        CHECK_STR(sc_order_id(out), id);
        CHECK_EQ(sc_order_state(out), SC_ORDER_PAID);
        CHECK_EQ(sc_order_cancel_reason(out), SC_CANCEL_NONE);
        CHECK_EQ(sc_order_paid_at_ms(out), T0_MS + 1234);
        CHECK_STR(sc_order_payment_ref(out), "psp-1");
        CHECK_EQ(sc_order_refunded(out), 0);
        CHECK_EQ(sc_order_total(out), total);
    }
    /* The hold became a sale. */
    CHECK_EQ(sku_on_hand(fx.engine, "tea"), 9);
    CHECK_EQ(sku_available(fx.engine, "tea"), 9);
    CHECK_EQ(events_count_type(fx.engine, seq0, "order.paid"), 1);

    /* Retry with the same key and arguments: the paid order again, nothing changes. */
    {
        char* before = fx_fingerprint(&fx);
        sc_order* again = NULL;
        char* a = dump_order_snapshot(out);
        char* b;
        fx_advance(&fx, 1000);
        CHECK_OK(sc_engine_order_pay(fx.engine, id, "psp-1", total, "p1", &again, &E));
        b = dump_order_snapshot(again);
        CHECK_STR(b, a);
        free(a);
        free(b);
        sc_order_free(again);
        CHECK_OK(sc_engine_order_pay(fx.engine, id, "psp-1", total, "p1", NULL, &E));
        fx_expect_same(&fx, before, __FILE__, __LINE__, "pay retry with the same key");
    }
    /* The same key with other arguments. */
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_order_pay(fx.engine, id, "psp-2", total, "p1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_order_pay(fx.engine, id2, "psp-1", sc_order_total(o2), "p1", NULL, &E));
    /* Another key on a paid order. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, NULL,
                    sc_engine_order_pay(fx.engine, id, "psp-1", total, "p-other", NULL, &E));
    /* A paid order cannot be cancelled. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, NULL,
                    sc_engine_order_cancel(fx.engine, id, NULL, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_STATE, sc_engine_order_cancel(fx.engine, id, NULL, NULL));

    /* out may be NULL. */
    CHECK_OK(sc_engine_order_pay(fx.engine, id2, "psp-9", sc_order_total(o2), "p2", NULL, &E));
    sc_order_free(o2);
    o2 = get_order(&fx, id2);
    CHECK_EQ(sc_order_state(o2), SC_ORDER_PAID);
    CHECK_STR(sc_order_payment_ref(o2), "psp-9");
    CHECK_EQ(sku_on_hand(fx.engine, "cup"), 2);

    sc_order_free(out);
    sc_order_free(o2);
    sc_order_free(o);
    fx_close(&fx);
}

void test_cancel(void) {
    fixture fx;
    sc_order* o = NULL;
    sc_order* out = NULL;
    char id[128];

    fx_open_memory(&fx);
    fx_import_standard(&fx);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cup", 2, &E));
    o = checkout(&fx, "u1", "k1");
    if (!CHECK(o != NULL)) {
        fx_close(&fx);
        return;
    }
    snprintf(id, sizeof id, "%s", sc_order_id(o));
    CHECK_EQ(sku_available(fx.engine, "cup"), 1);

    /* Bad arguments. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_order_cancel(NULL, id, &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "order_id",
                    sc_engine_order_cancel(fx.engine, NULL, &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "order_id",
                    sc_engine_order_cancel(fx.engine, "", &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "order_id",
                    sc_engine_order_cancel(fx.engine, BAD_UTF8, &out, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "order_id",
                    sc_engine_order_cancel(fx.engine, "no-such-order", &out, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_NOT_FOUND,
                       sc_engine_order_cancel(fx.engine, "no-such-order", NULL, NULL));
    CHECK(out == NULL);
    /* Refunding an unpaid order. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, NULL,
                    sc_engine_order_refund_line(fx.engine, id, 0, 1, "r1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, NULL,
                    sc_engine_order_refund_amount(fx.engine, id, 100, "r2", NULL, &E));

    /* Cancel. */
    CHECK_OK(sc_engine_order_cancel(fx.engine, id, &out, &E));
    if (CHECK(out != NULL)) {
        CHECK_EQ(sc_order_state(out), SC_ORDER_CANCELLED);
        CHECK_EQ(sc_order_cancel_reason(out), SC_CANCEL_REQUESTED);
        CHECK_EQ(sc_order_paid_at_ms(out), 0);
    }
    CHECK_EQ(sku_available(fx.engine, "cup"), 3);
    CHECK_EQ(sku_on_hand(fx.engine, "cup"), 3);
    /* Twice is fine and changes nothing. */
    {
        char* before = fx_fingerprint(&fx);
        sc_order* again = NULL;
        char* a = dump_order_snapshot(out);
        char* b;
        CHECK_OK(sc_engine_order_cancel(fx.engine, id, &again, &E));
        b = dump_order_snapshot(again);
        CHECK_STR(b, a);
        free(a);
        free(b);
        sc_order_free(again);
        CHECK_OK(sc_engine_order_cancel(fx.engine, id, NULL, &E));
        fx_expect_same(&fx, before, __FILE__, __LINE__, "cancel twice");
    }
    /* Paying or refunding a cancelled order. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, NULL,
                    sc_engine_order_pay(fx.engine, id, "psp", sc_order_total(o), "p1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, NULL,
                    sc_engine_order_refund_line(fx.engine, id, 0, 1, "r1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, NULL,
                    sc_engine_order_refund_amount(fx.engine, id, 1, "r2", NULL, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_STATE,
                       sc_engine_order_pay(fx.engine, id, "psp", sc_order_total(o), "p1", NULL, NULL));
    sc_order_free(out);
    sc_order_free(o);
    fx_close(&fx);
}

void test_payment_lapse(void) {
    fixture fx;
    sc_order* o1;
    sc_order* o2;
    sc_order* o3;
    sc_order* r;
    sc_order* out = NULL;
    char id1[128];
    char id2[128];
    char id3[128];

    fx_open_memory(&fx);
    fx_import_standard(&fx);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    o1 = checkout(&fx, "u1", "k1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u2", "tea", 1, &E));
    o2 = checkout(&fx, "u2", "k2");
    if (!CHECK(o1 != NULL && o2 != NULL)) {
        sc_order_free(o1);
        sc_order_free(o2);
        fx_close(&fx);
        return;
    }
    snprintf(id1, sizeof id1, "%s", sc_order_id(o1));
    snprintf(id2, sizeof id2, "%s", sc_order_id(o2));
    CHECK_EQ(sku_available(fx.engine, "tea"), 9);

    /* One millisecond before the deadline nothing has lapsed. */
    fx_advance(&fx, WINDOW_MS - 1);
    r = get_order(&fx, id1);
    CHECK_EQ(sc_order_state(r), SC_ORDER_CREATED);
    sc_order_free(r);
    CHECK_EQ(sku_available(fx.engine, "tea"), 9);

    /* After it, paying is SC_ERR_EXPIRED, and the order is cancelled. */
    fx_advance(&fx, 2);
    EXPECT_ERR(SC_ERR_EXPIRED, NULL,
               sc_engine_order_pay(fx.engine, id2, "psp", sc_order_total(o2), "p2", &out, &E));
    CHECK(out == NULL);
    r = get_order(&fx, id2);
    CHECK_EQ(sc_order_state(r), SC_ORDER_CANCELLED);
    CHECK_EQ(sc_order_cancel_reason(r), SC_CANCEL_PAYMENT_LAPSED);
    sc_order_free(r);

    /* Reads see the lapse at once: cancelled, payment lapsed, hold free. */
    r = get_order(&fx, id1);
    CHECK_EQ(sc_order_state(r), SC_ORDER_CANCELLED);
    CHECK_EQ(sc_order_cancel_reason(r), SC_CANCEL_PAYMENT_LAPSED);
    CHECK_EQ(sc_order_paid_at_ms(r), 0);
    sc_order_free(r);
    CHECK_EQ(sku_available(fx.engine, "tea"), 12);
    CHECK_EQ(sku_on_hand(fx.engine, "tea"), 12);

    /* And again, with nothing more to settle: nothing changes. */
    EXPECT_ERR_SAME(&fx, SC_ERR_EXPIRED, NULL,
                     sc_engine_order_pay(fx.engine, id2, "psp", sc_order_total(o2), "p2", &out, &E));
    /* Once settled, cancelling a lapsed order returns it unchanged. */
    CHECK_OK(sc_engine_sweep(fx.engine, 100, NULL, NULL, &E));
    {
        char* before = fx_fingerprint(&fx);
        CHECK_OK(sc_engine_order_cancel(fx.engine, id1, &out, &E));
        CHECK_EQ(sc_order_state(out), SC_ORDER_CANCELLED);
        CHECK_EQ(sc_order_cancel_reason(out), SC_CANCEL_PAYMENT_LAPSED);
        sc_order_free(out);
        out = NULL;
        fx_expect_same(&fx, before, __FILE__, __LINE__, "cancel a lapsed order");
    }

    /* Paid just before the deadline: fine. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u3", "tea", 1, &E));
    o3 = checkout(&fx, "u3", "k3");
    if (CHECK(o3 != NULL)) {
        snprintf(id3, sizeof id3, "%s", sc_order_id(o3));
        fx_advance(&fx, WINDOW_MS - 1);
        CHECK_OK(sc_engine_order_pay(fx.engine, id3, "psp", sc_order_total(o3), "p3", &out, &E));
        CHECK_EQ(sc_order_state(out), SC_ORDER_PAID);
        sc_order_free(out);
        out = NULL;
        /* A paid order never lapses. */
        fx_advance(&fx, 10 * WINDOW_MS);
        r = get_order(&fx, id3);
        CHECK_EQ(sc_order_state(r), SC_ORDER_PAID);
        sc_order_free(r);
        CHECK_EQ(sku_on_hand(fx.engine, "tea"), 11);
    }

    /* A hold that lapses frees the stock for others. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u4", "cup", 3, &E));
    r = checkout(&fx, "u4", "k4");
    sc_order_free(r);
    fx_track_user(&fx, "u5");
    EXPECT_ERR_SAME(&fx, SC_ERR_OUT_OF_STOCK, NULL, sc_engine_cart_add(fx.engine, "u5", "cup", 1, &E));
    fx_advance(&fx, WINDOW_MS + 1);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u5", "cup", 3, &E));
    r = checkout(&fx, "u5", "k5");
    CHECK(r != NULL);
    sc_order_free(r);

    sc_order_free(o1);
    sc_order_free(o2);
    sc_order_free(o3);
    fx_close(&fx);
}

void test_sweep(void) {
    fixture fx;
    sc_order* a;
    sc_order* b;
    sc_order* c;
    sc_order* r;
    int64_t settled = -1;
    bool more = false;
    char ida[128];
    char idb[128];
    char idc[128];

    fx_open_file(&fx);
    fx_import_standard(&fx);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    a = checkout(&fx, "u1", "k1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u2", "cup", 1, &E));
    b = checkout(&fx, "u2", "k2");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u3", "cake", 1, &E));
    c = checkout(&fx, "u3", "k3");
    if (!CHECK(a != NULL && b != NULL && c != NULL)) {
        sc_order_free(a);
        sc_order_free(b);
        sc_order_free(c);
        fx_close(&fx);
        return;
    }
    snprintf(ida, sizeof ida, "%s", sc_order_id(a));
    snprintf(idb, sizeof idb, "%s", sc_order_id(b));
    snprintf(idc, sizeof idc, "%s", sc_order_id(c));
    pay(&fx, c);

    /* Nothing due yet. */
    CHECK_OK(sc_engine_sweep(fx.engine, 100, &settled, &more, &E));
    CHECK_EQ(settled, 0);
    CHECK(!more);

    fx_advance(&fx, WINDOW_MS + 1);
    /* Reads see the lapse before anything settles it. */
    CHECK_EQ(sku_available(fx.engine, "tea"), 12);
    /* One page at a time, oldest deadline first. */
    CHECK_OK(sc_engine_sweep(fx.engine, 1, &settled, &more, &E));
    CHECK_EQ(settled, 1);
    CHECK(more);
    CHECK_OK(sc_engine_sweep(fx.engine, 100, &settled, &more, &E));
    CHECK_EQ(settled, 1);
    CHECK(!more);
    settled = -1;
    CHECK_OK(sc_engine_sweep(fx.engine, 100, &settled, &more, &E));
    CHECK_EQ(settled, 0);
    r = get_order(&fx, ida);
    CHECK_EQ(sc_order_state(r), SC_ORDER_CANCELLED);
    CHECK_EQ(sc_order_cancel_reason(r), SC_CANCEL_PAYMENT_LAPSED);
    sc_order_free(r);
    r = get_order(&fx, idb);
    CHECK_EQ(sc_order_state(r), SC_ORDER_CANCELLED);
    CHECK_EQ(sc_order_cancel_reason(r), SC_CANCEL_PAYMENT_LAPSED);
    sc_order_free(r);
    r = get_order(&fx, idc);
    CHECK_EQ(sc_order_state(r), SC_ORDER_PAID);
    sc_order_free(r);
    CHECK_EQ(sku_available(fx.engine, "tea"), 12);
    CHECK_EQ(sku_available(fx.engine, "cup"), 3);

    /* An order settled by the next write is not settled again by a sweep. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    r = checkout(&fx, "u1", "k4");
    fx_advance(&fx, WINDOW_MS + 1);
    if (r != NULL) {
        sc_order* g = get_order(&fx, sc_order_id(r));
        CHECK_EQ(sc_order_state(g), SC_ORDER_CANCELLED);
        sc_order_free(g);
    }
    sc_order_free(r);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u2", "tea", 1, &E));
    CHECK_OK(sc_engine_sweep(fx.engine, 100, &settled, &more, &E));
    CHECK_EQ(settled, 0);
    CHECK(!more);

    sc_order_free(a);
    sc_order_free(b);
    sc_order_free(c);
    fx_close(&fx);
}

void test_refund_lines(void) {
    fixture fx;
    sc_order* o;
    sc_order* out = NULL;
    sc_order* unpaid;
    char id[128];
    size_t t;
    size_t c;
    int64_t seq0;

    fx_open_memory(&fx);
    fx_import_standard(&fx);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cup", 1, &E));
    o = checkout(&fx, "u1", "k1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u2", "cake", 1, &E));
    unpaid = checkout(&fx, "u2", "k2");
    if (!CHECK(o != NULL && unpaid != NULL)) {
        sc_order_free(o);
        sc_order_free(unpaid);
        fx_close(&fx);
        return;
    }
    snprintf(id, sizeof id, "%s", sc_order_id(o));
    t = order_line_of(o, "tea");
    c = order_line_of(o, "cup");
    CHECK_EQ(sc_order_total(o), 17550);
    pay(&fx, o);
    seq0 = events_last_seq(fx.engine, NULL);

    /* Bad input. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, NULL,
                    sc_engine_order_refund_line(fx.engine, sc_order_id(unpaid), 0, 1, "r0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "line_index",
                    sc_engine_order_refund_line(fx.engine, id, 2, 1, "r0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "line_index",
                    sc_engine_order_refund_line(fx.engine, id, (size_t)-1, 1, "r0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "quantity",
                    sc_engine_order_refund_line(fx.engine, id, t, 0, "r0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "quantity",
                    sc_engine_order_refund_line(fx.engine, id, t, -1, "r0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_REFUND_EXCEEDS_PAID, NULL,
                    sc_engine_order_refund_line(fx.engine, id, t, 3, "r0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_REFUND_EXCEEDS_PAID, NULL,
                    sc_engine_order_refund_line(fx.engine, id, t, INT64_MAX, "r0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "order_id",
                    sc_engine_order_refund_line(fx.engine, "no-such-order", 0, 1, "r0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "order_id",
                    sc_engine_order_refund_line(fx.engine, NULL, 0, 1, "r0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "order_id",
                    sc_engine_order_refund_line(fx.engine, "", 0, 1, "r0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "order_id",
                    sc_engine_order_refund_line(fx.engine, BAD_UTF8, 0, 1, "r0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_order_refund_line(fx.engine, id, t, 1, NULL, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_order_refund_line(fx.engine, id, t, 1, "", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "idempotency_key",
                    sc_engine_order_refund_line(fx.engine, id, t, 1, BAD_UTF8, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_order_refund_line(NULL, id, t, 1, "r0", NULL, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_ARGUMENT,
                       sc_engine_order_refund_line(fx.engine, id, t, 0, "r0", NULL, NULL));

    /* One unit of tea. */
    CHECK_OK(sc_engine_order_refund_line(fx.engine, id, t, 1, "r1", &out, &E));
    if (CHECK(out != NULL)) {
        CHECK_EQ(sc_order_state(out), SC_ORDER_PARTIALLY_REFUNDED);
        CHECK_EQ(sc_order_refunded(out), 6800);
        CHECK_EQ(sc_order_line_refunded_quantity(out, t), 1);
        CHECK_EQ(sc_order_line_refunded_amount(out, t), 6800);
        CHECK_EQ(sc_order_line_refunded_amount(out, c), 0);
        CHECK_EQ(sc_order_refund_count(out), 1);
        CHECK_EQ(sc_order_refund_amount(out, 0), 6800);
        CHECK(sc_order_refund_id(out, 1) == NULL);
        CHECK_EQ(sc_order_refund_amount(out, 1), 0);
        check_refund_sums(out);
    }
    CHECK_EQ(events_count_type(fx.engine, seq0, "order.refunded"), 1);
    /* Retry with the same key and arguments: nothing more. */
    {
        char* before = fx_fingerprint(&fx);
        sc_order* again = NULL;
        char* a = dump_order_snapshot(out);
        char* b;
        CHECK_OK(sc_engine_order_refund_line(fx.engine, id, t, 1, "r1", &again, &E));
        b = dump_order_snapshot(again);
        CHECK_STR(b, a);
        free(a);
        free(b);
        sc_order_free(again);
        fx_expect_same(&fx, before, __FILE__, __LINE__, "refund retry with the same key");
    }
    sc_order_free(out);
    out = NULL;
    /* The same key with other arguments. */
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_order_refund_line(fx.engine, id, c, 1, "r1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_order_refund_amount(fx.engine, id, 6800, "r1", NULL, &E));
    /* More units than are left. */
    EXPECT_ERR_SAME(&fx, SC_ERR_REFUND_EXCEEDS_PAID, NULL,
                    sc_engine_order_refund_line(fx.engine, id, t, 2, "r2", NULL, &E));

    /* The last unit of tea: exactly the line's net in total. */
    CHECK_OK(sc_engine_order_refund_line(fx.engine, id, t, 1, "r2", NULL, &E));
    out = get_order(&fx, id);
    CHECK_EQ(sc_order_line_refunded_quantity(out, t), 2);
    CHECK_EQ(sc_order_line_refunded_amount(out, t), sc_order_line_net(out, t));
    CHECK_EQ(sc_order_state(out), SC_ORDER_PARTIALLY_REFUNDED);
    check_refund_sums(out);
    sc_order_free(out);
    out = NULL;
    EXPECT_ERR_SAME(&fx, SC_ERR_REFUND_EXCEEDS_PAID, NULL,
                    sc_engine_order_refund_line(fx.engine, id, t, 1, "r3", NULL, &E));

    /* The cup: the whole order is refunded. */
    CHECK_OK(sc_engine_order_refund_line(fx.engine, id, c, 1, "r4", &out, &E));
    CHECK_EQ(sc_order_state(out), SC_ORDER_REFUNDED);
    CHECK_EQ(sc_order_refunded(out), sc_order_total(out));
    CHECK_EQ(sc_order_refund_count(out), 3);
    check_refund_sums(out);
    sc_order_free(out);
    out = NULL;
    CHECK_EQ(events_count_type(fx.engine, seq0, "order.refunded"), 3);
    EXPECT_ERR_SAME(&fx, SC_ERR_REFUND_EXCEEDS_PAID, NULL,
                     sc_engine_order_refund_line(fx.engine, id, c, 1, "r5", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_REFUND_EXCEEDS_PAID, NULL,
                     sc_engine_order_refund_amount(fx.engine, id, 1, "r6", NULL, &E));

    sc_order_free(o);
    sc_order_free(unpaid);
    fx_close(&fx);
}

void test_refund_amounts(void) {
    fixture fx;
    sc_order* o;
    sc_order* out = NULL;
    char id[128];
    size_t t;
    size_t c;
    int64_t left;
    int i;

    fx_open_memory(&fx);
    fx_import_standard(&fx);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cup", 1, &E));
    o = checkout(&fx, "u1", "k1");
    if (!CHECK(o != NULL)) {
        fx_close(&fx);
        return;
    }
    snprintf(id, sizeof id, "%s", sc_order_id(o));
    t = order_line_of(o, "tea");
    c = order_line_of(o, "cup");
    pay(&fx, o);

    /* Bad input. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "amount_minor",
                    sc_engine_order_refund_amount(fx.engine, id, 0, "a0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "amount_minor",
                    sc_engine_order_refund_amount(fx.engine, id, -100, "a0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_REFUND_EXCEEDS_PAID, NULL,
                    sc_engine_order_refund_amount(fx.engine, id, 17551, "a0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_REFUND_EXCEEDS_PAID, NULL,
                    sc_engine_order_refund_amount(fx.engine, id, INT64_MAX, "a0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "order_id",
                    sc_engine_order_refund_amount(fx.engine, "no-such-order", 1, "a0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "order_id",
                    sc_engine_order_refund_amount(fx.engine, NULL, 1, "a0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "order_id",
                    sc_engine_order_refund_amount(fx.engine, "", 1, "a0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "order_id",
                    sc_engine_order_refund_amount(fx.engine, BAD_UTF8, 1, "a0", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_order_refund_amount(fx.engine, id, 1, NULL, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_order_refund_amount(fx.engine, id, 1, "", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "idempotency_key",
                    sc_engine_order_refund_amount(fx.engine, id, 1, BAD_UTF8, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_order_refund_amount(NULL, id, 1, "a0", NULL, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_ARGUMENT,
                       sc_engine_order_refund_amount(fx.engine, id, 0, "a0", NULL, NULL));

    /* 1000 over lines with 13600 and 3950 left: 774.93 and 225.07 -> 775 and 225. */
    CHECK_OK(sc_engine_order_refund_amount(fx.engine, id, 1000, "a1", &out, &E));
    if (CHECK(out != NULL)) {
        CHECK_EQ(sc_order_state(out), SC_ORDER_PARTIALLY_REFUNDED);
        CHECK_EQ(sc_order_refunded(out), 1000);
        CHECK_EQ(sc_order_line_refunded_amount(out, t), 775);
        CHECK_EQ(sc_order_line_refunded_amount(out, c), 225);
        CHECK_EQ(sc_order_refund_count(out), 1);
        CHECK_EQ(sc_order_refund_amount(out, 0), 1000);
        check_refund_sums(out);
    }
    sc_order_free(out);
    out = NULL;
    /* Retry: nothing more. Same key, other amount: conflict. */
    EXPECT_STATUS_SAME(&fx, SC_OK, sc_engine_order_refund_amount(fx.engine, id, 1000, "a1", NULL, NULL));
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_order_refund_amount(fx.engine, id, 999, "a1", NULL, &E));
    /* More than is left. */
    EXPECT_ERR_SAME(&fx, SC_ERR_REFUND_EXCEEDS_PAID, NULL,
                    sc_engine_order_refund_amount(fx.engine, id, 16551, "a2", NULL, &E));

    /* Repeated small refunds, then the rest: refunded exactly, line by line. */
    left = 16550;
    for (i = 0; i < 7; ++i) {
        char key[32];
        snprintf(key, sizeof key, "a-loop-%d", i);
        CHECK_OK(sc_engine_order_refund_amount(fx.engine, id, 333, key, NULL, &E));
        left -= 333;
    }
    out = get_order(&fx, id);
    CHECK_EQ(sc_order_refunded(out), 17550 - left);
    CHECK_EQ(sc_order_state(out), SC_ORDER_PARTIALLY_REFUNDED);
    check_refund_sums(out);
    sc_order_free(out);
    out = NULL;
    CHECK_OK(sc_engine_order_refund_amount(fx.engine, id, left, "a-rest", &out, &E));
    if (CHECK(out != NULL)) {
        CHECK_EQ(sc_order_state(out), SC_ORDER_REFUNDED);
        CHECK_EQ(sc_order_refunded(out), 17550);
        CHECK_EQ(sc_order_line_refunded_amount(out, t), sc_order_line_net(out, t));
        CHECK_EQ(sc_order_line_refunded_amount(out, c), sc_order_line_net(out, c));
        CHECK_EQ(sc_order_refund_count(out), 9);
        check_refund_sums(out);
    }
    sc_order_free(out);
    out = NULL;
    EXPECT_ERR_SAME(&fx, SC_ERR_REFUND_EXCEEDS_PAID, NULL,
                     sc_engine_order_refund_amount(fx.engine, id, 1, "a-more", NULL, &E));
    sc_order_free(o);
    fx_close(&fx);
}

/* Refund by amount after a line was refunded by units: only what is left is spread. */
void test_refund_mixed(void) {
    fixture fx;
    sc_order* o;
    sc_order* out = NULL;
    char id[128];
    size_t t;
    size_t c;

    fx_open_memory(&fx);
    fx_import_standard(&fx);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cup", 1, &E));
    o = checkout(&fx, "u1", "k1");
    if (!CHECK(o != NULL)) {
        fx_close(&fx);
        return;
    }
    snprintf(id, sizeof id, "%s", sc_order_id(o));
    t = order_line_of(o, "tea");
    c = order_line_of(o, "cup");
    pay(&fx, o);
    CHECK_OK(sc_engine_order_refund_line(fx.engine, id, c, 1, "m1", NULL, &E));
    /* Everything left is tea's. */
    CHECK_OK(sc_engine_order_refund_amount(fx.engine, id, 500, "m2", &out, &E));
    if (CHECK(out != NULL)) {
        CHECK_EQ(sc_order_line_refunded_amount(out, t), 500);
        CHECK_EQ(sc_order_line_refunded_amount(out, c), 3950);
        CHECK_EQ(sc_order_refunded(out), 4450);
        check_refund_sums(out);
    }
    sc_order_free(out);
    out = NULL;
    EXPECT_ERR_SAME(&fx, SC_ERR_REFUND_EXCEEDS_PAID, NULL,
                    sc_engine_order_refund_amount(fx.engine, id, 13101, "m3", NULL, &E));
    CHECK_OK(sc_engine_order_refund_amount(fx.engine, id, 13100, "m3", &out, &E));
    if (CHECK(out != NULL)) {
        CHECK_EQ(sc_order_state(out), SC_ORDER_REFUNDED);
        CHECK_EQ(sc_order_line_refunded_amount(out, t), 13600);
        check_refund_sums(out);
    }
    sc_order_free(out);
    sc_order_free(o);
    fx_close(&fx);
}
