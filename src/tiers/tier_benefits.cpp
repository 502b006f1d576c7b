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
