// Best-coupon choice (FEATURES §3): exact, compared with brute force over every subset
// of the held coupons on seeded random carts, plus the cases a greedy choice gets wrong.
#include "check_error.hpp"
#include "pricing/pricing.hpp"
#include "pricing_builders.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <sstream>

using namespace sc;
using namespace sc::pricing_test;

namespace {

// The rank of docs/pricing.md, computed from a quote alone: lower payable, larger coupon
// saving, fewer coupons, sooner expiry, smaller codes. Smaller tuples are better.
struct Rank {
    int64_t payable = 0;
    int64_t minus_saving = 0;
    size_t count = 0;
    std::vector<int64_t> valid_until;
    std::vector<std::string> codes;

    auto tie() const { return std::tie(payable, minus_saving, count, valid_until, codes); }
    bool operator<(const Rank& o) const { return tie() < o.tie(); }
    bool operator==(const Rank& o) const { return tie() == o.tie(); }
};

Rank rank_of(const PricingRequest& r, const Quote& q) {
    std::map<std::string, int64_t> until;
    for (const auto& h : r.coupons) until[h.coupon.code] = h.coupon.valid_until;
    Rank rank;
    rank.payable = q.payable;
    for (const auto& c : q.coupons) {
        rank.minus_saving -= c.amount;
        rank.valid_until.push_back(until.at(c.code));
        rank.codes.push_back(c.code);
    }
    rank.count = q.coupons.size();
    std::sort(rank.valid_until.begin(), rank.valid_until.end());
    std::sort(rank.codes.begin(), rank.codes.end());
    return rank;
}

std::string describe(const Rank& r) {
    std::ostringstream out;
    out << "payable " << r.payable << " saving " << -r.minus_saving << " codes";
    for (const auto& c : r.codes) out << ' ' << c;
    return out.str();
}

// Allowed by the stacking rules: one exclusive coupon alone, or stackable ones with at
// most one per issuer (the platform, each merchant).
bool allowed(const std::vector<const HeldCoupon*>& subset) {
    std::set<std::string> issuers;
    for (const HeldCoupon* h : subset) {
        if (h->terms.stacking.exclusive && subset.size() > 1) return false;
        if (!issuers.insert(h->terms.issuer_merchant_id).second) return false;
    }
    return true;
}

// Quote invariants that hold for every request.
void check_invariants(const Quote& q) {
    int64_t nets = 0;
    int64_t coupon_items = 0;
    for (const auto& l : q.lines) {
        int64_t adjustments = 0;
        for (const auto& a : l.adjustments) {
            CHECK(a.amount > 0);
            adjustments += a.amount;
            if (a.kind == AdjustmentKind::coupon) coupon_items += a.amount;
        }
        CHECK(l.net >= 0);
        CHECK(l.base - adjustments == l.net);
        nets += l.net;
    }
    int64_t totals = 0;
    int64_t waived = 0;
    for (const auto& m : q.merchants) {
        CHECK(m.total == m.goods_net + m.shipping);
        CHECK(m.shipping == m.shipping_fee - m.shipping_waived);
        totals += m.total;
        waived += m.shipping_waived;
    }
    CHECK(q.payable == nets + q.shipping);
    CHECK(q.payable == totals);
    CHECK(q.saved == q.discount + waived);
    int64_t coupon_amounts = 0;
    for (const auto& c : q.coupons) coupon_amounts += c.amount;
    CHECK(coupon_amounts >= coupon_items);  // the rest is shipping waived by coupons
}

// ---- The random carts ----------------------------------------------------------------

// Sizes of the random carts: lines, promotions and coupons drawn from [min, max].
struct CartSizes {
    int min_lines = 1, max_lines = 8;
    int min_promotions = 0, max_promotions = 4;
    int min_coupons = 0, max_coupons = 8;
};

class Generator {
public:
    explicit Generator(uint32_t seed, CartSizes sizes = {}) : rng_(seed), sizes_(sizes) {}

