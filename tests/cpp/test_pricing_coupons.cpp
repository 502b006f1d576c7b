// Pricing: coupons chosen explicitly — kinds, min_spend with the missing amount, issuers
// and stacking, explanations for every coupon not applied (FEATURES §3 step 4, §4).
#include "check_error.hpp"
#include "pricing/pricing.hpp"
#include "pricing_builders.hpp"

#include <doctest/doctest.h>

using namespace sc;
using namespace sc::pricing_test;

namespace {

// m1: 6000 + 4000, m2: 5000. 15000 in all.
PricingRequest cart(std::vector<HeldCoupon> coupons, std::vector<std::string> chosen) {
    PricingRequest r = request({line("a", "m1", 6000), line("b", "m1", 4000), line("c", "m2", 5000)});
    r.coupons = std::move(coupons);
    r.choice = CouponChoice::these(std::move(chosen));
    return r;
}

}  // namespace

TEST_CASE("coupons: fixed amount, split over the lines exactly") {
    const Quote q = price(cart({held("f", CouponKind::fixed_amount, 1000)}, {"f"}));
    CHECK(q.coupons == std::vector<AppliedCoupon>{{"f", "t_f", 1000}});
    // 400, 266.67, 333.33 → the spare unit to the second line's larger remainder.
    CHECK(adjusted(q.lines[0], AdjustmentKind::coupon) == 400);
    CHECK(adjusted(q.lines[1], AdjustmentKind::coupon) == 267);
    CHECK(adjusted(q.lines[2], AdjustmentKind::coupon) == 333);
    CHECK(q.payable == 14000);
    CHECK(q.explanations.empty());
}

TEST_CASE("coupons: percent rounds down and respects its cap") {
    HeldCoupon pct = held("p", CouponKind::percent, 1500);
    CHECK(price(cart({pct}, {"p"})).coupons[0].amount == 2250);
    pct.terms.max_off = 2000;
    CHECK(price(cart({pct}, {"p"})).coupons[0].amount == 2000);
    PricingRequest r = cart({held("p", CouponKind::percent, 333)}, {"p"});
    r.lines = {line("a", "m1", 9999)};
    CHECK(price(r).coupons[0].amount == 332);  // 332.9667 → 332
}

TEST_CASE("coupons: 满100减20 needs 100.00 exactly; 99.99 is one fen short") {
    PricingRequest r = cart({held("t", CouponKind::threshold, 2000, 10000)}, {"t"});
    r.lines = {line("a", "m1", 9999)};
    Quote q = price(r);
    CHECK(q.coupons.empty());
    CHECK(q.payable == 9999);
    CouponExplanation e = explanation(q, "t");
    CHECK(e.reason == CouponReason::below_min_spend);
    CHECK(e.missing == 1);
    CHECK(e.template_id == "t_t");
    r.lines = {line("a", "m1", 10000)};
    q = price(r);
    CHECK(q.coupons == std::vector<AppliedCoupon>{{"t", "t_t", 2000}});
    CHECK(q.payable == 8000);
}

TEST_CASE("coupons: the explanation says how much more to spend") {
    PricingRequest r = cart({held("t", CouponKind::threshold, 500, 10000)}, {"t"});
    r.lines = {line("a", "m1", 8800)};
    const CouponExplanation e = explanation(price(r), "t");
    CHECK(e.reason == CouponReason::below_min_spend);
    CHECK(e.missing == 1200);  // "spend 12.00 more to use this coupon"
}

