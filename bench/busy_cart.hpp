#pragma once
// The busy cart the pricing benchmarks share: 50 lines over 3 merchants, item offers,
// 20 active promotions, shipping rules and 10 held coupons of every kind, in best-coupon
// mode. bench_pricing prices it with the pure function; bench_quote puts the same rules
// and coupons into an engine and quotes the same cart end to end.
#include "support.hpp"

#include "pricing/pricing.hpp"

#include <string>
#include <vector>

namespace bench {

constexpr int64_t kNow = ManualClock::kStart;
constexpr int64_t kDay = 86'400'000;

inline sc::Sku sku(int n, const std::string& merchant, int64_t price, std::vector<std::string> categories) {
    sc::Sku s;
    s.id = id("sku", n);
    s.merchant_id = merchant;
    s.title = id("Item ", n);
    s.currency = "CNY";
    s.list_price = price;
    s.categories = std::move(categories);
    return s;
}

inline sc::Promotion promotion(int n, sc::PromotionKind kind) {
    sc::Promotion p;
    p.id = id("promo", n);
    p.title = id("Promotion ", n);
    p.kind = kind;
    p.starts_at = kNow - kDay;
    p.ends_at = kNow + kDay;
    p.stacking.priority = n % 4;
    return p;
}

inline sc::HeldCoupon coupon(int n, sc::CouponKind kind, int64_t value, int64_t min_spend, const std::string& issuer) {
    sc::HeldCoupon h;
    h.terms.id = id("tpl", n);
    h.terms.title = id("Coupon ", n);
    h.terms.kind = kind;
    h.terms.value = value;
    h.terms.min_spend = min_spend;
    h.terms.issuer_merchant_id = issuer;
    h.terms.validity.valid_from = kNow - kDay;
    h.terms.validity.valid_until = kNow + 30 * kDay;
    h.coupon.code = id("CPN", n);
    h.coupon.template_id = h.terms.id;
    h.coupon.owner_user_id = "u1";
    h.coupon.valid_from = kNow - kDay;
    h.coupon.valid_until = kNow + (5 + n) * kDay;
    return h;
}

inline sc::PricingRequest busy_cart() {
    sc::PricingRequest r;
    r.currency = "CNY";
    r.now = kNow;
    const char* merchants[] = {"m_tea", "m_cups", "m_snacks"};
    const char* categories[] = {"tea", "cup", "snack", "gift", "premium"};
    for (int i = 0; i < 50; ++i) {
        std::vector<std::string> cats{categories[i % 3]};
        if (i % 7 == 0) cats.push_back(categories[3 + i % 2]);
        r.lines.push_back({sku(i, merchants[i % 3], 990 + 137 * ((i * 37) % 50), cats), 1 + i % 3});
        if (i % 5 == 0) r.item_offers.push_back({id("sku", i), 800 + 97 * ((i * 37) % 50), sc::ItemPriceKind::member, "gold"});
        if (i % 11 == 0) r.item_offers.push_back({id("sku", i), 700, sc::ItemPriceKind::flash_sale, id("fs", i)});
    }
    // 20 active promotions: tiers, 每满, percent off, free shipping and gifts over scopes.
    for (int n = 0; n < 20; ++n) {
        sc::Promotion p;
        switch (n % 5) {
            case 0:
                p = promotion(n, sc::PromotionKind::threshold);
                p.tiers = {{10000, 500 + 10 * n}, {30000, 2000 + 10 * n}, {60000, 5000}};
                break;
            case 1:
                p = promotion(n, sc::PromotionKind::threshold);
                p.repeating = sc::RepeatingThreshold{20000, 1000, 5000};
                break;
            case 2:
                p = promotion(n, sc::PromotionKind::percent_off);
                p.bps = 300 + 10 * n;
                p.max_off = 3000;
                break;
            case 3:
                p = promotion(n, sc::PromotionKind::free_shipping);
                p.min_spend = 20000 + 1000 * n;
                break;
            default:
                p = promotion(n, sc::PromotionKind::gift);
                p.min_spend = 5000 * n;
                p.gift_sku_id = "gift";
                p.gift_quantity = 1;
                break;
        }
        if (n % 3 == 1) p.scope.include.merchants = {merchants[n % 3]};
        if (n % 4 == 2) p.scope.include.categories = {categories[n % 5]};
        if (n % 6 == 5) p.scope.exclude.skus = {id("sku", n)};
        // One exclusive promotion whose threshold the cart does not reach: an exclusive one
        // that gives a discount applies alone, and here the stackable ones should all run.
        if (n == 10) {
            p.stacking.exclusive = true;
            p.tiers = {{10'000'000, 300}};
        }
        r.promotions.push_back(p);
    }
    r.shipping_rules = {{"", 1000, 30000}, {"m_snacks", 600, 80000}};
    // 10 coupons: platform and merchant ones of every kind, two exclusive.
    r.coupons = {
        coupon(0, sc::CouponKind::threshold, 3000, 50000, ""),
        coupon(1, sc::CouponKind::percent, 800, 0, ""),
        coupon(2, sc::CouponKind::fixed_amount, 1500, 20000, ""),
        coupon(3, sc::CouponKind::free_shipping, 0, 0, ""),
        coupon(4, sc::CouponKind::fixed_amount, 800, 10000, "m_tea"),
        coupon(5, sc::CouponKind::threshold, 1200, 15000, "m_tea"),
        coupon(6, sc::CouponKind::percent, 1000, 0, "m_cups"),
        coupon(7, sc::CouponKind::free_shipping, 0, 0, "m_cups"),
        coupon(8, sc::CouponKind::fixed_amount, 500, 0, "m_snacks"),
        coupon(9, sc::CouponKind::percent, 1500, 30000, ""),
    };
    r.coupons[9].terms.max_off = 6000;
    r.coupons[1].terms.max_off = 4000;
    r.coupons[6].terms.max_off = 1500;
    r.coupons[9].terms.stacking.exclusive = true;
    r.coupons[2].terms.stacking.exclusive = true;
    r.coupons[5].terms.scope.include.categories = {"tea"};
    r.coupons[8].terms.scope.exclude.categories = {"gift"};
    r.choice = sc::CouponChoice::best_combination();
    return r;
}

}  // namespace bench
