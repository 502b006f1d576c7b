/*
 * Bargains through the C ABI (docs/bargain.md): a program imported with the
 * program document, a bargain opened and shared, friends' helps cutting
 * exactly what the scripted random source says, the H-th landing on the
 * floor, the opener buying at the bargained price, expiry read at once and
 * settled by the sweep, the program report, and every bad call checked to
 * change nothing.
 */
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#define MINUTE_MS INT64_C(60000)
#define LIFETIME_MS (24 * 60 * MINUTE_MS)

/* A wok listed at 100.00 that three friends take down to 1.00 within a day. */
static const char* const SHOP =
    "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":["
    "{\"id\":\"wok\",\"merchant_id\":\"m1\",\"title\":\"Wok\",\"list_price\":10000,\"stock\":50}],"
    "\"bargains\":{\"programs\":[{\"id\":\"wok-chop\",\"sku_id\":\"wok\",\"floor_price\":100,\"helpers\":3,"
    "\"lifetime_minutes\":1440,\"starts_at\":0,\"ends_at\":1893456000000}]}}";

/* The scripted random source: the draws in order, then 0. */
static struct {
    uint64_t draws[16];
    size_t count;
    size_t next;
    int64_t calls;
    int freed;
} script;

static uint64_t scripted_draw(void* user_data) {
    (void)user_data;
    ++script.calls;
    return script.next < script.count ? script.draws[script.next++] : 0;
}

static void script_release(void* user_data) {
    CHECK(user_data == &script);
    script.freed = 1;
}

static void with_script(sc_options* options) {
    CHECK_OK(sc_options_set_random(options, scripted_draw, &script, script_release, &E));
}

static void script_push(uint64_t draw) {
    if (script.count < sizeof script.draws / sizeof script.draws[0]) script.draws[script.count++] = draw;
}

static void open_shop(fixture* fx) {
    memset(&script, 0, sizeof script);
    fx_open_file_with(fx, with_script);
    fx_import(fx, SHOP);
    fx_track_user(fx, "ann");
    fx_track_user(fx, "bo");
    fx_track_user(fx, "cy");
    fx_track_user(fx, "di");
}

static void close_shop(fixture* fx) {
    fx_close(fx);
    CHECK_EQ(script.freed, 1); /* the engine let go of the source's user_data */
}

/* Opens a bargain; its id into `id` ("" when refused, status returned). */
static sc_status_t open_bargain(fixture* fx, const char* user, const char* key, char* id, size_t size,
                                sc_error** err) {
    sc_bargain* b = NULL;
    sc_status_t status = sc_engine_bargain_open(fx->engine, "wok-chop", user, key, &b, err);
    snprintf(id, size, "%s", b ? sc_bargain_id(b) : "");
    sc_bargain_free(b);
    return status;
}

/* A friend's help with the next draw scripted; the amount cut (0 when refused). */
static int64_t help(fixture* fx, const char* bargain_id, const char* helper, uint64_t draw, const char* key) {
    int64_t amount = 0;
    script_push(draw);
    CHECK_OK(sc_engine_bargain_help(fx->engine, bargain_id, helper, key, &amount, NULL, &E));
    return amount;
}

/* A bargain checkout; the order's id into `id` ("" when refused, status returned). */
static sc_status_t buy(fixture* fx, const char* user, const char* bargain_id, const char* key, char* id, size_t size,
                       sc_error** err) {
    sc_checkout_request* request = NULL;
    sc_order* order = NULL;
    sc_status_t status;
    CHECK_OK(sc_checkout_request_new(&request, &E));
    CHECK_OK(sc_checkout_request_set_bargain(request, bargain_id, &E));
    status = sc_engine_checkout(fx->engine, user, request, key, &order, err);
    snprintf(id, size, "%s", order ? sc_order_id(order) : "");
    if (order) fx_track_order(fx, id);
    sc_order_free(order);
    sc_checkout_request_free(request);
    return status;
}

static sc_bargain_state_t state_of(fixture* fx, const char* bargain_id) {
    sc_bargain* b = NULL;
    sc_bargain_state_t state;
    CHECK_OK(sc_engine_bargain_get(fx->engine, bargain_id, &b, &E));
    state = sc_bargain_state(b);
    sc_bargain_free(b);
    return state;
}

static int64_t figure(fixture* fx, sc_bargain_figure_t which) {
    sc_bargain_report* r = NULL;
    int64_t value;
    CHECK_OK(sc_engine_bargain_report(fx->engine, "wok-chop", &r, &E));
    value = sc_bargain_report_get(r, which);
    sc_bargain_report_free(r);
    return value;
}

void test_bargain_accessors_null(void) {
    CHECK_STR(sc_checkout_request_bargain_id(NULL), "");
    CHECK(sc_bargain_program_id(NULL) == NULL);
    CHECK(sc_bargain_program_sku_id(NULL) == NULL);
    CHECK_EQ(sc_bargain_program_floor_price(NULL), 0);
    CHECK_EQ(sc_bargain_program_helpers(NULL), 0);
    CHECK_EQ(sc_bargain_program_lifetime_minutes(NULL), 0);
    CHECK_EQ(sc_bargain_program_starts_at_ms(NULL), 0);
    CHECK_EQ(sc_bargain_program_ends_at_ms(NULL), 0);
    sc_bargain_program_free(NULL);
    CHECK_EQ(sc_bargains_count(NULL), 0);
    CHECK(sc_bargains_at(NULL, 0) == NULL);
    sc_bargains_free(NULL);
    CHECK(sc_bargain_id(NULL) == NULL);
    CHECK(sc_bargain_program_id_of(NULL) == NULL);
    CHECK(sc_bargain_user_id(NULL) == NULL);
    CHECK(sc_bargain_sku_id(NULL) == NULL);
    CHECK_EQ(sc_bargain_state(NULL), 0);
    CHECK_EQ(sc_bargain_start_price(NULL), 0);
    CHECK_EQ(sc_bargain_floor_price(NULL), 0);
    CHECK_EQ(sc_bargain_price(NULL), 0);
    CHECK_EQ(sc_bargain_helpers_needed(NULL), 0);
    CHECK_EQ(sc_bargain_opened_at_ms(NULL), 0);
    CHECK_EQ(sc_bargain_deadline_ms(NULL), 0);
    CHECK_EQ(sc_bargain_ended_at_ms(NULL), 0);
    CHECK(sc_bargain_order_id(NULL) == NULL);
    CHECK_EQ(sc_bargain_help_count(NULL), 0);
    CHECK(sc_bargain_help_user_id(NULL, 0) == NULL);
    CHECK_EQ(sc_bargain_help_amount(NULL, 0), 0);
    CHECK_EQ(sc_bargain_help_price_after(NULL, 0), 0);
    CHECK_EQ(sc_bargain_help_at_ms(NULL, 0), 0);
    sc_bargain_free(NULL);
    CHECK_STR(sc_bargain_state_name(SC_BARGAIN_OPEN), "open");
    CHECK_STR(sc_bargain_state_name(SC_BARGAIN_FLOOR_REACHED), "floor_reached");
    CHECK_STR(sc_bargain_state_name(SC_BARGAIN_BOUGHT), "bought");
    CHECK_STR(sc_bargain_state_name(SC_BARGAIN_EXPIRED), "expired");
    CHECK_STR(sc_bargain_state_name((sc_bargain_state_t)0), "unknown");
    CHECK_STR(sc_bargain_state_name((sc_bargain_state_t)5), "unknown");
    CHECK_EQ(sc_bargain_report_get(NULL, SC_BARGAIN_FIGURE_OPENED), 0);
    sc_bargain_report_free(NULL);
}

void test_bargain_open_help_buy(void) {
    fixture fx;
    char bid[64], order[64], other[64];
    sc_bargain* b = NULL;
    sc_bargain_program* p = NULL;
    sc_bargains* list = NULL;
    sc_checkout_request* request = NULL;
    sc_share_key* key = NULL;
    sc_share_link* link = NULL;
    int64_t amount = 0;
    open_shop(&fx);

    CHECK_OK(sc_engine_bargain_program_get(fx.engine, "wok-chop", &p, &E));
    CHECK_STR(sc_bargain_program_id(p), "wok-chop");
    CHECK_STR(sc_bargain_program_sku_id(p), "wok");
    CHECK_EQ(sc_bargain_program_floor_price(p), 100);
    CHECK_EQ(sc_bargain_program_helpers(p), 3);
    CHECK_EQ(sc_bargain_program_lifetime_minutes(p), 1440);
    CHECK_EQ(sc_bargain_program_starts_at_ms(p), 0);
    CHECK_EQ(sc_bargain_program_ends_at_ms(p), INT64_C(1893456000000));
    sc_bargain_program_free(p);

    CHECK_OK(sc_engine_bargain_open(fx.engine, "wok-chop", "ann", "open-ann", &b, &E));
    snprintf(bid, sizeof bid, "%s", sc_bargain_id(b));
    CHECK(strncmp(bid, "brg_", 4) == 0);
    CHECK_STR(sc_bargain_program_id_of(b), "wok-chop");
    CHECK_STR(sc_bargain_user_id(b), "ann");
    CHECK_STR(sc_bargain_sku_id(b), "wok");
    CHECK_EQ(sc_bargain_state(b), SC_BARGAIN_OPEN);
    CHECK_EQ(sc_bargain_start_price(b), 10000);
    CHECK_EQ(sc_bargain_price(b), 10000);
    CHECK_EQ(sc_bargain_floor_price(b), 100);
    CHECK_EQ(sc_bargain_helpers_needed(b), 3);
    CHECK_EQ(sc_bargain_opened_at_ms(b), T0_MS);
    CHECK_EQ(sc_bargain_deadline_ms(b), T0_MS + LIFETIME_MS);
    CHECK_EQ(sc_bargain_ended_at_ms(b), 0);
    CHECK_STR(sc_bargain_order_id(b), "");
    CHECK_EQ(sc_bargain_help_count(b), 0);
    sc_bargain_free(b);
    b = NULL;

    /* The invite: a share link targeting the bargain. */
    CHECK_OK(sc_engine_referral_program_put(
        fx.engine, "{\"url_template\":\"https://shop.example/s/{token}\",\"link_lifetime_days\":7}", &E));
    CHECK_OK(sc_engine_share_key_generate(fx.engine, "k1", &key, &E));
    sc_share_key_free(key);
    CHECK_OK(sc_engine_share_link_create(fx.engine, "ann", SC_SHARE_TARGET_BARGAIN, bid, "wechat", "share-1", &link,
                                         &E));
    CHECK_EQ(sc_share_link_target(link), SC_SHARE_TARGET_BARGAIN);
    CHECK_STR(sc_share_link_target_id(link), bid);
    sc_share_link_free(link);

    /* 1 + 999 % (2 × 9900 / 3 = 6600) */
    script_push(999);
    CHECK_OK(sc_engine_bargain_help(fx.engine, bid, "bo", "help-bo", &amount, &b, &E));
    CHECK_EQ(amount, 1000);
    CHECK_EQ(sc_bargain_price(b), 9000);
    CHECK_EQ(sc_bargain_help_count(b), 1);
    CHECK_STR(sc_bargain_help_user_id(b, 0), "bo");
    CHECK_EQ(sc_bargain_help_amount(b, 0), 1000);
    CHECK_EQ(sc_bargain_help_price_after(b, 0), 9000);
    CHECK_EQ(sc_bargain_help_at_ms(b, 0), T0_MS);
    CHECK(sc_bargain_help_user_id(b, 1) == NULL);
    sc_bargain_free(b);
    b = NULL;
    /* A retry returns the first result: the draw it made is wasted. */
    script_push(5);
    CHECK_OK(sc_engine_bargain_help(fx.engine, bid, "bo", "help-bo", &amount, NULL, &E));
    CHECK_EQ(amount, 1000);
    /* 2 left: 1 + 4449 % min(8900, 8899) */
    fx_advance(&fx, MINUTE_MS);
    CHECK_EQ(help(&fx, bid, "cy", 4449, "help-cy"), 4450);
    /* The last help lands on the floor. */
    script_push(77);
    CHECK_OK(sc_engine_bargain_help(fx.engine, bid, "di", "help-di", NULL, &b, &E));
    CHECK_EQ(sc_bargain_state(b), SC_BARGAIN_FLOOR_REACHED);
    CHECK_EQ(sc_bargain_price(b), 100);
    CHECK_EQ(sc_bargain_help_amount(b, 2), 4450);
    CHECK_EQ(sc_bargain_help_at_ms(b, 2), T0_MS + MINUTE_MS);
    sc_bargain_free(b);
    b = NULL;
    CHECK_EQ(script.calls, 4);
    CHECK_EQ(events_count_type(fx.engine, 0, "bargain.helped"), 3);
    CHECK_EQ(events_count_type(fx.engine, 0, "bargain.floor_reached"), 1);

    /* The request carries the bargain; NULL clears it. */
    CHECK_OK(sc_checkout_request_new(&request, &E));
    CHECK_OK(sc_checkout_request_set_bargain(request, bid, &E));
    CHECK_STR(sc_checkout_request_bargain_id(request), bid);
    CHECK_OK(sc_checkout_request_set_bargain(request, NULL, &E));
    CHECK_STR(sc_checkout_request_bargain_id(request), "");
    sc_checkout_request_free(request);

    /* Only the opener buys, at the bargained price, once. */
    CHECK_OK(buy(&fx, "ann", bid, "co-ann", order, sizeof order, &E));
    CHECK_EQ(fx_order_total(&fx, order), 100);
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "bargain_id", buy(&fx, "ann", bid, "co-ann-2", other, sizeof other, &E));
    CHECK_EQ(fx_pay_order(&fx, order, "pay-ann"), SC_ORDER_PAID);
    CHECK_OK(sc_engine_bargain_get(fx.engine, bid, &b, &E));
    CHECK_EQ(sc_bargain_state(b), SC_BARGAIN_BOUGHT);
    CHECK_STR(sc_bargain_order_id(b), order);
    CHECK_EQ(sc_bargain_ended_at_ms(b), T0_MS + MINUTE_MS);
    sc_bargain_free(b);
    CHECK_EQ(events_count_type(fx.engine, 0, "bargain.bought"), 1);

    CHECK_OK(sc_engine_bargains_of_user(fx.engine, "ann", 10, &list, &E));
    CHECK_EQ(sc_bargains_count(list), 1);
    CHECK_STR(sc_bargain_id(sc_bargains_at(list, 0)), bid);
    CHECK(sc_bargains_at(list, 1) == NULL);
    sc_bargains_free(list);
    close_shop(&fx);
}

