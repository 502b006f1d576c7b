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
        alone_.assign(c_.coupons.size(), 0);
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
        depth_goods_.resize(stackables_.size() + 1);
        prepare_bounds();
        extend(0, state);

        out.chosen = best_->coupons;
        out.combinations = combinations_;
        out.pruned = pruned_;
        return out;
    }

private:
    // Why coupon i can never apply after these promotions, or nullopt; else notes its
    // item discount on these amounts in alone_.
    std::optional<CouponMiss> rule_out(size_t i, const CartState& state) {
        const CouponFacts& coupon = c_.coupons[i];
        if (coupon.static_reason) return CouponMiss{i, *coupon.static_reason, 0, std::nullopt};
        const CouponEffect effect = evaluate_coupon(c_, coupon, state, promotions_.waived_merchants);
        if (effect.reason) return CouponMiss{i, *effect.reason, effect.missing, std::nullopt};
        alone_[i] = effect.item_amount;
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

    // Branch and bound. A coupon's item discount never grows as amounts shrink, so its
    // discount on the amounts after the promotions (alone_) bounds what it can take later.
    // suffix_off_[k][slot]: the largest such bound among stackables_[k..] of the slot;
    // suffix_ship_[k][m]: whether a free-shipping coupon among stackables_[k..] covers m.
    void prepare_bounds() {
        const size_t n = stackables_.size();
        const size_t merchants = c_.merchant_ids.size();
        suffix_off_.assign((n + 1) * c_.slot_count, 0);
        suffix_ship_.assign((n + 1) * merchants, 0);
        for (size_t k = n; k-- > 0;) {
            const CouponFacts& coupon = c_.coupons[stackables_[k]];
            for (size_t s = 0; s < c_.slot_count; ++s)
                suffix_off_[k * c_.slot_count + s] = suffix_off_[(k + 1) * c_.slot_count + s];
            int64_t& best_off = suffix_off_[k * c_.slot_count + coupon.slot];
            best_off = std::max(best_off, alone_[stackables_[k]]);
            const bool ships = coupon.terms().kind == CouponKind::free_shipping;
            for (size_t m = 0; m < merchants; ++m)
                suffix_ship_[k * merchants + m] =
                    suffix_ship_[(k + 1) * merchants + m] | (ships ? coupon.coverage.merchants[m] : uint8_t{0});
        }
    }

    // A payable no combination can go below that adds stackables_[k] to the current one
    // (and perhaps later coupons): every free slot at its largest bound, and shipping only
    // where no rule, threshold, promotion or coupon could make it free.
    int64_t lower_bound(size_t k, const std::vector<int64_t>& goods, int64_t goods_total) const {
        const size_t slot = c_.coupons[stackables_[k]].slot;
        int64_t bound = goods_total - alone_[stackables_[k]];
        for (size_t s = 0; s < c_.slot_count; ++s)
            if (s != slot && !slot_taken_[s]) bound -= suffix_off_[(k + 1) * c_.slot_count + s];
        const size_t merchants = c_.merchant_ids.size();
        for (size_t m = 0; m < merchants; ++m) {
            const ShippingRule* rule = c_.merchant_rules[m];
            if (!rule || rule->flat_fee == 0 || promotions_.waived_merchants[m]) continue;
            if (rule->free_over && goods[m] >= *rule->free_over) continue;  // may still be met
            if (suffix_ship_[k * merchants + m] || waived_by_applied(m)) continue;
            bound += rule->flat_fee;
        }
        return bound;
    }

    bool waived_by_applied(size_t m) const {
        for (const AppliedRule& rule : applied_)
            if (rule.claims_shipping() && rule.waives[m]) return true;
        return false;
    }

    // Every combination that adds stackables_[from..] to the current one. A branch whose
    // lower bound is above the best payable found is skipped; an equal one is not, so ties
    // still reach the rank's later criteria.
    void extend(size_t from, const CartState& state) {
        std::vector<int64_t>& goods = depth_goods_[applied_.size()];
        merchant_goods(c_, state, goods);
        int64_t goods_total = 0;
        for (int64_t g : goods) goods_total += g;
        for (size_t k = from; k < stackables_.size(); ++k) {
            const size_t i = stackables_[k];
            const CouponFacts& coupon = c_.coupons[i];
            if (slot_taken_[coupon.slot]) continue;
            if (lower_bound(k, goods, goods_total) > best_->payable) {
                ++pruned_;
                continue;
            }
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
        settle_shipping(c_, state, promotions_.applied, applied_, settlement_);
        Ranked& r = candidate_;
        r.payable = settlement_.goods_total + settlement_.shipping_payable;
        r.saving = 0;
        r.coupons.clear();
        for (size_t k = 0; k < applied_.size(); ++k) {
            const int64_t amount = applied_[k].item_amount + settlement_.coupon_credit[k];
            if (amount == 0) continue;
            r.saving += amount;
            r.coupons.push_back(applied_[k].index);
        }
        if (!best_) {
            best_ = r;
        } else if (better(r, *best_)) {
            std::swap(r, *best_);
        }
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
    std::vector<std::vector<int64_t>> depth_goods_;  // merchant goods per depth
    std::vector<int64_t> alone_;           // per coupon: its item discount after the promotions
    std::vector<int64_t> suffix_off_;
    std::vector<uint8_t> suffix_ship_;
    size_t pruned_ = 0;
    std::optional<Ranked> best_;
    Ranked candidate_;                // reused by consider()
    ShippingSettlement settlement_;   // reused by consider()
    size_t combinations_ = 0;
};

}  // namespace

BestCoupons find_best_coupons(const PricingContext& context, const CartState& state,
                              const PromotionStageResult& promotions) {
    return Search(context, promotions).run(state);
}

}  // namespace sc::pricing_detail
