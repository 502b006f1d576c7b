/*
 * The read side a host app needs: a shopper's orders and the catalog in pages behind
 * opaque cursors, an order found by its checkout key, events of one type and the
 * latest sequence number, and the refund records of an order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

#define MAX_SEEN 16

/* The ids of a shopper's orders, read page by page (limit per page), oldest last. */
typedef struct order_list {
    char ids[MAX_SEEN][128];
    int64_t created[MAX_SEEN];
    size_t count;
    size_t pages;
} order_list;

static void copy_text(char* dst, size_t size, const char* src) { snprintf(dst, size, "%s", src ? src : ""); }

/* Appends a page to the list and returns its next cursor (malloc'd; NULL at the end). */
static char* take_order_page(order_list* list, sc_orders* page) {
    size_t i;
    const char* next = sc_orders_next_cursor(page);
    for (i = 0; i < sc_orders_count(page) && list->count < MAX_SEEN; ++i) {
        const sc_order* o = sc_orders_at(page, i);
        copy_text(list->ids[list->count], sizeof list->ids[0], sc_order_id(o));
        list->created[list->count] = sc_order_created_at_ms(o);
        list->count++;
    }
    list->pages++;
    if (!CHECK(next != NULL) || next[0] == '\0') return NULL;
    {
        char* copy = (char*)malloc(strlen(next) + 1);
        strcpy(copy, next);
        return copy;
    }
}

/* Reads every page of a query. */
static void read_all_orders(sc_engine* engine, const char* user, sc_order_state_t state, int64_t from,
                            int64_t to, size_t limit, order_list* list) {
    char* cursor = NULL;
    memset(list, 0, sizeof *list);
    do {
        sc_orders* page = NULL;
        char* next;
        CHECK_OK(sc_engine_order_list_by_user(engine, user, state, from, to, cursor, limit, &page, &E));
        if (page == NULL) break;
        CHECK(sc_orders_count(page) <= limit);
        next = take_order_page(list, page);
        /* A page that is not the last is full. */
        if (next != NULL) CHECK_EQ(sc_orders_count(page), limit);
        sc_orders_free(page);
        free(cursor);
        cursor = next;
    } while (cursor != NULL && list->pages < 20);
    free(cursor);
}

/* Newest first: (created_at, id) strictly decreasing. */
static void check_newest_first(const order_list* list) {
    size_t i;
    for (i = 1; i < list->count; ++i) {
        int before = list->created[i - 1] > list->created[i] ||
                     (list->created[i - 1] == list->created[i] && strcmp(list->ids[i - 1], list->ids[i]) > 0);
        CHECK(before);
    }
}

static int list_has(const order_list* list, const char* id) {
    size_t i;
    for (i = 0; i < list->count; ++i) {
        if (strcmp(list->ids[i], id) == 0) return 1;
    }
    return 0;
}

static void place_order(fixture* fx, const char* user, const char* key, char* id_out) {
    sc_order* o = NULL;
    CHECK_OK(sc_engine_cart_add(fx->engine, user, "cake", 1, &E));
    CHECK_OK(sc_engine_checkout(fx->engine, user, NULL, key, &o, &E));
    copy_text(id_out, 128, sc_order_id(o));
    fx_track_order(fx, id_out);
    sc_order_free(o);
}

void test_reads_accessors_null(void) {
    CHECK_EQ(sc_orders_count(NULL), 0);
    CHECK(sc_orders_at(NULL, 0) == NULL);
    CHECK(sc_orders_next_cursor(NULL) == NULL);
    sc_orders_free(NULL);
    CHECK(sc_catalog_next_cursor(NULL) == NULL);
    CHECK_EQ(sc_order_refund_time_ms(NULL, 0), 0);
    CHECK_EQ(sc_order_refund_line_count(NULL, 0), 0);
    CHECK_EQ(sc_order_refund_line_index(NULL, 0, 0), 0);
    CHECK_EQ(sc_order_refund_line_quantity(NULL, 0, 0), 0);
    CHECK_EQ(sc_order_refund_line_amount(NULL, 0, 0), 0);
}

