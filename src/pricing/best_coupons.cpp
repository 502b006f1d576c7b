#include "pricing/best_coupons.hpp"

#include "pricing/shipping_settlement.hpp"

#include <algorithm>

namespace sc::pricing_detail {

namespace {

// A priced combination: what the rank compares.
struct Ranked {
    int64_t payable = 0;
    int64_t saving = 0;
    std::vector<size_t> coupons;  // those that applied with amount > 0, in application order
};

class Search {
public:
    Search(const PricingContext& c, const PromotionStageResult& promotions) : c_(c), promotions_(promotions) {}

    BestCoupons run(const CartState& state) {
        BestCoupons out;
        out.ruled_out.resize(c_.coupons.size());
        std::vector<size_t> exclusives;
        for (size_t i = 0; i < c_.coupons.size(); ++i) {
            if (auto reason = rule_out(i, state)) {
                out.ruled_out[i] = reason;
            } else if (c_.coupons[i].terms().stacking.exclusive) {
                exclusives.push_back(i);
            } else {
                stackables_.push_back(i);
            }
        }
        std::sort(stackables_.begin(), stackables_.end(),
                  [&](size_t a, size_t b) { return c_.coupons[a].rank < c_.coupons[b].rank; });

        consider(state);  // no coupon at all
        for (size_t e : exclusives) {
            CartState alone = state;
            applied_ = apply_coupons(c_, {e}, alone, promotions_.waived_merchants, nullptr).applied;
            consider(alone);
        }
        applied_.clear();
        slot_taken_.assign(c_.slot_count, 0);
        depth_states_.resize(stackables_.size());
        extend(0, state);

        out.chosen = best_->coupons;
        out.combinations = combinations_;
        return out;
    }

private:
    // Why coupon i can never apply after these promotions, or nullopt.
    std::optional<CouponMiss> rule_out(size_t i, const CartState& state) const {
        const CouponFacts& coupon = c_.coupons[i];
        if (coupon.static_reason) return CouponMiss{i, *coupon.static_reason, 0, std::nullopt};
        const CouponEffect effect = evaluate_coupon(c_, coupon, state, promotions_.waived_merchants);
        if (effect.reason) return CouponMiss{i, *effect.reason, effect.missing, std::nullopt};
        if (coupon.terms().kind == CouponKind::free_shipping && !could_waive(coupon))
            return CouponMiss{i, CouponReason::zero_discount, 0, std::nullopt};
        return std::nullopt;
    }

    // Some merchant it covers pays a flat fee that no promotion waives.
    bool could_waive(const CouponFacts& coupon) const {
        for (size_t m = 0; m < c_.merchant_ids.size(); ++m) {
            const ShippingRule* rule = c_.merchant_rules[m];
            if (coupon.coverage.merchants[m] && !promotions_.waived_merchants[m] && rule && rule->flat_fee > 0)
                return true;
        }
        return false;
    }

    // Every combination that adds stackables_[from..] to the current one.
    void extend(size_t from, const CartState& state) {
        for (size_t k = from; k < stackables_.size(); ++k) {
            const size_t i = stackables_[k];
            const CouponFacts& coupon = c_.coupons[i];
            if (slot_taken_[coupon.slot]) continue;
            CouponEffect effect = evaluate_coupon(c_, coupon, state, promotions_.waived_merchants);
            if (effect.reason) continue;  // including it would equal skipping it
            CartState& next = depth_states_[applied_.size()];
            next.nets = state.nets;
            applied_.push_back(apply_coupon(c_, i, std::move(effect), next, nullptr));
            slot_taken_[coupon.slot] = 1;
            consider(next);
            extend(k + 1, next);
            slot_taken_[coupon.slot] = 0;
            applied_.pop_back();
        }
    }

    void consider(const CartState& state) {
        ++combinations_;
        const ShippingSettlement s = settle_shipping(c_, state, promotions_.applied, applied_);
        Ranked r;
        r.payable = s.goods_total + s.shipping_payable;
        for (size_t k = 0; k < applied_.size(); ++k) {
            const int64_t amount = applied_[k].item_amount + s.coupon_credit[k];
            if (amount == 0) continue;
            r.saving += amount;
            r.coupons.push_back(applied_[k].index);
        }
        if (!best_ || better(r, *best_)) best_ = std::move(r);
    }

    bool better(const Ranked& a, const Ranked& b) const {
        if (a.payable != b.payable) return a.payable < b.payable;
        if (a.saving != b.saving) return a.saving > b.saving;
        if (a.coupons.size() != b.coupons.size()) return a.coupons.size() < b.coupons.size();
        const auto until_a = sorted_valid_until(a);
        const auto until_b = sorted_valid_until(b);
        if (until_a != until_b) return until_a < until_b;
        return sorted_codes(a) < sorted_codes(b);
    }

    std::vector<int64_t> sorted_valid_until(const Ranked& r) const {
        std::vector<int64_t> out;
        for (size_t i : r.coupons) out.push_back(c_.coupons[i].held->coupon.valid_until);
        std::sort(out.begin(), out.end());
        return out;
    }

    std::vector<std::string> sorted_codes(const Ranked& r) const {
        std::vector<std::string> out;
        for (size_t i : r.coupons) out.push_back(c_.coupons[i].code());
        std::sort(out.begin(), out.end());
        return out;
    }

    const PricingContext& c_;
    const PromotionStageResult& promotions_;
    std::vector<size_t> stackables_;
    std::vector<AppliedRule> applied_;
    std::vector<uint8_t> slot_taken_;
    std::vector<CartState> depth_states_;  // one per depth, reused across branches
    std::optional<Ranked> best_;
    size_t combinations_ = 0;
};

}  // namespace

BestCoupons find_best_coupons(const PricingContext& context, const CartState& state,
                              const PromotionStageResult& promotions) {
    return Search(context, promotions).run(state);
}

}  // namespace sc::pricing_detail
