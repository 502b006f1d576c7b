/**
 * @file socialcart/quote.h
 * The quote: what checkout would charge for the selected lines now.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_QUOTE_H
#define SOCIALCART_QUOTE_H

#include "checkout.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Prices the selected lines of the user's cart as sc_engine_checkout() with the
 * same request would now: item prices, automatic promotions, the coupons the
 * request chooses, shipping per merchant (docs/pricing.md). Changes nothing.
 * No selected line gives an empty quote with totals 0.
 * @param request the coupon choice and shipping method; NULL for the defaults
 *        (no coupons, delivery). Only read during the call.
 * @param out receives the quote; free with sc_quote_free().
 * @return SC_ERR_NOT_FOUND (field "coupons") when a chosen code is not one of
 *         the shopper's coupons (a coupon of theirs that cannot apply now is
 *         explained instead, sc_quote_explanation_reason()); SC_ERR_OVERFLOW
 *         when a total would not fit in 64 bits. Thread-safe.
 */
SC_API sc_status_t sc_engine_quote(sc_engine* engine, const char* user_id,
                                 const sc_checkout_request* request, sc_quote** out,
                                 sc_error** err);

/*
 * Reading a quote. Accessors follow the header's rule: they never fail, and a
 * NULL quote or an index out of range reads as 0 or NULL. Strings are borrowed
 * from the quote. docs/pricing.md walks one cart through every figure.
 */

/** The quote's currency ("" while the catalog is empty). */
SC_API const char* sc_quote_currency(const sc_quote* quote);
/** Sum of the lines' base amounts (list price times quantity). */
SC_API int64_t sc_quote_subtotal(const sc_quote* quote);
/** Sum of the line adjustments that are discounts: item prices, promotions and coupons (not points). */
SC_API int64_t sc_quote_discount(const sc_quote* quote);
/** Shipping payable, summed over the merchants, after waivers. */
SC_API int64_t sc_quote_shipping(const sc_quote* quote);
/** What the shopper would pay: subtotal - discount - points amount + shipping. */
SC_API int64_t sc_quote_total(const sc_quote* quote);
/** What the shopper saves: the discount plus the shipping waived (points are payment, not saving). */
SC_API int64_t sc_quote_saved(const sc_quote* quote);
/** Points that pay (step 5), as the request asked. */
SC_API int64_t sc_quote_points_used(const sc_quote* quote);
/** What those points pay (minor units); each line shows its part as an adjustment of kind "points". */
SC_API int64_t sc_quote_points_amount(const sc_quote* quote);
/**
 * The most points this cart may use: the member's available points, in whole
 * units, worth at most the program's cap of the goods after coupons. 0 when the
 * program lets points pay for nothing or the member owes points.
 */
SC_API int64_t sc_quote_points_max(const sc_quote* quote);
/** Points that paying this quote would earn (pending until the return window has passed). */
SC_API int64_t sc_quote_points_to_earn(const sc_quote* quote);

/** Number of priced lines. */
SC_API size_t sc_quote_line_count(const sc_quote* quote);
/** The line's SKU id. */
SC_API const char* sc_quote_line_sku_id(const sc_quote* quote, size_t index);
/** The merchant that sells the line's SKU. */
SC_API const char* sc_quote_line_merchant_id(const sc_quote* quote, size_t index);
/** Units on the line. */
SC_API int64_t sc_quote_line_quantity(const sc_quote* quote, size_t index);
/** List price per unit. */
SC_API int64_t sc_quote_line_unit_price(const sc_quote* quote, size_t index);
/** Unit price times quantity. */
SC_API int64_t sc_quote_line_base(const sc_quote* quote, size_t index);
/** What the line costs after every adjustment (never below 0). */
SC_API int64_t sc_quote_line_net(const sc_quote* quote, size_t index);
/** Number of adjustments of the line, in the order they were applied. */
SC_API size_t sc_quote_line_adjustment_count(const sc_quote* quote, size_t index);
/**
 * The adjustment's kind: "item_price" (a flash-sale, member, group or bargain price),
 * "promotion" or "coupon".
 */
SC_API const char* sc_quote_line_adjustment_kind(const sc_quote* quote, size_t index,
                                                 size_t adjustment_index);
/** Where the adjustment came from: the offer's source, a promotion id or a coupon code. */
SC_API const char* sc_quote_line_adjustment_source(const sc_quote* quote, size_t index,
                                                   size_t adjustment_index);
