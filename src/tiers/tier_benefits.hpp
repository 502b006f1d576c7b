#pragma once
// The exact arithmetic of a tier's benefits (FEATURES §6) that a quote and a claim will use:
// the member price as an item price offer (FEATURES §3 step 2), points earned with the
// tier's multiplier, who may claim a tier-only coupon template, and the free-shipping
// threshold.
#include "catalog/sku.hpp"
#include "coupons/coupon_template.hpp"
#include "points/points_program.hpp"
#include "pricing/item_offer.hpp"
#include "tiers/tier_program.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace sc {

// list_price − floor(list_price × member_price_bps / 10000): the discount rounds down, as
// every percent discount of the quote does, so the price never goes below the exact
// percentage. list_price >= 0 (else SC_ERR_INVALID_ARGUMENT, field "list_price").
int64_t member_unit_price(int64_t list_price, int64_t member_price_bps);

// The tier's member price for the SKU as an offer (kind member, source the tier id), or
// nullopt when it is not below the list price (0 bps, or a discount that rounds to 0).
std::optional<ItemPriceOffer> member_price_offer(const Tier& tier, const Sku& sku);

// points_for_payment_multiplied (points/points_program.hpp) with the tier's multiplier.

// The tier's multiplier applied to the program's earn rule.
int64_t tier_points_for_payment(const PointsEarnRule& rule, int64_t paid, const Tier& tier);

// Whether a member in tier `tier_id` passes the tier condition of an audience. min_tier:
// the member's rank (its index in the program, 0 the first tier) is at least
// audience.min_tier, and a tier not in the program does not pass. Other audiences set no
// tier condition (true).
bool tier_may_claim(const TierProgram& program, const std::string& tier_id, const CouponAudience& audience);

// A min_tier audience must name a rank the program has. Throws SC_ERR_VALIDATION with
// `field` (e.g. "coupon_templates[3].audience.min_tier") otherwise.
void validate_audience_tier(const TierProgram& program, const CouponAudience& audience, const std::string& field);

// The threshold that applies to the member's goods with a merchant: the lower of the
// merchant's own free_over and the tier's free_shipping_over (a benefit never makes
// shipping dearer). nullopt when neither has one.
std::optional<int64_t> member_free_shipping_over(std::optional<int64_t> merchant_free_over, const TierBenefits& benefits);

// Whether goods net (after discounts) of `goods_net` ship free by the tier's threshold alone:
// goods_net >= free_shipping_over, as a shipping rule's free_over compares.
bool tier_ships_free(const TierBenefits& benefits, int64_t goods_net);

}  // namespace sc
