#include "pricing/coupon_stage.hpp"

#include "core/checked.hpp"

#include <algorithm>

namespace sc::pricing_detail {

CouponEffect evaluate_coupon(const PricingContext& c, const CouponFacts& coupon, const CartState& state,
                             const std::vector<uint8_t>& waived_merchants) {
    const CouponTemplate& t = coupon.terms();
    CouponEffect effect;
    const int64_t amount = covered_amount(state, coupon.coverage);
    if (amount < t.min_spend) {
        effect.reason = CouponReason::below_min_spend;
        effect.missing = t.min_spend - amount;
        return effect;
    }
    if (t.kind != CouponKind::free_shipping) {
        effect.item_amount = coupon_item_discount(t, amount);
        if (effect.item_amount == 0) effect.reason = CouponReason::zero_discount;
        return effect;
    }
    std::vector<int64_t> goods;
    merchant_goods(c, state, goods);
    effect.waives = coupon.coverage.merchants;
    for (size_t m = 0; m < goods.size(); ++m)
        if (effect.waives[m] && !waived_merchants[m])
            effect.shipping_estimate =
                checked_add(effect.shipping_estimate, shipping_fee(c.merchant_rules[m], goods[m]), "shipping");
    return effect;
}

AppliedRule apply_coupon(const PricingContext& c, size_t index, CouponEffect effect, CartState& state,
                         AdjustmentLog* log) {
    const CouponFacts& coupon = c.coupons[index];
    take_off(c, state, coupon.coverage, effect.item_amount, log, AdjustmentKind::coupon, coupon.code());
    return AppliedRule{index, effect.item_amount, std::move(effect.waives)};
}

namespace {

int64_t worth(const CouponEffect& effect) {
    return effect.item_amount > 0 ? effect.item_amount : effect.shipping_estimate;
}

void miss(CouponStageResult& out, size_t coupon, const CouponEffect& effect) {
    out.missed.push_back(CouponMiss{coupon, *effect.reason, effect.missing, std::nullopt});
}

}  // namespace

CouponStageResult apply_coupons(const PricingContext& c, std::vector<size_t> chosen, CartState& state,
                                const std::vector<uint8_t>& waived_merchants, AdjustmentLog* log) {
    std::sort(chosen.begin(), chosen.end(), [&](size_t a, size_t b) { return c.coupons[a].rank < c.coupons[b].rank; });
    CouponStageResult out;
    std::vector<size_t> usable;
    for (size_t i : chosen) {
        if (c.coupons[i].static_reason)
            out.missed.push_back(CouponMiss{i, *c.coupons[i].static_reason, 0, std::nullopt});
        else
            usable.push_back(i);
    }

    std::optional<size_t> winner;
    CouponEffect winner_effect;
    std::vector<size_t> contenders;  // exclusive coupons that would give something
    for (size_t i : usable) {
        if (!c.coupons[i].terms().stacking.exclusive) continue;
        CouponEffect effect = evaluate_coupon(c, c.coupons[i], state, waived_merchants);
        if (effect.reason || worth(effect) == 0) {
            if (!effect.reason) effect.reason = CouponReason::zero_discount;
            miss(out, i, effect);
            continue;
        }
        contenders.push_back(i);
        if (!winner || worth(effect) > worth(winner_effect)) {
            winner = i;
            winner_effect = std::move(effect);
        }
    }
    if (winner) {
        for (size_t i : usable) {
            const bool exclusive = c.coupons[i].terms().stacking.exclusive;
            const bool contender = std::find(contenders.begin(), contenders.end(), i) != contenders.end();
            if (i != *winner && (!exclusive || contender))
                out.missed.push_back(CouponMiss{i, CouponReason::not_stackable, 0, *winner});
        }
        out.applied.push_back(apply_coupon(c, *winner, std::move(winner_effect), state, log));
        return out;
    }

    std::vector<std::optional<size_t>> slot_holder(c.slot_count);
    for (size_t i : usable) {
        const CouponFacts& coupon = c.coupons[i];
        if (coupon.terms().stacking.exclusive) continue;  // explained above
        if (slot_holder[coupon.slot]) {
            out.missed.push_back(CouponMiss{i, CouponReason::one_per_issuer, 0, slot_holder[coupon.slot]});
            continue;
        }
        CouponEffect effect = evaluate_coupon(c, coupon, state, waived_merchants);
        if (effect.reason) {
            miss(out, i, effect);
            continue;
        }
        slot_holder[coupon.slot] = i;
        out.applied.push_back(apply_coupon(c, i, std::move(effect), state, log));
    }
    return out;
}

}  // namespace sc::pricing_detail
