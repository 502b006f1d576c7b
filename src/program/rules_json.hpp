#pragma once
// The JSON form of pricing rules: promotions, coupon templates and shipping rules. The
// program document's sections use it, and the store keeps each definition in this
// canonical form. Parsing is strict: an unknown field, a wrong type or a number beyond
// 64 bits is Error(SC_ERR_VALIDATION) naming the field ("coupon_templates[2].value").
// Parsing checks structure and types only; the engine runs validate_promotion /
// validate_coupon_template / validate_shipping_rules on the result.
#include "coupons/coupon_template.hpp"
#include "pricing/promotion.hpp"
#include "pricing/shipping.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace sc {

// `prefix` ends with '.' (or is empty): "promotions[0]."
Promotion parse_promotion_json(const nlohmann::json& obj, const std::string& prefix);
CouponTemplate parse_coupon_template_json(const nlohmann::json& obj, const std::string& prefix);
ShippingRule parse_shipping_rule_json(const nlohmann::json& obj, const std::string& prefix);

// Every field, in a fixed order: the same value always gives the same text.
nlohmann::ordered_json promotion_json(const Promotion& promotion);
nlohmann::ordered_json coupon_template_json(const CouponTemplate& coupon_template);
nlohmann::ordered_json shipping_rule_json(const ShippingRule& rule);

const char* promotion_kind_name(PromotionKind kind) noexcept;
const char* coupon_kind_name(CouponKind kind) noexcept;
const char* coupon_issue_mode_name(CouponIssueMode mode) noexcept;

}  // namespace sc
