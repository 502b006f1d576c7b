// Pricing: automatic promotions — each kind, tiers and 每满, windows, exclusivity and
// conditions checked again after earlier promotions (FEATURES §3 step 3).
#include "check_error.hpp"
#include "pricing/pricing.hpp"
#include "pricing_builders.hpp"

#include <doctest/doctest.h>

using namespace sc;
using namespace sc::pricing_test;

namespace {

// m1: 6000 + 4000, m2: 5000. 15000 in all.
PricingRequest cart() { return request({line("a", "m1", 6000), line("b", "m1", 4000), line("c", "m2", 5000)}); }

Promotion on_merchant(Promotion p, const std::string& merchant) {
    p.scope.include.merchants = {merchant};
    return p;
}

}  // namespace

TEST_CASE("promotions: the highest threshold tier met wins") {
    PricingRequest r = cart();
    r.promotions = {tiered("full", {{10000, 1000}, {15000, 2500}, {20000, 4000}})};
    Quote q = price(r);
    CHECK(q.promotions == std::vector<AppliedPromotion>{{"full", 2500}});
    CHECK(q.payable == 12500);
    CHECK(nets(q) == std::vector<int64_t>{5000, 3333, 4167});
    // One unit short of the 150.00 tier: the 100.00 tier applies.
    r.lines[0].sku.list_price = 5999;
    q = price(r);
    CHECK(q.promotions == std::vector<AppliedPromotion>{{"full", 1000}});
    // Below every tier: nothing.
    r.lines = {line("a", "m1", 9999)};
    CHECK(price(r).promotions.empty());
}

TEST_CASE("promotions: 每满 every X off Y, with and without its cap") {
    PricingRequest r = cart();
    // m1's 10000: 3 × 3000 → 600 off, under the cap.
    r.promotions = {on_merchant(every("each", 3000, 200, 800), "m1")};
    Quote q = price(r);
    CHECK(q.promotions == std::vector<AppliedPromotion>{{"each", 600}});
    CHECK(q.lines[2].net == 5000);
    // All 15000: 5 × 200 = 1000, capped at 800.
    r.promotions = {every("each", 3000, 200, 800)};
    q = price(r);
    CHECK(q.promotions == std::vector<AppliedPromotion>{{"each", 800}});
    // Without a cap: 1000.
    r.promotions = {every("each", 3000, 200)};
    CHECK(price(r).promotions == std::vector<AppliedPromotion>{{"each", 1000}});
}

TEST_CASE("promotions: percent off rounds down, then its cap, and needs its min_spend") {
    PricingRequest r = request({line("a", "m1", 9999)});
    r.promotions = {percent_off("pct", 1250)};
    CHECK(price(r).promotions == std::vector<AppliedPromotion>{{"pct", 1249}});  // 1249.875 → 1249
    r = cart();
    r.promotions = {percent_off("pct", 1250)};
    CHECK(price(r).promotions == std::vector<AppliedPromotion>{{"pct", 1875}});
    r.promotions = {percent_off("pct", 1250, 1500)};
    CHECK(price(r).promotions == std::vector<AppliedPromotion>{{"pct", 1500}});
    r.promotions = {percent_off("pct", 1250, std::nullopt, 15001)};
    CHECK(price(r).promotions.empty());
    r.promotions = {percent_off("pct", 1250, std::nullopt, 15000)};
    CHECK(price(r).promotions.size() == 1);
}

TEST_CASE("promotions: only those inside their window apply") {
    PricingRequest r = cart();
    Promotion later = tiered("later", {{1, 100}});
    later.starts_at = kNow + 1;
    Promotion ended = tiered("ended", {{1, 200}});
    ended.starts_at = kNow - 10;
    ended.ends_at = kNow;  // exclusive end
    Promotion now = tiered("now", {{1, 300}});
    now.starts_at = kNow;
    now.ends_at = kNow + 1;
    r.promotions = {later, ended, now};
    CHECK(price(r).promotions == std::vector<AppliedPromotion>{{"now", 300}});
}

