/**
 * @file socialcart/order_pricing.h
 * An order's pricing snapshot: the quote it was placed at, kept with the order
 * so receipts, refunds and reports read what each line really paid.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 *
 * Accessors never fail: a NULL order or an index out of range reads as 0 or
 * NULL. Strings are borrowed from the order. The figures match the
 * sc_quote_* accessors of the quote made with the same request at checkout:
 * sc_order_total() = sc_order_subtotal() - sc_order_discount() - sc_order_points_amount()
 * + sc_order_shipping().
 */
#ifndef SOCIALCART_ORDER_PRICING_H
#define SOCIALCART_ORDER_PRICING_H

#include "checkout.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Sum of the line adjustments that are discounts (item prices, promotions, coupons; not points). */
SC_API int64_t sc_order_discount(const sc_order* order);
/** Shipping paid, after waivers. Refunds never return it. */
SC_API int64_t sc_order_shipping(const sc_order* order);
/** How the goods reach the shopper (the request's shipping method). */
SC_API sc_shipping_method_t sc_order_shipping_method(const sc_order* order);
/** Points that paid part of the goods (held at checkout, spent at payment). */
SC_API int64_t sc_order_points_used(const sc_order* order);
/** What those points paid (minor units); not in the total, not refunded as money. */
SC_API int64_t sc_order_points_amount(const sc_order* order);
/** Points the payment earned (0 before payment); refunds reverse them in proportion. */
SC_API int64_t sc_order_points_earned(const sc_order* order);

/** Number of adjustments of the line, in the order applied. */
SC_API size_t sc_order_line_adjustment_count(const sc_order* order, size_t index);
/** The adjustment's kind: "item_price", "promotion", "coupon" or "points" (points paying for the line). */
SC_API const char* sc_order_line_adjustment_kind(const sc_order* order, size_t index,
                                                 size_t adjustment_index);
/** The offer's source, the promotion id or the coupon code. */
SC_API const char* sc_order_line_adjustment_source(const sc_order* order, size_t index,
                                                   size_t adjustment_index);
/** What the adjustment took off the line; they sum to base - net. */
SC_API int64_t sc_order_line_adjustment_amount(const sc_order* order, size_t index,
                                               size_t adjustment_index);

/** Number of merchants, in the order each first appears among the lines. */
SC_API size_t sc_order_merchant_count(const sc_order* order);
/** The merchant's id. */
SC_API const char* sc_order_merchant_id(const sc_order* order, size_t index);
/** Sum of the merchant's line bases. */
SC_API int64_t sc_order_merchant_subtotal(const sc_order* order, size_t index);
/** Sum of the adjustments of the merchant's lines. */
SC_API int64_t sc_order_merchant_discount(const sc_order* order, size_t index);
/** The merchant's shipping fee before waivers. */
SC_API int64_t sc_order_merchant_shipping_fee(const sc_order* order, size_t index);
/** The part of the fee a free-shipping promotion or coupon waived. */
SC_API int64_t sc_order_merchant_shipping_waived(const sc_order* order, size_t index);
/** The promotion id or coupon code that waived it; "" when nothing did. */
SC_API const char* sc_order_merchant_shipping_waived_by(const sc_order* order, size_t index);
/** Shipping paid to the merchant: fee - waived. */
SC_API int64_t sc_order_merchant_shipping(const sc_order* order, size_t index);
/** The merchant's total: subtotal - discount + shipping. */
SC_API int64_t sc_order_merchant_total(const sc_order* order, size_t index);
/** What points paid of the merchant's goods (its total is net of it). */
SC_API int64_t sc_order_merchant_points_amount(const sc_order* order, size_t index);

/** Number of automatic promotions that applied. */
SC_API size_t sc_order_promotion_count(const sc_order* order);
/** The promotion's id. */
SC_API const char* sc_order_promotion_id(const sc_order* order, size_t index);
/** What it took off (item discount, or the shipping it waived). */
SC_API int64_t sc_order_promotion_amount(const sc_order* order, size_t index);

/** Number of coupons the order used (held until paid, then used). */
SC_API size_t sc_order_coupon_count(const sc_order* order);
/** The coupon's code. */
SC_API const char* sc_order_coupon_code(const sc_order* order, size_t index);
/** The coupon's template id. */
SC_API const char* sc_order_coupon_template_id(const sc_order* order, size_t index);
/** What it took off (item discount, or the shipping it waived). */
SC_API int64_t sc_order_coupon_amount(const sc_order* order, size_t index);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_ORDER_PRICING_H */