void test_orders_of_user(void) {
    fixture fx;
    char ids[8][128];
    char other[128];
    char* first_cursor;
    order_list list;
    sc_orders* page = NULL;
    sc_orders* bad = NULL;
    int64_t live;
    int64_t t1, t3;
    size_t i;

    fx_open_file(&fx);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");

    /* o0..o3 one second apart; o4 and o5 in the same millisecond; u2 has one too. */
    for (i = 0; i < 4; ++i) {
        char key[16];
        fx_advance(&fx, 1000);
        snprintf(key, sizeof key, "k%u", (unsigned)i);
        place_order(&fx, "u1", key, ids[i]);
    }
    t1 = T0_MS + 2000;
    t3 = T0_MS + 4000;
    place_order(&fx, "u2", "k-u2", other);
    CHECK_OK(sc_engine_order_pay(fx.engine, ids[0], "ref", 12800, "p0", NULL, &E));
    CHECK_OK(sc_engine_order_cancel(fx.engine, ids[1], NULL, &E));
    fx_advance(&fx, 36000);
    place_order(&fx, "u1", "k4", ids[4]);
    place_order(&fx, "u1", "k5", ids[5]);
    /* o2 and o3 lapse (unsettled: only reads follow); o4 and o5 do not. */
    fx_advance(&fx, WINDOW_MS - 36000 + 500);

    /* Every order, newest first, in pages of two. */
    live = sc_live_object_count();
    read_all_orders(fx.engine, "u1", SC_ORDER_STATE_ANY, 0, INT64_MAX, 2, &list);
    CHECK_EQ(sc_live_object_count(), live);
    CHECK_EQ(list.count, 6);
    CHECK_EQ(list.pages, 3);
    check_newest_first(&list);
    for (i = 0; i < 6; ++i) CHECK(list_has(&list, ids[i]));
    CHECK(!list_has(&list, other));
    /* Tied creation times are ordered by id. */
    CHECK_EQ(list.created[0], list.created[1]);

    /* One page holds everything when the limit allows. */
    read_all_orders(fx.engine, "u1", SC_ORDER_STATE_ANY, 0, INT64_MAX, 1000, &list);
    CHECK_EQ(list.count, 6);
    CHECK_EQ(list.pages, 1);

    /* Filters see the state as of now: lapsed unpaid orders are cancelled. */
    read_all_orders(fx.engine, "u1", SC_ORDER_CREATED, 0, INT64_MAX, 1, &list);
    CHECK_EQ(list.count, 2);
    CHECK(list_has(&list, ids[4]) && list_has(&list, ids[5]));
    check_newest_first(&list);
    read_all_orders(fx.engine, "u1", SC_ORDER_CANCELLED, 0, INT64_MAX, 2, &list);
    CHECK_EQ(list.count, 3);
    CHECK(list_has(&list, ids[1]) && list_has(&list, ids[2]) && list_has(&list, ids[3]));
    check_newest_first(&list);
    read_all_orders(fx.engine, "u1", SC_ORDER_PAID, 0, INT64_MAX, 2, &list);
    CHECK_EQ(list.count, 1);
    CHECK(list_has(&list, ids[0]));
    read_all_orders(fx.engine, "u1", SC_ORDER_REFUNDED, 0, INT64_MAX, 2, &list);
    CHECK_EQ(list.count, 0);
    CHECK_EQ(list.pages, 1);

    /* The orders on a page are the orders as a read sees them now. */
    CHECK_OK(sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_CANCELLED, 0, INT64_MAX, NULL, 1, &page, &E));
    CHECK_EQ(sc_orders_count(page), 1);
    CHECK_STR(sc_order_id(sc_orders_at(page, 0)), ids[3]);
    CHECK_EQ(sc_order_state(sc_orders_at(page, 0)), SC_ORDER_CANCELLED);
    CHECK_EQ(sc_order_cancel_reason(sc_orders_at(page, 0)), SC_CANCEL_PAYMENT_LAPSED);
    {
        char* a = dump_order_snapshot(sc_orders_at(page, 0));
        char* b = dump_order(fx.engine, ids[3]);
        CHECK_STR(a, b);
        free(a);
        free(b);
    }
    CHECK(sc_orders_at(page, 1) == NULL);
    sc_orders_free(page);
    page = NULL;

    /* Creation time in [from, to). */
    read_all_orders(fx.engine, "u1", SC_ORDER_STATE_ANY, t1, t3 + 1, 2, &list);
    CHECK_EQ(list.count, 3);
    CHECK(list_has(&list, ids[1]) && list_has(&list, ids[2]) && list_has(&list, ids[3]));
    read_all_orders(fx.engine, "u1", SC_ORDER_STATE_ANY, t1, t3, 2, &list);
    CHECK_EQ(list.count, 2);
    CHECK(!list_has(&list, ids[3]));
    read_all_orders(fx.engine, "u1", SC_ORDER_STATE_ANY, t1, t1, 2, &list);
    CHECK_EQ(list.count, 0);
    read_all_orders(fx.engine, "nobody", SC_ORDER_STATE_ANY, 0, INT64_MAX, 2, &list);
    CHECK_EQ(list.count, 0);

    /* Paging is stable: an order placed between pages is not on a later page, and
       no order is repeated or skipped. "" asks for the first page, like NULL. */
    CHECK_OK(sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_STATE_ANY, 0, INT64_MAX, "", 2, &page, &E));
    memset(&list, 0, sizeof list);
    first_cursor = take_order_page(&list, page);
    sc_orders_free(page);
    page = NULL;
    CHECK(first_cursor != NULL);
    place_order(&fx, "u1", "k6", ids[6]);
    {
        char* cursor = first_cursor;
        while (cursor != NULL) {
            char* next;
            CHECK_OK(sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_STATE_ANY, 0, INT64_MAX, cursor, 2, &page,
                                              &E));
            next = take_order_page(&list, page);
            sc_orders_free(page);
            page = NULL;
            if (cursor != first_cursor) free(cursor);
            cursor = next;
        }
    }
    CHECK_EQ(list.count, 6);
    check_newest_first(&list);
    CHECK(!list_has(&list, ids[6]));
    for (i = 0; i < 6; ++i) CHECK(list_has(&list, ids[i]));

    /* Bad input changes nothing and returns nothing. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_order_list_by_user(NULL, "u1", SC_ORDER_STATE_ANY, 0, INT64_MAX, NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_order_list_by_user(fx.engine, NULL, SC_ORDER_STATE_ANY, 0, INT64_MAX, NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_order_list_by_user(fx.engine, "", SC_ORDER_STATE_ANY, 0, INT64_MAX, NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "user_id",
                    sc_engine_order_list_by_user(fx.engine, BAD_UTF8, SC_ORDER_STATE_ANY, 0, INT64_MAX, NULL, 2, &bad,
                                             &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_order_list_by_user(fx.engine, ID129, SC_ORDER_STATE_ANY, 0, INT64_MAX, NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "state",
                    sc_engine_order_list_by_user(fx.engine, "u1", (sc_order_state_t)9, 0, INT64_MAX, NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "state",
                    sc_engine_order_list_by_user(fx.engine, "u1", (sc_order_state_t)-1, 0, INT64_MAX, NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "from_ms",
                    sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_STATE_ANY, -1, INT64_MAX, NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "to_ms",
                    sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_STATE_ANY, t3, t1, NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit",
                    sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_STATE_ANY, 0, INT64_MAX, NULL, 0, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit",
                    sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_STATE_ANY, 0, INT64_MAX, NULL, 1001, &bad,
                                             &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_STATE_ANY, 0, INT64_MAX, NULL, 2, NULL, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_ARGUMENT,
                       sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_STATE_ANY, 0, INT64_MAX, NULL, 0, &bad,
                                                NULL));
    /* Cursors: garbage, tampered, truncated, from another query, not UTF-8. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                    sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_STATE_ANY, 0, INT64_MAX, "garbage", 2, &bad,
                                             &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                    sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_STATE_ANY, 0, INT64_MAX, BAD_UTF8, 2, &bad,
                                             &E));
    {
        char tampered[512];
        size_t n;
        copy_text(tampered, sizeof tampered, first_cursor);
        n = strlen(tampered);
        CHECK(n > 4);
        tampered[1] = tampered[1] == '3' ? '4' : '3';
        EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                        sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_STATE_ANY, 0, INT64_MAX, tampered, 2,
                                                 &bad, &E));
        copy_text(tampered, sizeof tampered, first_cursor);
        tampered[n - 1] = tampered[n - 1] == '0' ? '1' : '0';
        EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                        sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_STATE_ANY, 0, INT64_MAX, tampered, 2,
                                                 &bad, &E));
        copy_text(tampered, sizeof tampered, first_cursor);
        tampered[n - 2] = '\0';
        EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                        sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_STATE_ANY, 0, INT64_MAX, tampered, 2,
                                                 &bad, &E));
    }
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                    sc_engine_order_list_by_user(fx.engine, "u2", SC_ORDER_STATE_ANY, 0, INT64_MAX, first_cursor, 2,
                                             &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                    sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_PAID, 0, INT64_MAX, first_cursor, 2, &bad,
                                             &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                    sc_engine_order_list_by_user(fx.engine, "u1", SC_ORDER_STATE_ANY, 1, INT64_MAX, first_cursor, 2,
                                             &bad, &E));
    {
        sc_catalog* cat = NULL;
        EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                        sc_engine_catalog_list_by_merchant(fx.engine, "m1", first_cursor, 2, &cat, &E));
        CHECK(cat == NULL);
    }
    CHECK(bad == NULL);
    free(first_cursor);
    fx_close(&fx);
}

/* Reads every page of a catalog query into ids ("," separated). */
static void read_all_skus(sc_engine* engine, int by_category, const char* key, size_t limit, char* ids,
                          size_t size, size_t* pages) {
    char cursor[512] = "";
    sc_catalog* all = NULL;
    ids[0] = '\0';
    *pages = 0;
    CHECK_OK(sc_engine_catalog_list(engine, &all, &E));
    CHECK_STR(sc_catalog_next_cursor(all), "");
    for (;;) {
        sc_catalog* page = NULL;
        size_t i;
        if (by_category) {
            CHECK_OK(sc_engine_catalog_list_by_category(engine, key, cursor, limit, &page, &E));
        } else {
            CHECK_OK(sc_engine_catalog_list_by_merchant(engine, key, cursor, limit, &page, &E));
        }
        if (page == NULL) break;
        ++*pages;
        CHECK(sc_catalog_count(page) <= limit);
        for (i = 0; i < sc_catalog_count(page); ++i) {
            const sc_sku* s = sc_catalog_at(page, i);
            size_t j;
            size_t used = strlen(ids);
            snprintf(ids + used, size - used, "%s,", sc_sku_id(s));
            if (by_category) {
                int in = 0;
                for (j = 0; j < sc_sku_category_count(s); ++j) in |= strcmp(sc_sku_category_at(s, j), key) == 0;
                CHECK(in);
            } else {
                CHECK_STR(sc_sku_merchant_id(s), key);
            }
            /* Availability as the whole catalog reports it. */
            for (j = 0; j < sc_catalog_count(all); ++j) {
                const sc_sku* a = sc_catalog_at(all, j);
                if (strcmp(sc_sku_id(a), sc_sku_id(s)) == 0) {
                    CHECK_EQ(sc_sku_stock_available(s), sc_sku_stock_available(a));
                    CHECK_EQ(sc_sku_category_count(s), sc_sku_category_count(a));
                }
            }
        }
        copy_text(cursor, sizeof cursor, sc_catalog_next_cursor(page));
        if (cursor[0] != '\0') CHECK_EQ(sc_catalog_count(page), limit);
        sc_catalog_free(page);
        if (cursor[0] == '\0' || *pages > 20) break;
    }
    sc_catalog_free(all);
}

