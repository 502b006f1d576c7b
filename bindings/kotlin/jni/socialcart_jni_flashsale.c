/*
 * socialcart_jni_flashsale: the JNI layer's flash-sale capability (socialcart/flashsale.h): the
 * checkout request's flash-sale slot, sales put and read with their daily slots, the slots
 * running or to come with their stock, and a slot's report. Conventions as in socialcart_jni.c.
 *
 * As for the group choice (socialcart_jni_groupbuy.c), the request's three flash-sale getters
 * are wrapped: the tests read back what CheckoutRequest.withNative set on the C request.
 */
#include "socialcart_jni_internal.h"

/* ------------------------------------------------------------------------ */
/* The checkout request's flash-sale slot                                    */
/* ------------------------------------------------------------------------ */

/* sale_id may be null: back to the cart (the slot and quantity are then ignored). */
JNIEXPORT void NATIVE(checkoutRequestSetFlashSale)(JNIEnv* env, jclass cls, jlong h, jbyteArray sale_id,
                                                   jlong slot_starts_at_ms, jlong quantity) {
    (void)cls;
    arg_str a;
    if (!arg_get(env, sale_id, "sale_id", &a)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_checkout_request_set_flash_sale(PTR(sc_checkout_request, h), a.s,
                                                        (int64_t)slot_starts_at_ms, (int64_t)quantity, &err);
    arg_release(&a);
    if (st != SC_OK) throw_status(env, st, err);
}

ACC_STR(checkoutRequestFlashSaleId, sc_checkout_request_flash_sale_id, sc_checkout_request)
ACC_I64(checkoutRequestFlashSlotStartsAtMs, sc_checkout_request_flash_slot_starts_at_ms, sc_checkout_request)
ACC_I64(checkoutRequestFlashQuantity, sc_checkout_request_flash_quantity, sc_checkout_request)

/* ------------------------------------------------------------------------ */
/* Sales                                                                     */
/* ------------------------------------------------------------------------ */

JNIEXPORT void NATIVE(engineFlashSalePut)(JNIEnv* env, jclass cls, jlong h, jbyteArray json) {
    (void)cls;
    arg_str j;
    if (!arg_get(env, json, "json", &j)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_flash_sale_put(PTR(sc_engine, h), j.s, &err);
    arg_release(&j);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT jlong NATIVE(engineFlashSaleGet)(JNIEnv* env, jclass cls, jlong h, jbyteArray sale_id) {
    (void)cls;
    arg_str s;
    if (!arg_get(env, sale_id, "sale_id", &s)) return 0;
    sc_flash_sale* sale = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_flash_sale_get(PTR(sc_engine, h), s.s, &sale, &err);
    arg_release(&s);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(sale);
}

ACC_STR(flashSaleId, sc_flash_sale_id, sc_flash_sale)
ACC_STR(flashSaleSkuId, sc_flash_sale_sku_id, sc_flash_sale)
ACC_I64(flashSalePrice, sc_flash_sale_price, sc_flash_sale)
ACC_I64(flashSaleStartsAtMs, sc_flash_sale_starts_at_ms, sc_flash_sale)
ACC_I64(flashSaleEndsAtMs, sc_flash_sale_ends_at_ms, sc_flash_sale)
ACC_I64(flashSaleUtcOffsetMinutes, sc_flash_sale_utc_offset_minutes, sc_flash_sale)
ACC_I64(flashSaleStockPerSlot, sc_flash_sale_stock_per_slot, sc_flash_sale)
ACC_I64(flashSaleMaxUnitsPerOrder, sc_flash_sale_max_units_per_order, sc_flash_sale)
ACC_I64(flashSaleMaxUnitsPerUserPerDay, sc_flash_sale_max_units_per_user_per_day, sc_flash_sale)
ACC_SIZE(flashSaleSlotCount, sc_flash_sale_slot_count, sc_flash_sale)
ACC_I64_AT(flashSaleSlotStartMinute, sc_flash_sale_slot_start_minute, sc_flash_sale)
ACC_I64_AT(flashSaleSlotMinutes, sc_flash_sale_slot_minutes, sc_flash_sale)
FREE_FN(flashSaleFree, sc_flash_sale_free, sc_flash_sale)

/* ------------------------------------------------------------------------ */
/* Slots                                                                     */
/* ------------------------------------------------------------------------ */

/* sale_id null: every sale's slots together. A negative limit is out of range. */
JNIEXPORT jlong NATIVE(engineFlashSlots)(JNIEnv* env, jclass cls, jlong h, jbyteArray sale_id, jlong limit) {
    (void)cls;
    arg_str s;
    if (!arg_get(env, sale_id, "sale_id", &s)) return 0;
    sc_flash_slots* slots = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_flash_slots(PTR(sc_engine, h), s.s, to_size(limit), &slots, &err);
    arg_release(&s);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(slots);
}

ACC_SIZE(flashSlotsCount, sc_flash_slots_count, sc_flash_slots)

/* The index-th slot, borrowed from the list (read it, never free it). */
JNIEXPORT jlong NATIVE(flashSlotsAt)(JNIEnv* env, jclass cls, jlong h, jlong index) {
    (void)env;
    (void)cls;
    return HANDLE(sc_flash_slots_at(PTR(const sc_flash_slots, h), to_size(index)));
}

FREE_FN(flashSlotsFree, sc_flash_slots_free, sc_flash_slots)

ACC_STR(flashSlotSaleId, sc_flash_slot_sale_id, sc_flash_slot)
ACC_STR(flashSlotSkuId, sc_flash_slot_sku_id, sc_flash_slot)
ACC_I64(flashSlotSalePrice, sc_flash_slot_sale_price, sc_flash_slot)
ACC_I64(flashSlotStartsAtMs, sc_flash_slot_starts_at_ms, sc_flash_slot)
ACC_I64(flashSlotEndsAtMs, sc_flash_slot_ends_at_ms, sc_flash_slot)
ACC_I64(flashSlotStock, sc_flash_slot_stock, sc_flash_slot)
ACC_I64(flashSlotSold, sc_flash_slot_sold, sc_flash_slot)
ACC_I64(flashSlotHeld, sc_flash_slot_held, sc_flash_slot)
ACC_I64(flashSlotLeft, sc_flash_slot_left, sc_flash_slot)
ACC_I64(flashSlotSoldOutAtMs, sc_flash_slot_sold_out_at_ms, sc_flash_slot)

/* ------------------------------------------------------------------------ */
/* The slot report                                                           */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(engineFlashReport)(JNIEnv* env, jclass cls, jlong h, jbyteArray sale_id,
                                          jlong slot_starts_at_ms) {
    (void)cls;
    arg_str s;
    if (!arg_get(env, sale_id, "sale_id", &s)) return 0;
    sc_flash_report* report = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_flash_report(PTR(sc_engine, h), s.s, (int64_t)slot_starts_at_ms, &report, &err);
    arg_release(&s);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(report);
}

/* figure: an sc_flash_figure_t, passed through unchecked (one that is not reads 0). */
JNIEXPORT jlong NATIVE(flashReportGet)(JNIEnv* env, jclass cls, jlong h, jint figure) {
    (void)env;
    (void)cls;
    return (jlong)sc_flash_report_get(PTR(const sc_flash_report, h), (sc_flash_figure_t)figure);
}

FREE_FN(flashReportFree, sc_flash_report_free, sc_flash_report)
