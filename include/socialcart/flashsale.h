/**
 * @file socialcart/flashsale.h
 * Flash sales (秒杀, FEATURES §8): a SKU at a sale price inside daily time
 * slots (e.g. 10:00, 12:00 and 20:00 in the operator's local time), each
 * slot with its own sale stock. A shopper buys with a checkout whose request
 * names the slot (sc_checkout_request_set_flash_sale()): the slot's units are
 * held by the order for its payment window, committed when it is paid and
 * returned when it is cancelled or its window lapses, so a slot never sells
 * more than its stock however many shoppers race for the last units (the
 * losers get SC_ERR_OUT_OF_STOCK). A shopper may buy at most the sale's units
 * per order and per local day, and not while an earlier flash-sale order of
 * theirs is unpaid. docs/flash-sales.md describes every rule.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_FLASHSALE_H
#define SOCIALCART_FLASHSALE_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A figure of sc_flash_report_get(). Values are stable. */
typedef enum sc_flash_figure_t {
    SC_FLASH_REPORT_STOCK = 1,            /**< units the slot may sell */
    SC_FLASH_REPORT_SOLD = 2,             /**< units paid for */
    SC_FLASH_REPORT_HELD = 3,             /**< units held by unpaid orders inside their window */
    SC_FLASH_REPORT_LEFT = 4,             /**< stock − sold − held */
    SC_FLASH_REPORT_ORDERS = 5,           /**< flash-sale orders placed in the slot */
    SC_FLASH_REPORT_ORDERS_PAID = 6,
    SC_FLASH_REPORT_ORDERS_LAPSED = 7,    /**< unpaid when their window ended: their units went back */
    SC_FLASH_REPORT_ORDERS_CANCELLED = 8, /**< cancelled before payment */
    SC_FLASH_REPORT_SELL_OUT_MS = 9       /**< from the slot's start to its last unit paid; -1 until it sold out */
} sc_flash_figure_t;

/* ------------------------------------------------------------------------ */
/* The checkout request                                                     */
/* ------------------------------------------------------------------------ */

/**
 * Makes the request a flash-sale checkout: the order is `quantity` units of
 * the sale's SKU at the sale price (an item price at step 2 of the order of
 * application: a lower member price still wins), not the cart, which stays
 * as it is. Coupons, points and shipping apply as to any checkout. The rules
 * (the slot running, the per-order and per-day caps, no other unpaid
 * flash-sale order, units left) are checked by sc_engine_checkout(), which
 * fails with SC_ERR_INVALID_STATE before the slot starts, SC_ERR_EXPIRED
 * after it ends, SC_ERR_LIMIT_EXCEEDED over a cap and SC_ERR_OUT_OF_STOCK
 * when the slot has not that many units left; sc_engine_quote() prices the
 * same line. A request names one context: a cart, group-buy, flash-sale or
 * bargain checkout (the checkout refuses more with SC_ERR_INVALID_ARGUMENT,
 * field "request").
 * @param sale_id the sale, or NULL back to the cart (the rest ignored).
 * @param slot_starts_at_ms when the slot starts (UTC ms), as
 *        sc_flash_slot_starts_at_ms() gives it.
 * @param quantity units, ≥ 1.
 * @return SC_ERR_INVALID_ARGUMENT (field "request", "sale_id" (empty or too
 *         long) or "quantity"), SC_ERR_INVALID_UTF8 (field "sale_id"); the
 *         request is unchanged on error. The checkout names "sale_id" or
 *         "slot_starts_at" for a sale or slot that does not exist (SC_ERR_NOT_FOUND).
 *         Not thread-safe on the same request.
 */
SC_API sc_status_t sc_checkout_request_set_flash_sale(sc_checkout_request* request, const char* sale_id,
                                                    int64_t slot_starts_at_ms, int64_t quantity, sc_error** err);
/** The sale of a flash-sale checkout; "" for none or NULL. Borrowed. */
SC_API const char* sc_checkout_request_flash_sale_id(const sc_checkout_request* request);
/** The slot's start (UTC ms); 0 for none. */
SC_API int64_t sc_checkout_request_flash_slot_starts_at_ms(const sc_checkout_request* request);
/** The units of a flash-sale checkout; 0 for none. */
SC_API int64_t sc_checkout_request_flash_quantity(const sc_checkout_request* request);

/* ------------------------------------------------------------------------ */
/* Sales                                                                    */
/* ------------------------------------------------------------------------ */

/**
 * Puts a sale (one entry of the program document's "flash_sales",
 * docs/flash-sales.md), replacing the sale with its id. Putting the stored
 * sale again changes nothing. A slot keeps the stock it had when its first
 * order was placed; a new stock_per_slot applies to slots with no order yet.
 * Event flash_sale.put.
 * @param json the sale: {"id", "sku_id", "sale_price", "starts_at",
 *        "ends_at", "utc_offset_minutes", "slots": [{"start": "HH:MM",
 *        "minutes"}], "stock_per_slot", "max_units_per_order",
 *        "max_units_per_user_per_day"}.
 * @return SC_ERR_VALIDATION (the field at fault: a setting out of range,
 *         overlapping slots, a SKU that does not exist; no field for text
 *         that is not a JSON object), SC_ERR_INVALID_ARGUMENT (field "json":
 *         NULL), SC_ERR_INVALID_UTF8 (field "json"). Thread-safe.
 */
SC_API sc_status_t sc_engine_flash_sale_put(sc_engine* engine, const char* json, sc_error** err);

