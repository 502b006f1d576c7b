/*
 * Chapter 30 of the walkthrough: a flash sale. The tea house sells Tieguanyin at 29.90
 * instead of 68.00 in two daily slots, 10:00 and 20:00 Beijing time, three tins a slot,
 * one per order. The shop lists the next slot; when it starts, three shoppers take the
 * three tins and a fourth is told they are gone; one of the three never pays, and when
 * her window lapses the tin goes back and is sold again, selling the slot out.
 */
#include "story.h"

#include <stdio.h>

static const char* const SALE =
    "{\"id\":\"oolong-rush\",\"sku_id\":\"tea-oolong-250g\",\"sale_price\":2990,\"starts_at\":1795428000000,"
    "\"ends_at\":1830000000000,\"utc_offset_minutes\":480,"
    "\"slots\":[{\"start\":\"10:00\",\"minutes\":60},{\"start\":\"20:00\",\"minutes\":60}],"
    "\"stock_per_slot\":3,\"max_units_per_order\":1,\"max_units_per_user_per_day\":2}";

/* A flash-sale checkout of one tin in the slot; the order, or NULL when refused as expected. */
static sc_order* buy_tin(sc_engine* engine, const char* user, int64_t slot, const char* key, sc_status_t expected) {
    sc_error* err = NULL;
    sc_checkout_request* request = NULL;
    sc_order* order = NULL;
    must(sc_checkout_request_new(&request, &err), &err, "checkout_request_new");
    must(sc_checkout_request_set_flash_sale(request, "oolong-rush", slot, 1, &err), &err,
         "checkout_request_set_flash_sale");
    const sc_status_t status = sc_engine_checkout(engine, user, request, key, &order, &err);
    sc_checkout_request_free(request);
    if (expected != SC_OK) {
        printf("    %s tries for one:\n", user);
        show_refusal(status, &err, expected);
        return NULL;
    }
    must(status, &err, "checkout");
    printf("    %s takes a tin: %s with shipping, to pay by %s\n", user, money(sc_order_total(order), "CNY"),
           date_time(sc_order_pay_deadline_ms(order)));
    return order;
}

static void pay_tin(sc_engine* engine, sc_order* order, const char* key) {
    sc_error* err = NULL;
    sc_order* paid = NULL;
    must(sc_engine_order_pay(engine, sc_order_id(order), "wxpay-flash", sc_order_total(order), key, &paid, &err), &err,
         "order_pay");
    printf("    %s pays: %s\n", sc_order_user_id(paid), sc_order_state_name(sc_order_state(paid)));
    sc_order_free(paid);
    sc_order_free(order);
}

static void print_slot(sc_engine* engine, story_clock* clock) {
    sc_error* err = NULL;
    sc_flash_slots* slots = NULL;
    must(sc_engine_flash_slots(engine, "oolong-rush", 1, &slots, &err), &err, "flash_slots");
    const sc_flash_slot* s = sc_flash_slots_at(slots, 0);
    const int64_t taken = sc_flash_slot_stock(s) - sc_flash_slot_left(s);
    printf("    the %s UTC slot: %lld sold, %lld held, %lld left (%lld%% taken)", date_time(sc_flash_slot_starts_at_ms(s)),
           (long long)sc_flash_slot_sold(s), (long long)sc_flash_slot_held(s), (long long)sc_flash_slot_left(s),
           (long long)(taken * 100 / sc_flash_slot_stock(s)));
    if (sc_flash_slot_starts_at_ms(s) > clock->now_ms)
        printf(", starts in %lld min", (long long)((sc_flash_slot_starts_at_ms(s) - clock->now_ms) / 60000));
    printf("\n");
    sc_flash_slots_free(slots);
}

void tell_flashsale_chapter(sc_engine* engine, story_clock* clock) {
    sc_error* err = NULL;
    advance_minutes(clock, 60);
    printf("\n30. Flash sale. Tieguanyin at CNY 29.90 instead of 68.00, 10:00 and 20:00 Beijing time,\n"
           "    three tins a slot, one per order.\n");
    must(sc_engine_flash_sale_put(engine, SALE, &err), &err, "flash_sale_put");
    print_slot(engine, clock);
    sc_flash_slots* next = NULL;
    must(sc_engine_flash_slots(engine, "oolong-rush", 1, &next, &err), &err, "flash_slots");
    const int64_t slot = sc_flash_slot_starts_at_ms(sc_flash_slots_at(next, 0));
    sc_flash_slots_free(next);
    advance_minutes(clock, (slot - clock->now_ms) / 60000);

    printf("    The slot opens:\n");
    sc_order* kai = buy_tin(engine, "kai", slot, "kai-flash-1", SC_OK);
    sc_order* jun = buy_tin(engine, "jun", slot, "jun-flash-1", SC_OK);
    sc_order* ana = buy_tin(engine, "ana", slot, "ana-flash-1", SC_OK);
    print_slot(engine, clock);
    buy_tin(engine, "ren", slot, "ren-flash-1", SC_ERR_OUT_OF_STOCK);
    pay_tin(engine, kai, "pay-kai-flash-1");
    pay_tin(engine, jun, "pay-jun-flash-1");
    printf("    Ana has not paid and tries for another:\n");
    buy_tin(engine, "ana", slot, "ana-flash-2", SC_ERR_INVALID_STATE);

    advance_minutes(clock, 16);
    printf("    16 minutes later Ana's window has lapsed and her tin is back:\n");
    print_slot(engine, clock);
    sc_order* ren = buy_tin(engine, "ren", slot, "ren-flash-2", SC_OK);
    pay_tin(engine, ren, "pay-ren-flash-2");
    sc_order_free(ana);

    sc_flash_report* report = NULL;
    must(sc_engine_flash_report(engine, "oolong-rush", slot, &report, &err), &err, "flash_report");
    printf("    The slot's figures: %lld of %lld sold, sold out after %lld min, %lld order(s) paid, %lld lapsed\n",
           (long long)sc_flash_report_get(report, SC_FLASH_REPORT_SOLD),
           (long long)sc_flash_report_get(report, SC_FLASH_REPORT_STOCK),
           (long long)(sc_flash_report_get(report, SC_FLASH_REPORT_SELL_OUT_MS) / 60000),
           (long long)sc_flash_report_get(report, SC_FLASH_REPORT_ORDERS_PAID),
           (long long)sc_flash_report_get(report, SC_FLASH_REPORT_ORDERS_LAPSED));
    sc_flash_report_free(report);
}
