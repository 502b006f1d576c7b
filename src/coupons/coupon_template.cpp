#include "coupons/coupon_template.hpp"

#include "core/basis_points.hpp"
#include "core/checked.hpp"
#include "core/error.hpp"
#include "pricing/lazy_field.hpp"
#include "pricing/discount_rules.hpp"

namespace sc {

namespace {

constexpr int64_t kMsPerDay = 86'400'000;
// Ten years: longer validity is a typing mistake, and the product stays far from overflow.
constexpr int64_t kMaxValidityDays = 3650;

[[noreturn]] void invalid(const std::string& field, const std::string& why) {
    fail(SC_ERR_INVALID_ARGUMENT, why, field);
}

void validate_value(const CouponTemplate& t, const std::string& p) {
    switch (t.kind) {
        case CouponKind::fixed_amount:
        case CouponKind::threshold:
            if (t.value <= 0) invalid(p + "value", "must be > 0");
            break;
        case CouponKind::percent:
            if (t.value < 1 || t.value > kBasisPointsWhole)
                invalid(p + "value", "must be basis points between 1 and 10000");
            break;
        case CouponKind::free_shipping:
            if (t.value != 0) invalid(p + "value", "must be 0 for a free-shipping coupon");
            break;
    }
    if (t.max_off) {
        if (t.kind != CouponKind::percent) invalid(p + "max_off", "only a percent coupon has a cap");
        if (*t.max_off <= 0) invalid(p + "max_off", "must be > 0");
    }
    if (t.min_spend < 0) invalid(p + "min_spend", "must not be negative");
    if (t.kind == CouponKind::threshold && t.min_spend <= 0)
        invalid(p + "min_spend", "must be > 0 for a threshold coupon");
}

void validate_validity(const CouponValidity& v, const std::string& p) {
    switch (v.kind) {
        case CouponValidity::Kind::fixed_window:
            if (v.valid_until <= v.valid_from) invalid(p + "validity.valid_until", "must be after valid_from");
            if (v.days != 0) invalid(p + "validity.days", "only a days_from_claim validity has days");
            break;
        case CouponValidity::Kind::days_from_claim:
            if (v.days < 1 || v.days > kMaxValidityDays)
                invalid(p + "validity.days", "must be between 1 and " + std::to_string(kMaxValidityDays));
            if (v.valid_from != 0 || v.valid_until != 0)
                invalid(p + "validity.valid_from", "only a fixed_window validity has a window");
            break;
    }
}

void validate_issue(const CouponTemplate& t, const std::string& p) {
    if (t.issue_mode == CouponIssueMode::promo_code)
        require_id_named(t.promo_code, [&] { return p + "promo_code"; });
    else if (!t.promo_code.empty())
        invalid(p + "promo_code", "only a promo_code coupon has a code");
    if (t.issue_mode == CouponIssueMode::points) {
        if (t.points_cost <= 0) invalid(p + "points_cost", "must be > 0");
    } else if (t.points_cost != 0) {
        invalid(p + "points_cost", "only a coupon bought with points has a points cost");
    }
}

}  // namespace

void validate_coupon_template(const CouponTemplate& t, const std::string& p) {
    require_id_named(t.id, [&] { return p + "id"; });
    require_text_named(t.title, [&] { return p + "title"; });
    validate_value(t, p);
    prefix_errors([&] { validate_scope(t.scope, {}); }, [&] { return p + "scope."; });
    if (!t.issuer_merchant_id.empty()) require_id_named(t.issuer_merchant_id, [&] { return p + "issuer_merchant_id"; });
    validate_validity(t.validity, p);
    if (t.total_quantity && *t.total_quantity < 1) invalid(p + "total_quantity", "must be at least 1");
    if (t.per_user_limit < 1) invalid(p + "per_user_limit", "must be at least 1");
    if (t.total_quantity && t.per_user_limit > *t.total_quantity)
        invalid(p + "per_user_limit", "must not exceed total_quantity");
    if (t.audience.kind == CouponAudience::Kind::min_tier && t.audience.min_tier < 0)
        invalid(p + "audience.min_tier", "must not be negative");
    validate_issue(t, p);
}

void validate_coupon_terms(const CouponTemplate& t, const std::string& p) { validate_value(t, p); }

int64_t coupon_item_discount(const CouponTemplate& t, int64_t amount) {
    switch (t.kind) {
        case CouponKind::fixed_amount:
        case CouponKind::threshold: return capped_discount(t.value, std::nullopt, amount);
        case CouponKind::percent: return percent_discount(amount, t.value, t.max_off);
        case CouponKind::free_shipping: return 0;
    }
    return 0;
}

ValidityWindow instance_validity(const CouponTemplate& t, int64_t claimed_at) {
    if (t.validity.kind == CouponValidity::Kind::fixed_window)
        return {t.validity.valid_from, t.validity.valid_until};
    return {claimed_at, checked_add(claimed_at, checked_mul(t.validity.days, kMsPerDay, "validity"), "validity")};
}

}  // namespace sc
