/**
 * @file socialcart/orders.h
 * Orders: checkout, payment, cancellation, refunds, and reading them.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_ORDERS_H
#define SOCIALCART_ORDERS_H

#include "checkout.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Where an order is in its life. Values are stable. */
typedef enum sc_order_state_t {
    /** Placed, holds in force, waiting for payment until the deadline. */
    SC_ORDER_CREATED = 1,
    /** Paid in full; nothing refunded. */
    SC_ORDER_PAID = 2,
    /** Paid, and part of it refunded. */
    SC_ORDER_PARTIALLY_REFUNDED = 3,
    /** Paid, and all of it refunded. */
    SC_ORDER_REFUNDED = 4,
    /** Cancelled before payment (see sc_order_cancel_reason()). */
    SC_ORDER_CANCELLED = 5,
    /** A group-buy order, paid; its group has not filled yet. */
    SC_ORDER_AWAITING_GROUP = 6,
    /** A group-buy order, paid, and its group filled: ship it. */
    SC_ORDER_GROUP_CONFIRMED = 7,
    /**
     * A group-buy order, paid, whose group failed at its deadline: the host
     * refunds it through its payment provider and confirms with the refund calls.
     */
    SC_ORDER_GROUP_FAILED = 8
} sc_order_state_t;

/** Why an order was cancelled. */
typedef enum sc_cancel_reason_t {
    /** The order is not cancelled. */
    SC_CANCEL_NONE = 0,
    /** sc_engine_order_cancel() was called. */
    SC_CANCEL_REQUESTED = 1,
    /** The payment window lapsed. */
    SC_CANCEL_PAYMENT_LAPSED = 2
} sc_cancel_reason_t;

/**
 * The stable name of an order state, e.g. "paid"; "unknown" otherwise.
 * @return a static string. Thread-safe.
 */
SC_API const char* sc_order_state_name(sc_order_state_t state);

/**
 * Turns the user's selected cart lines into an order: prices them exactly as
 * sc_engine_quote() with the same request would now, stores that pricing
 * snapshot (socialcart/order_pricing.h), holds tracked stock and the coupons
 * applied until the payment deadline, and removes the ordered lines from the
 * cart. All in one transaction. A group checkout (sc_checkout_request_set_group,
 * socialcart/groupbuy.h) orders the campaign's SKU instead and leaves the cart
 * as it is.
 * @param request the coupon choice and shipping method; NULL for the defaults
 *        (no coupons, delivery). Only read during the call.
 * @param idempotency_key a retry with the same key and request returns the same
 *        order and changes nothing; the same key for another user or another
 *        request is SC_ERR_IDEMPOTENCY_CONFLICT.
 * @param out receives the order; free with sc_order_free().
 * @return SC_ERR_CART_EMPTY (field "user_id"), SC_ERR_SKU_INACTIVE (field
 *         "sku_id"), SC_ERR_OUT_OF_STOCK and SC_ERR_LIMIT_EXCEEDED (field
 *         "quantity"); the message names the SKU at fault. SC_ERR_OVERFLOW.
 *         SC_ERR_NOT_FOUND (field "coupons") as sc_engine_quote().
 *         SC_ERR_INVALID_STATE (field "coupons") when a chosen coupon was taken
 *         by another checkout of the same shopper at the same moment.
 *         A group checkout adds: SC_ERR_GROUP_FULL (field "group_id"),
 *         SC_ERR_NOT_FOUND (field "campaign_id" or "group_id"),
 *         SC_ERR_INVALID_STATE (field "campaign_id": not started, or the
 *         shopper already leads a group of it; "group_id": not open, the
 *         shopper's own or already joined; "user_id": a new-shoppers-only
 *         campaign), SC_ERR_EXPIRED (field "campaign_id" or "group_id": ended)
 *         and SC_ERR_LIMIT_EXCEEDED (field "quantity": units per order or per
 *         shopper). Thread-safe.
 */
SC_API sc_status_t sc_engine_checkout(sc_engine* engine, const char* user_id,
                                    const sc_checkout_request* request,
                                    const char* idempotency_key, sc_order** out, sc_error** err);

/**
 * Reads an order (settling its payment deadline first).
 * @param out receives the order; free with sc_order_free().
 * @return SC_ERR_NOT_FOUND for an unknown id. Thread-safe.
 */
SC_API sc_status_t sc_engine_order_get(sc_engine* engine, const char* order_id, sc_order** out,
                                     sc_error** err);