TEST_CASE("coupons: a merchant coupon applies to that merchant's lines only") {
    HeldCoupon m2 = held("m2c", CouponKind::fixed_amount, 1000, 0, "m2");
    Quote q = price(cart({m2}, {"m2c"}));
    CHECK(nets(q) == std::vector<int64_t>{6000, 4000, 4000});
    CHECK(q.merchants[1].discount == 1000);
    // Its min_spend counts that merchant's in-scope lines only: 5000 < 6000.
    m2.terms.min_spend = 6000;
    q = price(cart({m2}, {"m2c"}));
    CHECK(explanation(q, "m2c").reason == CouponReason::below_min_spend);
    CHECK(explanation(q, "m2c").missing == 1000);
    // A scope that only another merchant's lines match leaves it nothing.
    HeldCoupon m1 = held("m1c", CouponKind::fixed_amount, 100, 0, "m1");
    m1.terms.scope.include.skus = {"c"};
    q = price(cart({m1}, {"m1c"}));
    CHECK(explanation(q, "m1c").reason == CouponReason::out_of_scope);
    // A merchant with no line in the cart.
    q = price(cart({held("m9c", CouponKind::fixed_amount, 100, 0, "m9")}, {"m9c"}));
    CHECK(explanation(q, "m9c").reason == CouponReason::out_of_scope);
}

TEST_CASE("coupons: at most one platform coupon and one per merchant") {
    const Quote q = price(cart({held("P1", CouponKind::fixed_amount, 500), held("P2", CouponKind::fixed_amount, 300),
                                held("M1", CouponKind::fixed_amount, 200, 0, "m1"),
                                held("M1b", CouponKind::fixed_amount, 100, 0, "m1"),
                                held("M2", CouponKind::fixed_amount, 100, 0, "m2")},
                               {"P2", "P1", "M2", "M1b", "M1"}));
    // Application order: template id ascending (equal priorities): t_M1, t_M1b, t_M2, t_P1, t_P2.
    CHECK(applied_codes(q) == std::vector<std::string>{"M1", "M2", "P1"});
    CHECK(explanation(q, "M1b").reason == CouponReason::one_per_issuer);
    CHECK(explanation(q, "M1b").conflicting == "M1");
    CHECK(explanation(q, "P2").reason == CouponReason::one_per_issuer);
    CHECK(explanation(q, "P2").conflicting == "P1");
    // M1: 120 / 80; M2: 100; P1 500 over 5880 / 3920 / 4900: 200, 133.33, 166.67 → 200, 133, 167.
    CHECK(nets(q) == std::vector<int64_t>{5680, 3787, 4733});
    CHECK(q.discount == 800);
    CHECK(q.payable == 14200);
}

TEST_CASE("coupons: an exclusive coupon applies alone, but keeps the promotions") {
    PricingRequest r = cart({with_stacking(held("X", CouponKind::fixed_amount, 1500), true),
                             held("S", CouponKind::fixed_amount, 1000, 0, "m1")},
                            {"X", "S"});
    r.promotions = {tiered("full", {{10000, 500}})};
    Quote q = price(r);
    CHECK(q.promotions == std::vector<AppliedPromotion>{{"full", 500}});
    CHECK(applied_codes(q) == std::vector<std::string>{"X"});
    CHECK(explanation(q, "S").reason == CouponReason::not_stackable);
    CHECK(explanation(q, "S").conflicting == "X");
    CHECK(q.payable == 13000);

    // An exclusive coupon below its min_spend does not block the stackable ones.
    r = cart({with_stacking(held("X", CouponKind::fixed_amount, 1500, 20000), true),
              held("S", CouponKind::fixed_amount, 1000, 0, "m1")},
             {"X", "S"});
    q = price(r);
    CHECK(applied_codes(q) == std::vector<std::string>{"S"});
    CHECK(explanation(q, "X").reason == CouponReason::below_min_spend);
    CHECK(explanation(q, "X").missing == 5000);

    // Two exclusive coupons: the larger discount wins.
    r = cart({with_stacking(held("X1", CouponKind::fixed_amount, 700), true),
              with_stacking(held("X2", CouponKind::percent, 1000), true)},
             {"X1", "X2"});
    q = price(r);
    CHECK(applied_codes(q) == std::vector<std::string>{"X2"});
    CHECK(explanation(q, "X1").reason == CouponReason::not_stackable);
    CHECK(explanation(q, "X1").conflicting == "X2");
}

