#include "tiers/tier_benefits.hpp"

#include "core/basis_points.hpp"
#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/wide.hpp"

#include <algorithm>

namespace sc {

int64_t member_unit_price(int64_t list_price, int64_t member_price_bps) {
    if (list_price < 0) fail(SC_ERR_INVALID_ARGUMENT, "list price must not be negative", "list_price");
    return list_price - apply_basis_points_down(list_price, member_price_bps);
}

std::optional<ItemPriceOffer> member_price_offer(const Tier& tier, const Sku& sku) {
    const int64_t price = member_unit_price(sku.list_price, tier.benefits.member_price_bps);
    if (price >= sku.list_price) return std::nullopt;
    return ItemPriceOffer{sku.id, price, ItemPriceKind::member, tier.id};
}

int64_t points_for_payment_multiplied(const PointsEarnRule& rule, int64_t paid, int64_t multiplier_bps) {
    if (multiplier_bps < 0 || multiplier_bps > kMaxPointsMultiplierBps)
        fail(SC_ERR_INVALID_ARGUMENT, "points multiplier must be between 0 and 100000 basis points",
             "points_multiplier_bps");
    if (paid <= 0 || rule.points == 0 || multiplier_bps == 0) return 0;
    // paid × points = q × per_amount + r and q × m = a × 10000 + b, so
    // paid × points × m / (per_amount × 10000) = a + (b × per_amount + r × m) / (per_amount × 10000),
    // every part non-negative, the last below 1 + m / 10000.
    const MulDiv base = mul_div(paid, rule.points, rule.per_amount, "points earned");
    const MulDiv scaled = mul_div(base.quotient, multiplier_bps, 10000, "points earned");
    const int64_t rest = checked_add(checked_mul(scaled.remainder, rule.per_amount, "points earned"),
                                     checked_mul(base.remainder, multiplier_bps, "points earned"), "points earned");
    return checked_add(scaled.quotient, rest / checked_mul(rule.per_amount, 10000, "points earned"), "points earned");
}

int64_t tier_points_for_payment(const PointsEarnRule& rule, int64_t paid, const Tier& tier) {
    return points_for_payment_multiplied(rule, paid, tier.benefits.points_multiplier_bps);
}

bool tier_may_claim(const TierProgram& program, const std::string& tier_id, const CouponAudience& audience) {
    if (audience.kind != CouponAudience::Kind::min_tier) return true;
    const std::optional<size_t> rank = program.rank_of(tier_id);
    if (!rank) return false;
    return static_cast<int64_t>(*rank) >= static_cast<int64_t>(audience.min_tier);
}

void validate_audience_tier(const TierProgram& program, const CouponAudience& audience, const std::string& field) {
    if (audience.kind != CouponAudience::Kind::min_tier) return;
    if (audience.min_tier < 0 || static_cast<size_t>(audience.min_tier) >= program.tiers.size())
        fail(SC_ERR_VALIDATION,
             field + ": must be a tier's rank, below the program's " + std::to_string(program.tiers.size()) + " tiers",
             field);
}

std::optional<int64_t> member_free_shipping_over(std::optional<int64_t> merchant_free_over, const TierBenefits& benefits) {
    if (!benefits.free_shipping_over) return merchant_free_over;
    if (!merchant_free_over) return benefits.free_shipping_over;
    return std::min(*merchant_free_over, *benefits.free_shipping_over);
}

bool tier_ships_free(const TierBenefits& benefits, int64_t goods_net) {
    return benefits.free_shipping_over && goods_net >= *benefits.free_shipping_over;
}

}  // namespace sc
