/*
 * Group-buy through the C ABI (docs/group-buy.md): a campaign imported with the
 * program document, a leader's group opened by payment, friends joining at the
 * group price, the N-th payment filling it, SC_ERR_GROUP_FULL for the next, a
 * group failing at its deadline with one refund-due event per member's own
 * order and each refunded in turn, the campaign report, and every bad call
 * checked to change nothing.
 */
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#define MINUTE_MS INT64_C(60000)
#define LIFETIME_MS (24 * 60 * MINUTE_MS)

/* Mooncake boxes listed at 128.00, 99.00 in a group of three that lives a day;
 * the leader pays 88.00; 2 units per order at most. */
static const char* const SHOP =
    "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":["
    "{\"id\":\"box\",\"merchant_id\":\"m1\",\"title\":\"Mooncake box\",\"list_price\":12800,\"stock\":50}],"
    "\"group_buy\":{\"campaigns\":[{\"id\":\"mid-autumn\",\"sku_id\":\"box\",\"group_price\":9900,"
    "\"group_size\":3,\"lifetime_minutes\":1440,\"starts_at\":0,\"ends_at\":1893456000000,"
    "\"leader\":{\"pricing\":\"leader_price\",\"price\":8800},\"limits\":{\"max_units_per_order\":2}}]}}";

static void open_shop(fixture* fx) {
    fx_open_file(fx);
    fx_import(fx, SHOP);
    fx_track_user(fx, "ann");
    fx_track_user(fx, "bo");
    fx_track_user(fx, "cy");
    fx_track_user(fx, "di");
}

/* A group checkout; the order's id into `id` ("" when refused, status returned). */
static sc_status_t group_checkout(fixture* fx, const char* user, sc_group_mode_t mode, const char* target,
                                  int64_t quantity, const char* key, char* id, size_t size, sc_error** err) {
    sc_checkout_request* request = NULL;
    sc_order* order = NULL;
    sc_status_t status;
    CHECK_OK(sc_checkout_request_new(&request, &E));
    CHECK_OK(sc_checkout_request_set_group(request, mode, target, quantity, &E));
    status = sc_engine_checkout(fx->engine, user, request, key, &order, err);
    snprintf(id, size, "%s", order ? sc_order_id(order) : "");
    if (order) fx_track_order(fx, id);
    sc_order_free(order);
    sc_checkout_request_free(request);
    return status;
}

/* The group of an order: its id into `gid`. */
static void group_of(fixture* fx, const char* order_id, char* gid, size_t size) {
    sc_group* g = NULL;
    CHECK_OK(sc_engine_order_group(fx->engine, order_id, &g, &E));
    CHECK(g != NULL);
    snprintf(gid, size, "%s", g ? sc_group_id(g) : "");
    sc_group_free(g);
}

static int64_t report(fixture* fx, sc_group_figure_t which) {
    sc_group_report* r = NULL;
    int64_t value;
    CHECK_OK(sc_engine_groupbuy_report(fx->engine, "mid-autumn", &r, &E));
    value = sc_group_report_get(r, which);
    sc_group_report_free(r);
    return value;
}

void test_groupbuy_accessors_null(void) {
    CHECK_EQ(sc_checkout_request_group_mode(NULL), SC_GROUP_MODE_NONE);
    CHECK_STR(sc_checkout_request_group_target(NULL), "");
    CHECK_EQ(sc_checkout_request_group_quantity(NULL), 0);
    CHECK(sc_groupbuy_campaign_id(NULL) == NULL);
    CHECK(sc_groupbuy_campaign_sku_id(NULL) == NULL);
    CHECK_EQ(sc_groupbuy_campaign_group_price(NULL), 0);
    CHECK_EQ(sc_groupbuy_campaign_group_size(NULL), 0);
    CHECK_EQ(sc_groupbuy_campaign_lifetime_minutes(NULL), 0);
    CHECK_EQ(sc_groupbuy_campaign_starts_at_ms(NULL), 0);
    CHECK_EQ(sc_groupbuy_campaign_ends_at_ms(NULL), 0);
    CHECK_EQ(sc_groupbuy_campaign_leader_pricing(NULL), SC_LEADER_GROUP_PRICE);
    CHECK_EQ(sc_groupbuy_campaign_leader_price(NULL), 0);
    CHECK_EQ(sc_groupbuy_campaign_max_units_per_order(NULL), 0);
    CHECK_EQ(sc_groupbuy_campaign_max_units_per_user(NULL), 0);
    CHECK_EQ(sc_groupbuy_campaign_stock(NULL), 0);
    CHECK(!sc_groupbuy_campaign_new_users_only(NULL));
    CHECK_EQ(sc_groupbuy_campaign_virtual_fill_min_members(NULL), 0);
    sc_groupbuy_campaign_free(NULL);
    CHECK_EQ(sc_groups_count(NULL), 0);
    CHECK(sc_groups_at(NULL, 0) == NULL);
    sc_groups_free(NULL);
    CHECK(sc_group_id(NULL) == NULL);
    CHECK(sc_group_campaign_id(NULL) == NULL);
    CHECK(sc_group_leader_user_id(NULL) == NULL);
    CHECK_EQ(sc_group_state(NULL), 0);
    CHECK_EQ(sc_group_size(NULL), 0);
    CHECK_EQ(sc_group_paid_members(NULL), 0);
    CHECK_EQ(sc_group_seats_left(NULL), 0);
    CHECK_EQ(sc_group_virtual_members(NULL), 0);
    CHECK_EQ(sc_group_created_at_ms(NULL), 0);
    CHECK_EQ(sc_group_opened_at_ms(NULL), 0);
    CHECK_EQ(sc_group_deadline_ms(NULL), 0);
    CHECK_EQ(sc_group_ended_at_ms(NULL), 0);
    CHECK_EQ(sc_group_seat_count(NULL), 0);
    CHECK(sc_group_seat_order_id(NULL, 0) == NULL);
    CHECK(sc_group_seat_user_id(NULL, 0) == NULL);
    CHECK_EQ(sc_group_seat_position(NULL, 0), 0);
    CHECK_EQ(sc_group_seat_quantity(NULL, 0), 0);
    CHECK_EQ(sc_group_seat_state(NULL, 0), 0);
    CHECK_EQ(sc_group_seat_paid_at_ms(NULL, 0), 0);
    sc_group_free(NULL);
    CHECK_EQ(sc_group_report_get(NULL, SC_GROUP_REPORT_FILLED), 0);
    sc_group_report_free(NULL);
    CHECK_STR(sc_group_state_name(SC_GROUP_PENDING), "pending");
    CHECK_STR(sc_group_state_name(SC_GROUP_OPEN), "open");
    CHECK_STR(sc_group_state_name(SC_GROUP_FILLED), "filled");
    CHECK_STR(sc_group_state_name(SC_GROUP_FAILED), "failed");
    CHECK_STR(sc_group_state_name(SC_GROUP_CANCELLED), "cancelled");
    CHECK_STR(sc_group_state_name((sc_group_state_t)0), "unknown");
    CHECK_STR(sc_group_state_name((sc_group_state_t)6), "unknown");
}

void test_groupbuy_open_join_fill(void) {
    fixture fx;
    char lead[64], bo[64], cy[64], di[64], gid[64];
    sc_group* g = NULL;
    sc_groups* open = NULL;
    sc_groupbuy_campaign* c = NULL;
    sc_order* o = NULL;
    open_shop(&fx);
    CHECK_OK(sc_engine_groupbuy_campaign_get(fx.engine, "mid-autumn", &c, &E));
    CHECK_STR(sc_groupbuy_campaign_id(c), "mid-autumn");
    CHECK_STR(sc_groupbuy_campaign_sku_id(c), "box");
    CHECK_EQ(sc_groupbuy_campaign_group_price(c), 9900);
    CHECK_EQ(sc_groupbuy_campaign_group_size(c), 3);
    CHECK_EQ(sc_groupbuy_campaign_lifetime_minutes(c), 1440);
    CHECK_EQ(sc_groupbuy_campaign_starts_at_ms(c), 0);
    CHECK_EQ(sc_groupbuy_campaign_ends_at_ms(c), INT64_C(1893456000000));
    CHECK_EQ(sc_groupbuy_campaign_leader_pricing(c), SC_LEADER_LEADER_PRICE);
    CHECK_EQ(sc_groupbuy_campaign_leader_price(c), 8800);
    CHECK_EQ(sc_groupbuy_campaign_max_units_per_order(c), 2);
    CHECK_EQ(sc_groupbuy_campaign_max_units_per_user(c), 0);
    CHECK_EQ(sc_groupbuy_campaign_stock(c), -1);
    CHECK(!sc_groupbuy_campaign_new_users_only(c));
    CHECK_EQ(sc_groupbuy_campaign_virtual_fill_min_members(c), 0);
    sc_groupbuy_campaign_free(c);

    /* Ann opens a group of two boxes at the leader's price: 2 × 88.00. */
    CHECK_OK(group_checkout(&fx, "ann", SC_GROUP_MODE_OPEN, "mid-autumn", 2, "co-ann", lead, sizeof lead, &E));
    CHECK_OK(sc_engine_order_get(fx.engine, lead, &o, &E));
    CHECK_EQ(sc_order_total(o), 17600);
    sc_order_free(o);
    group_of(&fx, lead, gid, sizeof gid);
    CHECK_OK(sc_engine_group_get(fx.engine, gid, &g, &E));
    CHECK_EQ(sc_group_state(g), SC_GROUP_PENDING);
    CHECK_STR(sc_group_leader_user_id(g), "ann");
    sc_group_free(g);
    fx_advance(&fx, WINDOW_MS / 2); /* inside the payment window */
    CHECK_EQ(fx_pay_order(&fx, lead, "pay-ann"), SC_ORDER_AWAITING_GROUP);
    CHECK_OK(sc_engine_group_get(fx.engine, gid, &g, &E));
    CHECK_EQ(sc_group_state(g), SC_GROUP_OPEN);
    CHECK_STR(sc_group_campaign_id(g), "mid-autumn");
    CHECK_EQ(sc_group_size(g), 3);
    CHECK_EQ(sc_group_paid_members(g), 1);
    CHECK_EQ(sc_group_seats_left(g), 2);
    CHECK_EQ(sc_group_opened_at_ms(g), fx_now(&fx));
    CHECK_EQ(sc_group_deadline_ms(g), fx_now(&fx) + LIFETIME_MS);
    CHECK_EQ(sc_group_seat_count(g), 1);
    CHECK_STR(sc_group_seat_order_id(g, 0), lead);
    CHECK_STR(sc_group_seat_user_id(g, 0), "ann");
    CHECK_EQ(sc_group_seat_position(g, 0), 1);
    CHECK_EQ(sc_group_seat_quantity(g, 0), 2);
    CHECK_EQ(sc_group_seat_state(g, 0), SC_SEAT_PAID);
    CHECK_EQ(sc_group_seat_paid_at_ms(g, 0), fx_now(&fx));
    CHECK(sc_group_seat_order_id(g, 1) == NULL);
    sc_group_free(g);

    /* Friends join at the group price; the third payment fills the group. */
    CHECK_OK(group_checkout(&fx, "bo", SC_GROUP_MODE_JOIN, gid, 1, "co-bo", bo, sizeof bo, &E));
    CHECK_OK(group_checkout(&fx, "cy", SC_GROUP_MODE_JOIN, gid, 1, "co-cy", cy, sizeof cy, &E));
    CHECK_OK(sc_engine_groups_open(fx.engine, "mid-autumn", 10, &open, &E));
    CHECK_EQ(sc_groups_count(open), 0); /* every seat reserved: nothing to join */
    sc_groups_free(open);
    {
        char* before = fx_fingerprint(&fx);
        EXPECT_ERR(SC_ERR_GROUP_FULL, "group_id",
                   group_checkout(&fx, "di", SC_GROUP_MODE_JOIN, gid, 1, "co-di", di, sizeof di, &E));
        fx_expect_same(&fx, before, __FILE__, __LINE__, "joining a group whose seats are taken");
    }
    CHECK_EQ(fx_pay_order(&fx, bo, "pay-bo"), SC_ORDER_AWAITING_GROUP);
    CHECK_EQ(fx_pay_order(&fx, cy, "pay-cy"), SC_ORDER_GROUP_CONFIRMED);
    CHECK_EQ(fx_order_state(&fx, lead), SC_ORDER_GROUP_CONFIRMED);
    CHECK_EQ(fx_order_state(&fx, bo), SC_ORDER_GROUP_CONFIRMED);
    CHECK_OK(sc_engine_group_get(fx.engine, gid, &g, &E));
    CHECK_EQ(sc_group_state(g), SC_GROUP_FILLED);
    CHECK_EQ(sc_group_seats_left(g), 0);
    CHECK_EQ(sc_group_ended_at_ms(g), fx_now(&fx));
    CHECK_EQ(sc_group_virtual_members(g), 0);
    sc_group_free(g);
    CHECK_EQ(events_count_type(fx.engine, 0, "group.filled"), 1);
    CHECK_EQ(events_count_type(fx.engine, 0, "group.seat_paid"), 3);
    CHECK_EQ(report(&fx, SC_GROUP_REPORT_OPENED), 1);
    CHECK_EQ(report(&fx, SC_GROUP_REPORT_FILLED), 1);
    CHECK_EQ(report(&fx, SC_GROUP_REPORT_SUCCESS_RATE_BPS), 10000);
    CHECK_EQ(report(&fx, SC_GROUP_REPORT_AVERAGE_FILL_MS), 0);
    CHECK_EQ(report(&fx, SC_GROUP_REPORT_UNITS_SOLD), 4);
    CHECK_EQ(report(&fx, (sc_group_figure_t)99), 0);
    /* A cart order has no group. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "di", "box", 1, &E));
    CHECK_OK(sc_engine_checkout(fx.engine, "di", NULL, "cart-di", &o, &E));
    CHECK_OK(sc_engine_order_group(fx.engine, sc_order_id(o), &g, &E));
    CHECK(g == NULL);
    CHECK_EQ(sc_order_total(o), 12800);
    sc_order_free(o);
    fx_close(&fx);
}

void test_groupbuy_deadline_failure_and_refunds(void) {
    fixture fx;
    char lead[64], bo[64], gid[64];
    sc_group* g = NULL;
    sc_groups* mine = NULL;
    sc_order* refunded = NULL;
    bool more = true;
    int64_t settled = -1;
    open_shop(&fx);
    CHECK_OK(group_checkout(&fx, "ann", SC_GROUP_MODE_OPEN, "mid-autumn", 1, "co-ann", lead, sizeof lead, &E));
    CHECK_EQ(fx_pay_order(&fx, lead, "pay-ann"), SC_ORDER_AWAITING_GROUP);
    group_of(&fx, lead, gid, sizeof gid);
    CHECK_OK(group_checkout(&fx, "bo", SC_GROUP_MODE_JOIN, gid, 1, "co-bo", bo, sizeof bo, &E));
    CHECK_EQ(fx_pay_order(&fx, bo, "pay-bo"), SC_ORDER_AWAITING_GROUP);
    fx_advance(&fx, LIFETIME_MS);
    /* Reads see the failure at once; the sweep settles it with its events. */
    CHECK_OK(sc_engine_group_get(fx.engine, gid, &g, &E));
    CHECK_EQ(sc_group_state(g), SC_GROUP_FAILED);
    sc_group_free(g);
    CHECK_EQ(fx_order_state(&fx, bo), SC_ORDER_GROUP_FAILED);
    CHECK_EQ(events_count_type(fx.engine, 0, "group.refund_due"), 0);
    CHECK_OK(sc_engine_sweep(fx.engine, 100, &settled, &more, &E));
    CHECK(!more);
    CHECK_EQ(events_count_type(fx.engine, 0, "group.failed"), 1);
    CHECK_EQ(events_count_type(fx.engine, 0, "group.refund_due"), 2);
    CHECK_OK(sc_engine_groups_of_user(fx.engine, "bo", 5, &mine, &E));
    CHECK_EQ(sc_groups_count(mine), 1);
    CHECK_STR(sc_group_id(sc_groups_at(mine, 0)), gid);
    sc_groups_free(mine);
    /* Each member's own order is refunded, in turn. */
    CHECK_OK(sc_engine_order_refund_amount(fx.engine, lead, 8800, "r-ann", &refunded, &E));
    CHECK_EQ(sc_order_state(refunded), SC_ORDER_REFUNDED);
    sc_order_free(refunded);
    CHECK_OK(sc_engine_order_refund_line(fx.engine, bo, 0, 1, "r-bo", &refunded, &E));
    CHECK_EQ(sc_order_state(refunded), SC_ORDER_REFUNDED);
    sc_order_free(refunded);
    CHECK_EQ(report(&fx, SC_GROUP_REPORT_FAILED), 1);
    CHECK_EQ(report(&fx, SC_GROUP_REPORT_SUCCESS_RATE_BPS), 0);
    fx_close(&fx);
}

void test_groupbuy_bad_input(void) {
    fixture fx;
    char lead[64], gid[64], other[64];
    sc_checkout_request* request = NULL;
    sc_groupbuy_campaign* c = NULL;
    sc_group* g = NULL;
    sc_groups* list = NULL;
    sc_group_report* r = NULL;
    open_shop(&fx);
    CHECK_OK(group_checkout(&fx, "ann", SC_GROUP_MODE_OPEN, "mid-autumn", 1, "co-ann", lead, sizeof lead, &E));
    CHECK_EQ(fx_pay_order(&fx, lead, "pay-ann"), SC_ORDER_AWAITING_GROUP);
    group_of(&fx, lead, gid, sizeof gid);

    /* The request: refused settings leave it as it was. */
    CHECK_OK(sc_checkout_request_new(&request, &E));
    CHECK_OK(sc_checkout_request_set_group(request, SC_GROUP_MODE_JOIN, gid, 1, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "request", sc_checkout_request_set_group(NULL, SC_GROUP_MODE_JOIN, gid, 1, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "mode",
               sc_checkout_request_set_group(request, (sc_group_mode_t)3, gid, 1, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "id", sc_checkout_request_set_group(request, SC_GROUP_MODE_OPEN, NULL, 1, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "id", sc_checkout_request_set_group(request, SC_GROUP_MODE_OPEN, "", 1, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "id", sc_checkout_request_set_group(request, SC_GROUP_MODE_OPEN, ID129, 1, &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "id",
               sc_checkout_request_set_group(request, SC_GROUP_MODE_OPEN, BAD_UTF8, 1, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "quantity",
               sc_checkout_request_set_group(request, SC_GROUP_MODE_JOIN, gid, 0, &E));
    CHECK_EQ(sc_checkout_request_group_mode(request), SC_GROUP_MODE_JOIN);
    CHECK_STR(sc_checkout_request_group_target(request), gid);
    CHECK_EQ(sc_checkout_request_group_quantity(request), 1);
    CHECK_OK(sc_checkout_request_set_group(request, SC_GROUP_MODE_NONE, NULL, 0, &E));
    CHECK_EQ(sc_checkout_request_group_mode(request), SC_GROUP_MODE_NONE);
    CHECK_STR(sc_checkout_request_group_target(request), "");
    CHECK_EQ(sc_checkout_request_group_quantity(request), 0);
    sc_checkout_request_free(request);

    /* Checkouts the rules refuse. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "group_id",
                    group_checkout(&fx, "ann", SC_GROUP_MODE_JOIN, gid, 1, "co-x1", other, sizeof other, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "campaign_id",
                    group_checkout(&fx, "ann", SC_GROUP_MODE_OPEN, "mid-autumn", 1, "co-x2", other, sizeof other, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_LIMIT_EXCEEDED, "quantity",
                    group_checkout(&fx, "bo", SC_GROUP_MODE_JOIN, gid, 3, "co-x3", other, sizeof other, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "group_id",
                    group_checkout(&fx, "bo", SC_GROUP_MODE_JOIN, "grp_none", 1, "co-x4", other, sizeof other, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "campaign_id",
                    group_checkout(&fx, "bo", SC_GROUP_MODE_OPEN, "none", 1, "co-x5", other, sizeof other, &E));

    /* Campaigns. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_groupbuy_campaign_put(NULL, "{}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "json", sc_engine_groupbuy_campaign_put(fx.engine, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "json", sc_engine_groupbuy_campaign_put(fx.engine, BAD_UTF8, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, NULL, sc_engine_groupbuy_campaign_put(fx.engine, "{", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "group_size",
                    sc_engine_groupbuy_campaign_put(
                        fx.engine,
                        "{\"id\":\"c2\",\"sku_id\":\"box\",\"group_price\":9900,\"group_size\":101,"
                        "\"lifetime_minutes\":60,\"starts_at\":0,\"ends_at\":10}",
                        &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "sku_id",
                    sc_engine_groupbuy_campaign_put(
                        fx.engine,
                        "{\"id\":\"c2\",\"sku_id\":\"nope\",\"group_price\":9900,\"group_size\":3,"
                        "\"lifetime_minutes\":60,\"starts_at\":0,\"ends_at\":10}",
                        &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "virtual_fill.min_real_members",
                    sc_engine_groupbuy_campaign_put(
                        fx.engine,
                        "{\"id\":\"c2\",\"sku_id\":\"box\",\"group_price\":9900,\"group_size\":3,"
                        "\"lifetime_minutes\":60,\"starts_at\":0,\"ends_at\":10,\"virtual_fill\":"
                        "{\"min_real_members\":3}}",
                        &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "campaign_id",
                    sc_engine_groupbuy_campaign_get(fx.engine, "none", &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "campaign_id",
                    sc_engine_groupbuy_campaign_get(fx.engine, "", &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "campaign_id",
                    sc_engine_groupbuy_campaign_get(fx.engine, NULL, &c, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_groupbuy_campaign_get(fx.engine, "mid-autumn", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_groupbuy_campaign_get(NULL, "mid-autumn", &c, &E));

    /* Groups. */
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "group_id", sc_engine_group_get(fx.engine, "grp_none", &g, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "group_id", sc_engine_group_get(fx.engine, "", &g, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "group_id", sc_engine_group_get(fx.engine, BAD_UTF8, &g, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_group_get(fx.engine, gid, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_group_get(NULL, gid, &g, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "order_id", sc_engine_order_group(fx.engine, "ord_none", &g, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "order_id", sc_engine_order_group(fx.engine, NULL, &g, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_order_group(fx.engine, lead, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_order_group(NULL, lead, &g, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit",
                    sc_engine_groups_open(fx.engine, "mid-autumn", 0, &list, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit",
                    sc_engine_groups_open(fx.engine, "mid-autumn", 101, &list, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "campaign_id", sc_engine_groups_open(fx.engine, "none", 5, &list, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "campaign_id", sc_engine_groups_open(fx.engine, NULL, 5, &list, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_groups_open(fx.engine, "mid-autumn", 5, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_groups_open(NULL, "mid-autumn", 5, &list, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id", sc_engine_groups_of_user(fx.engine, "", 5, &list, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit", sc_engine_groups_of_user(fx.engine, "ann", 0, &list, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_groups_of_user(fx.engine, "ann", 5, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_groups_of_user(NULL, "ann", 5, &list, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "campaign_id", sc_engine_groupbuy_report(fx.engine, "none", &r, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "campaign_id", sc_engine_groupbuy_report(fx.engine, NULL, &r, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_groupbuy_report(fx.engine, "mid-autumn", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_groupbuy_report(NULL, "mid-autumn", &r, &E));
    fx_close(&fx);
}
