// Pricing: base prices, item price offers, scopes, allocation, overflow, validation and
// determinism (FEATURES §3).
#include "check_error.hpp"
#include "pricing/pricing.hpp"
#include "pricing_builders.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <limits>

using namespace sc;
using namespace sc::pricing_test;

TEST_CASE("pricing: base prices, merchants in first-appearance order, totals") {
    const Quote q = price(request({line("a", "m1", 6800), line("b", "m2", 3950, 2), line("c", "m1", 100, 3)}));
    CHECK(q.currency == "CNY");
    REQUIRE(q.lines.size() == 3);
    CHECK(q.lines[1].base == 7900);
    CHECK(q.lines[1].net == 7900);
    CHECK(q.lines[1].adjustments.empty());
    REQUIRE(q.merchants.size() == 2);
    CHECK(q.merchants[0].merchant_id == "m1");
    CHECK(q.merchants[0].subtotal == 7100);
    CHECK(q.merchants[0].total == 7100);
    CHECK(q.merchants[1].merchant_id == "m2");
    CHECK(q.subtotal == 15000);
    CHECK(q.discount == 0);
    CHECK(q.shipping == 0);
    CHECK(q.payable == 15000);
    CHECK(q.saved == 0);
}

TEST_CASE("pricing: price_lines still prices base only and checks the currency") {
    const Quote q = price_lines("CNY", {line("a", "m1", 6800, 2)});
    CHECK(q.payable == 13600);
    CHECK(q.lines[0].net == 13600);
    PricingInput usd = line("b", "m1", 100);
    usd.sku.currency = "USD";
    CHECK_SC_ERROR_FIELD(price_lines("CNY", {line("a", "m1", 1), usd}), SC_ERR_CURRENCY_MISMATCH,
                         "lines[1].sku.currency");
}

TEST_CASE("pricing: the lowest item offer below list price wins; ties by kind, then source id") {
    PricingRequest r = request({line("a", "m1", 6800, 2), line("b", "m1", 1000), line("c", "m1", 500)});
    r.item_offers = {
        {"a", 6000, ItemPriceKind::member, "gold"},
        {"a", 5000, ItemPriceKind::group, "g1"},
        {"a", 5000, ItemPriceKind::flash_sale, "fs1"},  // same price as g1: flash sale first
        {"a", 5000, ItemPriceKind::member, "aaa"},
        {"b", 1000, ItemPriceKind::flash_sale, "fs2"},  // not below list: no effect
        {"c", 400, ItemPriceKind::member, "tier_b"},
        {"c", 400, ItemPriceKind::member, "tier_a"},    // same kind and price: smaller source id
    };
    const Quote q = price(r);
    REQUIRE(q.lines[0].adjustments.size() == 1);
    CHECK(q.lines[0].adjustments[0] == Adjustment{AdjustmentKind::item_price, "fs1", 3600});
    CHECK(q.lines[0].net == 10000);
    CHECK(q.lines[1].adjustments.empty());
    CHECK(q.lines[2].adjustments[0].source_id == "tier_a");
    CHECK(q.discount == 3700);
    CHECK(q.saved == 3700);
    CHECK(q.payable == 13600 + 1000 + 500 - 3700);
}

TEST_CASE("pricing: scope matches any include entry and no exclude entry") {
    const Sku x = sku("x", "m1", 100, {"tea"});
    const Sku y = sku("y", "m1", 100, {"cup"});
    const Sku z = sku("z", "m2", 100, {"tea"});
    const Sku w = sku("w", "m2", 100, {"snack", "tea"});
    Scope all;
    CHECK(in_scope(all, x));
    Scope s;
    s.include.merchants = {"m1"};
    s.include.categories = {"snack"};
    CHECK(in_scope(s, x));
    CHECK(in_scope(s, y));
    CHECK_FALSE(in_scope(s, z));
    CHECK(in_scope(s, w));  // by category, though its merchant is not listed
    s.exclude.skus = {"y"};
    CHECK_FALSE(in_scope(s, y));
    s.exclude.categories = {"tea"};  // an exclude wins over any include
    CHECK_FALSE(in_scope(s, x));
    CHECK_FALSE(in_scope(s, w));
    Scope only_excludes;
    only_excludes.exclude.merchants = {"m2"};
    CHECK(in_scope(only_excludes, x));
    CHECK_FALSE(in_scope(only_excludes, z));

    // Through a promotion: 10% off merchant m1 or category snack, but not SKU y.
    PricingRequest r = request({PricingInput{x, 1}, PricingInput{y, 1}, PricingInput{z, 1}, PricingInput{w, 1}});
    Promotion p = percent_off("p", 1000);
    p.scope.include.merchants = {"m1"};
    p.scope.include.categories = {"snack"};
    p.scope.exclude.skus = {"y"};
    r.promotions = {p};
    CHECK(nets(price(r)) == std::vector<int64_t>{90, 100, 100, 90});
}

