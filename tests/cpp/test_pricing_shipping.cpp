// Pricing: shipping per merchant — flat fees, free over a threshold on the goods after
// every discount, waived by a free-shipping coupon (FEATURES §3 step 6).
#include "check_error.hpp"
#include "pricing/pricing.hpp"
#include "pricing_builders.hpp"

#include <doctest/doctest.h>

using namespace sc;
using namespace sc::pricing_test;

namespace {

// m1: 10000 under the default rule (800 flat); m2: 5000 under its own rule (1000, free
// from 4000). A merchant added later (m3) falls under the default rule.
PricingRequest cart() {
    PricingRequest r = request({line("a", "m1", 6000), line("b", "m1", 4000), line("c", "m2", 5000)});
    r.shipping_rules = {ShippingRule{"", 800, std::nullopt}, ShippingRule{"m2", 1000, 4000}};
    return r;
}

}  // namespace

TEST_CASE("shipping: flat fee per merchant, free over the merchant's threshold") {
    const Quote q = price(cart());
    CHECK(q.merchants[0].shipping_fee == 800);
    CHECK(q.merchants[0].shipping == 800);
    CHECK(q.merchants[0].total == 10800);
    CHECK(q.merchants[1].shipping_fee == 0);  // 5000 >= 4000
    CHECK(q.shipping == 800);
    CHECK(q.payable == 15800);
    CHECK(q.saved == 0);
    // Without any rule shipping is free.
    CHECK(price(request({line("a", "m1", 100)})).shipping == 0);
}

TEST_CASE("shipping: the threshold is met by the goods after every discount") {
    PricingRequest r = cart();
    r.coupons = {held("m2off", CouponKind::fixed_amount, 1001, 0, "m2")};
    r.choice = CouponChoice::these({"m2off"});
    Quote q = price(r);
    CHECK(q.merchants[1].goods_net == 3999);
    CHECK(q.merchants[1].shipping_fee == 1000);  // one fen below 4000
    CHECK(q.payable == 10000 + 800 + 3999 + 1000);
    r.coupons = {held("m2off", CouponKind::fixed_amount, 1000, 0, "m2")};
    q = price(r);
    CHECK(q.merchants[1].shipping_fee == 0);  // 4000 exactly
}

TEST_CASE("shipping: a free-shipping coupon waives its issuer's fees and is worth them") {
    PricingRequest r = cart();
    r.lines.push_back(line("d", "m3", 300));
    // Platform: every merchant with a line in scope (m1 800, m3 800; m2 ships free anyway).
    r.coupons = {held("ship", CouponKind::free_shipping, 0)};
    r.choice = CouponChoice::these({"ship"});
    Quote q = price(r);
    CHECK(q.coupons == std::vector<AppliedCoupon>{{"ship", "t_ship", 1600}});
    CHECK(q.merchants[0].shipping_waived_by == "ship");
    CHECK(q.merchants[2].shipping_waived == 800);
    CHECK(q.shipping == 0);
    CHECK(q.saved == 1600);
    CHECK(q.payable == 15300);
    // Scoped to m3's SKU: only m3.
    r.coupons[0].terms.scope.include.skus = {"d"};
    q = price(r);
    CHECK(q.coupons == std::vector<AppliedCoupon>{{"ship", "t_ship", 800}});
    CHECK(q.merchants[0].shipping == 800);
    // A merchant's free-shipping coupon: that merchant only.
    r.coupons = {held("ship1", CouponKind::free_shipping, 0, 0, "m1")};
    r.choice = CouponChoice::these({"ship1"});
    q = price(r);
    CHECK(q.coupons == std::vector<AppliedCoupon>{{"ship1", "t_ship1", 800}});
    CHECK(q.merchants[2].shipping == 800);
}

TEST_CASE("shipping: a free-shipping coupon counts as its issuer's one coupon") {
    PricingRequest r = cart();
    r.coupons = {held("ship1", CouponKind::free_shipping, 0, 0, "m1"), held("off1", CouponKind::fixed_amount, 100, 0, "m1")};
    r.choice = CouponChoice::these({"ship1", "off1"});
    const Quote q = price(r);
    // Template ids decide the order at equal priority: t_off1 before t_ship1.
    CHECK(applied_codes(q) == std::vector<std::string>{"off1"});
    CHECK(explanation(q, "ship1").reason == CouponReason::one_per_issuer);
    CHECK(explanation(q, "ship1").conflicting == "off1");
}

TEST_CASE("shipping: a waiver already given by a promotion leaves a coupon nothing") {
    PricingRequest r = cart();
    r.promotions = {free_shipping_promotion("fs", 0)};
    r.coupons = {held("ship1", CouponKind::free_shipping, 0, 0, "m1")};
    r.choice = CouponChoice::these({"ship1"});
    const Quote q = price(r);
    CHECK(q.promotions == std::vector<AppliedPromotion>{{"fs", 800}});
    CHECK(q.coupons.empty());
    CHECK(explanation(q, "ship1").reason == CouponReason::zero_discount);
    CHECK(q.merchants[0].shipping_waived_by == "fs");
    // Best mode does not pick it either.
    r.choice = CouponChoice::best_combination();
    CHECK(explanation(price(r), "ship1").reason == CouponReason::zero_discount);
}
