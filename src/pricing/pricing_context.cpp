#include "pricing/pricing_context.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"
#include "pricing/lazy_field.hpp"
#include "pricing/scope_index.hpp"

#include <algorithm>
#include <numeric>

namespace sc::pricing_detail {

namespace {

std::string indexed(const char* list, size_t i) { return std::string(list) + "[" + std::to_string(i) + "]."; }

// The first index whose id appeared earlier in the list, if any. Sorting indices by id
// costs one allocation where a set would cost one per element.
template <class Element, class Id>
std::optional<size_t> first_repeat(const std::vector<Element>& elements, Id&& id) {
    std::vector<size_t> order(elements.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const std::string& x = id(elements[a]);
        const std::string& y = id(elements[b]);
        return x != y ? x < y : a < b;
    });
    std::optional<size_t> first;
    for (size_t k = 1; k < order.size(); ++k)
        if (id(elements[order[k]]) == id(elements[order[k - 1]]) && (!first || order[k] < *first)) first = order[k];
    return first;
}

// Checks element i of a list with check(element, ""), naming its errors "<list>[i].<field>".
template <class Element, class Check>
void check_each(const char* list, const std::vector<Element>& elements, Check&& check) {
    for (size_t i = 0; i < elements.size(); ++i)
        prefix_errors([&] { check(elements[i], std::string()); }, [&] { return indexed(list, i); });
}

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
    // Text (ids, titles) is checked where rules and coupons are defined; here only what the
    // arithmetic relies on, since every quote runs this.
    check_each("item_offers", r.item_offers, [](const ItemPriceOffer& offer, const std::string&) {
        if (offer.unit_price < 0) fail(SC_ERR_INVALID_ARGUMENT, "must not be negative", "unit_price");
    });
    check_each("promotions", r.promotions,
               [](const Promotion& p, const std::string& f) { validate_promotion_terms(p, f); });
    if (auto i = first_repeat(r.promotions, [](const Promotion& p) -> const std::string& { return p.id; }))
        fail(SC_ERR_INVALID_ARGUMENT, "duplicates another promotion's id", indexed("promotions", *i) + "id");
    validate_shipping_rules(r.shipping_rules, "shipping_rules");
    check_each("coupons", r.coupons, [](const HeldCoupon& held, const std::string&) {
        if (held.coupon.code.empty()) fail(SC_ERR_INVALID_ARGUMENT, "must not be empty", "coupon.code");
        prefix_errors([&] { validate_coupon_terms(held.terms, {}); }, [] { return std::string("terms."); });
        if (held.coupon.template_id != held.terms.id)
            fail(SC_ERR_INVALID_ARGUMENT, "differs from terms.id", "coupon.template_id");
        if (held.coupon.valid_until <= held.coupon.valid_from)
            fail(SC_ERR_INVALID_ARGUMENT, "must be after valid_from", "coupon.valid_until");
    });
    if (auto i = first_repeat(r.coupons, [](const HeldCoupon& h) -> const std::string& { return h.coupon.code; }))
        fail(SC_ERR_INVALID_ARGUMENT, "duplicates another held coupon's code", indexed("coupons", *i) + "coupon.code");
}

size_t merchant_index(PricingContext& c, const std::string& merchant_id) {
    for (size_t m = 0; m < c.merchant_ids.size(); ++m)
        if (c.merchant_ids[m] == merchant_id) return m;
    c.merchant_ids.push_back(merchant_id);
    return c.merchant_ids.size() - 1;
}

// Lines in the scope, and when `only_merchant` is given, of that merchant alone. Only
// free-shipping rules need the merchants covered.
Coverage cover(const PricingContext& c, const ScopeIndex& index, const Scope& scope,
               std::optional<size_t> only_merchant, bool ships) {
    Coverage coverage;
    coverage.lines = index.lines_in(scope, only_merchant);
    if (ships) {
        coverage.merchants.assign(c.merchant_ids.size(), 0);
        for (size_t line : coverage.lines) coverage.merchants[c.lines[line].merchant] = 1;
    }
    return coverage;
}

void add_promotions(PricingContext& c, const ScopeIndex& index, const PricingRequest& r) {
    for (const Promotion& p : r.promotions) {
        if (!promotion_active(p, r.now)) continue;
        PromotionFacts facts{&p, cover(c, index, p.scope, std::nullopt, p.kind == PromotionKind::free_shipping)};
        if (facts.coverage.lines.empty()) continue;
        (p.kind == PromotionKind::gift ? c.gift_promotions : c.promotions).push_back(std::move(facts));
    }
    auto order = [](const PromotionFacts& a, const PromotionFacts& b) {
        return applies_before(a.promotion->stacking, a.promotion->id, b.promotion->stacking, b.promotion->id);
    };
    // Ids are unique (validated), so the order is total and an unstable sort is exact.
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

void add_coupons(PricingContext& c, const ScopeIndex& index, const PricingRequest& r) {
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
        facts.coverage = cover(c, index, held.terms.scope, issuer, held.terms.kind == CouponKind::free_shipping);
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
        c.merchant_rules.push_back(r.shipping == ShippingMethod::pickup ? nullptr  // nothing ships
                                                                        : shipping_rule_for(r.shipping_rules, merchant));
    std::vector<const Sku*> skus;
    std::vector<size_t> line_merchants;
    for (const LineFacts& line : c.lines) {
        skus.push_back(line.sku);
        line_merchants.push_back(line.merchant);
    }
    const ScopeIndex index(skus, line_merchants, c.merchant_ids);
    add_promotions(c, index, r);
    add_coupons(c, index, r);
    return c;
}

}  // namespace sc::pricing_detail
