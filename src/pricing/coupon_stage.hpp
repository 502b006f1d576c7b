#pragma once
// Stage 4: the chosen coupons (internal to pricing).
//
// Coupons that cannot apply at all (state, validity, scope) are set aside first. If an
// exclusive coupon among the rest gives a discount > 0 on the stage's starting amounts,
// the one with the largest discount (ties: application order) applies alone and every
// other usable one is not_stackable. Otherwise the stackable ones apply in application
// order (template priority descending, template id, code), each on the lines' current
// nets with its min_spend checked again on them, at most one per issuer slot (the
// platform's and one per merchant). Exclusivity is per stage: an exclusive coupon does
// not switch off the promotions already applied.
//
// A free-shipping coupon applies in its turn when its min_spend is met, and takes its
// issuer's slot; what it waives is settled with shipping. In the exclusive contest its
// discount is the shipping it would waive, which is exact there: alone, it changes no
// line, so the fees are those of the stage's starting amounts.
#include "pricing/pricing_context.hpp"

#include <optional>
#include <vector>

namespace sc::pricing_detail {

struct CouponMiss {
    size_t coupon = 0;  // index into PricingContext::coupons
    CouponReason reason = CouponReason::not_chosen;
    int64_t missing = 0;
    std::optional<size_t> conflicting;
};

struct CouponStageResult {
    std::vector<AppliedRule> applied;  // in application order
    std::vector<CouponMiss> missed;    // chosen coupons that did not apply
};

// What one coupon would do at the current state.
struct CouponEffect {
    std::optional<CouponReason> reason;  // below_min_spend or zero_discount when it cannot apply
    int64_t missing = 0;
    int64_t item_amount = 0;
    std::vector<uint8_t> waives;    // free shipping only
    int64_t shipping_estimate = 0;  // free shipping only: fees it would waive now
};

// `waived_merchants`: merchants whose shipping a promotion already claimed.
CouponEffect evaluate_coupon(const PricingContext& context, const CouponFacts& coupon, const CartState& state,
                             const std::vector<uint8_t>& waived_merchants);

// Applies an effect without a reason: takes its item amount off the covered lines.
AppliedRule apply_coupon(const PricingContext& context, size_t coupon, CouponEffect effect, CartState& state,
                         AdjustmentLog* log);

// chosen: indices into PricingContext::coupons, each at most once, in any order.
CouponStageResult apply_coupons(const PricingContext& context, std::vector<size_t> chosen, CartState& state,
                                const std::vector<uint8_t>& waived_merchants, AdjustmentLog* log);

}  // namespace sc::pricing_detail