void test_bargain_expiry_and_report(void) {
    fixture fx;
    char a[64], b[64], c[64], order[64];
    int64_t settled = 0;
    bool more = true;
    open_shop(&fx);
    CHECK_OK(open_bargain(&fx, "ann", "o-ann", a, sizeof a, &E));
    CHECK_OK(open_bargain(&fx, "bo", "o-bo", b, sizeof b, &E));
    CHECK_OK(open_bargain(&fx, "cy", "o-cy", c, sizeof c, &E));
    CHECK_EQ(help(&fx, a, "h1", 0, "k1"), 1);
    CHECK_EQ(help(&fx, a, "h2", 0, "k2"), 1);
    CHECK_EQ(help(&fx, a, "h3", 0, "k3"), 9898); /* floor reached */
    CHECK_EQ(help(&fx, b, "h1", 0, "k4"), 1);
    CHECK_OK(buy(&fx, "bo", b, "co-bo", order, sizeof order, &E));
    CHECK_EQ(fx_order_total(&fx, order), 9999);
    CHECK_EQ(fx_pay_order(&fx, order, "pay-bo"), SC_ORDER_PAID);

    fx_advance(&fx, LIFETIME_MS);
    /* Reads see the expiry at once; nothing is written until a sweep. */
    CHECK_EQ(state_of(&fx, a), SC_BARGAIN_EXPIRED);
    CHECK_EQ(state_of(&fx, b), SC_BARGAIN_BOUGHT);
    CHECK_EQ(state_of(&fx, c), SC_BARGAIN_EXPIRED);
    CHECK_EQ(events_count_type(fx.engine, 0, "bargain.expired"), 0);
    CHECK_OK(sc_engine_sweep(fx.engine, 100, &settled, &more, &E));
    CHECK(!more);
    CHECK_EQ(events_count_type(fx.engine, 0, "bargain.expired"), 2);

    CHECK_EQ(figure(&fx, SC_BARGAIN_FIGURE_OPENED), 3);
    CHECK_EQ(figure(&fx, SC_BARGAIN_FIGURE_COMPLETED), 1);
    CHECK_EQ(figure(&fx, SC_BARGAIN_FIGURE_EXPIRED), 2);
    CHECK_EQ(figure(&fx, SC_BARGAIN_FIGURE_BOUGHT), 1);
    CHECK_EQ(figure(&fx, SC_BARGAIN_FIGURE_HELPS), 4);
    CHECK_EQ(figure(&fx, SC_BARGAIN_FIGURE_HELPERS_PER_COMPLETION), 400);
    CHECK_EQ(figure(&fx, SC_BARGAIN_FIGURE_CONVERSION_BPS), 3333);
    CHECK_EQ(figure(&fx, (sc_bargain_figure_t)99), 0);

    /* Expired: no help, no purchase. */
    script_push(1);
    EXPECT_ERR_SAME(&fx, SC_ERR_EXPIRED, "bargain_id", sc_engine_bargain_help(fx.engine, c, "h9", "k9", NULL, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_EXPIRED, "bargain_id", buy(&fx, "cy", c, "co-cy", order, sizeof order, &E));
    /* And the shopper may open another. */
    CHECK_OK(open_bargain(&fx, "ann", "o-ann-2", a, sizeof a, &E));
    close_shop(&fx);
}

void test_bargain_bad_input(void) {
    fixture fx;
    char bid[64], other[64];
    sc_checkout_request* request = NULL;
    sc_bargain_program* p = NULL;
    sc_bargain* b = NULL;
    sc_bargains* list = NULL;
    sc_bargain_report* r = NULL;
    sc_options* options = NULL;
    int64_t amount = 0;
    open_shop(&fx);
    CHECK_OK(open_bargain(&fx, "ann", "o-ann", bid, sizeof bid, &E));
    CHECK_EQ(help(&fx, bid, "bo", 0, "h-bo"), 1);

    /* Options. */
    CHECK_OK(sc_options_new(&options, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "options", sc_options_set_random(NULL, scripted_draw, NULL, NULL, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "fn", sc_options_set_random(options, NULL, NULL, NULL, &E));
    sc_options_free(options);

    /* The request: refused settings leave it as it was. */
    CHECK_OK(sc_checkout_request_new(&request, &E));
    CHECK_OK(sc_checkout_request_set_bargain(request, bid, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "request", sc_checkout_request_set_bargain(NULL, bid, &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "bargain_id", sc_checkout_request_set_bargain(request, "", &E));
    EXPECT_ERR(SC_ERR_INVALID_ARGUMENT, "bargain_id", sc_checkout_request_set_bargain(request, ID129, &E));
    EXPECT_ERR(SC_ERR_INVALID_UTF8, "bargain_id", sc_checkout_request_set_bargain(request, BAD_UTF8, &E));
    CHECK_STR(sc_checkout_request_bargain_id(request), bid);
    /* A group and a bargain in one request. */
    CHECK_OK(sc_checkout_request_set_group(request, SC_GROUP_MODE_OPEN, "any", 1, &E));
    {
        sc_order* o = NULL;
        EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "request",
                        sc_engine_checkout(fx.engine, "ann", request, "co-both", &o, &E));
        CHECK(o == NULL);
    }
    sc_checkout_request_free(request);

    /* Checkouts the rules refuse. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "bargain_id", buy(&fx, "bo", bid, "co-bo", other, sizeof other, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "bargain_id", buy(&fx, "ann", "brg_none", "co-x", other, sizeof other, &E));

    /* Programs. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_bargain_program_put(NULL, "{}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "json", sc_engine_bargain_program_put(fx.engine, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "json", sc_engine_bargain_program_put(fx.engine, BAD_UTF8, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, NULL, sc_engine_bargain_program_put(fx.engine, "{", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "helpers",
                    sc_engine_bargain_program_put(fx.engine,
                                                  "{\"id\":\"p2\",\"sku_id\":\"wok\",\"floor_price\":100,\"helpers\":101,"
                                                  "\"lifetime_minutes\":60,\"starts_at\":0,\"ends_at\":10}",
                                                  &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "sku_id",
                    sc_engine_bargain_program_put(fx.engine,
                                                  "{\"id\":\"p2\",\"sku_id\":\"nope\",\"floor_price\":100,\"helpers\":3,"
                                                  "\"lifetime_minutes\":60,\"starts_at\":0,\"ends_at\":10}",
                                                  &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "floor_price",
                    sc_engine_bargain_program_put(fx.engine,
                                                  "{\"id\":\"p2\",\"sku_id\":\"wok\",\"floor_price\":9998,\"helpers\":3,"
                                                  "\"lifetime_minutes\":60,\"starts_at\":0,\"ends_at\":10}",
                                                  &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "program_id", sc_engine_bargain_program_get(fx.engine, "none", &p, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "program_id", sc_engine_bargain_program_get(fx.engine, "", &p, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "program_id",
                    sc_engine_bargain_program_get(fx.engine, ID129, &p, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "program_id",
                    sc_engine_bargain_program_get(fx.engine, NULL, &p, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "program_id",
                    sc_engine_bargain_program_get(fx.engine, BAD_UTF8, &p, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_bargain_program_get(fx.engine, "wok-chop", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_bargain_program_get(NULL, "wok-chop", &p, &E));

    /* Opening. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_bargain_open(NULL, "wok-chop", "cy", "o-1", &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "program_id",
                    sc_engine_bargain_open(fx.engine, NULL, "cy", "o-1", &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_bargain_open(fx.engine, "wok-chop", NULL, "o-1", &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_bargain_open(fx.engine, "wok-chop", ID129, "o-1", &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "user_id",
                    sc_engine_bargain_open(fx.engine, "wok-chop", BAD_UTF8, "o-1", &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_bargain_open(fx.engine, "wok-chop", "cy", NULL, &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_bargain_open(fx.engine, "wok-chop", "cy", "o-1", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "program_id",
                    sc_engine_bargain_open(fx.engine, "none", "cy", "o-1", &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "program_id",
                    sc_engine_bargain_open(fx.engine, "wok-chop", "ann", "o-2", &b, &E)); /* one live */
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_bargain_open(fx.engine, "wok-chop", "cy", "o-ann", &b, &E));

    /* Helping. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_bargain_help(NULL, bid, "cy", "h-1", &amount, &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "bargain_id",
                    sc_engine_bargain_help(fx.engine, NULL, "cy", "h-1", &amount, &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "bargain_id",
                    sc_engine_bargain_help(fx.engine, ID129, "cy", "h-1", &amount, &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "bargain_id",
                    sc_engine_bargain_help(fx.engine, BAD_UTF8, "cy", "h-1", &amount, &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "helper_user_id",
                    sc_engine_bargain_help(fx.engine, bid, NULL, "h-1", &amount, &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "helper_user_id",
                    sc_engine_bargain_help(fx.engine, bid, "", "h-1", &amount, &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "helper_user_id",
                    sc_engine_bargain_help(fx.engine, bid, BAD_UTF8, "h-1", &amount, &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_bargain_help(fx.engine, bid, "cy", NULL, &amount, &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "bargain_id",
                    sc_engine_bargain_help(fx.engine, "brg_none", "cy", "h-1", &amount, &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "user_id",
                    sc_engine_bargain_help(fx.engine, bid, "ann", "h-1", &amount, &b, &E)); /* the opener */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "user_id",
                    sc_engine_bargain_help(fx.engine, bid, "bo", "h-1", &amount, &b, &E)); /* twice */
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_bargain_help(fx.engine, bid, "cy", "h-bo", &amount, &b, &E));
    CHECK_EQ(amount, 0); /* no output on failure */
    CHECK(b == NULL);

    /* Reads. */
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "bargain_id", sc_engine_bargain_get(fx.engine, "brg_none", &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "bargain_id", sc_engine_bargain_get(fx.engine, NULL, &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "bargain_id", sc_engine_bargain_get(fx.engine, ID129, &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "bargain_id", sc_engine_bargain_get(fx.engine, BAD_UTF8, &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_bargain_get(fx.engine, bid, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_bargain_get(NULL, bid, &b, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit", sc_engine_bargains_of_user(fx.engine, "ann", 0, &list, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit",
                    sc_engine_bargains_of_user(fx.engine, "ann", 101, &list, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id", sc_engine_bargains_of_user(fx.engine, NULL, 10, &list, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "user_id",
                    sc_engine_bargains_of_user(fx.engine, BAD_UTF8, 10, &list, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_bargains_of_user(fx.engine, "ann", 10, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "program_id", sc_engine_bargain_report(fx.engine, "none", &r, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "program_id", sc_engine_bargain_report(fx.engine, NULL, &r, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_bargain_report(fx.engine, "wok-chop", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_bargain_report(NULL, "wok-chop", &r, &E));
    CHECK(p == NULL);
    CHECK(list == NULL);
    CHECK(r == NULL);
    close_shop(&fx);
}
