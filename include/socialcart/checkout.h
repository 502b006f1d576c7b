/**
 * @file socialcart/checkout.h
 * The checkout request: what a quote or a checkout is asked for beyond the
 * selected cart lines (the coupons to use, the shipping method).
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 *
 * Build one request, pass it to sc_engine_quote() to show the shopper the
 * price, then pass the same request to sc_engine_checkout(): the order is
 * priced exactly as the quote was, given the same cart, rules and clock.
 * Points pay through sc_checkout_request_set_points(); later capabilities
 * (group-buy, flash sales, bargains) add setters
 * here; a request that does not call them keeps today's meaning.
 */
#ifndef SOCIALCART_CHECKOUT_H
#define SOCIALCART_CHECKOUT_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Which of the shopper's coupons pricing uses. Values are stable. */
typedef enum sc_coupon_choice_t {
    /** Default: no coupon (each held coupon is explained as "not_chosen"). */
    SC_COUPONS_NONE = 0,
    /** The combination with the lowest payable under the stacking rules. */
    SC_COUPONS_BEST = 1,
    /** Exactly the codes added with sc_checkout_request_add_coupon(), as far as
     *  the stacking rules allow (a conflicting one is explained, not applied). */
    SC_COUPONS_CHOSEN = 2
} sc_coupon_choice_t;

/** How the goods reach the shopper. Values are stable. */
typedef enum sc_shipping_method_t {
    /** Default: each merchant ships, charging its shipping rule's fee. */
    SC_SHIPPING_DELIVERY = 0,
    /** The shopper collects the goods (自提): no merchant charges shipping. */
    SC_SHIPPING_PICKUP = 1
} sc_shipping_method_t;

/** How many of the member's points pay (FEATURES §3, step 5). Values are stable. */
typedef enum sc_points_use_t {
    /** Default: no points. */
    SC_POINTS_NONE = 0,
    /** Exactly the points given: whole units of the program, at most the quote's
     *  sc_quote_points_max(); more is SC_ERR_INVALID_ARGUMENT (field "points")
     *  from the quote and the checkout. */
    SC_POINTS_EXACTLY = 1,
    /** As many as the cart allows: the quote's sc_quote_points_max(). */
    SC_POINTS_MOST = 2
} sc_points_use_t;

/** The most coupon codes one request may name. */
#define SC_CHECKOUT_MAX_COUPONS 20

/**
 * Creates a request with every choice at its default: no coupons, delivery.
 * @param out receives the request; free with sc_checkout_request_free().
 * @return SC_ERR_INVALID_ARGUMENT when out is NULL. Thread-safe.
 */
SC_API sc_status_t sc_checkout_request_new(sc_checkout_request** out, sc_error** err);

/** Frees a request. Accepts NULL. */
SC_API void sc_checkout_request_free(sc_checkout_request* request);

/**
 * Sets how coupons are chosen. SC_COUPONS_NONE and SC_COUPONS_BEST forget any
 * codes added before; SC_COUPONS_CHOSEN keeps them.
 * @return SC_ERR_INVALID_ARGUMENT (field "request" or "choice"); the request is
 *         unchanged on error. Not thread-safe on the same request.
 */
SC_API sc_status_t sc_checkout_request_set_coupon_choice(sc_checkout_request* request,
                                                       sc_coupon_choice_t choice, sc_error** err);

/**
 * Adds a coupon code the shopper chose and sets the choice to
 * SC_COUPONS_CHOSEN. The order added does not matter: chosen coupons apply in
 * the stacking order (priority, then template id; docs/pricing.md).
 * @param code a coupon instance's code (sc_coupon_code()); it is checked
 *        against the shopper's coupons when the request is priced.
 * @return SC_ERR_INVALID_ARGUMENT (field "code": NULL, empty, too long, control
 *         characters, already added; field "request"), SC_ERR_INVALID_UTF8,
 *         SC_ERR_LIMIT_EXCEEDED (field "code": more than SC_CHECKOUT_MAX_COUPONS).
 *         The request is unchanged on error. Not thread-safe on the same request.
 */
SC_API sc_status_t sc_checkout_request_add_coupon(sc_checkout_request* request, const char* code,
                                                sc_error** err);

/**
 * Sets the shipping method (default SC_SHIPPING_DELIVERY).
 * @return SC_ERR_INVALID_ARGUMENT (field "request" or "shipping"); the request is
 *         unchanged on error. Not thread-safe on the same request.
 */
SC_API sc_status_t sc_checkout_request_set_shipping(sc_checkout_request* request,
                                                  sc_shipping_method_t shipping, sc_error** err);

/**
 * Sets how many points pay. The program's rules (rate, unit, cap) and the
 * member's balance are applied when the request is quoted or checked out.
 * @param points with SC_POINTS_EXACTLY, the points (≥ 0); ignored otherwise.
 * @return SC_ERR_INVALID_ARGUMENT (field "request", "use", or "points":
 *         negative); the request is unchanged on error. Not thread-safe on the
 *         same request.
 */
SC_API sc_status_t sc_checkout_request_set_points(sc_checkout_request* request, sc_points_use_t use,
                                                int64_t points, sc_error** err);

/** The coupon choice; SC_COUPONS_NONE for NULL. */
SC_API sc_coupon_choice_t sc_checkout_request_coupon_choice(const sc_checkout_request* request);
/** Number of codes added. */
SC_API size_t sc_checkout_request_coupon_count(const sc_checkout_request* request);
/** The index-th code added; borrowed; NULL out of range. */
SC_API const char* sc_checkout_request_coupon_code(const sc_checkout_request* request, size_t index);
/** The shipping method; SC_SHIPPING_DELIVERY for NULL. */
SC_API sc_shipping_method_t sc_checkout_request_shipping(const sc_checkout_request* request);
/** How points are used; SC_POINTS_NONE for NULL. */
SC_API sc_points_use_t sc_checkout_request_points_use(const sc_checkout_request* request);
/** The points of SC_POINTS_EXACTLY; 0 otherwise. */
SC_API int64_t sc_checkout_request_points(const sc_checkout_request* request);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_CHECKOUT_H */
