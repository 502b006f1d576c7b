#pragma once
// The quote: what pricing (pricing/pricing.hpp) returns for a cart (FEATURES §3). Every
// amount is an int64 count of minor units of `currency`. A quote is a pure function of
// its inputs: the same request gives an equal quote, element for element.
#include "catalog/sku.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sc {

// points: the part of a line that points paid (a payment, not a discount: it is not in
// the quote's discount, and the line's net is what money pays for it).
enum class AdjustmentKind { item_price, promotion, coupon, points };

// One reduction of one line, with the rule, offer or coupon code it came from.
struct Adjustment {
    AdjustmentKind kind = AdjustmentKind::item_price;
    std::string source_id;  // offer source id, promotion id or coupon code
    int64_t amount = 0;     // > 0

    bool operator==(const Adjustment&) const = default;
};

struct QuoteLine {
    std::string sku_id;
    std::string title;
    std::string merchant_id;
    int64_t quantity = 0;
    int64_t unit_price = 0;  // the list price
    int64_t base = 0;        // unit_price × quantity
    std::vector<Adjustment> adjustments;  // in the order they were applied
    int64_t net = 0;         // base less the adjustments, never below 0

    bool operator==(const QuoteLine&) const = default;
};

// Per merchant, in the order the merchant first appears among the lines.
struct QuoteMerchant {
    std::string merchant_id;
    int64_t subtotal = 0;         // Σ base
    int64_t discount = 0;         // Σ line adjustments
    int64_t goods_net = 0;        // subtotal - discount
    int64_t shipping_fee = 0;     // by the shipping rule, after free_over
    int64_t shipping_waived = 0;  // the part of the fee a promotion or coupon waived
    std::string shipping_waived_by;  // that promotion id or coupon code ("" when none)
    int64_t shipping = 0;         // payable: shipping_fee - shipping_waived
    int64_t total = 0;            // goods_net - points_amount + shipping
    int64_t points_amount = 0;    // what points pay of this merchant's goods

    bool operator==(const QuoteMerchant&) const = default;
};

struct AppliedPromotion {
    std::string id;
    int64_t amount = 0;  // item discount, or the shipping it waived

    bool operator==(const AppliedPromotion&) const = default;
};

struct AppliedCoupon {
    std::string code;
    std::string template_id;
    int64_t amount = 0;  // item discount, or the shipping it waived

    bool operator==(const AppliedCoupon&) const = default;
};

struct Gift {
    std::string promotion_id;
    std::string sku_id;
    int64_t quantity = 0;

    bool operator==(const Gift&) const = default;
};

// Why a held coupon was not applied.
enum class CouponReason {
    not_yet_valid,    // now < valid_from
    expired,          // now >= valid_until, or its state is expired
    not_available,    // held by another order, used or revoked
    below_min_spend,  // the in-scope amount is below min_spend: `missing` more is needed
    out_of_scope,     // no line of the cart is in its scope (or of its issuing merchant)
    not_stackable,    // an exclusive coupon applied alone: `conflicting` is its code
    one_per_issuer,   // its issuer's one coupon is `conflicting`
    not_better,       // best mode: other coupons save more
    not_chosen,       // explicit or no-coupon mode: not in the list
    zero_discount,    // it would take nothing off (or waive no shipping)
};

const char* coupon_reason_name(CouponReason reason) noexcept;
// Stable names of adjustment kinds: "item_price", "promotion", "coupon".
const char* adjustment_kind_name(AdjustmentKind kind) noexcept;

struct CouponExplanation {
    std::string code;
    std::string template_id;
    CouponReason reason = CouponReason::not_chosen;
    int64_t missing = 0;      // below_min_spend: min_spend - the in-scope amount
    std::string conflicting;  // not_stackable, one_per_issuer: the coupon that applied

    bool operator==(const CouponExplanation&) const = default;
};

struct Quote {
    std::string currency;
    std::vector<QuoteLine> lines;
    std::vector<QuoteMerchant> merchants;
    int64_t subtotal = 0;  // Σ base
    int64_t discount = 0;  // Σ line adjustments (item prices, promotions, coupons)
    int64_t shipping = 0;  // Σ merchant shipping payable
    int64_t payable = 0;   // subtotal - discount - points_amount + shipping
    int64_t saved = 0;     // discount + Σ shipping waived
    // Step 5, points as payment (docs/points.md): the points used and what they pay; the
    // most this cart may use (the member's available points, whole units, the cap); and
    // the points that paying `payable` would earn.
    int64_t points_used = 0;
    int64_t points_amount = 0;
    int64_t points_max = 0;
    int64_t points_to_earn = 0;
    std::vector<AppliedPromotion> promotions;  // in application order
    std::vector<AppliedCoupon> coupons;        // in application order
    std::vector<Gift> gifts;
    std::vector<CouponExplanation> explanations;  // held coupons not applied, in held order

    bool operator==(const Quote&) const = default;
};

// A cart line as pricing takes it: the SKU as the catalog has it now, and a quantity.
struct PricingInput {
    Sku sku;
    int64_t quantity = 0;
};

// Base prices only: no offers, promotions, coupons nor shipping rules (the engine's
// quote until the rules are stored). Same checks as price().
Quote price_lines(const std::string& currency, const std::vector<PricingInput>& inputs);

}  // namespace sc
