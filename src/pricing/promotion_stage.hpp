#pragma once
// Stage 3: automatic promotions (internal to pricing).
//
// If an active exclusive promotion gives a discount > 0 on the stage's starting amounts,
// the exclusive one with the largest discount (ties: application order) applies alone.
// Otherwise the stackable ones apply in application order, each on the lines' current
// nets, its condition checked again on those. A free-shipping promotion's "discount" in
// the exclusive contest is the shipping it would waive at the stage's starting amounts;
// what it really waives is settled with shipping (pricing/shipping_settlement.hpp).
// Gift promotions take no part in the contest: each is granted when its in-scope amount
// after this stage meets its min_spend.
#include "pricing/pricing_context.hpp"

#include <vector>

namespace sc::pricing_detail {

struct PromotionStageResult {
    std::vector<AppliedRule> applied;  // in application order
    std::vector<Gift> gifts;
    std::vector<uint8_t> waived_merchants;  // per merchant: claimed by a free-shipping promotion
};

PromotionStageResult apply_promotions(const PricingContext& context, CartState& state, AdjustmentLog* log);

}  // namespace sc::pricing_detail
