#pragma once
// Builders for the pricing tests: SKUs, promotions and coupons with every field but the
// one a test is about set to something valid, so each test states only what it checks.
#include "pricing/pricing.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sc::pricing_test {

constexpr int64_t kNow = 1'800'000'000'000;
constexpr int64_t kDay = 86'400'000;

inline Sku sku(const std::string& id, const std::string& merchant, int64_t price,
               std::vector<std::string> categories = {}) {
    Sku s;
    s.id = id;
    s.merchant_id = merchant;
    s.title = "Item " + id;
    s.currency = "CNY";
    s.list_price = price;
    s.categories = std::move(categories);
    return s;
}

inline PricingInput line(const std::string& id, const std::string& merchant, int64_t price, int64_t quantity = 1,
                         std::vector<std::string> categories = {}) {
    return PricingInput{sku(id, merchant, price, std::move(categories)), quantity};
}

inline PricingRequest request(std::vector<PricingInput> lines) {
    PricingRequest r;
    r.currency = "CNY";
    r.now = kNow;
    r.lines = std::move(lines);
    return r;
}

inline Promotion promotion(const std::string& id, PromotionKind kind) {
    Promotion p;
    p.id = id;
    p.title = "Promotion " + id;
    p.kind = kind;
    p.starts_at = kNow - kDay;
    return p;
}

inline Promotion tiered(const std::string& id, std::vector<ThresholdTier> tiers) {
    Promotion p = promotion(id, PromotionKind::threshold);
    p.tiers = std::move(tiers);
    return p;
}

inline Promotion every(const std::string& id, int64_t every_amount, int64_t off, std::optional<int64_t> max_off = {}) {
    Promotion p = promotion(id, PromotionKind::threshold);
    p.repeating = RepeatingThreshold{every_amount, off, max_off};
    return p;
}

inline Promotion percent_off(const std::string& id, int64_t bps, std::optional<int64_t> max_off = {},
                             int64_t min_spend = 0) {
    Promotion p = promotion(id, PromotionKind::percent_off);
    p.bps = bps;
    p.max_off = max_off;
    p.min_spend = min_spend;
    return p;
}

inline Promotion free_shipping_promotion(const std::string& id, int64_t min_spend) {
    Promotion p = promotion(id, PromotionKind::free_shipping);
    p.min_spend = min_spend;
    return p;
}

inline Promotion gift(const std::string& id, int64_t min_spend, const std::string& gift_sku, int64_t quantity = 1) {
    Promotion p = promotion(id, PromotionKind::gift);
    p.min_spend = min_spend;
    p.gift_sku_id = gift_sku;
    p.gift_quantity = quantity;
    return p;
}

inline Promotion with_stacking(Promotion p, bool exclusive, int priority = 0) {
    p.stacking = Stacking{exclusive, priority};
    return p;
}

inline CouponTemplate coupon_terms(const std::string& id, CouponKind kind, int64_t value, int64_t min_spend = 0) {
    CouponTemplate t;
    t.id = id;
    t.title = "Coupon " + id;
    t.kind = kind;
    t.value = value;
    t.min_spend = min_spend;
    t.validity.kind = CouponValidity::Kind::fixed_window;
    t.validity.valid_from = kNow - kDay;
    t.validity.valid_until = kNow + 30 * kDay;
    return t;
}

// A held, available coupon "code" of template "t_<code>", valid from a day ago for 30 days.
inline HeldCoupon held(const std::string& code, CouponKind kind, int64_t value, int64_t min_spend = 0,
                       const std::string& issuer = "") {
    HeldCoupon h;
    h.terms = coupon_terms("t_" + code, kind, value, min_spend);
    h.terms.issuer_merchant_id = issuer;
    h.coupon.code = code;
    h.coupon.template_id = h.terms.id;
    h.coupon.owner_user_id = "lin";
    h.coupon.state = CouponState::available;
    h.coupon.valid_from = kNow - kDay;
    h.coupon.valid_until = kNow + 30 * kDay;
    h.coupon.claimed_at = kNow - kDay;
    return h;
}

inline HeldCoupon with_stacking(HeldCoupon h, bool exclusive, int priority = 0) {
    h.terms.stacking = Stacking{exclusive, priority};
    return h;
}

// Σ of a line's adjustments of one kind.
inline int64_t adjusted(const QuoteLine& l, AdjustmentKind kind) {
    int64_t sum = 0;
    for (const auto& a : l.adjustments)
        if (a.kind == kind) sum += a.amount;
    return sum;
}

// The explanation for a code; FAILs the test (returns an empty one) when there is none.
inline CouponExplanation explanation(const Quote& q, const std::string& code) {
    for (const auto& e : q.explanations)
        if (e.code == code) return e;
    return CouponExplanation{"(none)", "", CouponReason::not_chosen, -1, ""};
}

inline std::vector<std::string> applied_codes(const Quote& q) {
    std::vector<std::string> out;
    for (const auto& c : q.coupons) out.push_back(c.code);
    return out;
}

inline std::vector<int64_t> nets(const Quote& q) {
    std::vector<int64_t> out;
    for (const auto& l : q.lines) out.push_back(l.net);
    return out;
}

}  // namespace sc::pricing_test