/**
 * Records the payment of an order: commits its holds (stock leaves the
 * warehouse) and moves it to SC_ORDER_PAID.
 * @param payment_ref the payment provider's reference (non-empty).
 * @param amount_minor must equal the order total; any other amount (zero and
 *        negative ones included) is SC_ERR_AMOUNT_MISMATCH.
 * @param idempotency_key a retry with the same key and arguments returns the
 *        paid order again; other arguments are SC_ERR_IDEMPOTENCY_CONFLICT.
 * @param out if not NULL, receives the order; free with sc_order_free().
 * @return SC_ERR_NOT_FOUND, SC_ERR_AMOUNT_MISMATCH, SC_ERR_EXPIRED (the payment
 *         window lapsed: the deadline, not this call, cancelled the order, and
 *         every later pay gets SC_ERR_EXPIRED too), SC_ERR_INVALID_STATE (paid,
 *         refunded or cancelled on request). Thread-safe.
 */
SC_API sc_status_t sc_engine_order_pay(sc_engine* engine, const char* order_id,
                                     const char* payment_ref, int64_t amount_minor,
                                     const char* idempotency_key, sc_order** out,
                                     sc_error** err);

/**
 * Cancels an unpaid order and releases its holds. Cancelling a cancelled order
 * returns it unchanged, so retries are safe.
 * @param out if not NULL, receives the order; free with sc_order_free().
 * @return SC_ERR_NOT_FOUND, SC_ERR_INVALID_STATE for a paid order.
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_order_cancel(sc_engine* engine, const char* order_id,
                                        sc_order** out, sc_error** err);

/**
 * Refunds quantity units of one order line. The amount is the units' share of
 * what the line paid, so refunding every unit returns exactly the line's net.
 * @param line_index the line's position in the order (from 0).
 * @param idempotency_key a retry with the same key and arguments refunds
 *        nothing more and returns the order; other arguments are
 *        SC_ERR_IDEMPOTENCY_CONFLICT.
 * @param out if not NULL, receives the order; free with sc_order_free().
 * @return SC_ERR_INVALID_STATE (never paid), SC_ERR_INVALID_ARGUMENT (line
 *         index, quantity < 1), SC_ERR_REFUND_EXCEEDS_PAID (more units than are
 *         left, the line's amount already refunded, or the order fully
 *         refunded). Thread-safe.
 */
SC_API sc_status_t sc_engine_order_refund_line(sc_engine* engine, const char* order_id,
                                             size_t line_index, int64_t quantity,
                                             const char* idempotency_key, sc_order** out,
                                             sc_error** err);

/**
 * Refunds an amount of the order, spread over its lines in proportion to what
 * each has left to refund (largest-remainder method, exact to the minor unit).
 * @param amount_minor from 1 to what is left to refund.
 * @return as sc_engine_order_refund_line(). Thread-safe.
 */
SC_API sc_status_t sc_engine_order_refund_amount(sc_engine* engine, const char* order_id,
                                               int64_t amount_minor,
                                               const char* idempotency_key, sc_order** out,
                                               sc_error** err);

