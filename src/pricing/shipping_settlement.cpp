#include "pricing/shipping_settlement.hpp"

#include "core/checked.hpp"

namespace sc::pricing_detail {

namespace {

// The first claim in `rules` covering merchant m, if any.
std::optional<size_t> first_claim(const std::vector<AppliedRule>& rules, size_t m) {
    for (size_t i = 0; i < rules.size(); ++i)
        if (rules[i].claims_shipping() && rules[i].waives[m]) return i;
    return std::nullopt;
}

}  // namespace

void settle_shipping(const PricingContext& c, const CartState& state, const std::vector<AppliedRule>& promotions,
                     const std::vector<AppliedRule>& coupons, ShippingSettlement& s) {
    const size_t merchants = c.merchant_ids.size();
    merchant_goods(c, state, s.goods);
    s.goods_total = 0;
    s.shipping_payable = 0;
    s.fees.assign(merchants, 0);
    s.waived.assign(merchants, 0);
    s.waived_by.assign(merchants, std::nullopt);
    s.promotion_credit.assign(promotions.size(), 0);
    s.coupon_credit.assign(coupons.size(), 0);
    for (size_t m = 0; m < merchants; ++m) {
        s.goods_total += s.goods[m];  // at most the checked subtotal
        s.fees[m] = shipping_fee(c.merchant_rules[m], s.goods[m]);
        if (s.fees[m] > 0) {
            if (auto p = first_claim(promotions, m)) {
                s.waived_by[m] = std::make_pair(true, *p);
                s.promotion_credit[*p] = checked_add(s.promotion_credit[*p], s.fees[m], "shipping waived");
            } else if (auto k = first_claim(coupons, m)) {
                s.waived_by[m] = std::make_pair(false, *k);
                s.coupon_credit[*k] = checked_add(s.coupon_credit[*k], s.fees[m], "shipping waived");
            }
            if (s.waived_by[m]) s.waived[m] = s.fees[m];
        }
        s.shipping_payable = checked_add(s.shipping_payable, s.fees[m] - s.waived[m], "shipping");
    }
}

}  // namespace sc::pricing_detail