    PricingRequest cart() {
        const int merchants = pick(1, 3);
        const int lines = pick(sizes_.min_lines, sizes_.max_lines);
        PricingRequest r = request({});
        for (int i = 0; i < lines; ++i) {
            const std::string merchant = "m" + std::to_string(pick(0, merchants - 1));
            std::vector<std::string> categories;
            for (const char* c : {"tea", "cup", "snack"})
                if (chance(35)) categories.push_back(c);
            const int64_t price = chance(15) ? pick(1, 99) : pick(100, 20000);
            r.lines.push_back(line("s" + std::to_string(i), merchant, price, pick(1, 3), categories));
            if (chance(15))
                r.item_offers.push_back({"s" + std::to_string(i), price * pick(50, 95) / 100,
                                         static_cast<ItemPriceKind>(pick(0, 2)), "offer" + std::to_string(i)});
        }
        if (chance(70)) r.shipping_rules.push_back(shipping_rule(""));
        for (int m = 0; m < merchants; ++m)
            if (chance(30)) r.shipping_rules.push_back(shipping_rule("m" + std::to_string(m)));
        const int promotions = pick(sizes_.min_promotions, sizes_.max_promotions);
        for (int i = 0; i < promotions; ++i) r.promotions.push_back(promotion(i));
        const int coupons = pick(sizes_.min_coupons, sizes_.max_coupons);
        for (int i = 0; i < coupons; ++i) r.coupons.push_back(coupon(i, merchants));
        return r;
    }

private:
    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool chance(int percent) { return pick(1, 100) <= percent; }

    ShippingRule shipping_rule(const std::string& merchant) {
        ShippingRule rule{merchant, chance(20) ? 0 : pick(1, 15) * 100, std::nullopt};
        if (chance(60)) rule.free_over = pick(1, 40) * 500;
        return rule;
    }

    Scope scope() {
        Scope s;
        if (chance(60)) return s;
        if (chance(40)) s.include.merchants.push_back("m" + std::to_string(pick(0, 2)));
        if (chance(40)) s.include.categories.push_back(chance(50) ? "tea" : "cup");
        if (chance(30)) s.include.skus.push_back("s" + std::to_string(pick(0, sizes_.max_lines - 1)));
        if (chance(25)) s.exclude.skus.push_back("s" + std::to_string(pick(0, sizes_.max_lines - 1)));
        if (chance(15)) s.exclude.categories.push_back("snack");
        return s;
    }

    Promotion promotion(int i) {
        const std::string id = "p" + std::to_string(i);
        Promotion p;
        switch (pick(0, 4)) {
            case 0: {
                std::vector<ThresholdTier> tiers;
                int64_t at = 0;
                for (int t = pick(1, 3); t > 0; --t) {
                    at += pick(1, 30) * 500;
                    tiers.push_back({at, pick(1, 20) * 100});
                }
                p = tiered(id, tiers);
                break;
            }
            case 1:
                p = every(id, pick(1, 20) * 500, pick(1, 10) * 50,
                          chance(50) ? std::optional<int64_t>(pick(1, 20) * 100) : std::nullopt);
                break;
            case 2:
                p = percent_off(id, pick(1, 30) * 100, chance(50) ? std::optional<int64_t>(pick(1, 30) * 100) : std::nullopt,
                                chance(50) ? pick(0, 20) * 500 : 0);
                break;
            case 3: p = free_shipping_promotion(id, pick(0, 20) * 500); break;
            default: p = gift(id, pick(0, 30) * 500, "gift_sku"); break;
        }
        p.scope = scope();
        if (p.kind != PromotionKind::gift) p.stacking = Stacking{chance(20), pick(0, 3)};
        if (chance(10)) p.starts_at = kNow + 1;
        return p;
    }

