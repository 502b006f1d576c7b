/*
 * Flash sales through the C ABI (docs/flash-sales.md): a sale imported with the
 * program document, its slots listed before and while they run, units bought at
 * the sale price and held for the payment window, SC_ERR_OUT_OF_STOCK for the
 * next buyer, lapsed units sold again, the slot selling out and its report, every
 * bad call checked to change nothing, and four processes racing for a slot's last
 * 100 units.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"

#define HOUR_MS INT64_C(3600000)
#define DAY_MS (24 * HOUR_MS)
/* The fixture's clock starts at midnight UTC: the slots run at 10:00 and 20:00. */
#define SLOT_10 (T0_MS + 10 * HOUR_MS)
#define SLOT_20 (T0_MS + 20 * HOUR_MS)

/* Tea listed at 44.00, 19.90 in the sale; 3 units a slot; 2 per order, 3 a day. */
static const char* const SHOP =
    "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":["
    "{\"id\":\"tea\",\"merchant_id\":\"m1\",\"title\":\"Tea\",\"list_price\":4400,\"stock\":50}],"
    "\"flash_sales\":[{\"id\":\"tea-rush\",\"sku_id\":\"tea\",\"sale_price\":1990,\"starts_at\":1767225600000,"
    "\"ends_at\":1767830400000,\"slots\":[{\"start\":\"10:00\",\"minutes\":60},{\"start\":\"20:00\",\"minutes\":60}],"
    "\"stock_per_slot\":3,\"max_units_per_order\":2,\"max_units_per_user_per_day\":3}]}";

static void open_shop(fixture* fx) {
    fx_open_file(fx);
    fx_import(fx, SHOP);
    fx_track_user(fx, "ann");
    fx_track_user(fx, "bo");
    fx_track_user(fx, "cy");
}

/* A flash-sale checkout; the order's id into `id` ("" when refused, status returned). */
static sc_status_t flash_checkout(fixture* fx, const char* user, const char* sale, int64_t slot, int64_t quantity,
                                  const char* key, char* id, size_t size, sc_error** err) {
    sc_checkout_request* request = NULL;
    sc_order* order = NULL;
    sc_status_t status;
    CHECK_OK(sc_checkout_request_new(&request, &E));
    CHECK_OK(sc_checkout_request_set_flash_sale(request, sale, slot, quantity, &E));
    status = sc_engine_checkout(fx->engine, user, request, key, &order, err);
    snprintf(id, size, "%s", order ? sc_order_id(order) : "");
    if (order) fx_track_order(fx, id);
    sc_order_free(order);
    sc_checkout_request_free(request);
    return status;
}

static int64_t figure(fixture* fx, int64_t slot, sc_flash_figure_t which) {
    sc_flash_report* r = NULL;
    int64_t value;
    CHECK_OK(sc_engine_flash_report(fx->engine, "tea-rush", slot, &r, &E));
    value = sc_flash_report_get(r, which);
    sc_flash_report_free(r);
    return value;
}

void test_flashsale_accessors_null(void) {
    CHECK_STR(sc_checkout_request_flash_sale_id(NULL), "");
    CHECK_EQ(sc_checkout_request_flash_slot_starts_at_ms(NULL), 0);
    CHECK_EQ(sc_checkout_request_flash_quantity(NULL), 0);
    CHECK(sc_flash_sale_id(NULL) == NULL);
    CHECK(sc_flash_sale_sku_id(NULL) == NULL);
    CHECK_EQ(sc_flash_sale_price(NULL), 0);
    CHECK_EQ(sc_flash_sale_starts_at_ms(NULL), 0);
    CHECK_EQ(sc_flash_sale_ends_at_ms(NULL), 0);
    CHECK_EQ(sc_flash_sale_utc_offset_minutes(NULL), 0);
    CHECK_EQ(sc_flash_sale_stock_per_slot(NULL), 0);
    CHECK_EQ(sc_flash_sale_max_units_per_order(NULL), 0);
    CHECK_EQ(sc_flash_sale_max_units_per_user_per_day(NULL), 0);
    CHECK_EQ(sc_flash_sale_slot_count(NULL), 0);
    CHECK_EQ(sc_flash_sale_slot_start_minute(NULL, 0), -1);
    CHECK_EQ(sc_flash_sale_slot_minutes(NULL, 0), 0);
    sc_flash_sale_free(NULL);
    CHECK_EQ(sc_flash_slots_count(NULL), 0);
    CHECK(sc_flash_slots_at(NULL, 0) == NULL);
    sc_flash_slots_free(NULL);
    CHECK(sc_flash_slot_sale_id(NULL) == NULL);
    CHECK(sc_flash_slot_sku_id(NULL) == NULL);
    CHECK_EQ(sc_flash_slot_sale_price(NULL), 0);
    CHECK_EQ(sc_flash_slot_starts_at_ms(NULL), 0);
    CHECK_EQ(sc_flash_slot_ends_at_ms(NULL), 0);
    CHECK_EQ(sc_flash_slot_stock(NULL), 0);
    CHECK_EQ(sc_flash_slot_sold(NULL), 0);
    CHECK_EQ(sc_flash_slot_held(NULL), 0);
    CHECK_EQ(sc_flash_slot_left(NULL), 0);
    CHECK_EQ(sc_flash_slot_sold_out_at_ms(NULL), 0);
    CHECK_EQ(sc_flash_report_get(NULL, SC_FLASH_REPORT_SOLD), 0);
    sc_flash_report_free(NULL);
}

void test_flashsale_buy_lapse_sell_out(void) {
    fixture fx;
    char ann[64], bo[64], cy[64], refused[64];
    sc_flash_sale* sale = NULL;
    sc_flash_slots* slots = NULL;
    const sc_flash_slot* s;
    sc_order* o = NULL;
    open_shop(&fx);
    CHECK_OK(sc_engine_flash_sale_get(fx.engine, "tea-rush", &sale, &E));
    CHECK_STR(sc_flash_sale_id(sale), "tea-rush");
    CHECK_STR(sc_flash_sale_sku_id(sale), "tea");
    CHECK_EQ(sc_flash_sale_price(sale), 1990);
    CHECK_EQ(sc_flash_sale_starts_at_ms(sale), T0_MS);
    CHECK_EQ(sc_flash_sale_ends_at_ms(sale), T0_MS + 7 * DAY_MS);
    CHECK_EQ(sc_flash_sale_utc_offset_minutes(sale), 0);
    CHECK_EQ(sc_flash_sale_stock_per_slot(sale), 3);
    CHECK_EQ(sc_flash_sale_max_units_per_order(sale), 2);
    CHECK_EQ(sc_flash_sale_max_units_per_user_per_day(sale), 3);
    CHECK_EQ(sc_flash_sale_slot_count(sale), 2);
    CHECK_EQ(sc_flash_sale_slot_start_minute(sale, 1), 20 * 60);
    CHECK_EQ(sc_flash_sale_slot_minutes(sale, 1), 60);
    CHECK_EQ(sc_flash_sale_slot_start_minute(sale, 2), -1);
    sc_flash_sale_free(sale);

    /* Before the first slot: both of today's slots are to come, full. */
    CHECK_OK(sc_engine_flash_slots(fx.engine, "tea-rush", 3, &slots, &E));
    CHECK_EQ(sc_flash_slots_count(slots), 3);
    s = sc_flash_slots_at(slots, 0);
    CHECK_STR(sc_flash_slot_sale_id(s), "tea-rush");
    CHECK_STR(sc_flash_slot_sku_id(s), "tea");
    CHECK_EQ(sc_flash_slot_sale_price(s), 1990);
    CHECK_EQ(sc_flash_slot_starts_at_ms(s), SLOT_10);
    CHECK_EQ(sc_flash_slot_ends_at_ms(s), SLOT_10 + HOUR_MS);
    CHECK_EQ(sc_flash_slot_stock(s), 3);
    CHECK_EQ(sc_flash_slot_left(s), 3);
    CHECK_EQ(sc_flash_slot_starts_at_ms(sc_flash_slots_at(slots, 1)), SLOT_20);
    CHECK_EQ(sc_flash_slot_starts_at_ms(sc_flash_slots_at(slots, 2)), SLOT_10 + DAY_MS);
    CHECK(sc_flash_slots_at(slots, 3) == NULL);
    sc_flash_slots_free(slots);
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "slot_starts_at",
                    flash_checkout(&fx, "ann", "tea-rush", SLOT_10, 1, "early", refused, sizeof refused, &E));

    /* 10:00: Ann takes two at 19.90, Bo the last one; Cy is told it is sold out. */
    fx_advance(&fx, 10 * HOUR_MS);
    CHECK_OK(flash_checkout(&fx, "ann", "tea-rush", SLOT_10, 2, "co-ann", ann, sizeof ann, &E));
    CHECK_OK(sc_engine_order_get(fx.engine, ann, &o, &E));
    CHECK_EQ(sc_order_total(o), 3980);
    sc_order_free(o);
    CHECK_OK(flash_checkout(&fx, "bo", "tea-rush", SLOT_10, 1, "co-bo", bo, sizeof bo, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_OUT_OF_STOCK, "quantity",
                    flash_checkout(&fx, "cy", "tea-rush", SLOT_10, 1, "co-cy", cy, sizeof cy, &E));
    CHECK_OK(sc_engine_flash_slots(fx.engine, NULL, 1, &slots, &E));
    s = sc_flash_slots_at(slots, 0);
    CHECK_EQ(sc_flash_slot_held(s), 3);
    CHECK_EQ(sc_flash_slot_left(s), 0);
    sc_flash_slots_free(slots);
    CHECK_EQ(fx_pay_order(&fx, ann, "pay-ann"), SC_ORDER_PAID);
    /* Bo does not pay: his window passes and his unit is Cy's to buy. */
    fx_advance(&fx, WINDOW_MS + 1);
    CHECK_EQ(figure(&fx, SLOT_10, SC_FLASH_REPORT_LEFT), 1);
    CHECK_OK(flash_checkout(&fx, "cy", "tea-rush", SLOT_10, 1, "co-cy", cy, sizeof cy, &E));
    CHECK_EQ(events_count_type(fx.engine, 0, "flash_slot.sold_out"), 0);
    CHECK_EQ(fx_pay_order(&fx, cy, "pay-cy"), SC_ORDER_PAID);
    CHECK_EQ(events_count_type(fx.engine, 0, "flash_slot.sold_out"), 1);
    CHECK_EQ(events_count_type(fx.engine, 0, "flash_sale.ordered"), 3);
    CHECK_EQ(figure(&fx, SLOT_10, SC_FLASH_REPORT_STOCK), 3);
    CHECK_EQ(figure(&fx, SLOT_10, SC_FLASH_REPORT_SOLD), 3);
    CHECK_EQ(figure(&fx, SLOT_10, SC_FLASH_REPORT_HELD), 0);
    CHECK_EQ(figure(&fx, SLOT_10, SC_FLASH_REPORT_ORDERS), 3);
    CHECK_EQ(figure(&fx, SLOT_10, SC_FLASH_REPORT_ORDERS_PAID), 2);
    CHECK_EQ(figure(&fx, SLOT_10, SC_FLASH_REPORT_ORDERS_LAPSED), 1);
    CHECK_EQ(figure(&fx, SLOT_10, SC_FLASH_REPORT_ORDERS_CANCELLED), 0);
    CHECK_EQ(figure(&fx, SLOT_10, SC_FLASH_REPORT_SELL_OUT_MS), WINDOW_MS + 1);
    CHECK_EQ(figure(&fx, SLOT_20, SC_FLASH_REPORT_SELL_OUT_MS), -1);
    CHECK_EQ(figure(&fx, SLOT_10, (sc_flash_figure_t)99), 0);
    /* Ann bought two today: a third at 20:00 is in her cap, a fourth is not. */
    fx_advance(&fx, 10 * HOUR_MS);
    EXPECT_ERR_SAME(&fx, SC_ERR_LIMIT_EXCEEDED, "quantity",
                    flash_checkout(&fx, "ann", "tea-rush", SLOT_20, 2, "co-ann2", refused, sizeof refused, &E));
    CHECK_OK(flash_checkout(&fx, "ann", "tea-rush", SLOT_20, 1, "co-ann3", ann, sizeof ann, &E));
    CHECK_OK(sc_engine_order_cancel(fx.engine, ann, NULL, &E));
    CHECK_EQ(figure(&fx, SLOT_20, SC_FLASH_REPORT_ORDERS_CANCELLED), 1);
    CHECK_EQ(figure(&fx, SLOT_20, SC_FLASH_REPORT_LEFT), 3);
    fx_close(&fx);
}

void test_flashsale_bad_input(void) {
    fixture fx;
    char id[64];
    sc_checkout_request* request = NULL;
    sc_flash_sale* sale = NULL;
    sc_flash_slots* slots = NULL;
    sc_flash_report* r = NULL;
    sc_order* o = NULL;
    open_shop(&fx);
    fx_advance(&fx, 10 * HOUR_MS);

    /* The request: refused settings leave it as it was. */
    CHECK_OK(sc_checkout_request_new(&request, &E));
    CHECK_OK(sc_checkout_request_set_flash_sale(request, "tea-rush", SLOT_10, 2, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "request", sc_checkout_request_set_flash_sale(NULL, "tea-rush", SLOT_10, 1, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "sale_id", sc_checkout_request_set_flash_sale(request, "", SLOT_10, 1, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "sale_id", sc_checkout_request_set_flash_sale(request, ID129, SLOT_10, 1, &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "sale_id", sc_checkout_request_set_flash_sale(request, BAD_UTF8, SLOT_10, 1, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "quantity",
               sc_checkout_request_set_flash_sale(request, "tea-rush", SLOT_10, 0, &E));
    CHECK_STR(sc_checkout_request_flash_sale_id(request), "tea-rush");
    CHECK_EQ(sc_checkout_request_flash_slot_starts_at_ms(request), SLOT_10);
    CHECK_EQ(sc_checkout_request_flash_quantity(request), 2);
    /* A request is one kind of checkout. */
    CHECK_OK(sc_checkout_request_set_group(request, SC_GROUP_MODE_OPEN, "any", 1, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "request", sc_engine_checkout(fx.engine, "ann", request, "k", &o, &E));
    CHECK_OK(sc_checkout_request_set_flash_sale(request, NULL, 0, 0, &E));
    CHECK_STR(sc_checkout_request_flash_sale_id(request), "");
    CHECK_EQ(sc_checkout_request_flash_slot_starts_at_ms(request), 0);
    CHECK_EQ(sc_checkout_request_flash_quantity(request), 0);
    sc_checkout_request_free(request);

    /* Checkouts the rules refuse. */
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "sale_id",
                    flash_checkout(&fx, "ann", "none", SLOT_10, 1, "x1", id, sizeof id, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "slot_starts_at",
                    flash_checkout(&fx, "ann", "tea-rush", SLOT_10 + 1, 1, "x2", id, sizeof id, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_LIMIT_EXCEEDED, "quantity",
                    flash_checkout(&fx, "ann", "tea-rush", SLOT_10, 3, "x3", id, sizeof id, &E));
    CHECK_OK(flash_checkout(&fx, "ann", "tea-rush", SLOT_10, 1, "co-ann", id, sizeof id, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "user_id",
                    flash_checkout(&fx, "ann", "tea-rush", SLOT_10, 1, "x4", id, sizeof id, &E));
    fx_advance(&fx, HOUR_MS);
    EXPECT_ERR_SAME(&fx, SC_ERR_EXPIRED, "slot_starts_at",
                    flash_checkout(&fx, "bo", "tea-rush", SLOT_10, 1, "x5", id, sizeof id, &E));

    /* Sales. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_flash_sale_put(NULL, "{}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "json", sc_engine_flash_sale_put(fx.engine, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "json", sc_engine_flash_sale_put(fx.engine, BAD_UTF8, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, NULL, sc_engine_flash_sale_put(fx.engine, "[", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "slots[1].minutes",
                    sc_engine_flash_sale_put(fx.engine,
                                             "{\"id\":\"f2\",\"sku_id\":\"tea\",\"sale_price\":1,\"starts_at\":0,"
                                             "\"ends_at\":10,\"slots\":[{\"start\":\"10:00\",\"minutes\":60},"
                                             "{\"start\":\"23:00\",\"minutes\":700}],\"stock_per_slot\":1}",
                                             &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "sku_id",
                    sc_engine_flash_sale_put(fx.engine,
                                             "{\"id\":\"f2\",\"sku_id\":\"nope\",\"sale_price\":1,\"starts_at\":0,"
                                             "\"ends_at\":10,\"slots\":[{\"start\":\"10:00\",\"minutes\":60}],"
                                             "\"stock_per_slot\":1}",
                                             &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "sale_id", sc_engine_flash_sale_get(fx.engine, "none", &sale, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sale_id", sc_engine_flash_sale_get(fx.engine, NULL, &sale, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "sale_id", sc_engine_flash_sale_get(fx.engine, BAD_UTF8, &sale, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_flash_sale_get(fx.engine, "tea-rush", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_flash_sale_get(NULL, "tea-rush", &sale, &E));

    /* Slots and the report. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit", sc_engine_flash_slots(fx.engine, NULL, 0, &slots, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit", sc_engine_flash_slots(fx.engine, NULL, 101, &slots, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "sale_id", sc_engine_flash_slots(fx.engine, "none", 5, &slots, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sale_id", sc_engine_flash_slots(fx.engine, "", 5, &slots, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_flash_slots(fx.engine, NULL, 5, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_flash_slots(NULL, NULL, 5, &slots, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "slot_starts_at",
                    sc_engine_flash_report(fx.engine, "tea-rush", SLOT_10 + 1, &r, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "sale_id", sc_engine_flash_report(fx.engine, "none", SLOT_10, &r, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sale_id", sc_engine_flash_report(fx.engine, NULL, SLOT_10, &r, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_flash_report(fx.engine, "tea-rush", SLOT_10, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_flash_report(NULL, "tea-rush", SLOT_10, &r, &E));
    fx_close(&fx);
}

/* ---------------------------------------------------------------- processes */

#define PROCESSES 4
#define STORM_STOCK 120
#define STORM_LEFT 100

/* A slot at 00:00 UTC for an hour: running at the process engines' T0. */
static const char* const STORM_PROGRAM =
    "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":["
    "{\"id\":\"tea\",\"merchant_id\":\"m1\",\"title\":\"Tea\",\"list_price\":4400}],"
    "\"flash_sales\":[{\"id\":\"storm\",\"sku_id\":\"tea\",\"sale_price\":990,\"starts_at\":1767225600000,"
    "\"ends_at\":1767830400000,\"slots\":[{\"start\":\"00:00\",\"minutes\":60}],\"stock_per_slot\":120}]}";

/*
 * Buys one unit at a time with fresh shoppers until SC_ERR_OUT_OF_STOCK; returns the units
 * won, or -1 on any other failure. No check macros: it runs in the children too.
 */
static int buy_until_sold_out(sc_engine* engine, const char* who) {
    int won = 0, i;
    sc_checkout_request* request = NULL;
    if (sc_checkout_request_new(&request, NULL) != SC_OK ||
        sc_checkout_request_set_flash_sale(request, "storm", T0_MS, 1, NULL) != SC_OK)
        return -1;
    for (i = 0; i < STORM_STOCK + 1; ++i) {
        char user[64];
        sc_order* order = NULL;
        sc_error* e = NULL;
        sc_status_t st;
        snprintf(user, sizeof user, "%s-%d", who, i);
        st = sc_engine_checkout(engine, user, request, user, &order, &e);
        sc_order_free(order);
        if (st == SC_ERR_OUT_OF_STOCK) {
            sc_error_free(e);
            break;
        }
        if (st != SC_OK) {
            fprintf(stderr, "%s: unexpected %s: %s\n", who, sc_status_name(st), sc_error_message(e));
            sc_error_free(e);
            won = -1;
            break;
        }
        ++won;
    }
    sc_checkout_request_free(request);
    return won;
}

static int64_t slot_figure(sc_engine* engine, sc_flash_figure_t which) {
    sc_flash_report* r = NULL;
    int64_t value;
    CHECK_OK(sc_engine_flash_report(engine, "storm", T0_MS, &r, &E));
    value = sc_flash_report_get(r, which);
    sc_flash_report_free(r);
    return value;
}

void test_flashsale_process_storm(void) {
    char path[256];
    sc_engine* engine = NULL;
    sc_checkout_request* request = NULL;
    pid_t pids[PROCESSES - 1];
    int freed = 0, won = 0, p, status;

    tmpdb_make(path, sizeof path);
    engine = fx_open_process_engine(path, &freed);
    if (!CHECK(engine != NULL)) return;
    CHECK_OK(sc_engine_program_import(engine, STORM_PROGRAM, &E));
    /* 20 units sold before the storm: it races for the last 100. */
    CHECK_OK(sc_checkout_request_new(&request, &E));
    CHECK_OK(sc_checkout_request_set_flash_sale(request, "storm", T0_MS, 1, &E));
    for (p = 0; p < STORM_STOCK - STORM_LEFT; ++p) {
        char user[32];
        sc_order* order = NULL;
        sc_order* paid = NULL;
        snprintf(user, sizeof user, "early-%d", p);
        CHECK_OK(sc_engine_checkout(engine, user, request, user, &order, &E));
        CHECK_OK(sc_engine_order_pay(engine, sc_order_id(order), "psp", sc_order_total(order), user, &paid, &E));
        sc_order_free(paid);
        sc_order_free(order);
    }
    sc_checkout_request_free(request);
    sc_engine_close(engine);

    fflush(stdout);
    fflush(stderr);
    for (p = 0; p < PROCESSES - 1; ++p) {
        pids[p] = fork();
        if (pids[p] == 0) {
            char who[16];
            sc_engine* mine = fx_open_process_engine(path, NULL);
            int n;
            snprintf(who, sizeof who, "child%d", p);
            n = mine ? buy_until_sold_out(mine, who) : -1;
            sc_engine_close(mine);
            _exit(n < 0 ? 255 : n);
        }
        if (!CHECK(pids[p] > 0)) {
            tmpdb_remove(path);
            return;
        }
    }
    engine = fx_open_process_engine(path, &freed);
    if (!CHECK(engine != NULL)) return;
    p = buy_until_sold_out(engine, "parent");
    CHECK(p >= 0);
    won += p;
    for (p = 0; p < PROCESSES - 1; ++p) {
        status = 0;
        CHECK(waitpid(pids[p], &status, 0) == pids[p]);
        if (CHECK(WIFEXITED(status)) && CHECK(WEXITSTATUS(status) != 255)) won += WEXITSTATUS(status);
    }
    /* Exactly the last 100 units held between the four processes, never more. */
    CHECK_EQ(won, STORM_LEFT);
    CHECK_EQ(slot_figure(engine, SC_FLASH_REPORT_SOLD), STORM_STOCK - STORM_LEFT);
    CHECK_EQ(slot_figure(engine, SC_FLASH_REPORT_HELD), STORM_LEFT);
    CHECK_EQ(slot_figure(engine, SC_FLASH_REPORT_LEFT), 0);
    CHECK_EQ(events_count_type(engine, 0, "flash_sale.ordered"), STORM_STOCK);
    events_check_gap_free(engine);
    sc_engine_close(engine);
    /* Nobody paid: past the payment window the 100 units are back, once. */
    engine = fx_open_process_engine_at(path, T0_MS + 16 * 60000, &freed);
    if (!CHECK(engine != NULL)) return;
    CHECK_EQ(slot_figure(engine, SC_FLASH_REPORT_LEFT), STORM_LEFT);
    CHECK_EQ(buy_until_sold_out(engine, "after"), STORM_LEFT);
    CHECK_EQ(slot_figure(engine, SC_FLASH_REPORT_ORDERS_LAPSED), STORM_LEFT);
    sc_engine_close(engine);
    tmpdb_remove(path);
}