/** The order id. */
SC_API const char* sc_order_id(const sc_order* order);
/** The shopper. */
SC_API const char* sc_order_user_id(const sc_order* order);
/** The state; 0 (not a state) for NULL. */
SC_API sc_order_state_t sc_order_state(const sc_order* order);
/** Why it was cancelled (SC_CANCEL_NONE unless cancelled). */
SC_API sc_cancel_reason_t sc_order_cancel_reason(const sc_order* order);
/** The order's currency. */
SC_API const char* sc_order_currency(const sc_order* order);
/** Sum of the lines' base amounts. */
SC_API int64_t sc_order_subtotal(const sc_order* order);
/** What the shopper pays. */
SC_API int64_t sc_order_total(const sc_order* order);
/** Sum of all refunds so far. */
SC_API int64_t sc_order_refunded(const sc_order* order);
/** When the order was placed. */
SC_API int64_t sc_order_created_at_ms(const sc_order* order);
/** When an unpaid order lapses. */
SC_API int64_t sc_order_pay_deadline_ms(const sc_order* order);
/** When it was paid; 0 when unpaid. */
SC_API int64_t sc_order_paid_at_ms(const sc_order* order);
/** The payment provider's reference; NULL when unpaid. */
SC_API const char* sc_order_payment_ref(const sc_order* order);
/** Number of lines. */
SC_API size_t sc_order_line_count(const sc_order* order);
/** The line's SKU id. */
SC_API const char* sc_order_line_sku_id(const sc_order* order, size_t index);
/** The SKU's title at checkout. */
SC_API const char* sc_order_line_title(const sc_order* order, size_t index);
/** The SKU's merchant at checkout. */
SC_API const char* sc_order_line_merchant_id(const sc_order* order, size_t index);
/** Units bought. */
SC_API int64_t sc_order_line_quantity(const sc_order* order, size_t index);
/** List price per unit at checkout. */
SC_API int64_t sc_order_line_unit_price(const sc_order* order, size_t index);
/** Unit price times quantity. */
SC_API int64_t sc_order_line_base(const sc_order* order, size_t index);
/** What the line paid (refunds of the line are bounded by it). */
SC_API int64_t sc_order_line_net(const sc_order* order, size_t index);
/** Units refunded so far. */
SC_API int64_t sc_order_line_refunded_quantity(const sc_order* order, size_t index);
/** Amount refunded from the line so far. */
SC_API int64_t sc_order_line_refunded_amount(const sc_order* order, size_t index);
/** Number of refunds, oldest first. */
SC_API size_t sc_order_refund_count(const sc_order* order);
/** The index-th refund's id. */
SC_API const char* sc_order_refund_id(const sc_order* order, size_t index);
/** The index-th refund's amount. */
SC_API int64_t sc_order_refund_amount(const sc_order* order, size_t index);
/** When the index-th refund was made. */
SC_API int64_t sc_order_refund_time_ms(const sc_order* order, size_t index);
/** How many lines the index-th refund took from (its parts, by line index). */
SC_API size_t sc_order_refund_line_count(const sc_order* order, size_t refund);
/** The order line (sc_order_line_*) of a part of the refund-th refund. */
SC_API size_t sc_order_refund_line_index(const sc_order* order, size_t refund, size_t part);
/** Units the part refunded (0 for a refund by amount). */
SC_API int64_t sc_order_refund_line_quantity(const sc_order* order, size_t refund, size_t part);
/** Amount the part took from its line; a refund's parts add up to its amount. */
SC_API int64_t sc_order_refund_line_amount(const sc_order* order, size_t refund, size_t part);
/** Frees an order. Accepts NULL. */
SC_API void sc_order_free(sc_order* order);

/**
 * Finds the order that the user's checkout with this idempotency key made, as of
 * now (an unpaid order whose payment window lapsed reads as cancelled), so an app
 * that lost the response of sc_engine_checkout() can ask whether it happened.
 * Keys are remembered for the idempotency retention
 * (sc_options_set_idempotency_retention_ms) until sc_engine_compact() forgets them.
 * @param out receives the order; free with sc_order_free().
 * @return SC_ERR_NOT_FOUND (field "idempotency_key") when no checkout of this user
 *         used the key; SC_ERR_INVALID_ARGUMENT / SC_ERR_INVALID_UTF8 for bad ids.
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_order_get_by_checkout_key(sc_engine* engine, const char* user_id,
                                                 const char* idempotency_key, sc_order** out,
                                                 sc_error** err);

/** The state argument of sc_engine_order_list_by_user() that matches every state. */
#define SC_ORDER_STATE_ANY ((sc_order_state_t)0)

/**
 * Reads one page of a shopper's orders, newest first (by creation time, then id),
 * each as of now. Paged as described above sc_engine_catalog_list_by_merchant().
 * @param state one sc_order_state_t, or SC_ORDER_STATE_ANY. The state is the one a
 *        read sees now: a lapsed unpaid order counts as SC_ORDER_CANCELLED.
 * @param from_ms, to_ms only orders created in [from_ms, to_ms); pass 0 and
 *        INT64_MAX for all. 0 <= from_ms <= to_ms.
 * @param cursor NULL or "" for the first page, else sc_orders_next_cursor().
 * @param limit from 1 to 1000.
 * @param out receives the page; free with sc_orders_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "user_id", "state", "from_ms", "to_ms",
 *         "cursor" or "limit"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_order_list_by_user(sc_engine* engine, const char* user_id,
                                          sc_order_state_t state, int64_t from_ms, int64_t to_ms,
                                          const char* cursor, size_t limit, sc_orders** out,
                                          sc_error** err);

/** Number of orders on the page. */
SC_API size_t sc_orders_count(const sc_orders* orders);
/**
 * The index-th order, borrowed from the page: read it with the sc_order_*
 * accessors, do not free it.
 */
SC_API const sc_order* sc_orders_at(const sc_orders* orders, size_t index);
/** The cursor of the next page; "" when there is none. Borrowed; NULL for NULL. */
SC_API const char* sc_orders_next_cursor(const sc_orders* orders);
/** Frees a page and every order borrowed from it. Accepts NULL. */
SC_API void sc_orders_free(sc_orders* orders);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_ORDERS_H */
