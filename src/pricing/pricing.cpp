#include "pricing/pricing.hpp"

#include "core/checked.hpp"
#include "core/allocation.hpp"
#include "core/error.hpp"
#include "pricing/best_coupons.hpp"
#include "pricing/coupon_stage.hpp"
#include "pricing/pricing_context.hpp"
#include "pricing/promotion_stage.hpp"
#include "pricing/shipping_settlement.hpp"

#include <algorithm>
#include <map>

namespace sc {

using namespace pricing_detail;

namespace {

// Stage 2: per line, the winning offer takes (list - offer) × quantity off.
void apply_item_prices(const PricingContext& c, CartState& state, AdjustmentLog& log) {
    std::vector<const Sku*> skus;
    for (const LineFacts& line : c.lines) skus.push_back(line.sku);
    const std::vector<const ItemPriceOffer*> offers = winning_offers(c.request->item_offers, skus);
    for (size_t i = 0; i < c.lines.size(); ++i) {
        const LineFacts& line = c.lines[i];
        const ItemPriceOffer* offer = offers[i];
        if (!offer) continue;
        const int64_t amount = checked_mul(line.sku->list_price - offer->unit_price, line.quantity, "item price");
        state.nets[i] -= amount;
        log.push_back(LoggedAdjustment{i, AdjustmentKind::item_price, &offer->source_id, amount});
    }
}

// The explicit list as coupon indices: every code held, none twice.
std::vector<size_t> resolve_codes(const PricingContext& c, const std::vector<std::string>& codes) {
    std::map<std::string, size_t> by_code;
    for (size_t i = 0; i < c.coupons.size(); ++i) by_code.emplace(c.coupons[i].code(), i);
    std::vector<size_t> chosen;
    std::vector<uint8_t> seen(c.coupons.size(), 0);
    for (const std::string& code : codes) {
        const auto it = by_code.find(code);
        if (it == by_code.end()) fail(SC_ERR_NOT_FOUND, "the shopper holds no coupon " + code, "coupons");
        if (seen[it->second]) fail(SC_ERR_INVALID_ARGUMENT, "coupon " + code + " is listed twice", "coupons");
        seen[it->second] = 1;
        chosen.push_back(it->second);
    }
    return chosen;
}

struct Stages {
    PromotionStageResult promotions;
    CouponStageResult coupons;
    ShippingSettlement shipping;
    std::vector<std::optional<CouponMiss>> ruled_out;  // best mode only
};

void add_lines(const PricingContext& c, const CartState& state, const AdjustmentLog& log, Quote& q) {
    std::vector<size_t> counts(c.lines.size(), 0);
    for (const LoggedAdjustment& a : log) ++counts[a.line];
    q.lines.reserve(c.lines.size());
    for (size_t i = 0; i < c.lines.size(); ++i) {
        const Sku& sku = *c.lines[i].sku;
        QuoteLine line;
        line.sku_id = sku.id;
        line.title = sku.title;
        line.merchant_id = sku.merchant_id;
        line.quantity = c.lines[i].quantity;
        line.unit_price = sku.list_price;
        line.base = c.lines[i].base;
        line.adjustments.reserve(counts[i]);
        line.net = state.nets[i];
        q.subtotal += line.base;  // checked in build_context
        q.lines.push_back(std::move(line));
    }
    for (const LoggedAdjustment& a : log) q.lines[a.line].adjustments.push_back(Adjustment{a.kind, *a.source_id, a.amount});
}

void add_merchants(const PricingContext& c, const Stages& s, Quote& q) {
    std::vector<int64_t> subtotals(c.merchant_ids.size(), 0);
    for (const LineFacts& line : c.lines) subtotals[line.merchant] += line.base;
    int64_t waived_total = 0;
    for (size_t m = 0; m < c.merchant_ids.size(); ++m) {
        QuoteMerchant merchant;
        merchant.merchant_id = c.merchant_ids[m];
        merchant.subtotal = subtotals[m];
        merchant.goods_net = s.shipping.goods[m];
        merchant.discount = merchant.subtotal - merchant.goods_net;
        merchant.shipping_fee = s.shipping.fees[m];
        merchant.shipping_waived = s.shipping.waived[m];
        if (const auto& by = s.shipping.waived_by[m]) {
            merchant.shipping_waived_by =
                by->first ? c.promotions[s.promotions.applied[by->second].index].promotion->id
                          : c.coupons[s.coupons.applied[by->second].index].code();
        }
        merchant.shipping = merchant.shipping_fee - merchant.shipping_waived;
        merchant.total = checked_add(merchant.goods_net, merchant.shipping, "merchant total");
        q.discount += merchant.discount;
        waived_total = checked_add(waived_total, merchant.shipping_waived, "shipping waived");
        q.merchants.push_back(std::move(merchant));
    }
    q.shipping = s.shipping.shipping_payable;
    q.payable = checked_add(q.subtotal - q.discount, q.shipping, "payable");
    q.saved = checked_add(q.discount, waived_total, "saved");
}

void add_applied(const PricingContext& c, const Stages& s, Quote& q) {
    q.promotions.reserve(s.promotions.applied.size());
    q.coupons.reserve(s.coupons.applied.size());
    for (size_t k = 0; k < s.promotions.applied.size(); ++k) {
        const AppliedRule& rule = s.promotions.applied[k];
        const int64_t amount = rule.item_amount + s.shipping.promotion_credit[k];
        if (amount > 0) q.promotions.push_back(AppliedPromotion{c.promotions[rule.index].promotion->id, amount});
    }
    for (size_t k = 0; k < s.coupons.applied.size(); ++k) {
        const AppliedRule& rule = s.coupons.applied[k];
        const int64_t amount = rule.item_amount + s.shipping.coupon_credit[k];
        const CouponFacts& coupon = c.coupons[rule.index];
        if (amount > 0) q.coupons.push_back(AppliedCoupon{coupon.code(), coupon.terms().id, amount});
    }
    q.gifts = s.promotions.gifts;
}

// One explanation per held coupon that did not apply, in the order the coupons are held.
void add_explanations(const PricingContext& c, const Stages& s, CouponChoice::Mode mode, Quote& q) {
    std::vector<std::optional<CouponMiss>> why(c.coupons.size());
    std::vector<uint8_t> applied(c.coupons.size(), 0);
    for (size_t k = 0; k < s.coupons.applied.size(); ++k) {
        const AppliedRule& rule = s.coupons.applied[k];
        if (rule.item_amount + s.shipping.coupon_credit[k] > 0)
            applied[rule.index] = 1;
        else  // free shipping that found nothing left to waive
            why[rule.index] = CouponMiss{rule.index, CouponReason::zero_discount, 0, std::nullopt};
    }
    for (const CouponMiss& miss : s.coupons.missed) why[miss.coupon] = miss;
    for (size_t i = 0; i < c.coupons.size(); ++i) {
        if (applied[i]) continue;
        if (!why[i] && c.coupons[i].static_reason)
            why[i] = CouponMiss{i, *c.coupons[i].static_reason, 0, std::nullopt};
        if (!why[i] && mode == CouponChoice::Mode::best) why[i] = s.ruled_out[i];
        const CouponReason reason =
            why[i] ? why[i]->reason
                   : (mode == CouponChoice::Mode::best ? CouponReason::not_better : CouponReason::not_chosen);
        CouponExplanation e;
        e.code = c.coupons[i].code();
        e.template_id = c.coupons[i].terms().id;
        e.reason = reason;
        if (why[i]) {
            e.missing = why[i]->missing;
            if (why[i]->conflicting) e.conflicting = c.coupons[*why[i]->conflicting].code();
        }
        q.explanations.push_back(std::move(e));
    }
}

const std::string kPointsSource = "points";

// Stage 5: how many points pay, and their amount allocated to the lines in proportion to
// what each still costs (largest remainder), so that refunds by line find their share.
void apply_points(const PointsTerms& terms, int64_t goods, CartState& state,
                  AdjustmentLog& log, Quote& q) {
    q.points_max = max_points_usable(terms.redeem, goods, terms.available);
    switch (terms.use.mode) {
        case PointsUse::Mode::none: break;
        case PointsUse::Mode::most: q.points_used = q.points_max; break;
        case PointsUse::Mode::exactly:
            if (terms.use.points < 0) fail(SC_ERR_INVALID_ARGUMENT, "points must not be negative", "points");
            if (terms.use.points % terms.redeem.unit != 0)
                fail(SC_ERR_INVALID_ARGUMENT,
                     "points are used in whole units of " + std::to_string(terms.redeem.unit), "points");
            if (terms.use.points > q.points_max)
                fail(SC_ERR_INVALID_ARGUMENT,
                     "at most " + std::to_string(q.points_max) + " points can pay for this cart", "points");
            q.points_used = terms.use.points;
            break;
    }
    q.points_amount = q.points_used > 0 ? points_value(terms.redeem, q.points_used) : 0;
    if (q.points_amount > 0) {
        const std::vector<int64_t> parts = allocate_largest_remainder(q.points_amount, state.nets);
        for (size_t i = 0; i < parts.size(); ++i) {
            if (parts[i] == 0) continue;
            state.nets[i] -= parts[i];
            log.push_back(LoggedAdjustment{i, AdjustmentKind::points, &kPointsSource, parts[i]});
        }
    }
    q.points_to_earn = points_for_payment_multiplied(terms.earn, goods - q.points_amount, terms.multiplier_bps);
}

// Each merchant's share of the points amount, taken off its total.
void add_points_to_merchants(const PricingContext& c, const AdjustmentLog& log, Quote& q) {
    for (const LoggedAdjustment& a : log) {
        if (a.kind != AdjustmentKind::points) continue;
        QuoteMerchant& m = q.merchants[c.lines[a.line].merchant];
        m.points_amount += a.amount;
        m.total -= a.amount;
    }
    q.payable -= q.points_amount;
}

}  // namespace

Quote price(const PricingRequest& request) {
    const PricingContext c = build_context(request);
    CartState state;
    for (const LineFacts& line : c.lines) state.nets.push_back(line.base);
    AdjustmentLog log;  // at most one entry per line for the offers and for each rule
    log.reserve(c.lines.size() * (1 + c.promotions.size() + std::min<size_t>(c.coupons.size(), c.slot_count)));

    apply_item_prices(c, state, log);
    Stages s;
    s.promotions = apply_promotions(c, state, &log);

    std::vector<size_t> chosen;
    switch (request.choice.mode) {
        case CouponChoice::Mode::none: break;
        case CouponChoice::Mode::explicit_codes: chosen = resolve_codes(c, request.choice.codes); break;
        case CouponChoice::Mode::best: {
            BestCoupons best = find_best_coupons(c, state, s.promotions);
            chosen = std::move(best.chosen);
            s.ruled_out = std::move(best.ruled_out);
            break;
        }
    }
    s.coupons = apply_coupons(c, chosen, state, s.promotions.waived_merchants, &log);
    settle_shipping(c, state, s.promotions.applied, s.coupons.applied, s.shipping);

    Quote q;
    q.currency = request.currency;
    apply_points(request.points, s.shipping.goods_total, state, log, q);
    add_lines(c, state, log, q);
    add_merchants(c, s, q);
    add_points_to_merchants(c, log, q);
    add_applied(c, s, q);
    add_explanations(c, s, request.choice.mode, q);
    return q;
}

}  // namespace sc