/** What the adjustment took off the line (> 0); a line's adjustments sum to base - net. */
SC_API int64_t sc_quote_line_adjustment_amount(const sc_quote* quote, size_t index,
                                               size_t adjustment_index);

/** Number of merchants, in the order each first appears among the lines. */
SC_API size_t sc_quote_merchant_count(const sc_quote* quote);
/** The merchant's id. */
SC_API const char* sc_quote_merchant_id(const sc_quote* quote, size_t index);
/** Sum of the merchant's line bases. */
SC_API int64_t sc_quote_merchant_subtotal(const sc_quote* quote, size_t index);
/** Sum of the adjustments of the merchant's lines. */
SC_API int64_t sc_quote_merchant_discount(const sc_quote* quote, size_t index);
/** The shipping fee the merchant's rule charges for these goods, before waivers. */
SC_API int64_t sc_quote_merchant_shipping_fee(const sc_quote* quote, size_t index);
/** The part of the fee that a free-shipping promotion or coupon waived. */
SC_API int64_t sc_quote_merchant_shipping_waived(const sc_quote* quote, size_t index);
/** The promotion id or coupon code that waived it; "" when nothing did. */
SC_API const char* sc_quote_merchant_shipping_waived_by(const sc_quote* quote, size_t index);
/** Shipping payable: fee - waived. */
SC_API int64_t sc_quote_merchant_shipping(const sc_quote* quote, size_t index);
/** The merchant's total: subtotal - discount + shipping. */
SC_API int64_t sc_quote_merchant_total(const sc_quote* quote, size_t index);
/** What points pay of the merchant's goods (its total is net of it). */
SC_API int64_t sc_quote_merchant_points_amount(const sc_quote* quote, size_t index);

/** Number of automatic promotions that applied, in the order they applied. */
SC_API size_t sc_quote_promotion_count(const sc_quote* quote);
/** The promotion's id. */
SC_API const char* sc_quote_promotion_id(const sc_quote* quote, size_t index);
/** What it took off (item discount, or the shipping it waived). */
SC_API int64_t sc_quote_promotion_amount(const sc_quote* quote, size_t index);

/** Number of coupons that applied, in the order they applied. */
SC_API size_t sc_quote_coupon_count(const sc_quote* quote);
/** The coupon's code. */
SC_API const char* sc_quote_coupon_code(const sc_quote* quote, size_t index);
/** The coupon's template id. */
SC_API const char* sc_quote_coupon_template_id(const sc_quote* quote, size_t index);
/** What it took off (item discount, or the shipping it waived). */
SC_API int64_t sc_quote_coupon_amount(const sc_quote* quote, size_t index);

/** Number of gift items granted by gift promotions. */
SC_API size_t sc_quote_gift_count(const sc_quote* quote);
/** The promotion that grants the gift. */
SC_API const char* sc_quote_gift_promotion_id(const sc_quote* quote, size_t index);
/** The gift's SKU id. */
SC_API const char* sc_quote_gift_sku_id(const sc_quote* quote, size_t index);
/** Units of the gift. */
SC_API int64_t sc_quote_gift_quantity(const sc_quote* quote, size_t index);

/**
 * Number of the shopper's coupons that were not applied, each with its reason,
 * in the order the shopper holds them.
 */
SC_API size_t sc_quote_explanation_count(const sc_quote* quote);
/** The coupon's code. */
SC_API const char* sc_quote_explanation_code(const sc_quote* quote, size_t index);
/** The coupon's template id. */
SC_API const char* sc_quote_explanation_template_id(const sc_quote* quote, size_t index);
/**
 * Why it was not applied: "not_yet_valid", "expired", "not_available" (held by
 * another order, used or revoked), "below_min_spend" (see
 * sc_quote_explanation_missing()), "out_of_scope", "not_stackable" and
 * "one_per_issuer" (see sc_quote_explanation_conflicting()), "not_better" (the
 * best choice saves more without it), "not_chosen", "zero_discount". New
 * reasons may be added: show an unknown one generically.
 */
SC_API const char* sc_quote_explanation_reason(const sc_quote* quote, size_t index);
/** For "below_min_spend": how much more the shopper must spend in its scope. */
SC_API int64_t sc_quote_explanation_missing(const sc_quote* quote, size_t index);
/** For "not_stackable" and "one_per_issuer": the code of the coupon that applied instead. */
SC_API const char* sc_quote_explanation_conflicting(const sc_quote* quote, size_t index);

/** Frees a quote. Accepts NULL. */
SC_API void sc_quote_free(sc_quote* quote);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_QUOTE_H */
