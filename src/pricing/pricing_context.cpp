#include "pricing/pricing_context.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <numeric>
#include <set>

namespace sc::pricing_detail {

namespace {

std::string indexed(const char* list, size_t i) { return std::string(list) + "[" + std::to_string(i) + "]."; }

void validate_request(const PricingRequest& r) {
    for (size_t i = 0; i < r.lines.size(); ++i) {
        const PricingInput& in = r.lines[i];
        if (in.sku.currency != r.currency)
            fail(SC_ERR_CURRENCY_MISMATCH,
                 "SKU " + in.sku.id + " is priced in " + in.sku.currency + ", the catalog in " + r.currency,
                 indexed("lines", i) + "sku.currency");
        if (in.quantity < 1) fail(SC_ERR_INVALID_ARGUMENT, "must be at least 1", indexed("lines", i) + "quantity");
        if (in.sku.list_price < 0)
            fail(SC_ERR_INVALID_ARGUMENT, "must not be negative", indexed("lines", i) + "sku.list_price");
    }
    for (size_t i = 0; i < r.item_offers.size(); ++i) validate_item_offer(r.item_offers[i], indexed("item_offers", i));
    std::set<std::string> promotion_ids;
    for (size_t i = 0; i < r.promotions.size(); ++i) {
        validate_promotion(r.promotions[i], indexed("promotions", i));
        if (!promotion_ids.insert(r.promotions[i].id).second)
            fail(SC_ERR_INVALID_ARGUMENT, "duplicates another promotion's id", indexed("promotions", i) + "id");
    }
    validate_shipping_rules(r.shipping_rules, "shipping_rules");
    std::set<std::string> codes;
    for (size_t i = 0; i < r.coupons.size(); ++i) {
        const HeldCoupon& held = r.coupons[i];
        const std::string f = indexed("coupons", i);
        require_id(held.coupon.code, f + "coupon.code");
        if (!codes.insert(held.coupon.code).second)
            fail(SC_ERR_INVALID_ARGUMENT, "duplicates another held coupon's code", f + "coupon.code");
        validate_coupon_template(held.terms, f + "terms.");
        if (held.coupon.template_id != held.terms.id)
            fail(SC_ERR_INVALID_ARGUMENT, "differs from terms.id", f + "coupon.template_id");
        if (held.coupon.valid_until <= held.coupon.valid_from)
            fail(SC_ERR_INVALID_ARGUMENT, "must be after valid_from", f + "coupon.valid_until");
    }
}

size_t merchant_index(PricingContext& c, const std::string& merchant_id) {
    for (size_t m = 0; m < c.merchant_ids.size(); ++m)
        if (c.merchant_ids[m] == merchant_id) return m;
    c.merchant_ids.push_back(merchant_id);
    return c.merchant_ids.size() - 1;
}

// Lines in the scope, and when `only_merchant` is given, of that merchant alone.
Coverage cover(const PricingContext& c, const Scope& scope, std::optional<size_t> only_merchant) {
    Coverage coverage;
    coverage.merchants.assign(c.merchant_ids.size(), 0);
    for (size_t i = 0; i < c.lines.size(); ++i) {
        const LineFacts& line = c.lines[i];
        if (only_merchant && line.merchant != *only_merchant) continue;
        if (!in_scope(scope, *line.sku)) continue;
        coverage.lines.push_back(i);
        coverage.merchants[line.merchant] = 1;
    }
    return coverage;
}

void add_promotions(PricingContext& c, const PricingRequest& r) {
    for (const Promotion& p : r.promotions) {
        if (!promotion_active(p, r.now)) continue;
        PromotionFacts facts{&p, cover(c, p.scope, std::nullopt)};
        if (facts.coverage.lines.empty()) continue;
        (p.kind == PromotionKind::gift ? c.gift_promotions : c.promotions).push_back(std::move(facts));
    }
    auto order = [](const PromotionFacts& a, const PromotionFacts& b) {
        return applies_before(a.promotion->stacking, a.promotion->id, b.promotion->stacking, b.promotion->id);
    };
    std::sort(c.promotions.begin(), c.promotions.end(), order);
    std::sort(c.gift_promotions.begin(), c.gift_promotions.end(), order);
}

std::optional<CouponReason> static_reason(const CouponFacts& f, int64_t now) {
    const CouponState state = state_as_of(f.held->coupon, now);
    if (state == CouponState::expired) return CouponReason::expired;
    if (state != CouponState::available) return CouponReason::not_available;
    if (now < f.held->coupon.valid_from) return CouponReason::not_yet_valid;
    if (f.coverage.lines.empty()) return CouponReason::out_of_scope;
    return std::nullopt;
}

void add_coupons(PricingContext& c, const PricingRequest& r) {
    // Platform, one per merchant of the cart, and one shared by coupons of merchants with no
    // line in the cart (they cover nothing, so they never take it).
    c.slot_count = c.merchant_ids.size() + 2;
    for (const HeldCoupon& held : r.coupons) {
        CouponFacts facts;
        facts.held = &held;
        std::optional<size_t> issuer;
        if (!held.terms.is_platform()) {
            const auto it = std::find(c.merchant_ids.begin(), c.merchant_ids.end(), held.terms.issuer_merchant_id);
            // A merchant without lines in the cart: its coupon covers nothing (out of scope).
            issuer = it == c.merchant_ids.end() ? c.merchant_ids.size() : static_cast<size_t>(it - c.merchant_ids.begin());
            facts.slot = merchant_slot(*issuer);
        }
        facts.coverage = cover(c, held.terms.scope, issuer);
        facts.static_reason = static_reason(facts, r.now);
        c.coupons.push_back(std::move(facts));
    }
    // Application order: template priority descending, template id, then code.
    std::vector<size_t> order(c.coupons.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const CouponFacts& x = c.coupons[a];
        const CouponFacts& y = c.coupons[b];
        if (x.terms().stacking.priority != y.terms().stacking.priority)
            return x.terms().stacking.priority > y.terms().stacking.priority;
        if (x.terms().id != y.terms().id) return x.terms().id < y.terms().id;
        return x.code() < y.code();
    });
    for (size_t rank = 0; rank < order.size(); ++rank) c.coupons[order[rank]].rank = rank;
}

}  // namespace

PricingContext build_context(const PricingRequest& r) {
    validate_request(r);
    PricingContext c;
    c.request = &r;
    int64_t subtotal = 0;
    for (const PricingInput& in : r.lines) {
        LineFacts line;
        line.sku = &in.sku;
        line.quantity = in.quantity;
        line.merchant = merchant_index(c, in.sku.merchant_id);
        line.base = checked_mul(in.sku.list_price, in.quantity, "line amount");
        // Every later sum of nets is at most this one, so only it needs checking.
        subtotal = checked_add(subtotal, line.base, "subtotal");
        c.lines.push_back(line);
    }
    for (const std::string& merchant : c.merchant_ids)
        c.merchant_rules.push_back(shipping_rule_for(r.shipping_rules, merchant));
    add_promotions(c, r);
    add_coupons(c, r);
    return c;
}

}  // namespace sc::pricing_detail
