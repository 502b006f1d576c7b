#pragma once
// The program document: the operator's JSON description of the catalog (and, in later
// issues, tiers, coupons, campaigns). Parsing validates everything and names the exact
// field at fault ("skus[2].list_price: must not be negative").
#include "catalog/sku.hpp"
#include "coupons/coupon_template.hpp"
#include "pricing/promotion.hpp"
#include "pricing/shipping.hpp"
#include "points/points_program.hpp"
#include "flashsale/flash_sale.hpp"
#include "bargain/bargain_program.hpp"
#include "groupbuy/group_campaign.hpp"
#include "referral/referral_program.hpp"
#include "tiers/tier_program.hpp"

#include <optional>

#include <string>
#include <string_view>
#include <vector>

namespace sc {

constexpr const char* kProgramFormat = "socialcart.program/1";

struct ProgramDocument {
    std::string currency;
    std::vector<Sku> skus;
    std::vector<Promotion> promotions;
    std::vector<CouponTemplate> coupon_templates;
    std::vector<ShippingRule> shipping_rules;
    std::optional<PointsProgram> points;  // absent: the document leaves the points program as it is
    std::optional<TierProgram> tiers;     // absent: the document leaves the tier program as it is
    std::optional<ReferralProgram> referral;  // absent: the document leaves the referral program as it is
    std::vector<GroupCampaign> group_campaigns;  // "group_buy.campaigns": each replaces the campaign with its id
    std::vector<FlashSale> flash_sales;          // "flash_sales": each replaces the sale with its id
    std::vector<BargainProgram> bargain_programs;  // "bargains.programs": each replaces the program with its id
};

// Throws Error(SC_ERR_VALIDATION, message, field) on any problem.
ProgramDocument parse_program(std::string_view json);

// One entry of the promotions, coupon_templates or shipping_rules section, as the API's
// put calls take it: the same object, read as strictly and checked alone. Throws
// Error(SC_ERR_VALIDATION, message, field) with fields named without a section prefix
// ("min_spend"). Rules across entries (a promo code another template has) are the
// engine's to check.
Promotion parse_promotion_entry(std::string_view json);
CouponTemplate parse_coupon_template_entry(std::string_view json);
ShippingRule parse_shipping_rule_entry(std::string_view json);
PointsProgram parse_points_program_entry(std::string_view json);
TierProgram parse_tier_program_entry(std::string_view json);
ReferralProgram parse_referral_program_entry(std::string_view json);
GroupCampaign parse_group_campaign_entry(std::string_view json);
FlashSale parse_flash_sale_entry(std::string_view json);
BargainProgram parse_bargain_program_entry(std::string_view json);

// Stable output: keys in a fixed order, SKUs in the order given.
std::string serialize_program(const ProgramDocument& doc);

}  // namespace sc
