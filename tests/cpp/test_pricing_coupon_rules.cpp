// Coupon templates and instances: validation that names the field, the instance state
// machine, validity windows (FEATURES §4, ARCHITECTURE §4).
#include "check_error.hpp"
#include "coupons/coupon.hpp"
#include "coupons/coupon_template.hpp"
#include "pricing_builders.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace sc;
using namespace sc::pricing_test;

namespace {

// The field and message of the error `fn` throws, or "(none)".
template <class Fn>
std::string failure(Fn fn) {
    try {
        fn();
    } catch (const Error& e) {
        return e.field() + ": " + e.what();
    }
    return "(none)";
}

std::string template_failure(const CouponTemplate& t) {
    return failure([&] { validate_coupon_template(t, "coupon_templates[2]."); });
}

}  // namespace

TEST_CASE("coupon templates: a valid template of every kind passes") {
    CHECK_NOTHROW(validate_coupon_template(coupon_terms("fixed", CouponKind::fixed_amount, 500)));
    CouponTemplate pct = coupon_terms("pct", CouponKind::percent, 1500);
    pct.max_off = 3000;
    CHECK_NOTHROW(validate_coupon_template(pct));
    CHECK_NOTHROW(validate_coupon_template(coupon_terms("thr", CouponKind::threshold, 2000, 10000)));
    CouponTemplate ship = coupon_terms("ship", CouponKind::free_shipping, 0);
    ship.issuer_merchant_id = "m1";
    ship.validity = CouponValidity{CouponValidity::Kind::days_from_claim, 0, 0, 7};
    ship.issue_mode = CouponIssueMode::promo_code;
    ship.promo_code = "SPRING20";
    CHECK_NOTHROW(validate_coupon_template(ship));
}

TEST_CASE("coupon templates: each invalid field is named") {
    CouponTemplate t = coupon_terms("fixed", CouponKind::fixed_amount, 0);
    CHECK(template_failure(t) == "coupon_templates[2].value: must be > 0");
    CHECK_SC_ERROR_FIELD(validate_coupon_template(t, "coupon_templates[2]."), SC_ERR_INVALID_ARGUMENT,
                         "coupon_templates[2].value");

    t = coupon_terms("pct", CouponKind::percent, 10001);
    CHECK(template_failure(t) == "coupon_templates[2].value: must be basis points between 1 and 10000");
    t.value = 1000;
    t.max_off = 0;
    CHECK(template_failure(t) == "coupon_templates[2].max_off: must be > 0");
    t = coupon_terms("fixed", CouponKind::fixed_amount, 100);
    t.max_off = 50;
    CHECK(template_failure(t) == "coupon_templates[2].max_off: only a percent coupon has a cap");
    t = coupon_terms("thr", CouponKind::threshold, 2000, 0);
    CHECK(template_failure(t) == "coupon_templates[2].min_spend: must be > 0 for a threshold coupon");
    t = coupon_terms("ship", CouponKind::free_shipping, 5);
    CHECK(template_failure(t) == "coupon_templates[2].value: must be 0 for a free-shipping coupon");
    t = coupon_terms("fixed", CouponKind::fixed_amount, 100, -1);
    CHECK(template_failure(t) == "coupon_templates[2].min_spend: must not be negative");
    t = coupon_terms("", CouponKind::fixed_amount, 100);
    CHECK(template_failure(t).rfind("coupon_templates[2].id: ", 0) == 0);
    t = coupon_terms("fixed", CouponKind::fixed_amount, 100);
    t.title = "";
    CHECK(template_failure(t).rfind("coupon_templates[2].title: ", 0) == 0);
    t = coupon_terms("fixed", CouponKind::fixed_amount, 100);
    t.scope.exclude.skus = {"ok", ""};
    CHECK(template_failure(t).rfind("coupon_templates[2].scope.exclude.skus[1]: ", 0) == 0);
    t = coupon_terms("fixed", CouponKind::fixed_amount, 100);
    t.validity.valid_until = t.validity.valid_from;
    CHECK(template_failure(t) == "coupon_templates[2].validity.valid_until: must be after valid_from");
    t.validity = CouponValidity{CouponValidity::Kind::days_from_claim, 0, 0, 0};
    CHECK(template_failure(t) == "coupon_templates[2].validity.days: must be between 1 and 3650");
    t.validity = CouponValidity{CouponValidity::Kind::days_from_claim, 0, 0, 30};
    t.total_quantity = 0;
    CHECK(template_failure(t) == "coupon_templates[2].total_quantity: must be at least 1");
    t.total_quantity = 5;
    t.per_user_limit = 6;
    CHECK(template_failure(t) == "coupon_templates[2].per_user_limit: must not exceed total_quantity");
    t.per_user_limit = 0;
    CHECK(template_failure(t) == "coupon_templates[2].per_user_limit: must be at least 1");
    t.per_user_limit = 1;
    t.issue_mode = CouponIssueMode::promo_code;
    CHECK(template_failure(t).rfind("coupon_templates[2].promo_code: ", 0) == 0);
    t.issue_mode = CouponIssueMode::claim;
    t.promo_code = "SPRING20";
    CHECK(template_failure(t) == "coupon_templates[2].promo_code: only a promo_code coupon has a code");
    t.promo_code = "";
    t.issue_mode = CouponIssueMode::points;
    CHECK(template_failure(t) == "coupon_templates[2].points_cost: must be > 0");
    t.points_cost = 500;
    CHECK(template_failure(t) == "(none)");
    t.audience = CouponAudience{CouponAudience::Kind::min_tier, -1};
    CHECK(template_failure(t) == "coupon_templates[2].audience.min_tier: must not be negative");
}

