#pragma once
// Best-coupon choice (FEATURES §3): the combination of the shopper's coupons that leaves
// the least to pay, found exactly, not greedily. Internal to pricing; price() uses it for
// CouponChoice::Mode::best, and its quote equals pricing the chosen codes explicitly.
//
// Combinations allowed by the stacking rules: no coupon; one exclusive coupon alone; or
// stackable coupons, at most one per issuer slot (the platform's, one per merchant).
//
// Rank of a combination, best first:
//   1. lower payable (goods after every discount + shipping after waivers). Not "larger
//      coupon saving": a coupon can push a merchant below its free-shipping threshold
//      and cost more in shipping than it saves, and the shopper pays the payable;
//   2. larger coupon saving (item discounts + shipping waived by coupons);
//   3. fewer coupons;
//   4. coupons that expire sooner: the sorted valid_until lists, lexicographically smaller;
//   5. the sorted code lists, lexicographically smaller.
// Only coupons that apply (amount > 0) count in a combination, so a combination and the
// set of its coupons that applied rank the same, and the winner applies entirely.
//
// Search: coupons that can never apply are ruled out first, with their reason (state,
// validity, scope, min_spend not met by the amounts after promotions: discounts only
// lower amounts; an item discount of 0 there stays 0; free shipping on merchants whose
// shipping is free or already waived by a promotion). Each exclusive survivor is priced
// alone. The stackable survivors are searched depth first in application order, each
// branch including or skipping the next coupon whose slot is free; an included coupon
// that does not apply at its turn ends its branch (it equals skipping). A branch's state
// is the lines' nets after its coupons, so a prefix is applied once for every
// combination that extends it. Branch and bound: a branch whose lower bound on payable
// (every free slot at the largest discount its remaining coupons could give, shipping
// only where no rule, threshold, promotion or coupon could make it free) is above the
// best payable found is skipped; an equal one is not, so ties reach criteria 2-5.
//
// Work: at most one coupon application and one shipping settlement per allowed
// combination, each O(lines + merchants): Π over slots (usable coupons of the slot + 1)
// plus one per exclusive coupon, e.g. 10 stackable coupons over 4 slots as 3+3+2+2 give
// at most 4·4·3·3 = 144 before pruning. Exact, and small for the coupons a shopper holds;
// the product grows with the number of slots (merchants in the cart), not of coupons alone.
#include "pricing/coupon_stage.hpp"
#include "pricing/promotion_stage.hpp"

#include <optional>
#include <vector>

namespace sc::pricing_detail {

struct BestCoupons {
    std::vector<size_t> chosen;  // indices into PricingContext::coupons; all of them apply
    // Per coupon: the reason it can never apply, when it was ruled out before the search.
    std::vector<std::optional<CouponMiss>> ruled_out;
    size_t combinations = 0;  // diagnostics: combinations priced
    size_t pruned = 0;        // diagnostics: branches skipped by their bound
};

// state: the nets after the promotion stage, whose result is `promotions`.
BestCoupons find_best_coupons(const PricingContext& context, const CartState& state,
                              const PromotionStageResult& promotions);

}  // namespace sc::pricing_detail