/**
 * Reads a sale.
 * @param out receives it; free with sc_flash_sale_free().
 * @return SC_ERR_NOT_FOUND (field "sale_id"), SC_ERR_INVALID_ARGUMENT (field
 *         "sale_id" or "out"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_flash_sale_get(sc_engine* engine, const char* sale_id, sc_flash_sale** out,
                                          sc_error** err);

/** The sale's id. Borrowed, like every text of the sale. */
SC_API const char* sc_flash_sale_id(const sc_flash_sale* sale);
/** Its SKU. */
SC_API const char* sc_flash_sale_sku_id(const sc_flash_sale* sale);
/** The sale price per unit (minor units). */
SC_API int64_t sc_flash_sale_price(const sc_flash_sale* sale);
/** The window's start (UTC ms): slots that start inside the window run. */
SC_API int64_t sc_flash_sale_starts_at_ms(const sc_flash_sale* sale);
/** The window's end (UTC ms): no slot runs past it. */
SC_API int64_t sc_flash_sale_ends_at_ms(const sc_flash_sale* sale);
/** The local time of its slots and days, as an offset from UTC in minutes. */
SC_API int64_t sc_flash_sale_utc_offset_minutes(const sc_flash_sale* sale);
/** Units each slot may sell. */
SC_API int64_t sc_flash_sale_stock_per_slot(const sc_flash_sale* sale);
/** Units one order may buy. */
SC_API int64_t sc_flash_sale_max_units_per_order(const sc_flash_sale* sale);
/** Units one shopper may order on one local day, in orders not cancelled. */
SC_API int64_t sc_flash_sale_max_units_per_user_per_day(const sc_flash_sale* sale);
/** Daily slots, by start. */
SC_API size_t sc_flash_sale_slot_count(const sc_flash_sale* sale);
/** The index-th daily slot's start as a minute of the local day (600 = 10:00); -1 past the end. */
SC_API int64_t sc_flash_sale_slot_start_minute(const sc_flash_sale* sale, size_t index);
/** How long it runs (minutes); 0 past the end. */
SC_API int64_t sc_flash_sale_slot_minutes(const sc_flash_sale* sale, size_t index);
/** Frees a sale. Accepts NULL. */
SC_API void sc_flash_sale_free(sc_flash_sale* sale);

/* ------------------------------------------------------------------------ */
/* Slots                                                                    */
/* ------------------------------------------------------------------------ */

/**
 * Lists the slots running now or to come, earliest first, with their stock
 * as of now: what a flash-sale page shows ("starts in 12 min", "83% sold").
 * Units held by unpaid orders whose window has passed count as left.
 * @param sale_id one sale, or NULL for every sale's slots together.
 * @param limit from 1 to 100.
 * @param out receives the list; free with sc_flash_slots_free().
 * @return SC_ERR_NOT_FOUND (field "sale_id"), SC_ERR_INVALID_ARGUMENT (field
 *         "sale_id", "limit" or "out"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_flash_slots(sc_engine* engine, const char* sale_id, size_t limit, sc_flash_slots** out,
                                       sc_error** err);

/** How many slots the list holds. */
SC_API size_t sc_flash_slots_count(const sc_flash_slots* slots);
/** A slot, borrowed from the list; NULL past the end. */
SC_API const sc_flash_slot* sc_flash_slots_at(const sc_flash_slots* slots, size_t index);
/** Frees a list and every slot borrowed from it. Accepts NULL. */
SC_API void sc_flash_slots_free(sc_flash_slots* slots);

/** The slot's sale. Borrowed. */
SC_API const char* sc_flash_slot_sale_id(const sc_flash_slot* slot);
/** The sale's SKU. */
SC_API const char* sc_flash_slot_sku_id(const sc_flash_slot* slot);
/** The sale price per unit. */
SC_API int64_t sc_flash_slot_sale_price(const sc_flash_slot* slot);
/** When it starts (UTC ms): the start names it in a checkout request. */
SC_API int64_t sc_flash_slot_starts_at_ms(const sc_flash_slot* slot);
/** When it ends (UTC ms). */
SC_API int64_t sc_flash_slot_ends_at_ms(const sc_flash_slot* slot);
/** Units it may sell. */
SC_API int64_t sc_flash_slot_stock(const sc_flash_slot* slot);
/** Units paid for. */
SC_API int64_t sc_flash_slot_sold(const sc_flash_slot* slot);
/** Units held by unpaid orders inside their window. */
SC_API int64_t sc_flash_slot_held(const sc_flash_slot* slot);
/** Units a checkout may still take: stock − sold − held. */
SC_API int64_t sc_flash_slot_left(const sc_flash_slot* slot);
/** When its last unit was paid for (UTC ms); 0 until it sold out. */
SC_API int64_t sc_flash_slot_sold_out_at_ms(const sc_flash_slot* slot);

/* ------------------------------------------------------------------------ */
/* The slot report                                                          */
/* ------------------------------------------------------------------------ */

/**
 * Reads a slot's figures as of now: what an operator judges it by.
 * @param slot_starts_at_ms the slot's start (UTC ms).
 * @param out receives them; free with sc_flash_report_free().
 * @return SC_ERR_NOT_FOUND (field "sale_id" or "slot_starts_at"),
 *         SC_ERR_INVALID_ARGUMENT (field "sale_id" or "out"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_flash_report(sc_engine* engine, const char* sale_id, int64_t slot_starts_at_ms,
                                        sc_flash_report** out, sc_error** err);
/** A figure; 0 for NULL or a figure that is not one. */
SC_API int64_t sc_flash_report_get(const sc_flash_report* report, sc_flash_figure_t figure);
/** Frees a report. Accepts NULL. */
SC_API void sc_flash_report_free(sc_flash_report* report);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_FLASHSALE_H */