    HeldCoupon coupon(int i, int merchants) {
        const std::string code = "k" + std::to_string(i);
        const std::string issuer = chance(45) ? "" : "m" + std::to_string(pick(0, merchants));  // m<merchants>: absent
        HeldCoupon h;
        switch (pick(0, 3)) {
            case 0: h = held(code, CouponKind::fixed_amount, pick(1, 40) * 50, chance(50) ? pick(0, 30) * 500 : 0, issuer); break;
            case 1:
                h = held(code, CouponKind::percent, pick(1, 40) * 50, chance(50) ? pick(0, 30) * 500 : 0, issuer);
                if (chance(50)) h.terms.max_off = pick(1, 30) * 100;
                break;
            case 2: h = held(code, CouponKind::threshold, pick(1, 30) * 100, pick(1, 40) * 500, issuer); break;
            default: h = held(code, CouponKind::free_shipping, 0, chance(50) ? pick(0, 20) * 500 : 0, issuer); break;
        }
        // Shared templates and equal values make ties, which the rank must break.
        if (chance(20)) h.terms.id = h.coupon.template_id = "t_shared" + std::to_string(pick(0, 1)) + issuer;
        h.terms.scope = scope();
        h.terms.stacking = Stacking{chance(25), pick(0, 3)};
        h.coupon.valid_until = kNow + pick(1, 5) * kDay;
        if (chance(8)) h.coupon.valid_until = kNow - pick(0, 3);
        if (chance(8)) {
            h.coupon.valid_from = kNow + pick(1, 3);
            h.coupon.valid_until = h.coupon.valid_from + kDay;
        }
        if (chance(8)) h.coupon.state = static_cast<CouponState>(pick(1, 4));
        return h;
    }

    std::mt19937 rng_;
    CartSizes sizes_;
};

// Coupons with equal terms under a shared template id must have equal terms.
void share_templates(PricingRequest& r) {
    std::map<std::string, CouponTemplate> first;
    for (auto& h : r.coupons) {
        auto [it, fresh] = first.emplace(h.terms.id, h.terms);
        if (!fresh) h.terms = it->second;
    }
}

// Everything but the explanations, whose reasons differ by mode (not_better, not_chosen).
void check_same_pricing(const Quote& a, const Quote& b) {
    CHECK(a.lines == b.lines);
    CHECK(a.merchants == b.merchants);
    CHECK(a.promotions == b.promotions);
    CHECK(a.coupons == b.coupons);
    CHECK(a.gifts == b.gifts);
    CHECK(a.payable == b.payable);
    CHECK(a.saved == b.saved);
    CHECK(a.discount == b.discount);
    CHECK(a.shipping == b.shipping);
}

// Prices `carts` random carts in best mode and every allowed subset of their coupons
// explicitly; the best rank must be the brute-force one, and the best quote the quote of
// its codes chosen explicitly. Returns how many carts had a coupon chosen, and more than one.
std::pair<int, int> compare_with_brute_force(Generator& gen, int carts) {
    int carts_with_choice = 0;
    int carts_with_several = 0;
    for (int round = 0; round < carts; ++round) {
        PricingRequest r = gen.cart();
        share_templates(r);
        const size_t n = r.coupons.size();
        Rank brute;
        bool have = false;
        for (uint32_t mask = 0; mask < (1u << n); ++mask) {
            std::vector<const HeldCoupon*> subset;
            std::vector<std::string> codes;
            for (size_t i = 0; i < n; ++i)
                if (mask & (1u << i)) {
                    subset.push_back(&r.coupons[i]);
                    codes.push_back(r.coupons[i].coupon.code);
                }
            if (!allowed(subset)) continue;
            r.choice = CouponChoice::these(codes);
            const Rank rank = rank_of(r, price(r));
            if (!have || rank < brute) brute = rank;
            have = true;
        }

        r.choice = CouponChoice::best_combination();
        const Quote best = price(r);
        const Rank got = rank_of(r, best);
        INFO("round " << round << ": best " << describe(got) << ", brute force " << describe(brute));
        REQUIRE(got == brute);
        check_invariants(best);

        // The best quote is the quote of its codes chosen explicitly.
        r.choice = CouponChoice::these(applied_codes(best));
        check_same_pricing(best, price(r));
        for (const auto& e : best.explanations) CHECK(e.reason != CouponReason::not_chosen);
        if (!best.coupons.empty()) ++carts_with_choice;
        if (best.coupons.size() > 1) ++carts_with_several;
    }
    return {carts_with_choice, carts_with_several};
}

}  // namespace

TEST_CASE("best coupons: equals brute force over every subset on 1500 seeded random carts") {
    Generator gen(20260517);
    const auto [with_choice, with_several] = compare_with_brute_force(gen, 1500);
    // The generator exercises real choices, not only empty ones.
    CHECK(with_choice > 400);
    CHECK(with_several > 100);
}

