#pragma once
// Saving pricing rules, shared by the API puts and the program document import
// (internal to src/engine). Each save appends its event only when something changes.
#include "engine/engine.hpp"
#include "program/rules_json.hpp"

#include <string>

namespace sc::steps {

void save_promotion(Tx& tx, const Promotion& promotion);
void save_shipping_rule(Tx& tx, const ShippingRule& rule);

// Fails with `code` at `<field_prefix>total_quantity` when the new total is below the
// copies already issued, at `<field_prefix>promo_code` when another template has the code,
// or at `<field_prefix>audience.min_tier` for a rank the tier program has no tier for.
void save_coupon_template(Tx& tx, const CouponTemplate& coupon_template, sc_status_t code,
                          const std::string& field_prefix);

// Issues one copy of the template to the user (the template and its issue mode already
// checked by the caller): the audience, validity, per-user and total limits are enforced
// here, a points-priced template spends under `exchange_key`, and coupon.issued is logged.
// Every refusal comes before the first write. With `starts_at` the copy's validity runs as
// if it were claimed then (a reward that is still pending cannot be used before it vests).
CouponInstance issue_coupon_copy(Tx& tx, const CouponTemplate& coupon_template, const std::string& user_id,
                                 const char* via, const std::string& exchange_key, const std::string& field,
                                 std::optional<int64_t> starts_at = std::nullopt);

}  // namespace sc::steps