void test_catalog_pages(void) {
    fixture fx;
    char ids[512];
    size_t pages;
    sc_catalog* page = NULL;
    sc_catalog* bad = NULL;
    sc_order* o = NULL;
    char cursor[512];

    fx_open_file(&fx);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    /* Hold some tea, so availability differs from stock on hand. */
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 2, &E));
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "k1", &o, &E));
    fx_track_order(&fx, sc_order_id(o));
    sc_order_free(o);

    read_all_skus(fx.engine, 0, "m1", 2, ids, sizeof ids, &pages);
    CHECK_STR(ids, "cup,kettle,tea,");
    CHECK_EQ(pages, 2);
    read_all_skus(fx.engine, 0, "m1", 3, ids, sizeof ids, &pages);
    CHECK_STR(ids, "cup,kettle,tea,");
    CHECK_EQ(pages, 1);
    read_all_skus(fx.engine, 0, "m2", 1000, ids, sizeof ids, &pages);
    CHECK_STR(ids, "cake,");
    read_all_skus(fx.engine, 0, "nobody", 5, ids, sizeof ids, &pages);
    CHECK_STR(ids, "");
    CHECK_EQ(pages, 1);
    read_all_skus(fx.engine, 1, "gifts", 1, ids, sizeof ids, &pages);
    CHECK_STR(ids, "cake,tea,");
    CHECK_EQ(pages, 2);
    read_all_skus(fx.engine, 1, "teaware", 10, ids, sizeof ids, &pages);
    CHECK_STR(ids, "cup,");
    CHECK_EQ(sku_available(fx.engine, "tea"), 10);

    /* SKUs added between pages: one sorting before the cursor is not on the next
       page; one after it is. */
    CHECK_OK(sc_engine_catalog_list_by_merchant(fx.engine, "m1", NULL, 2, &page, &E));
    CHECK_EQ(sc_catalog_count(page), 2);
    CHECK_STR(sc_sku_id(sc_catalog_at(page, 0)), "cup");
    CHECK_EQ(sc_sku_stock_available(sc_catalog_at(page, 0)), 3);
    copy_text(cursor, sizeof cursor, sc_catalog_next_cursor(page));
    sc_catalog_free(page);
    page = NULL;
    put_sku_simple(fx.engine, "apron", 1000, -1, 0, 1);
    put_sku_simple(fx.engine, "zither", 1000, 4, 0, 1);
    CHECK_OK(sc_engine_catalog_list_by_merchant(fx.engine, "m1", cursor, 2, &page, &E));
    CHECK_EQ(sc_catalog_count(page), 2);
    CHECK_STR(sc_sku_id(sc_catalog_at(page, 0)), "tea");
    CHECK_EQ(sc_sku_stock_available(sc_catalog_at(page, 0)), 10);
    CHECK_STR(sc_sku_id(sc_catalog_at(page, 1)), "zither");
    CHECK_STR(sc_catalog_next_cursor(page), "");
    sc_catalog_free(page);
    page = NULL;

    /* Bad input. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_catalog_list_by_merchant(NULL, "m1", NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "merchant_id",
                    sc_engine_catalog_list_by_merchant(fx.engine, NULL, NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "merchant_id",
                    sc_engine_catalog_list_by_merchant(fx.engine, "", NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "merchant_id",
                    sc_engine_catalog_list_by_merchant(fx.engine, BAD_UTF8, NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit",
                    sc_engine_catalog_list_by_merchant(fx.engine, "m1", NULL, 0, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit",
                    sc_engine_catalog_list_by_merchant(fx.engine, "m1", NULL, 1001, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_catalog_list_by_merchant(fx.engine, "m1", NULL, 2, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                    sc_engine_catalog_list_by_merchant(fx.engine, "m1", "0a.00", 2, &bad, &E));
    /* A merchant's cursor is not another merchant's, nor a category's. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                    sc_engine_catalog_list_by_merchant(fx.engine, "m2", cursor, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                    sc_engine_catalog_list_by_category(fx.engine, "m1", cursor, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_catalog_list_by_category(NULL, "gifts", NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "category_id",
                    sc_engine_catalog_list_by_category(fx.engine, NULL, NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "category_id",
                    sc_engine_catalog_list_by_category(fx.engine, BAD_UTF8, NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "category_id",
                    sc_engine_catalog_list_by_category(fx.engine, ID129, NULL, 2, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit",
                    sc_engine_catalog_list_by_category(fx.engine, "gifts", NULL, 0, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_catalog_list_by_category(fx.engine, "gifts", NULL, 2, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "cursor",
                    sc_engine_catalog_list_by_category(fx.engine, "gifts", "zz", 2, &bad, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_ARGUMENT,
                       sc_engine_catalog_list_by_category(fx.engine, "gifts", "zz", 2, &bad, NULL));
    CHECK(bad == NULL);
    fx_close(&fx);
}

void test_order_by_checkout_key(void) {
    fixture fx;
    char id[128];
    sc_order* o = NULL;
    sc_order* bad = NULL;

    fx_open_file(&fx);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    fx_track_user(&fx, "u2");
    place_order(&fx, "u1", "tap-1", id);

    CHECK_OK(sc_engine_order_get_by_checkout_key(fx.engine, "u1", "tap-1", &o, &E));
    CHECK_STR(sc_order_id(o), id);
    CHECK_EQ(sc_order_state(o), SC_ORDER_CREATED);
    {
        char* a = dump_order_snapshot(o);
        char* b = dump_order(fx.engine, id);
        CHECK_STR(a, b);
        free(a);
        free(b);
    }
    sc_order_free(o);
    o = NULL;

    /* As of now: once the window lapses, the order reads as cancelled. */
    fx_advance(&fx, WINDOW_MS);
    CHECK_OK(sc_engine_order_get_by_checkout_key(fx.engine, "u1", "tap-1", &o, &E));
    CHECK_EQ(sc_order_state(o), SC_ORDER_CANCELLED);
    CHECK_EQ(sc_order_cancel_reason(o), SC_CANCEL_PAYMENT_LAPSED);
    sc_order_free(o);
    o = NULL;

    /* Not found: a key no checkout used, another user's key, a key used to pay. */
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "idempotency_key",
                    sc_engine_order_get_by_checkout_key(fx.engine, "u1", "tap-2", &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "idempotency_key",
                    sc_engine_order_get_by_checkout_key(fx.engine, "u2", "tap-1", &bad, &E));
    /* Bad input. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine",
                    sc_engine_order_get_by_checkout_key(NULL, "u1", "tap-1", &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_order_get_by_checkout_key(fx.engine, NULL, "tap-1", &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "user_id",
                    sc_engine_order_get_by_checkout_key(fx.engine, "", "tap-1", &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "user_id",
                    sc_engine_order_get_by_checkout_key(fx.engine, BAD_UTF8, "tap-1", &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_order_get_by_checkout_key(fx.engine, "u1", NULL, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_order_get_by_checkout_key(fx.engine, "u1", "", &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "idempotency_key",
                    sc_engine_order_get_by_checkout_key(fx.engine, "u1", BAD_UTF8, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "idempotency_key",
                    sc_engine_order_get_by_checkout_key(fx.engine, "u1", ID129, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_order_get_by_checkout_key(fx.engine, "u1", "tap-1", NULL, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_NOT_FOUND, sc_engine_order_get_by_checkout_key(fx.engine, "u1", "x", &bad, NULL));
    CHECK(bad == NULL);
    fx_close(&fx);
}

void test_events_by_type_and_latest(void) {
    fixture fx;
    int64_t seq = -1;
    int64_t count = 0;
    int64_t last;
    int64_t after = 0;
    int64_t seen = 0;
    sc_events* ev = NULL;
    sc_events* bad = NULL;

    fx_open_memory(&fx);
    CHECK_OK(sc_engine_events_latest_seq(fx.engine, &seq, &E));
    CHECK_EQ(seq, 0);
    CHECK_OK(sc_engine_events_read_type(fx.engine, "sku.put", 0, 10, &ev, &E));
    CHECK_EQ(sc_events_count(ev), 0);
    sc_events_free(ev);
    ev = NULL;

    fx_import_standard(&fx);
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    last = events_last_seq(fx.engine, &count);
    CHECK(count > 4);
    CHECK_OK(sc_engine_events_latest_seq(fx.engine, &seq, &E));
    CHECK_EQ(seq, last);

    /* One type, paged by sequence number. */
    for (;;) {
        size_t i;
        CHECK_OK(sc_engine_events_read_type(fx.engine, "sku.put", after, 3, &ev, &E));
        if (ev == NULL || sc_events_count(ev) == 0) break;
        for (i = 0; i < sc_events_count(ev); ++i) {
            CHECK_STR(sc_events_type(ev, i), "sku.put");
            CHECK(sc_events_seq(ev, i) > after);
            after = sc_events_seq(ev, i);
            ++seen;
        }
        sc_events_free(ev);
        ev = NULL;
    }
    sc_events_free(ev);
    ev = NULL;
    CHECK_EQ(seen, events_count_type(fx.engine, 0, "sku.put"));
    CHECK_EQ(seen, 4);
    CHECK_OK(sc_engine_events_read_type(fx.engine, "cart.line_added", 0, 10, &ev, &E));
    CHECK_EQ(sc_events_count(ev), 1);
    CHECK_EQ(sc_events_seq(ev, 0), last);
    CHECK_STR(sc_events_subject_id(ev, 0), "u1");
    sc_events_free(ev);
    ev = NULL;
    CHECK_OK(sc_engine_events_read_type(fx.engine, "no.such.type", 0, 10, &ev, &E));
    CHECK_EQ(sc_events_count(ev), 0);
    sc_events_free(ev);
    ev = NULL;

    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_events_latest_seq(NULL, &seq, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "seq_out", sc_engine_events_latest_seq(fx.engine, NULL, &E));
    EXPECT_STATUS_SAME(&fx, SC_ERR_INVALID_ARGUMENT, sc_engine_events_latest_seq(fx.engine, NULL, NULL));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_events_read_type(NULL, "sku.put", 0, 1, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "type", sc_engine_events_read_type(fx.engine, NULL, 0, 1, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "type", sc_engine_events_read_type(fx.engine, "", 0, 1, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_UTF8, "type",
                    sc_engine_events_read_type(fx.engine, BAD_UTF8, 0, 1, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "after_seq",
                    sc_engine_events_read_type(fx.engine, "sku.put", -1, 1, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit",
                    sc_engine_events_read_type(fx.engine, "sku.put", 0, 0, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "limit",
                    sc_engine_events_read_type(fx.engine, "sku.put", 0, 10001, &bad, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_events_read_type(fx.engine, "sku.put", 0, 1, NULL, &E));
    CHECK(bad == NULL);
    fx_close(&fx);
}

void test_refund_records(void) {
    fixture fx;
    sc_order* o = NULL;
    sc_order* read = NULL;
    char id[128];
    size_t t;
    size_t c;
    size_t r;
    size_t p;
    int64_t by_line[2] = {0, 0};
    int64_t sum;

    fx_open_file(&fx);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 3, &E));
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "cake", 1, &E));
    CHECK_OK(sc_engine_checkout(fx.engine, "u1", NULL, "k1", &o, &E));
    copy_text(id, sizeof id, sc_order_id(o));
    fx_track_order(&fx, id);
    CHECK_OK(sc_engine_order_pay(fx.engine, id, "ref", sc_order_total(o), "p1", NULL, &E));
    t = order_line_of(o, "tea");
    c = order_line_of(o, "cake");
    sc_order_free(o);
    o = NULL;

    fx_advance(&fx, 1000);
    CHECK_OK(sc_engine_order_refund_line(fx.engine, id, t, 2, "r1", &o, &E));
    sc_order_free(o);
    o = NULL;
    fx_advance(&fx, 1000);
    CHECK_OK(sc_engine_order_refund_amount(fx.engine, id, 1001, "r2", &o, &E));

    CHECK_EQ(sc_order_refund_count(o), 2);
    /* The line refund: one part, on the tea line, with its units. */
    CHECK_EQ(sc_order_refund_time_ms(o, 0), T0_MS + 1000);
    CHECK_EQ(sc_order_refund_amount(o, 0), 2 * 6800);
    CHECK_EQ(sc_order_refund_line_count(o, 0), 1);
    CHECK_EQ(sc_order_refund_line_index(o, 0, 0), t);
    CHECK_EQ(sc_order_refund_line_quantity(o, 0, 0), 2);
    CHECK_EQ(sc_order_refund_line_amount(o, 0, 0), 2 * 6800);
    /* The amount refund: spread over both lines, parts adding up to it, no units. */
    CHECK_EQ(sc_order_refund_time_ms(o, 1), T0_MS + 2000);
    CHECK_EQ(sc_order_refund_amount(o, 1), 1001);
    CHECK_EQ(sc_order_refund_line_count(o, 1), 2);
    sum = 0;
    for (p = 0; p < sc_order_refund_line_count(o, 1); ++p) {
        CHECK_EQ(sc_order_refund_line_quantity(o, 1, p), 0);
        sum += sc_order_refund_line_amount(o, 1, p);
        if (p > 0) CHECK(sc_order_refund_line_index(o, 1, p) > sc_order_refund_line_index(o, 1, p - 1));
    }
    CHECK_EQ(sum, 1001);
    /* Every line's refunded amount and units are the sums of its parts. */
    for (r = 0; r < sc_order_refund_count(o); ++r) {
        for (p = 0; p < sc_order_refund_line_count(o, r); ++p) {
            size_t line = sc_order_refund_line_index(o, r, p);
            if (CHECK(line < 2)) by_line[line] += sc_order_refund_line_amount(o, r, p);
        }
    }
    CHECK_EQ(by_line[t], sc_order_line_refunded_amount(o, t));
    CHECK_EQ(by_line[c], sc_order_line_refunded_amount(o, c));
    /* Out of range. */
    CHECK_EQ(sc_order_refund_time_ms(o, 2), 0);
    CHECK_EQ(sc_order_refund_line_count(o, 2), 0);
    CHECK_EQ(sc_order_refund_line_amount(o, 0, 1), 0);
    CHECK_EQ(sc_order_refund_line_quantity(o, 0, 1), 0);
    CHECK_EQ(sc_order_refund_line_index(o, 5, 0), 0);
    CHECK_EQ(sc_order_refund_line_amount(o, (size_t)-1, 0), 0);

    /* A read loads the same records from the database. */
    CHECK_OK(sc_engine_order_get(fx.engine, id, &read, &E));
    CHECK_EQ(sc_order_refund_count(read), sc_order_refund_count(o));
    for (r = 0; r < sc_order_refund_count(o); ++r) {
        CHECK_STR(sc_order_refund_id(read, r), sc_order_refund_id(o, r));
        CHECK_EQ(sc_order_refund_time_ms(read, r), sc_order_refund_time_ms(o, r));
        CHECK_EQ(sc_order_refund_line_count(read, r), sc_order_refund_line_count(o, r));
        for (p = 0; p < sc_order_refund_line_count(o, r); ++p) {
            CHECK_EQ(sc_order_refund_line_index(read, r, p), sc_order_refund_line_index(o, r, p));
            CHECK_EQ(sc_order_refund_line_quantity(read, r, p), sc_order_refund_line_quantity(o, r, p));
            CHECK_EQ(sc_order_refund_line_amount(read, r, p), sc_order_refund_line_amount(o, r, p));
        }
    }
    sc_order_free(read);
    sc_order_free(o);
    fx_close(&fx);
}