TEST_CASE("pricing: an order-level amount is split by largest remainder, ties to the earlier line") {
    // 100 off three lines of 1000: 33.33 each, the spare unit to the first.
    PricingRequest r = request({line("a", "m1", 1000), line("b", "m1", 1000), line("c", "m1", 1000)});
    r.promotions = {tiered("p", {{1, 100}})};
    Quote q = price(r);
    CHECK(nets(q) == std::vector<int64_t>{966, 967, 967});
    CHECK(adjusted(q.lines[0], AdjustmentKind::promotion) == 34);
    CHECK(q.discount == 100);

    // 2500 over 6000 / 4000 / 5000: 1000, 666.67, 833.33 → the spare unit to the largest
    // remainder (the second line), not the last.
    r = request({line("a", "m1", 6000), line("b", "m1", 4000), line("c", "m2", 5000)});
    r.promotions = {tiered("p", {{1, 2500}})};
    q = price(r);
    CHECK(adjusted(q.lines[0], AdjustmentKind::promotion) == 1000);
    CHECK(adjusted(q.lines[1], AdjustmentKind::promotion) == 667);
    CHECK(adjusted(q.lines[2], AdjustmentKind::promotion) == 833);
    CHECK(q.promotions == std::vector<AppliedPromotion>{{"p", 2500}});
}

TEST_CASE("pricing: a discount larger than its scope takes the scope to zero and no further") {
    PricingRequest r = request({line("x", "m1", 1200), line("y", "m1", 5000)});
    HeldCoupon c = held("big", CouponKind::fixed_amount, 5000);
    c.terms.scope.include.skus = {"x"};
    r.coupons = {c};
    r.choice = CouponChoice::these({"big"});
    const Quote q = price(r);
    CHECK(nets(q) == std::vector<int64_t>{0, 5000});
    CHECK(q.coupons == std::vector<AppliedCoupon>{{"big", "t_big", 1200}});
    CHECK(q.payable == 5000);

    // Stacked rules never take a line below zero either.
    r = request({line("x", "m1", 999), line("y", "m1", 1)});
    r.promotions = {tiered("p1", {{1, 700}}), tiered("p2", {{1, 700}})};
    const Quote q2 = price(r);
    CHECK(nets(q2) == std::vector<int64_t>{0, 0});
    CHECK(q2.promotions == std::vector<AppliedPromotion>{{"p1", 700}, {"p2", 300}});
    for (const auto& l : q2.lines) {
        int64_t sum = 0;
        for (const auto& a : l.adjustments) sum += a.amount;
        CHECK(l.base - sum == l.net);
    }
}

TEST_CASE("pricing: amounts that do not fit 64 bits fail with SC_ERR_OVERFLOW") {
    const int64_t big = std::numeric_limits<int64_t>::max() / 2;
    CHECK_SC_ERROR(price(request({line("a", "m1", big, 3)})), SC_ERR_OVERFLOW);
    CHECK_SC_ERROR(price(request({line("a", "m1", big), line("b", "m1", big), line("c", "m1", 2)})), SC_ERR_OVERFLOW);
    PricingRequest r = request({line("a", "m1", 1), line("b", "m2", 1)});
    r.shipping_rules = {ShippingRule{"", big + 1, std::nullopt}};
    CHECK_SC_ERROR(price(r), SC_ERR_OVERFLOW);
    // Goods plus shipping past the limit.
    r = request({line("a", "m1", big)});
    r.shipping_rules = {ShippingRule{"", big + 10, std::nullopt}};
    CHECK_SC_ERROR(price(r), SC_ERR_OVERFLOW);
    // A 每满 rule whose raw product would overflow is capped by the amount instead.
    r = request({line("a", "m1", big)});
    r.promotions = {every("p", 1, big)};
    CHECK(price(r).payable == 0);
}

