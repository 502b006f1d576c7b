/*
 * Points through the C ABI (docs/points.md): the program, adjustments, points
 * paying at checkout (held, committed, released), points earned by payment and
 * vesting after the return window, reversal and return on refunds (in
 * proportion, exactly once), debt, sign-in streaks, activities under a daily
 * cap, history pages and the report. Every figure is worked out by hand in the
 * comments; every bad call is checked to change nothing.
 */
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#define DAY_MS INT64_C(86400000)

/* Tea 68.00 (m1), cake 128.00 (m2); shipping 8.00, free over 150.00 (goods after discounts). */
static const char* const POINTS_SHOP =
    "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":["
    "{\"id\":\"tea\",\"merchant_id\":\"m1\",\"title\":\"Tea\",\"list_price\":6800,\"stock\":50},"
    "{\"id\":\"cake\",\"merchant_id\":\"m2\",\"title\":\"Cake\",\"list_price\":12800}],"
    "\"shipping_rules\":[{\"merchant_id\":\"\",\"flat_fee\":800,\"free_over\":15000}]}";

/*
 * 1 point per 1.00 paid; 100 points pay 1.00, in units of 100, for at most 50%
 * of the goods; lots expire at the end of the next year; order points are
 * pending for 7 days; sign-in 5, 10, 20; shares 5 points, twice a day.
 */
static const char* const POINTS_PROGRAM =
    "{\"earn\":{\"points\":1,\"per_amount\":100},"
    "\"redeem\":{\"points\":100,\"amount\":100,\"unit\":100,\"max_share_bps\":5000},"
    "\"expiry\":{\"mode\":\"end_of_year\",\"periods\":1},\"return_window_days\":7,"
    "\"sign_in\":[5,10,20],\"activities\":[{\"name\":\"share\",\"points\":5,\"daily_cap\":2}]}";

/* 2028-01-01T00:00:00Z: the end of the year after 2026. */
#define END_OF_2027_MS INT64_C(1830297600000)

static void open_points(fixture* fx) {
    fx_open_memory(fx);
    fx_import(fx, POINTS_SHOP);
    CHECK_OK(sc_engine_points_program_put(fx->engine, POINTS_PROGRAM, &E));
    fx_track_user(fx, "u1");
    fx_track_user(fx, "u2");
}

typedef struct balance_t {
    int64_t available, pending, held, debt, total;
} balance_t;

static balance_t balance_of(fixture* fx, const char* user) {
    balance_t out = {0, 0, 0, 0, 0};
    sc_points_balance* b = NULL;
    CHECK_OK(sc_engine_points_balance(fx->engine, user, &b, &E));
    out.available = sc_points_balance_available(b);
    out.pending = sc_points_balance_pending(b);
    out.held = sc_points_balance_held(b);
    out.debt = sc_points_balance_debt(b);
    out.total = sc_points_balance_total(b);
    sc_points_balance_free(b);
    return out;
}

#define CHECK_BALANCE(fx, user, avail, pend, hld, dbt)       \
    do {                                                    \
        balance_t B_ = balance_of((fx), (user));            \
        CHECK_EQ(B_.available, (avail));                    \
        CHECK_EQ(B_.pending, (pend));                       \
        CHECK_EQ(B_.held, (hld));                           \
        CHECK_EQ(B_.debt, (dbt));                           \
        CHECK_EQ(B_.total, (avail) + (pend) + (hld) - (dbt)); \
    } while (0)

static sc_checkout_request* points_request(sc_points_use_t use, int64_t points) {
    sc_checkout_request* r = NULL;
    CHECK_OK(sc_checkout_request_new(&r, &E));
    CHECK_OK(sc_checkout_request_set_points(r, use, points, &E));
    return r;
}

/* Checks out the cart with the request and pays the total; returns the order id. */
static void buy(fixture* fx, const char* user, sc_points_use_t use, int64_t points, const char* key, char* id,
                size_t size) {
    sc_checkout_request* r = points_request(use, points);
    sc_order* o = NULL;
    sc_order* paid = NULL;
    char pay_key[64];
    CHECK_OK(sc_engine_checkout(fx->engine, user, r, key, &o, &E));
    snprintf(id, size, "%s", o ? sc_order_id(o) : "");
    snprintf(pay_key, sizeof pay_key, "pay-%s", key);
    CHECK_OK(sc_engine_order_pay(fx->engine, id, "psp-1", sc_order_total(o), pay_key, &paid, &E));
    CHECK_EQ(sc_order_state(paid), SC_ORDER_PAID);
    sc_order_free(paid);
    sc_order_free(o);
    sc_checkout_request_free(r);
    fx_track_order(fx, id);
}

void test_points_accessors_null(void) {
    CHECK_EQ(sc_points_balance_available(NULL), 0);
    CHECK_EQ(sc_points_balance_total(NULL), 0);
    CHECK_EQ(sc_points_lots_count(NULL), 0);
    CHECK_EQ(sc_points_lot_id(NULL, 0), 0);
    CHECK(!sc_points_lot_expires(NULL, 0));
    CHECK_EQ(sc_points_lot_expires_at_ms(NULL, 0), 0);
    CHECK_EQ(sc_points_page_count(NULL), 0);
    CHECK(sc_points_page_at(NULL, 0) == NULL);
    CHECK(sc_points_page_next_cursor(NULL) == NULL);
    CHECK_EQ(sc_points_entry_seq(NULL), 0);
    CHECK_EQ((int)sc_points_entry_kind(NULL), 0);
    CHECK(sc_points_entry_reference(NULL) == NULL);
    CHECK(sc_points_entry_reason(NULL) == NULL);
    CHECK_EQ(sc_points_entry_effect(NULL), 0);
    CHECK(sc_sign_in_date(NULL) == NULL);
    CHECK(!sc_sign_in_first(NULL));
    CHECK_EQ(sc_points_report_members(NULL), 0);
    CHECK(sc_points_report_currency(NULL) == NULL);
    CHECK_EQ(sc_quote_points_max(NULL), 0);
    CHECK_EQ(sc_order_points_earned(NULL), 0);
    CHECK_EQ(sc_order_merchant_points_amount(NULL, 0), 0);
    CHECK_EQ(sc_checkout_request_points_use(NULL), SC_POINTS_NONE);
    CHECK_EQ(sc_checkout_request_points(NULL), 0);
    CHECK_STR(sc_points_entry_kind_name(SC_POINTS_EARN), "earn");
    CHECK_STR(sc_points_entry_kind_name(SC_POINTS_RETURN), "return");
    CHECK_STR(sc_points_entry_kind_name(SC_POINTS_ADJUST), "adjust");
    CHECK_STR(sc_points_entry_kind_name((sc_points_entry_kind_t)0), "unknown");
    CHECK_STR(sc_points_entry_kind_name((sc_points_entry_kind_t)99), "unknown");
    sc_points_balance_free(NULL);
    sc_points_lots_free(NULL);
    sc_points_page_free(NULL);
    sc_points_entry_free(NULL);
    sc_sign_in_free(NULL);
    sc_points_report_free(NULL);
}

void test_points_request_builder(void) {
    sc_checkout_request* r = NULL;
    CHECK_OK(sc_checkout_request_new(&r, &E));
    CHECK_EQ(sc_checkout_request_points_use(r), SC_POINTS_NONE);
    CHECK_OK(sc_checkout_request_set_points(r, SC_POINTS_EXACTLY, 300, &E));
    CHECK_EQ(sc_checkout_request_points_use(r), SC_POINTS_EXACTLY);
    CHECK_EQ(sc_checkout_request_points(r), 300);
    /* Bad input leaves the request as it was. */
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "points", sc_checkout_request_set_points(r, SC_POINTS_EXACTLY, -1, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "use", sc_checkout_request_set_points(r, (sc_points_use_t)7, 0, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "request", sc_checkout_request_set_points(NULL, SC_POINTS_MOST, 0, &E));
    CHECK_EQ(sc_checkout_request_points_use(r), SC_POINTS_EXACTLY);
    CHECK_EQ(sc_checkout_request_points(r), 300);
    CHECK_OK(sc_checkout_request_set_points(r, SC_POINTS_MOST, 999, &E));
    CHECK_EQ(sc_checkout_request_points_use(r), SC_POINTS_MOST);
    CHECK_EQ(sc_checkout_request_points(r), 0);
    sc_checkout_request_free(r);
}

void test_points_program_and_adjust(void) {
    fixture fx;
    sc_points_entry* e = NULL;
    sc_points_entry* again = NULL;
    sc_points_lots* lots = NULL;
    char* exported = NULL;
    int64_t events_before;
    open_points(&fx);

    /* The program is part of the exported document, and putting it again logs nothing. */
    CHECK_OK(sc_engine_program_export(fx.engine, &exported, &E));
    CHECK(exported != NULL && strstr(exported, "\"max_share_bps\": 5000") != NULL);
    sc_string_free(exported);
    events_before = events_last_seq(fx.engine, NULL);
    CHECK_OK(sc_engine_points_program_put(fx.engine, POINTS_PROGRAM, &E));
    CHECK_EQ(events_last_seq(fx.engine, NULL), events_before);

    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "redeem.max_share_bps",
                    sc_engine_points_program_put(fx.engine, "{\"redeem\":{\"max_share_bps\":10001}}", &E));
    /* 3 points pay 1 fen: a unit of 1 point would be worth a third of a fen. */
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "redeem.unit",
                    sc_engine_points_program_put(fx.engine,
                                                 "{\"redeem\":{\"points\":3,\"amount\":1,\"unit\":1}}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "bonus", sc_engine_points_program_put(fx.engine, "{\"bonus\":1}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "expiry.mode",
                    sc_engine_points_program_put(fx.engine, "{\"expiry\":{\"mode\":\"weekly\"}}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "activities[1].name",
                    sc_engine_points_program_put(fx.engine,
                                                 "{\"activities\":[{\"name\":\"a\",\"points\":1},"
                                                 "{\"name\":\"a\",\"points\":2}]}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "sign_in[0]",
                    sc_engine_points_program_put(fx.engine, "{\"sign_in\":[-1]}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "json", sc_engine_points_program_put(fx.engine, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "json", sc_engine_points_program_put(fx.engine, BAD_UTF8, &E));

    /* A welcome bonus: a new lot, available at once, expiring with the program's mode. */
    CHECK_OK(sc_engine_points_adjust(fx.engine, "u1", 1000, "welcome", "adj-1", &e, &E));
    CHECK_EQ(sc_points_entry_seq(e), 1);
    CHECK_EQ(sc_points_entry_kind(e), SC_POINTS_ADJUST);
    CHECK_EQ(sc_points_entry_points(e), 1000);
    CHECK_EQ(sc_points_entry_effect(e), 1000);
    CHECK_STR(sc_points_entry_reason(e), "welcome");
    CHECK_STR(sc_points_entry_reference(e), "operator");
    CHECK_EQ(sc_points_entry_at_ms(e), T0_MS);
    CHECK_EQ(events_count_type(fx.engine, events_before, "points.adjusted"), 1);
    /* A retry returns the same entry and appends nothing. */
    events_before = events_last_seq(fx.engine, NULL);
    CHECK_OK(sc_engine_points_adjust(fx.engine, "u1", 1000, "welcome", "adj-1", &again, &E));
    CHECK_EQ(sc_points_entry_seq(again), 1);
    CHECK_EQ(events_last_seq(fx.engine, NULL), events_before);
    CHECK_BALANCE(&fx, "u1", 1000, 0, 0, 0);
    CHECK_OK(sc_engine_points_lots(fx.engine, "u1", &lots, &E));
    CHECK_EQ(sc_points_lots_count(lots), 1);
    CHECK_EQ(sc_points_lot_id(lots, 0), 1);
    CHECK_EQ(sc_points_lot_free(lots, 0), 1000);
    CHECK(sc_points_lot_expires(lots, 0));
    CHECK_EQ(sc_points_lot_expires_at_ms(lots, 0), END_OF_2027_MS);
    CHECK_EQ(sc_points_lot_vests_at_ms(lots, 0), T0_MS);
    sc_points_lots_free(lots);

    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_points_adjust(fx.engine, "u1", 999, "welcome", "adj-1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "points",
                    sc_engine_points_adjust(fx.engine, "u1", 0, "nothing", "adj-2", NULL, &E));
    /* A debit never goes beyond the available points. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "points",
                    sc_engine_points_adjust(fx.engine, "u1", -1001, "too much", "adj-3", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "reason",
                    sc_engine_points_adjust(fx.engine, "u1", 5, "", "adj-4", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "reason",
                    sc_engine_points_adjust(fx.engine, "u1", 5, NULL, "adj-4", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_points_adjust(fx.engine, NULL, 5, "x", "adj-4", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "user_id",
                    sc_engine_points_adjust(fx.engine, BAD_UTF8, 5, "x", "adj-4", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_points_adjust(fx.engine, "u1", 5, "x", "", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_points_adjust(NULL, "u1", 5, "x", "adj-4", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_points_balance(fx.engine, "u1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_points_lots(fx.engine, "u1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id", sc_engine_points_lots(fx.engine, "", &lots, &E));

    /* A debit takes from the lot. */
    CHECK_OK(sc_engine_points_adjust(fx.engine, "u1", -200, "correction", "adj-5", NULL, &E));
    CHECK_BALANCE(&fx, "u1", 800, 0, 0, 0);
    sc_points_entry_free(e);
    sc_points_entry_free(again);
    fx_close(&fx);
}

void test_points_pay_at_checkout(void) {
    fixture fx;
    sc_checkout_request* r = NULL;
    sc_quote* q = NULL;
    sc_order* o = NULL;
    sc_order* paid = NULL;
    sc_order* refunded = NULL;
    sc_points_page* page = NULL;
    char id[128];
    open_points(&fx);
    CHECK_OK(sc_engine_points_adjust(fx.engine, "u1", 1000, "welcome", "adj-1", NULL, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));

    /*
     * Goods 136.00, below the 150.00 free-shipping threshold: shipping 8.00. The cap is
     * 50% of 136.00 = 68.00 = 6800 points, so the 1000 available points bound it.
     * 500 points pay 5.00: total 136.00 - 5.00 + 8.00 = 139.00, which earns 131 points.
     */
    r = points_request(SC_POINTS_EXACTLY, 500);
    CHECK_OK(sc_engine_quote(fx.engine, "u1", r, &q, &E));
    CHECK_EQ(sc_quote_points_max(q), 1000);
    CHECK_EQ(sc_quote_points_used(q), 500);
    CHECK_EQ(sc_quote_points_amount(q), 500);
    CHECK_EQ(sc_quote_discount(q), 0);
    CHECK_EQ(sc_quote_shipping(q), 800);
    CHECK_EQ(sc_quote_total(q), 13900);
    CHECK_EQ(sc_quote_saved(q), 0);
    CHECK_EQ(sc_quote_points_to_earn(q), 131);
    CHECK_EQ(sc_quote_line_adjustment_count(q, 0), 1);
    CHECK_STR(sc_quote_line_adjustment_kind(q, 0, 0), "points");
    CHECK_STR(sc_quote_line_adjustment_source(q, 0, 0), "points");
    CHECK_EQ(sc_quote_line_adjustment_amount(q, 0, 0), 500);
    CHECK_EQ(sc_quote_line_net(q, 0), 13100);
    CHECK_EQ(sc_quote_merchant_points_amount(q, 0), 500);
    CHECK_EQ(sc_quote_merchant_total(q, 0), 13900);
    sc_quote_free(q);
    q = NULL;

    /* Whole units only, and never beyond the maximum. */
    {
        sc_checkout_request* odd = points_request(SC_POINTS_EXACTLY, 550);
        sc_checkout_request* many = points_request(SC_POINTS_EXACTLY, 1100);
        EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "points", sc_engine_quote(fx.engine, "u1", odd, &q, &E));
        EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "points",
                        sc_engine_checkout(fx.engine, "u1", many, "co-bad", &o, &E));
        sc_checkout_request_free(odd);
        sc_checkout_request_free(many);
    }
    /* "Most" is the maximum. */
    {
        sc_checkout_request* most = points_request(SC_POINTS_MOST, 0);
        CHECK_OK(sc_engine_quote(fx.engine, "u1", most, &q, &E));
        CHECK_EQ(sc_quote_points_used(q), 1000);
        CHECK_EQ(sc_quote_total(q), 13600 - 1000 + 800);
        CHECK_EQ(sc_quote_points_to_earn(q), 126);
        sc_quote_free(q);
        sc_checkout_request_free(most);
    }

    /* Checkout holds the 500 points; the order keeps what they pay. */
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", r, "co-1", &o, &E));
    snprintf(id, sizeof id, "%s", sc_order_id(o));
    fx_track_order(&fx, id);
    CHECK_EQ(sc_order_points_used(o), 500);
    CHECK_EQ(sc_order_points_amount(o), 500);
    CHECK_EQ(sc_order_total(o), 13900);
    CHECK_EQ(sc_order_points_earned(o), 0);
    CHECK_EQ(sc_order_merchant_points_amount(o, 0), 500);
    CHECK_BALANCE(&fx, "u1", 500, 0, 500, 0);

    /* Payment spends them and earns 131 points, pending for the 7-day return window. */
    fx_advance(&fx, 1000);
    CHECK_OK(sc_engine_order_pay(fx.engine, id, "psp-1", 13900, "pay-1", &paid, &E));
    CHECK_EQ(sc_order_points_earned(paid), 131);
    CHECK_BALANCE(&fx, "u1", 500, 131, 0, 0);
    CHECK_OK(sc_engine_points_history(fx.engine, "u1", NULL, 10, &page, &E));
    CHECK_EQ(sc_points_page_count(page), 4);
    CHECK_EQ(sc_points_entry_kind(sc_points_page_at(page, 0)), SC_POINTS_EARN);
    CHECK_EQ(sc_points_entry_vests_at_ms(sc_points_page_at(page, 0)), T0_MS + 1000 + 7 * DAY_MS);
    {
        char reference[160];
        snprintf(reference, sizeof reference, "order:%s", id);
        CHECK_STR(sc_points_entry_reference(sc_points_page_at(page, 0)), reference);
    }
    CHECK_EQ(sc_points_entry_kind(sc_points_page_at(page, 1)), SC_POINTS_COMMIT);
    CHECK_EQ(sc_points_entry_effect(sc_points_page_at(page, 1)), -500);
    CHECK_EQ(sc_points_entry_kind(sc_points_page_at(page, 2)), SC_POINTS_HOLD);
    CHECK_EQ(sc_points_entry_effect(sc_points_page_at(page, 2)), 0);
    sc_points_page_free(page);

    /*
     * Refund one tea of two: the line paid 131.00 in money, so half is 65.50. It takes back
     * floor(131 x 6550 / 13100) = 65 earned points and gives back floor(500 x 6550 / 13100)
     * = 250 spent points, into the lot they came from.
     */
    CHECK_OK(sc_engine_order_refund_line(fx.engine, id, 0, 1, "rf-1", &refunded, &E));
    CHECK_EQ(sc_order_refunded(refunded), 6550);
    sc_order_free(refunded);
    CHECK_BALANCE(&fx, "u1", 750, 66, 0, 0);
    /* Retried, nothing moves twice. */
    CHECK_OK(sc_engine_order_refund_line(fx.engine, id, 0, 1, "rf-1", &refunded, &E));
    sc_order_free(refunded);
    CHECK_BALANCE(&fx, "u1", 750, 66, 0, 0);

    /* After the return window the rest of the earned lot vests. */
    fx_advance(&fx, 7 * DAY_MS);
    CHECK_BALANCE(&fx, "u1", 816, 0, 0, 0);
    /* The full refund takes back the other 66 and returns the other 250. */
    CHECK_OK(sc_engine_order_refund_line(fx.engine, id, 0, 1, "rf-2", &refunded, &E));
    CHECK_EQ(sc_order_state(refunded), SC_ORDER_REFUNDED);
    sc_order_free(refunded);
    CHECK_BALANCE(&fx, "u1", 1000, 0, 0, 0);

    sc_order_free(o);
    sc_order_free(paid);
    sc_checkout_request_free(r);
    fx_close(&fx);
}

void test_points_cancel_and_lapse(void) {
    fixture fx;
    sc_checkout_request* most = NULL;
    sc_order* o = NULL;
    sc_order* cancelled = NULL;
    char id[128];
    open_points(&fx);
    CHECK_OK(sc_engine_points_adjust(fx.engine, "u1", 1000, "welcome", "adj-1", NULL, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    most = points_request(SC_POINTS_MOST, 0);
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", most, "co-1", &o, &E));
    snprintf(id, sizeof id, "%s", sc_order_id(o));
    CHECK_BALANCE(&fx, "u1", 0, 0, 1000, 0);
    CHECK_OK(sc_engine_order_cancel(fx.engine, id, &cancelled, &E));
    CHECK_BALANCE(&fx, "u1", 1000, 0, 0, 0);
    /* Cancelling again releases nothing more. */
    sc_order_free(cancelled);
    CHECK_OK(sc_engine_order_cancel(fx.engine, id, &cancelled, &E));
    CHECK_BALANCE(&fx, "u1", 1000, 0, 0, 0);
    sc_order_free(cancelled);
    sc_order_free(o);

    /* A lapsed payment window frees the points for reads at once, and for the next checkout. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", most, "co-2", &o, &E));
    CHECK_BALANCE(&fx, "u1", 0, 0, 1000, 0);
    fx_advance(&fx, WINDOW_MS);
    CHECK_BALANCE(&fx, "u1", 1000, 0, 0, 0);
    sc_order_free(o);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", most, "co-3", &o, &E));
    CHECK_EQ(sc_order_points_used(o), 1000);
    CHECK_BALANCE(&fx, "u1", 0, 0, 1000, 0);
    CHECK_EQ(events_count_type(fx.engine, 0, "points.released"), 2);
    sc_order_free(o);
    sc_checkout_request_free(most);
    fx_close(&fx);
}

void test_points_debt(void) {
    fixture fx;
    char first[128];
    char second[128];
    sc_order* refunded = NULL;
    sc_quote* q = NULL;
    sc_checkout_request* hundred = NULL;
    open_points(&fx);

    /* Two teas: 136.00 + 8.00 shipping, no points: earns 136, pending. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u2", "tea", 2, &E));
    buy(&fx, "u2", SC_POINTS_NONE, 0, "co-1", first, sizeof first);
    CHECK_BALANCE(&fx, "u2", 0, 136, 0, 0);
    fx_advance(&fx, 8 * DAY_MS);
    CHECK_BALANCE(&fx, "u2", 136, 0, 0, 0);

    /* A cake with 100 of them: 128.00 - 1.00 + 8.00; earns floor(127.00) = 127, pending. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u2", "cake", 1, &E));
    buy(&fx, "u2", SC_POINTS_EXACTLY, 100, "co-2", second, sizeof second);
    CHECK_BALANCE(&fx, "u2", 36, 127, 0, 0);

    /*
     * The first order is refunded in full: its 136 points are taken back. 36 are still in
     * their lot; the 100 spent are owed. The pending 127 of the second order pay first
     * (FEATURES §5: the balance goes below zero only when nothing else is left), so no debt.
     */
    CHECK_OK(sc_engine_order_refund_amount(fx.engine, first, 13600, "rf-1", &refunded, &E));
    CHECK_EQ(sc_order_state(refunded), SC_ORDER_REFUNDED);
    sc_order_free(refunded);
    CHECK_BALANCE(&fx, "u2", 0, 27, 0, 0);

    /* Refunding the second order takes back its 127 and returns its 100: 27 - 127 + 100. */
    CHECK_OK(sc_engine_order_refund_amount(fx.engine, second, 12700, "rf-2", &refunded, &E));
    sc_order_free(refunded);
    CHECK_BALANCE(&fx, "u2", 0, 0, 0, 0);

    /* Debt: points earned, vested, spent, and the earning order refunded with nothing left. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u2", "tea", 2, &E));
    buy(&fx, "u2", SC_POINTS_NONE, 0, "co-3", first, sizeof first);
    fx_advance(&fx, 8 * DAY_MS);
    CHECK_OK(sc_engine_points_adjust(fx.engine, "u2", -136, "spent elsewhere", "adj-1", NULL, &E));
    CHECK_BALANCE(&fx, "u2", 0, 0, 0, 0);
    CHECK_OK(sc_engine_order_refund_amount(fx.engine, first, 13600, "rf-3", &refunded, &E));
    sc_order_free(refunded);
    CHECK_BALANCE(&fx, "u2", 0, 0, 0, 136);
    /* Debt blocks points as payment: the maximum is 0. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u2", "cake", 1, &E));
    hundred = points_request(SC_POINTS_EXACTLY, 100);
    CHECK_OK(sc_engine_quote(fx.engine, "u2", NULL, &q, &E));
    CHECK_EQ(sc_quote_points_max(q), 0);
    sc_quote_free(q);
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "points", sc_engine_quote(fx.engine, "u2", hundred, &q, &E));
    /* Points earned repay it first. */
    CHECK_OK(sc_engine_points_adjust(fx.engine, "u2", 200, "goodwill", "adj-2", NULL, &E));
    CHECK_BALANCE(&fx, "u2", 64, 0, 0, 0);
    sc_checkout_request_free(hundred);
    fx_close(&fx);
}

void test_points_sign_in(void) {
    fixture fx;
    sc_sign_in* s = NULL;
    int64_t expected[] = {5, 10, 20, 5};
    int day;
    fx_open_memory(&fx);
    fx_track_user(&fx, "u1");
    /* No program, no sign-in table. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "sign_in", sc_engine_points_sign_in(fx.engine, "u1", &s, &E));
    CHECK_OK(sc_engine_points_program_put(fx.engine, POINTS_PROGRAM, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_points_sign_in(fx.engine, "u1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id", sc_engine_points_sign_in(fx.engine, "", &s, &E));

    /* Four days in a row: 5, 10, 20, then the cycle starts again at 5. */
    for (day = 0; day < 4; ++day) {
        CHECK_OK(sc_engine_points_sign_in(fx.engine, "u1", &s, &E));
        CHECK_EQ(sc_sign_in_streak(s), day == 3 ? 1 : day + 1);
        CHECK_EQ(sc_sign_in_points(s), expected[day]);
        CHECK(sc_sign_in_first(s));
        sc_sign_in_free(s);
        /* Again the same day: the same result, nothing earned. */
        fx_advance(&fx, 3600 * 1000);
        CHECK_OK(sc_engine_points_sign_in(fx.engine, "u1", &s, &E));
        CHECK(!sc_sign_in_first(s));
        CHECK_EQ(sc_sign_in_points(s), expected[day]);
        if (day == 0) CHECK_STR(sc_sign_in_date(s), "2026-01-01");
        sc_sign_in_free(s);
        fx_advance(&fx, DAY_MS - 3600 * 1000);
    }
    CHECK_BALANCE(&fx, "u1", 40, 0, 0, 0);
    /* Day 5 is day 2 of the new cycle; a missed day starts again at 1. */
    CHECK_OK(sc_engine_points_sign_in(fx.engine, "u1", &s, &E));
    CHECK_EQ(sc_sign_in_streak(s), 2);
    sc_sign_in_free(s);
    fx_advance(&fx, 2 * DAY_MS);
    CHECK_OK(sc_engine_points_sign_in(fx.engine, "u1", &s, &E));
    CHECK_EQ(sc_sign_in_streak(s), 1);
    CHECK_STR(sc_sign_in_date(s), "2026-01-07");
    sc_sign_in_free(s);
    CHECK_BALANCE(&fx, "u1", 55, 0, 0, 0);
    CHECK_EQ(events_count_type(fx.engine, 0, "points.signed_in"), 6);
    fx_close(&fx);
}

void test_points_activities(void) {
    fixture fx;
    sc_points_entry* e = NULL;
    sc_points_entry* again = NULL;
    open_points(&fx);
    CHECK_OK(sc_engine_points_activity(fx.engine, "u1", "share", "tea", "sh-1", &e, &E));
    CHECK_EQ(sc_points_entry_kind(e), SC_POINTS_EARN);
    CHECK_EQ(sc_points_entry_points(e), 5);
    CHECK_STR(sc_points_entry_reference(e), "activity:share:tea");
    CHECK_OK(sc_engine_points_activity(fx.engine, "u1", "share", "tea", "sh-1", &again, &E));
    CHECK_EQ(sc_points_entry_seq(again), sc_points_entry_seq(e));
    sc_points_entry_free(again);
    CHECK_OK(sc_engine_points_activity(fx.engine, "u1", "share", "cake", "sh-2", NULL, &E));
    CHECK_BALANCE(&fx, "u1", 10, 0, 0, 0);
    /* The third share of the day is over the cap of 2. */
    EXPECT_ERR_SAME(&fx, SC_ERR_LIMIT_EXCEEDED, "activity",
                    sc_engine_points_activity(fx.engine, "u1", "share", "tea", "sh-3", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_points_activity(fx.engine, "u1", "share", "cake", "sh-1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "activity",
                    sc_engine_points_activity(fx.engine, "u1", "review", "tea", "rv-1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "reference",
                    sc_engine_points_activity(fx.engine, "u1", "share", NULL, "sh-4", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "activity",
                    sc_engine_points_activity(fx.engine, "u1", "", "tea", "sh-4", NULL, &E));
    /* Another user has their own cap; the next day the cap starts again. */
    CHECK_OK(sc_engine_points_activity(fx.engine, "u2", "share", "tea", "sh-1", NULL, &E));
    fx_advance(&fx, DAY_MS);
    CHECK_OK(sc_engine_points_activity(fx.engine, "u1", "share", "tea", "sh-3", NULL, &E));
    CHECK_BALANCE(&fx, "u1", 15, 0, 0, 0);
    sc_points_entry_free(e);
    fx_close(&fx);
}

void test_points_history_and_report(void) {
    fixture fx;
    sc_points_page* page = NULL;
    sc_points_report* r = NULL;
    char cursor[512];
    char id[128];
    int64_t seen = 0;
    int64_t last_seq = INT64_MAX;
    open_points(&fx);
    CHECK_OK(sc_engine_points_adjust(fx.engine, "u1", 1000, "welcome", "adj-1", NULL, &E));
    CHECK_OK(sc_engine_points_activity(fx.engine, "u1", "share", "tea", "sh-1", NULL, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 3, &E));
    /* 204.00, free shipping; 700 points pay 7.00; 197.00 earns 197. */
    buy(&fx, "u1", SC_POINTS_EXACTLY, 700, "co-1", id, sizeof id);

    /* Pages of 2, newest first, until the cursor is "". */
    cursor[0] = '\0';
    for (;;) {
        size_t i;
        CHECK_OK(sc_engine_points_history(fx.engine, "u1", cursor, 2, &page, &E));
        for (i = 0; i < sc_points_page_count(page); ++i) {
            CHECK(sc_points_entry_seq(sc_points_page_at(page, i)) < last_seq);
            last_seq = sc_points_entry_seq(sc_points_page_at(page, i));
            ++seen;
        }
        snprintf(cursor, sizeof cursor, "%s", sc_points_page_next_cursor(page));
        sc_points_page_free(page);
        if (cursor[0] == '\0') break;
    }
    /* adjust, earn (share), hold, commit, earn (order) */
    CHECK_EQ(seen, 5);
    CHECK_EQ(last_seq, 1);
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                    sc_engine_points_history(fx.engine, "u1", "not-a-cursor", 2, &page, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit",
                    sc_engine_points_history(fx.engine, "u1", NULL, 0, &page, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit",
                    sc_engine_points_history(fx.engine, "u1", NULL, 1001, &page, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_points_history(fx.engine, "u1", NULL, 5, NULL, &E));
    /* A cursor of one member's history is refused for another's. */
    CHECK_OK(sc_engine_points_history(fx.engine, "u1", NULL, 2, &page, &E));
    snprintf(cursor, sizeof cursor, "%s", sc_points_page_next_cursor(page));
    sc_points_page_free(page);
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                    sc_engine_points_history(fx.engine, "u2", cursor, 2, &page, &E));

    /* The report: 305 available (1000 + 5 - 700), 197 pending, worth 5.02. */
    CHECK_OK(sc_engine_points_adjust(fx.engine, "u2", 50, "welcome", "adj-1", NULL, &E));
    CHECK_OK(sc_engine_points_report(fx.engine, T0_MS, T0_MS + DAY_MS, &r, &E));
    CHECK_EQ(sc_points_report_members(r), 2);
    CHECK_EQ(sc_points_report_available(r), 355);
    CHECK_EQ(sc_points_report_pending(r), 197);
    CHECK_EQ(sc_points_report_held(r), 0);
    CHECK_EQ(sc_points_report_debt(r), 0);
    CHECK_EQ(sc_points_report_liability_points(r), 552);
    CHECK_EQ(sc_points_report_liability_amount(r), 552);
    CHECK_STR(sc_points_report_currency(r), "CNY");
    CHECK_EQ(sc_points_report_earned(r), 202);
    CHECK_EQ(sc_points_report_spent(r), 700);
    CHECK_EQ(sc_points_report_adjusted(r), 1050);
    CHECK_EQ(sc_points_report_expired(r), 0);
    sc_points_report_free(r);
    /* A period before anything happened moved nothing; the liability is as of now. */
    CHECK_OK(sc_engine_points_report(fx.engine, 0, T0_MS, &r, &E));
    CHECK_EQ(sc_points_report_earned(r), 0);
    CHECK_EQ(sc_points_report_liability_points(r), 552);
    sc_points_report_free(r);
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "to_ms", sc_engine_points_report(fx.engine, 10, 5, &r, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_points_report(fx.engine, 0, 5, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_points_report(NULL, 0, 5, &r, &E));

    /* Lots expire at the end of next year: the report counts them once settled. */
    fx_advance(&fx, END_OF_2027_MS - T0_MS);
    {
        /* Expired, not yet settled by an entry: not available, still in the sum of entries. */
        balance_t b = balance_of(&fx, "u1");
        CHECK_EQ(b.available, 0);
        CHECK_EQ(b.pending, 0);
        CHECK_EQ(b.total, 502);
    }
    CHECK_OK(sc_engine_points_adjust(fx.engine, "u1", 1, "poke", "adj-2", NULL, &E));
    CHECK_OK(sc_engine_points_report(fx.engine, END_OF_2027_MS, END_OF_2027_MS + 1, &r, &E));
    CHECK_EQ(sc_points_report_expired(r), 502);
    sc_points_report_free(r);
    CHECK_BALANCE(&fx, "u1", 1, 0, 0, 0);
    fx_close(&fx);
}

/* A 10.00 voucher that costs 500 points, two per member; and a claimable one that is free. */
static const char* const VOUCHER =
    "{\"id\":\"v10\",\"title\":\"10 off for 500 points\",\"kind\":\"fixed_amount\",\"value\":1000,"
    "\"issue_mode\":\"points\",\"points_cost\":500,\"per_user_limit\":2,"
    "\"validity\":{\"kind\":\"days_from_claim\",\"days\":30}}";
static const char* const FREEBIE =
    "{\"id\":\"free5\",\"title\":\"5 off\",\"kind\":\"fixed_amount\",\"value\":500,"
    "\"validity\":{\"kind\":\"days_from_claim\",\"days\":30}}";

void test_points_exchange_for_coupon(void) {
    fixture fx;
    sc_coupon* c = NULL;
    sc_coupon* again = NULL;
    sc_points_page* page = NULL;
    char code[64];
    int64_t events_before;
    open_points(&fx);
    CHECK_OK(sc_engine_coupon_template_put(fx.engine, VOUCHER, &E));
    CHECK_OK(sc_engine_coupon_template_put(fx.engine, FREEBIE, &E));
    CHECK_OK(sc_engine_points_adjust(fx.engine, "u1", 1200, "welcome", "adj-1", NULL, &E));

    /* 1200 - 500: the coupon and the spend land in one transaction, with their events. */
    events_before = events_last_seq(fx.engine, NULL);
    CHECK_OK(sc_engine_coupon_exchange_points(fx.engine, "u1", "v10", "ex-1", &c, &E));
    CHECK_STR(sc_coupon_template_id(c), "v10");
    CHECK_STR(sc_coupon_owner_id(c), "u1");
    CHECK_EQ(sc_coupon_state(c), SC_COUPON_AVAILABLE);
    snprintf(code, sizeof code, "%s", sc_coupon_code(c));
    CHECK_BALANCE(&fx, "u1", 700, 0, 0, 0);
    CHECK_EQ(events_count_type(fx.engine, events_before, "coupon.issued"), 1);
    CHECK_EQ(events_count_type(fx.engine, events_before, "points.spent"), 1);
    /* The spend names the coupon it bought. */
    CHECK_OK(sc_engine_points_history(fx.engine, "u1", NULL, 1, &page, &E));
    CHECK_EQ(sc_points_page_count(page), 1);
    CHECK_EQ(sc_points_entry_kind(sc_points_page_at(page, 0)), SC_POINTS_SPEND);
    CHECK_EQ(sc_points_entry_points(sc_points_page_at(page, 0)), 500);
    {
        char reference[96];
        snprintf(reference, sizeof reference, "coupon:%s", code);
        CHECK_STR(sc_points_entry_reference(sc_points_page_at(page, 0)), reference);
    }
    sc_points_page_free(page);

    /* A retry returns the same coupon and spends nothing more. */
    events_before = events_last_seq(fx.engine, NULL);
    CHECK_OK(sc_engine_coupon_exchange_points(fx.engine, "u1", "v10", "ex-1", &again, &E));
    CHECK_STR(sc_coupon_code(again), code);
    CHECK_EQ(events_last_seq(fx.engine, NULL), events_before);
    CHECK_BALANCE(&fx, "u1", 700, 0, 0, 0);
    sc_coupon_free(again);
    sc_coupon_free(c);

    /* The coupon pays like any other: tea 68.00 - 10.00 + 8.00 shipping. */
    {
        sc_checkout_request* r = NULL;
        sc_quote* q = NULL;
        CHECK_OK(sc_checkout_request_new(&r, &E));
        CHECK_OK(sc_checkout_request_set_coupon_choice(r, SC_COUPONS_CHOSEN, &E));
        CHECK_OK(sc_checkout_request_add_coupon(r, code, &E));
        CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
        CHECK_OK(sc_engine_quote(fx.engine, "u1", r, &q, &E));
        CHECK_EQ(sc_quote_discount(q), 1000);
        CHECK_EQ(sc_quote_total(q), 6800 - 1000 + 800);
        sc_quote_free(q);
        sc_checkout_request_free(r);
    }

    /*
     * A second voucher leaves 200. Then bad calls change nothing: a third is over the limit
     * of two, u2 has no points, a claimable template is not sold for points (nor this one
     * claimed), an unknown template, a key reused for another member, bad arguments.
     */
    CHECK_OK(sc_engine_coupon_exchange_points(fx.engine, "u1", "v10", "ex-2", &c, &E));
    sc_coupon_free(c);
    c = NULL;
    CHECK_BALANCE(&fx, "u1", 200, 0, 0, 0);
    EXPECT_ERR_SAME(&fx, SC_ERR_LIMIT_EXCEEDED, "user_id",
                    sc_engine_coupon_exchange_points(fx.engine, "u1", "v10", "ex-3", &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "points",
                    sc_engine_coupon_exchange_points(fx.engine, "u2", "v10", "ex-4", &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "template_id",
                    sc_engine_coupon_exchange_points(fx.engine, "u1", "free5", "ex-5", &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "template_id",
                    sc_engine_coupon_claim(fx.engine, "u1", "v10", "claim-1", &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "template_id",
                    sc_engine_coupon_exchange_points(fx.engine, "u1", "nope", "ex-6", &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_coupon_exchange_points(fx.engine, "u2", "v10", "ex-1", &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_coupon_exchange_points(fx.engine, "", "v10", "ex-7", &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_coupon_exchange_points(fx.engine, "u1", "v10", NULL, &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "template_id",
                    sc_engine_coupon_exchange_points(fx.engine, "u1", BAD_UTF8, "ex-8", &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_coupon_exchange_points(fx.engine, "u1", "v10", "ex-9", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_coupon_exchange_points(NULL, "u1", "v10", "ex-9", &c, &E));
    fx_close(&fx);
}

void test_points_adjust_batch(void) {
    fixture fx;
    sc_points_batch* batch = NULL;
    sc_points_batch* bad = NULL;
    sc_points_entry* e = NULL;
    int64_t appended = -1;
    int64_t events_before;
    int i;
    open_points(&fx);

    /* Three corrections, two members, applied in one call. */
    CHECK_OK(sc_points_batch_new(&batch, &E));
    CHECK_OK(sc_points_batch_add(batch, "u1", 100, "anniversary", "b-1", &E));
    CHECK_OK(sc_points_batch_add(batch, "u2", 50, "anniversary", "b-2", &E));
    CHECK_OK(sc_points_batch_add(batch, "u1", -30, "correction", "b-3", &E));
    CHECK_EQ(sc_points_batch_count(batch), 3);
    events_before = events_last_seq(fx.engine, NULL);
    CHECK_OK(sc_engine_points_adjust_batch(fx.engine, batch, &appended, &E));
    CHECK_EQ(appended, 3);
    CHECK_BALANCE(&fx, "u1", 70, 0, 0, 0);
    CHECK_BALANCE(&fx, "u2", 50, 0, 0, 0);
    CHECK_EQ(events_count_type(fx.engine, events_before, "points.adjusted"), 3);

    /* Retried, it appends nothing; and it shares its keys with the single call. */
    events_before = events_last_seq(fx.engine, NULL);
    CHECK_OK(sc_engine_points_adjust_batch(fx.engine, batch, &appended, &E));
    CHECK_EQ(appended, 0);
    CHECK_OK(sc_engine_points_adjust(fx.engine, "u2", 50, "anniversary", "b-2", &e, &E));
    CHECK_EQ(sc_points_entry_seq(e), 1);
    sc_points_entry_free(e);
    CHECK_EQ(events_last_seq(fx.engine, NULL), events_before);
    CHECK_BALANCE(&fx, "u1", 70, 0, 0, 0);

    /* Two items with one key and the same correction make one entry; NULL appended is fine. */
    CHECK_OK(sc_points_batch_new(&bad, &E));
    CHECK_OK(sc_points_batch_add(bad, "u2", 5, "twice", "b-4", &E));
    CHECK_OK(sc_points_batch_add(bad, "u2", 5, "twice", "b-4", &E));
    CHECK_OK(sc_engine_points_adjust_batch(fx.engine, bad, NULL, &E));
    CHECK_BALANCE(&fx, "u2", 55, 0, 0, 0);
    sc_points_batch_free(bad);

    /* One refused item refuses the batch, and nothing of it lands: not even the items before it. */
    CHECK_OK(sc_points_batch_new(&bad, &E));
    CHECK_OK(sc_points_batch_add(bad, "u1", 10, "fine", "b-5", &E));
    CHECK_OK(sc_points_batch_add(bad, "u2", -56, "too much", "b-6", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "items[1].points",
                    sc_engine_points_adjust_batch(fx.engine, bad, &appended, &E));
    sc_points_batch_free(bad);
    CHECK_OK(sc_points_batch_new(&bad, &E));
    CHECK_OK(sc_points_batch_add(bad, "u1", 99, "anniversary", "b-1", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "items[0].idempotency_key",
                    sc_engine_points_adjust_batch(fx.engine, bad, &appended, &E));
    sc_points_batch_free(bad);
    CHECK_OK(sc_points_batch_new(&bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "items", sc_engine_points_adjust_batch(fx.engine, bad, &appended, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "batch", sc_engine_points_adjust_batch(fx.engine, NULL, &appended, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_points_adjust_batch(NULL, batch, &appended, &E));

    /* Bad items are refused when added, and leave the batch as it was. */
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "points", sc_points_batch_add(bad, "u1", 0, "x", "k", &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "user_id", sc_points_batch_add(bad, "", 1, "x", "k", &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "user_id", sc_points_batch_add(bad, NULL, 1, "x", "k", &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "reason", sc_points_batch_add(bad, "u1", 1, "", "k", &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "reason", sc_points_batch_add(bad, "u1", 1, BAD_UTF8, "k", &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "idempotency_key", sc_points_batch_add(bad, "u1", 1, "x", NULL, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "batch", sc_points_batch_add(NULL, "u1", 1, "x", "k", &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "out", sc_points_batch_new(NULL, &E));
    CHECK_EQ(sc_points_batch_count(bad), 0);
    CHECK_EQ(sc_points_batch_count(NULL), 0);
    /* At most SC_POINTS_BATCH_MAX items. */
    for (i = 0; i < SC_POINTS_BATCH_MAX; ++i) {
        char key[32];
        snprintf(key, sizeof key, "k-%d", i);
        if (sc_points_batch_add(bad, "u1", 1, "x", key, NULL) != SC_OK) break;
    }
    CHECK_EQ(sc_points_batch_count(bad), SC_POINTS_BATCH_MAX);
    EXPECT_ERR(SC_ERR_LIMIT_EXCEEDED, "batch", sc_points_batch_add(bad, "u1", 1, "x", "k-last", &E));
    CHECK_EQ(sc_points_batch_count(bad), SC_POINTS_BATCH_MAX);
    sc_points_batch_free(bad);
    sc_points_batch_free(batch);
    sc_points_batch_free(NULL);
    fx_close(&fx);
}
