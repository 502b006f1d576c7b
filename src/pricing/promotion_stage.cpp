#include "pricing/promotion_stage.hpp"

#include "core/checked.hpp"

namespace sc::pricing_detail {

namespace {

// What a promotion would do at the current state; applies when item_amount > 0 or it
// claims some merchant's shipping.
struct Effect {
    int64_t item_amount = 0;
    std::vector<uint8_t> waives;    // free shipping only
    int64_t shipping_estimate = 0;  // free shipping only: fees it would waive now

    bool applies() const { return item_amount > 0 || !waives.empty(); }
    int64_t worth() const { return item_amount > 0 ? item_amount : shipping_estimate; }
};

Effect evaluate(const PricingContext& c, const PromotionFacts& facts, const CartState& state) {
    const Promotion& p = *facts.promotion;
    Effect effect;
    if (p.kind != PromotionKind::free_shipping) {
        effect.item_amount = promotion_item_discount(p, covered_amount(state, facts.coverage));
        return effect;
    }
    // Free shipping is decided per merchant, on that merchant's in-scope amount.
    std::vector<int64_t> in_scope(c.merchant_ids.size(), 0);
    for (size_t line : facts.coverage.lines) in_scope[c.lines[line].merchant] += state.nets[line];
    std::vector<int64_t> goods;
    merchant_goods(c, state, goods);
    std::vector<uint8_t> waives(c.merchant_ids.size(), 0);
    bool any = false;
    for (size_t m = 0; m < waives.size(); ++m) {
        if (!facts.coverage.merchants[m] || in_scope[m] < p.min_spend) continue;
        waives[m] = 1;
        any = true;
        effect.shipping_estimate =
            checked_add(effect.shipping_estimate, shipping_fee(c.merchant_rules[m], goods[m]), "shipping");
    }
    if (any) effect.waives = std::move(waives);
    return effect;
}

void apply(const PricingContext& c, size_t index, Effect effect, CartState& state, AdjustmentLog* log,
           PromotionStageResult& out) {
    const PromotionFacts& facts = c.promotions[index];
    take_off(c, state, facts.coverage, effect.item_amount, log, AdjustmentKind::promotion, facts.promotion->id);
    for (size_t m = 0; m < effect.waives.size(); ++m)
        if (effect.waives[m]) out.waived_merchants[m] = 1;
    out.applied.push_back(AppliedRule{index, effect.item_amount, std::move(effect.waives)});
}

void grant_gifts(const PricingContext& c, const CartState& state, PromotionStageResult& out) {
    for (const PromotionFacts& facts : c.gift_promotions) {
        const Promotion& p = *facts.promotion;
        if (covered_amount(state, facts.coverage) >= p.min_spend)
            out.gifts.push_back(Gift{p.id, p.gift_sku_id, p.gift_quantity});
    }
}

}  // namespace

PromotionStageResult apply_promotions(const PricingContext& c, CartState& state, AdjustmentLog* log) {
    PromotionStageResult out;
    out.waived_merchants.assign(c.merchant_ids.size(), 0);

    // Exclusivity is per stage: the contest is decided on the stage's starting amounts.
    std::optional<size_t> winner;
    Effect winner_effect;
    for (size_t i = 0; i < c.promotions.size(); ++i) {
        if (!c.promotions[i].promotion->stacking.exclusive) continue;
        Effect effect = evaluate(c, c.promotions[i], state);
        if (effect.worth() > 0 && (!winner || effect.worth() > winner_effect.worth())) {
            winner = i;
            winner_effect = std::move(effect);
        }
    }
    if (winner) {
        apply(c, *winner, std::move(winner_effect), state, log, out);
    } else {
        for (size_t i = 0; i < c.promotions.size(); ++i) {
            if (c.promotions[i].promotion->stacking.exclusive) continue;
            Effect effect = evaluate(c, c.promotions[i], state);
            if (effect.applies()) apply(c, i, std::move(effect), state, log, out);
        }
    }
    grant_gifts(c, state, out);
    return out;
}

}  // namespace sc::pricing_detail
