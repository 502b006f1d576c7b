#include "referral/referral_stats.hpp"

#include "core/checked.hpp"
#include "core/wide.hpp"

namespace sc {

ReferralStats summarize_referrals(const ReferralCounts& counts, const std::vector<ReferralReward>& rewards,
                                  int64_t now) {
    ReferralStats out;
    out.counts = counts;
    for (const ReferralReward& r : rewards) {
        RewardTotals& totals = r.kind == RewardKind::points ? out.points
                               : r.kind == RewardKind::coupon ? out.coupons
                                                              : out.commission;
        totals.clawed_back = checked_add(totals.clawed_back, r.clawed_back, "rewards clawed back");
        int64_t& bucket = now < r.vests_at ? totals.pending : totals.vested;
        bucket = checked_add(bucket, r.remaining(), "rewards");
    }
    if (counts.sharers > 0)
        out.viral_coefficient_bps = mul_div(counts.converted_buyers, 10000, counts.sharers, "viral coefficient").quotient;
    return out;
}

}  // namespace sc
