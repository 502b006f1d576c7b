#pragma once
// Stage 5: shipping (internal to pricing). Each merchant's fee comes from its rule on
// its goods net after every discount. A fee > 0 is then waived by the first free-shipping
// claim that covers the merchant: promotions before coupons, each in application order.
// That claim is credited with the fee; later claims on the merchant get nothing for it.
#include "pricing/pricing_context.hpp"

#include <optional>
#include <vector>

namespace sc::pricing_detail {

struct ShippingSettlement {
    std::vector<int64_t> goods;    // per merchant
    std::vector<int64_t> fees;     // per merchant, after free_over
    std::vector<int64_t> waived;   // per merchant
    // Per merchant, who waived it: {true, i} promotions applied[i], {false, i} coupons.
    std::vector<std::optional<std::pair<bool, size_t>>> waived_by;
    std::vector<int64_t> promotion_credit;  // per applied promotion
    std::vector<int64_t> coupon_credit;     // per applied coupon
    int64_t goods_total = 0;
    int64_t shipping_payable = 0;
};

// Into out, whose buffers are reused (the best-coupon search settles every combination).
void settle_shipping(const PricingContext& context, const CartState& state, const std::vector<AppliedRule>& promotions,
                     const std::vector<AppliedRule>& coupons, ShippingSettlement& out);

}  // namespace sc::pricing_detail