TEST_CASE("coupon templates: instance validity from a fixed window or days from the claim") {
    CouponTemplate t = coupon_terms("fixed", CouponKind::fixed_amount, 100);
    const ValidityWindow fixed = instance_validity(t, kNow + 5);
    CHECK(fixed.valid_from == kNow - kDay);
    CHECK(fixed.valid_until == kNow + 30 * kDay);
    t.validity = CouponValidity{CouponValidity::Kind::days_from_claim, 0, 0, 7};
    const ValidityWindow rolling = instance_validity(t, kNow);
    CHECK(rolling.valid_from == kNow);
    CHECK(rolling.valid_until == kNow + 7 * kDay);
}

TEST_CASE("coupon instances: the legal transitions") {
    CHECK(transition(std::nullopt, CouponEvent::claim) == CouponState::available);
    CHECK(transition(CouponState::available, CouponEvent::hold) == CouponState::held);
    CHECK(transition(CouponState::held, CouponEvent::release) == CouponState::available);
    CHECK(transition(CouponState::held, CouponEvent::use) == CouponState::used);
    CHECK(transition(CouponState::used, CouponEvent::return_after_refund) == CouponState::available);
    CHECK(transition(CouponState::available, CouponEvent::expire) == CouponState::expired);
    CHECK(transition(CouponState::available, CouponEvent::revoke) == CouponState::revoked);
}

TEST_CASE("coupon instances: every other transition is SC_ERR_INVALID_STATE") {
    const CouponEvent events[] = {CouponEvent::claim,  CouponEvent::hold,   CouponEvent::release,
                                  CouponEvent::use,    CouponEvent::return_after_refund,
                                  CouponEvent::expire, CouponEvent::revoke};
    const std::optional<CouponState> states[] = {std::nullopt,          CouponState::available, CouponState::held,
                                                 CouponState::used,     CouponState::expired,   CouponState::revoked};
    int legal = 0;
    for (const auto& from : states) {
        for (const CouponEvent event : events) {
            try {
                (void)transition(from, event);
                ++legal;
            } catch (const Error& e) {
                CHECK(e.code() == SC_ERR_INVALID_STATE);
            }
        }
    }
    CHECK(legal == 7);  // exactly the seven arrows of the diagram
    // Used twice, used without a hold, held twice: the double-use races of FEATURES §4.
    CHECK_SC_ERROR(transition(CouponState::used, CouponEvent::use), SC_ERR_INVALID_STATE);
    CHECK_SC_ERROR(transition(CouponState::available, CouponEvent::use), SC_ERR_INVALID_STATE);
    CHECK_SC_ERROR(transition(CouponState::held, CouponEvent::hold), SC_ERR_INVALID_STATE);
    CHECK(failure([] { (void)transition(CouponState::held, CouponEvent::revoke); }) ==
          ": a coupon that is held cannot be revoked (only one that is available)");
    CHECK(failure([] { (void)transition(CouponState::available, CouponEvent::claim); }) ==
          ": a coupon that is available cannot be claimed (it is already claimed)");
}

TEST_CASE("coupon instances: an available coupon reads as expired from valid_until on") {
    CouponInstance c;
    c.state = CouponState::available;
    c.valid_from = 100;
    c.valid_until = 200;
    CHECK(state_as_of(c, 199) == CouponState::available);
    CHECK(state_as_of(c, 200) == CouponState::expired);
    c.state = CouponState::used;
    CHECK(state_as_of(c, 500) == CouponState::used);
}