TEST_CASE("promotions: the best exclusive one applies alone; otherwise stackables by priority") {
    PricingRequest r = cart();
    r.promotions = {with_stacking(tiered("ex_small", {{10000, 500}}), true),
                    with_stacking(percent_off("ex_pct", 1000), true),  // 1500: the best exclusive
                    with_stacking(tiered("stack_big", {{5000, 3000}}), false, 100)};
    Quote q = price(r);
    CHECK(q.promotions == std::vector<AppliedPromotion>{{"ex_pct", 1500}});
    CHECK(q.payable == 13500);

    // An exclusive one that gives nothing (condition not met) does not block the others.
    r.promotions = {with_stacking(tiered("ex_far", {{50000, 9000}}), true),
                    with_stacking(tiered("s1", {{5000, 300}}), false, 1), with_stacking(tiered("s2", {{5000, 200}}), false, 2)};
    q = price(r);
    CHECK(q.promotions == std::vector<AppliedPromotion>{{"s2", 200}, {"s1", 300}});  // priority 2 first

    // Equal exclusive discounts: the earlier in application order (priority, then id).
    r.promotions = {with_stacking(tiered("ex_b", {{1, 700}}), true), with_stacking(tiered("ex_a", {{1, 700}}), true)};
    CHECK(price(r).promotions == std::vector<AppliedPromotion>{{"ex_a", 700}});
}

TEST_CASE("promotions: a condition no longer met after an earlier stackable one is skipped") {
    PricingRequest r = cart();
    // 10% first (priority 10): 15000 → 13500, below the 150.00 threshold.
    r.promotions = {with_stacking(percent_off("pct", 1000), false, 10),
                    with_stacking(tiered("full", {{15000, 2000}}), false, 5)};
    Quote q = price(r);
    CHECK(q.promotions == std::vector<AppliedPromotion>{{"pct", 1500}});
    CHECK(q.payable == 13500);
    // The other way round, both apply: 2000 off 15000, then 10% of 13000.
    r.promotions = {with_stacking(percent_off("pct", 1000), false, 5),
                    with_stacking(tiered("full", {{15000, 2000}}), false, 10)};
    q = price(r);
    CHECK(q.promotions == std::vector<AppliedPromotion>{{"full", 2000}, {"pct", 1300}});
    CHECK(q.payable == 11700);
    // Each line shows both adjustments, in order.
    REQUIRE(q.lines[0].adjustments.size() == 2);
    CHECK(q.lines[0].adjustments[0].source_id == "full");
    CHECK(q.lines[0].adjustments[1].source_id == "pct");
}

TEST_CASE("promotions: free shipping per merchant that meets min_spend in scope") {
    PricingRequest r = cart();
    r.shipping_rules = {ShippingRule{"", 800, std::nullopt}};
    r.promotions = {free_shipping_promotion("ship80", 8000)};
    const Quote q = price(r);
    CHECK(q.merchants[0].shipping_fee == 800);
    CHECK(q.merchants[0].shipping_waived == 800);
    CHECK(q.merchants[0].shipping_waived_by == "ship80");
    CHECK(q.merchants[0].shipping == 0);
    CHECK(q.merchants[1].shipping == 800);  // m2's 5000 is below 8000
    CHECK(q.merchants[1].shipping_waived_by.empty());
    CHECK(q.promotions == std::vector<AppliedPromotion>{{"ship80", 800}});
    CHECK(q.shipping == 800);
    CHECK(q.saved == 800);
    CHECK(q.payable == 15800);
}

TEST_CASE("promotions: an exclusive free-shipping promotion competes with the shipping it waives") {
    PricingRequest r = cart();
    r.shipping_rules = {ShippingRule{"", 800, std::nullopt}};
    // Waiving both merchants (1600) beats 1000 off.
    r.promotions = {with_stacking(free_shipping_promotion("ship", 0), true),
                    with_stacking(tiered("full", {{10000, 1000}}), true)};
    Quote q = price(r);
    CHECK(q.promotions == std::vector<AppliedPromotion>{{"ship", 1600}});
    CHECK(q.payable == 15000);
    // 2000 off beats it.
    r.promotions[1] = with_stacking(tiered("full", {{10000, 2000}}), true);
    q = price(r);
    CHECK(q.promotions == std::vector<AppliedPromotion>{{"full", 2000}});
    CHECK(q.payable == 13000 + 1600);
}

TEST_CASE("promotions: a gift is granted when its scope meets min_spend after the promotions") {
    PricingRequest r = cart();
    r.promotions = {gift("mug", 12000, "mug_sku", 2)};
    Quote q = price(r);
    CHECK(q.gifts == std::vector<Gift>{{"mug", "mug_sku", 2}});
    CHECK(q.payable == 15000);  // no price effect
    // 3500 off first leaves 11500: no gift.
    r.promotions.push_back(tiered("full", {{15000, 3500}}));
    q = price(r);
    CHECK(q.gifts.empty());
    // Scoped to m2 (5000): not met.
    r.promotions = {on_merchant(gift("mug", 6000, "mug_sku"), "m2")};
    CHECK(price(r).gifts.empty());
}
