#pragma once
// Pricing: cart → quote (FEATURES §3), a pure function over value types. The stages,
// always in this order (docs/pricing.md states the rules exactly):
//
//   1. base: list price × quantity per line
//   2. item price rules: the lowest offer below list price per line
//   3. automatic promotions active at `now`, under the stacking rules
//   4. the shopper's coupons: an explicit list, the best combination, or none
//   5. points as payment, on the goods after coupons, allocated to the lines
//   6. shipping per merchant, then the waivers of free-shipping promotions and coupons
//
// Shipping is decided on the goods net before points (stage 6 is computed before stage
// 5 is taken off): points pay for goods, they are not a discount, so paying with points
// never costs the shopper a free-shipping threshold.
#include "coupons/coupon.hpp"
#include "coupons/coupon_template.hpp"
#include "pricing/item_offer.hpp"
#include "pricing/promotion.hpp"
#include "pricing/quote.hpp"
#include "pricing/shipping.hpp"
#include "points/points_program.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sc {

// A coupon the shopper holds, with the terms of its template.
struct HeldCoupon {
    CouponInstance coupon;
    CouponTemplate terms;  // coupon.template_id == terms.id
};

struct CouponChoice {
    enum class Mode {
        none,      // price without coupons
        best,      // the combination with the lowest payable (pricing/best_coupons.hpp)
        explicit_codes,  // exactly these codes, as far as the rules allow
    };
    Mode mode = Mode::none;
    std::vector<std::string> codes;  // explicit_codes only

    static CouponChoice no_coupons() { return {}; }
    static CouponChoice best_combination() { return {Mode::best, {}}; }
    static CouponChoice these(std::vector<std::string> codes) { return {Mode::explicit_codes, std::move(codes)}; }
};

// How many points a checkout asks to pay with.
struct PointsUse {
    enum class Mode {
        none,     // no points
        exactly,  // `points`: whole units, at most the quote's points_max
        most,     // as many as the cart allows (the quote's points_max)
    };
    Mode mode = Mode::none;
    int64_t points = 0;  // exactly only

    bool operator==(const PointsUse&) const = default;
};

// Stage 5's inputs: the member's points and the program's rates.
struct PointsTerms {
    PointsRedeemRule redeem;
    PointsEarnRule earn;
    int64_t available = 0;  // spendable now (0 while the member owes points)
    PointsUse use;
    int64_t multiplier_bps = 10000;  // the member tier's points multiplier (×1 without tiers)
};

struct PricingRequest {
    std::string currency;  // every SKU must be priced in it
    int64_t now = 0;       // UTC ms: promotion windows and coupon validity
    std::vector<PricingInput> lines;  // the selected cart lines
    std::vector<ItemPriceOffer> item_offers;
    std::vector<Promotion> promotions;
    std::vector<ShippingRule> shipping_rules;
    std::vector<HeldCoupon> coupons;
    CouponChoice choice;
    ShippingMethod shipping = ShippingMethod::delivery;
    PointsTerms points;
};

// Prices the request. Throws Error with the field at fault for invalid input:
// SC_ERR_CURRENCY_MISMATCH for a SKU in another currency, SC_ERR_INVALID_ARGUMENT for an
// invalid line, offer, promotion, shipping rule or coupon ("promotions[2].bps": the
// numbers and structure pricing relies on; the text of ids and titles is checked by
// validate_promotion and validate_coupon_template where rules are defined), a
// duplicate code in the explicit list (field "coupons"), SC_ERR_NOT_FOUND for a listed
// code the shopper does not hold (field "coupons"), SC_ERR_INVALID_ARGUMENT for points
// asked beyond points_max or not in whole units (field "points"), SC_ERR_OVERFLOW when an amount does
// not fit 64 bits. A listed coupon that cannot apply does not throw: the quote explains it.
Quote price(const PricingRequest& request);

}  // namespace sc