TEST_CASE("best coupons: equals brute force on large carts (30-50 lines, 9-10 coupons, 8-20 promotions)") {
    Generator gen(4242, CartSizes{30, 50, 8, 20, 9, 10});
    const auto [with_choice, with_several] = compare_with_brute_force(gen, 12);
    CHECK(with_choice > 3);
    CHECK(with_several > 1);
}

TEST_CASE("best coupons: two stackable coupons beat the largest single one (not greedy)") {
    PricingRequest r = request({line("a", "m1", 6000), line("b", "m1", 4000), line("c", "m2", 5000)});
    r.coupons = {with_stacking(held("X", CouponKind::fixed_amount, 1200), true), held("P", CouponKind::fixed_amount, 800),
                 held("M", CouponKind::fixed_amount, 700, 0, "m1")};
    r.choice = CouponChoice::best_combination();
    const Quote q = price(r);
    CHECK(applied_codes(q) == std::vector<std::string>{"M", "P"});
    CHECK(q.payable == 13500);
    CHECK(explanation(q, "X").reason == CouponReason::not_better);
}

TEST_CASE("best coupons: no coupon at all when one would cost more in shipping than it saves") {
    // Goods 10000 ship free from 9900; 200 off would bring back the 1000 fee.
    PricingRequest r = request({line("a", "m1", 10000)});
    r.shipping_rules = {ShippingRule{"", 1000, 9900}};
    r.coupons = {held("small", CouponKind::fixed_amount, 200)};
    r.choice = CouponChoice::best_combination();
    Quote q = price(r);
    CHECK(q.coupons.empty());
    CHECK(q.payable == 10000);
    CHECK(explanation(q, "small").reason == CouponReason::not_better);
    // 1500 off is worth the fee: 8500 + 1000.
    r.coupons.push_back(held("large", CouponKind::fixed_amount, 1500));
    q = price(r);
    CHECK(applied_codes(q) == std::vector<std::string>{"large"});
    CHECK(q.payable == 9500);
}

TEST_CASE("best coupons: ties go to fewer coupons, then the sooner expiry, then the smaller code") {
    PricingRequest r = request({line("a", "m1", 5000)});
    // 500 from one exclusive coupon, or 300 + 200 from platform + merchant: one coupon wins.
    r.coupons = {with_stacking(held("one", CouponKind::fixed_amount, 500), true), held("pa", CouponKind::fixed_amount, 300),
                 held("mb", CouponKind::fixed_amount, 200, 0, "m1")};
    r.choice = CouponChoice::best_combination();
    CHECK(applied_codes(price(r)) == std::vector<std::string>{"one"});

    r.coupons = {held("late", CouponKind::fixed_amount, 500), held("soon", CouponKind::fixed_amount, 500)};
    r.coupons[0].coupon.valid_until = kNow + 9 * kDay;
    r.coupons[1].coupon.valid_until = kNow + 2 * kDay;
    CHECK(applied_codes(price(r)) == std::vector<std::string>{"soon"});
    r.coupons[0].coupon.valid_until = r.coupons[1].coupon.valid_until;
    CHECK(applied_codes(price(r)) == std::vector<std::string>{"late"});  // "late" < "soon"
}

TEST_CASE("best coupons: coupons that can never apply keep their own reason") {
    PricingRequest r = request({line("a", "m1", 8800)});
    HeldCoupon expired = held("old", CouponKind::fixed_amount, 100);
    expired.coupon.valid_until = kNow - 1;
    r.coupons = {held("far", CouponKind::threshold, 500, 10000), expired, held("ok", CouponKind::fixed_amount, 100)};
    r.choice = CouponChoice::best_combination();
    const Quote q = price(r);
    CHECK(applied_codes(q) == std::vector<std::string>{"ok"});
    CHECK(explanation(q, "far").reason == CouponReason::below_min_spend);
    CHECK(explanation(q, "far").missing == 1200);
    CHECK(explanation(q, "old").reason == CouponReason::expired);
}
