#pragma once
// A coupon template (FEATURES §4): what a coupon is worth, where it applies, how it
// stacks, how long an instance stays valid and how instances are issued. Instances
// (coupons/coupon.hpp) are claimed from a template.
#include "pricing/scope.hpp"
#include "pricing/stacking.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace sc {

enum class CouponKind {
    fixed_amount,   // value off (minor units), at most the in-scope amount
    percent,        // value in basis points (1..10000), rounded down, then max_off
    threshold,      // 满X减Y: min_spend X (> 0), value Y off
    free_shipping,  // waives shipping; value must be 0
};

// Valid for a fixed window [valid_from, valid_until), or for `days` days from the claim.
struct CouponValidity {
    enum class Kind { fixed_window, days_from_claim };
    Kind kind = Kind::fixed_window;
    int64_t valid_from = 0;   // fixed_window, UTC ms
    int64_t valid_until = 0;  // fixed_window, UTC ms, exclusive
    int64_t days = 0;         // days_from_claim

    bool operator==(const CouponValidity&) const = default;
};

// Who may claim. Tiers are not enforced by pricing; the claim path checks them.
struct CouponAudience {
    enum class Kind { everyone, new_users, min_tier };
    Kind kind = Kind::everyone;
    int min_tier = 0;  // min_tier only

    bool operator==(const CouponAudience&) const = default;
};

enum class CouponIssueMode {
    claim,       // the shopper claims it
    grant,       // the operator grants it
    promo_code,  // redeemed from a public code such as SPRING20 (promo_code)
    reward,      // granted as a reward
    points,      // bought with points (points_cost)
};

struct CouponTemplate {
    std::string id;
    std::string title;
    CouponKind kind = CouponKind::fixed_amount;
    int64_t value = 0;                 // minor units, or basis points for percent
    std::optional<int64_t> max_off;    // percent only: the largest discount
    int64_t min_spend = 0;             // in-scope amount needed (>=), every kind
    Scope scope;
    Stacking stacking;
    // Empty: a platform coupon. Otherwise the merchant whose lines alone it applies to
    // (its scope is intersected with that merchant's lines).
    std::string issuer_merchant_id;
    CouponValidity validity;
    std::optional<int64_t> total_quantity;  // absent: unlimited
    int64_t per_user_limit = 1;
    CouponAudience audience;
    CouponIssueMode issue_mode = CouponIssueMode::claim;
    std::string promo_code;   // promo_code mode only
    int64_t points_cost = 0;  // points mode only

    bool is_platform() const { return issuer_merchant_id.empty(); }
    bool operator==(const CouponTemplate&) const = default;
};

// Checks every field. Errors are SC_ERR_INVALID_ARGUMENT whose field is
// `<field_prefix><name>` (e.g. "coupon_templates[2].value") and whose message states the
// rule ("must be > 0"), as validate_sku does.
void validate_coupon_template(const CouponTemplate& coupon_template, const std::string& field_prefix = {});

// The part of validate_coupon_template that pricing's arithmetic relies on: value,
// max_off, min_spend. Not the text of ids, titles and codes, nor the claim rules
// (validity, quantities, audience, issue mode), which pricing does not read; price()
// runs this on every held coupon of every request.
void validate_coupon_terms(const CouponTemplate& coupon_template, const std::string& field_prefix = {});

// The discount on an in-scope amount that meets min_spend: fixed and threshold give
// value, percent gives amount × bps rounded down and then max_off; never more than the
// amount. Free shipping gives 0 here (its worth is the shipping it waives).
int64_t coupon_item_discount(const CouponTemplate& coupon_template, int64_t in_scope_amount);

// The [valid_from, valid_until) of an instance claimed at `claimed_at`.
struct ValidityWindow {
    int64_t valid_from = 0;
    int64_t valid_until = 0;
};
ValidityWindow instance_validity(const CouponTemplate& coupon_template, int64_t claimed_at);

}  // namespace sc