TEST_CASE("pricing: invalid input names the field at fault") {
    PricingRequest r = request({line("a", "m1", 100), line("b", "m1", 100, 0)});
    CHECK_SC_ERROR_FIELD(price(r), SC_ERR_INVALID_ARGUMENT, "lines[1].quantity");
    r = request({line("a", "m1", 100)});
    r.promotions = {percent_off("p", 1000), percent_off("q", 0)};
    CHECK_SC_ERROR_FIELD(price(r), SC_ERR_INVALID_ARGUMENT, "promotions[1].bps");
    r.promotions = {percent_off("p", 1000), percent_off("p", 500)};
    CHECK_SC_ERROR_FIELD(price(r), SC_ERR_INVALID_ARGUMENT, "promotions[1].id");
    r.promotions = {tiered("p", {{1000, 10}, {1000, 20}})};
    CHECK_SC_ERROR_FIELD(price(r), SC_ERR_INVALID_ARGUMENT, "promotions[0].tiers[1].min_spend");
    r.promotions = {with_stacking(gift("g", 100, "mug"), true)};
    CHECK_SC_ERROR_FIELD(price(r), SC_ERR_INVALID_ARGUMENT, "promotions[0].exclusive");
    r.promotions = {};
    r.shipping_rules = {ShippingRule{"m1", 100, {}}, ShippingRule{"m1", 200, {}}};
    CHECK_SC_ERROR_FIELD(price(r), SC_ERR_INVALID_ARGUMENT, "shipping_rules[1].merchant_id");
    r.shipping_rules = {ShippingRule{"", -1, {}}};
    CHECK_SC_ERROR_FIELD(price(r), SC_ERR_INVALID_ARGUMENT, "shipping_rules[0].flat_fee");
    r.shipping_rules = {};
    r.item_offers = {{"a", -1, ItemPriceKind::member, "gold"}};
    CHECK_SC_ERROR_FIELD(price(r), SC_ERR_INVALID_ARGUMENT, "item_offers[0].unit_price");
    r.item_offers = {};
    r.coupons = {held("c1", CouponKind::fixed_amount, 100), held("c1", CouponKind::fixed_amount, 200)};
    CHECK_SC_ERROR_FIELD(price(r), SC_ERR_INVALID_ARGUMENT, "coupons[1].coupon.code");
    r.coupons = {held("c1", CouponKind::percent, 0)};
    CHECK_SC_ERROR_FIELD(price(r), SC_ERR_INVALID_ARGUMENT, "coupons[0].terms.value");
    HeldCoupon mismatched = held("c1", CouponKind::fixed_amount, 100);
    mismatched.coupon.template_id = "other";
    r.coupons = {mismatched};
    CHECK_SC_ERROR_FIELD(price(r), SC_ERR_INVALID_ARGUMENT, "coupons[0].coupon.template_id");
}

namespace {

PricingRequest busy_request() {
    PricingRequest r = request({line("a", "m1", 6000, 1, {"tea"}), line("b", "m1", 4000, 2, {"cup"}),
                                line("c", "m2", 5000, 1, {"tea"}), line("d", "m3", 333, 7)});
    r.item_offers = {{"b", 3500, ItemPriceKind::member, "gold"}};
    Promotion tea = percent_off("tea10", 1000, 400);
    tea.scope.include.categories = {"tea"};
    r.promotions = {tiered("full", {{10000, 500}, {20000, 1200}}), tea, with_stacking(every("each", 3000, 100), false, 5),
                    free_shipping_promotion("ship", 9000), gift("mug", 1000, "mug_sku")};
    r.shipping_rules = {ShippingRule{"", 800, 20000}, ShippingRule{"m3", 500, std::nullopt}};
    r.coupons = {held("p1", CouponKind::percent, 800, 5000), held("m2a", CouponKind::fixed_amount, 300, 0, "m2"),
                 held("ship3", CouponKind::free_shipping, 0, 0, "m3"), held("thr", CouponKind::threshold, 1000, 30000)};
    r.choice = CouponChoice::best_combination();
    return r;
}

}  // namespace

TEST_CASE("pricing: the same request gives the same quote, field by field") {
    const PricingRequest r = busy_request();
    const Quote first = price(r);
    const Quote second = price(r);
    CHECK(first.lines == second.lines);
    CHECK(first.merchants == second.merchants);
    CHECK(first.promotions == second.promotions);
    CHECK(first.coupons == second.coupons);
    CHECK(first.gifts == second.gifts);
    CHECK(first.explanations == second.explanations);
    CHECK(first.payable == second.payable);
    CHECK(first.saved == second.saved);
    CHECK(first == second);
    // The order promotions are listed in does not matter: priority and id decide.
    PricingRequest reordered = r;
    std::reverse(reordered.promotions.begin(), reordered.promotions.end());
    std::reverse(reordered.item_offers.begin(), reordered.item_offers.end());
    CHECK(price(reordered) == first);
    // Sanity of the busy quote itself.
    int64_t sum = 0;
    for (const auto& m : first.merchants) sum += m.total;
    CHECK(sum == first.payable);
    CHECK(first.payable == first.subtotal - first.discount + first.shipping);
}