TEST_CASE("coupons: min_spend is checked on the amount left by earlier coupons") {
    // The platform coupon (priority 10) takes 3000 of its 4500 off m1, leaving 7000: the
    // m1 threshold coupon needs 8000.
    PricingRequest r = cart({with_stacking(held("P", CouponKind::fixed_amount, 4500), false, 10),
                             held("M", CouponKind::threshold, 500, 8000, "m1")},
                            {"P", "M"});
    Quote q = price(r);
    CHECK(applied_codes(q) == std::vector<std::string>{"P"});
    CHECK(explanation(q, "M").reason == CouponReason::below_min_spend);
    CHECK(explanation(q, "M").missing == 1000);
    // At equal priority the merchant coupon's template id (t_M) comes first and both apply.
    r.coupons[0].terms.stacking.priority = 0;
    q = price(r);
    CHECK(applied_codes(q) == std::vector<std::string>{"M", "P"});
    CHECK(q.payable == 15000 - 500 - 4500);
}

TEST_CASE("coupons: listed coupons that cannot apply are explained, the cart still prices") {
    HeldCoupon expired = held("old", CouponKind::fixed_amount, 100);
    expired.coupon.valid_until = kNow;  // exclusive end
    HeldCoupon early = held("early", CouponKind::fixed_amount, 100);
    early.coupon.valid_from = kNow + 1;
    HeldCoupon used = held("used", CouponKind::fixed_amount, 100);
    used.coupon.state = CouponState::used;
    HeldCoupon on_hold = held("onhold", CouponKind::fixed_amount, 100);
    on_hold.coupon.state = CouponState::held;
    HeldCoupon revoked = held("gone", CouponKind::fixed_amount, 100);
    revoked.coupon.state = CouponState::revoked;
    HeldCoupon marked_expired = held("marked", CouponKind::fixed_amount, 100);
    marked_expired.coupon.state = CouponState::expired;
    HeldCoupon tiny = held("tiny", CouponKind::percent, 1);  // 0.01% of 15000 = 1.5 → 1
    HeldCoupon nothing = held("zero", CouponKind::percent, 1, 0, "m9");
    HeldCoupon unlisted = held("spare", CouponKind::fixed_amount, 100, 0, "m2");
    const Quote q = price(cart({expired, early, used, on_hold, revoked, marked_expired, tiny, nothing, unlisted},
                               {"old", "early", "used", "onhold", "gone", "marked", "tiny", "zero"}));
    CHECK(applied_codes(q) == std::vector<std::string>{"tiny"});
    CHECK(explanation(q, "old").reason == CouponReason::expired);
    CHECK(explanation(q, "early").reason == CouponReason::not_yet_valid);
    CHECK(explanation(q, "used").reason == CouponReason::not_available);
    CHECK(explanation(q, "onhold").reason == CouponReason::not_available);
    CHECK(explanation(q, "gone").reason == CouponReason::not_available);
    CHECK(explanation(q, "marked").reason == CouponReason::expired);
    CHECK(explanation(q, "zero").reason == CouponReason::out_of_scope);
    CHECK(explanation(q, "spare").reason == CouponReason::not_chosen);
    // In the order the coupons are held.
    REQUIRE(q.explanations.size() == 8);
    CHECK(q.explanations.front().code == "old");
    CHECK(q.explanations.back().code == "spare");

    // A discount that rounds to nothing is not applied.
    PricingRequest r = cart({held("tiny", CouponKind::percent, 1)}, {"tiny"});
    r.lines = {line("a", "m1", 50)};
    CHECK(explanation(price(r), "tiny").reason == CouponReason::zero_discount);
}

TEST_CASE("coupons: without a choice none apply; unknown and repeated codes are errors") {
    PricingRequest r = cart({held("f", CouponKind::fixed_amount, 100)}, {});
    r.choice = CouponChoice::no_coupons();
    Quote q = price(r);
    CHECK(q.coupons.empty());
    CHECK(explanation(q, "f").reason == CouponReason::not_chosen);
    r.choice = CouponChoice::these({"nope"});
    CHECK_SC_ERROR_FIELD(price(r), SC_ERR_NOT_FOUND, "coupons");
    r.choice = CouponChoice::these({"f", "f"});
    CHECK_SC_ERROR_FIELD(price(r), SC_ERR_INVALID_ARGUMENT, "coupons");
}
