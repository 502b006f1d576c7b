#pragma once
// The figures an operator judges share-to-earn by (FEATURES §9, docs/referral.md): the
// funnel share → open → order → paid, the rewards by state, and the viral coefficient.
#include "referral/referral_reward.hpp"
#include "referral/share_target.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

// Which links the figures count: one sharer's, one target's (a campaign, a SKU...), or all.
struct ReferralScope {
    std::string sharer_id;                       // set: this sharer's links and rewards
    std::optional<ShareTargetKind> target_kind;  // set with target_id: links to this target
    std::string target_id;
};

// What storage counts for a scope.
struct ReferralCounts {
    int64_t shares = 0;            // links made
    int64_t sharers = 0;           // distinct sharers who made them
    int64_t opens = 0;
    int64_t bound_opens = 0;       // opens that bound the opener
    int64_t orders = 0;            // checkouts by shoppers bound at the time
    int64_t paid_orders = 0;       // attributed paid orders
    int64_t paid_amount = 0;       // what they paid for goods, minor units
    int64_t converted_buyers = 0;  // distinct buyers among them
    int64_t refusals = 0;          // opens and orders refused, with their reasons
};

// Rewards of one kind (points, or commission in minor units) by state as of a time; the
// clawed-back figure counts what refunds took, from pending and vested rewards alike.
struct RewardTotals {
    int64_t pending = 0;
    int64_t vested = 0;
    int64_t clawed_back = 0;
};

struct ReferralStats {
    ReferralCounts counts;
    RewardTotals points;
    RewardTotals commission;
    RewardTotals coupons;  // coupons issued as rewards, counted
    // Converted buyers per sharer, in basis points (10000: each sharer brought one buyer):
    // the k-factor of the scope's links.
    int64_t viral_coefficient_bps = 0;
};

ReferralStats summarize_referrals(const ReferralCounts& counts, const std::vector<ReferralReward>& rewards,
                                  int64_t now);

}  // namespace sc
