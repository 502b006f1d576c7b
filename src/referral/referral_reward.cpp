#include "referral/referral_reward.hpp"

#include "core/allocation.hpp"
#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/wide.hpp"

namespace sc {

std::vector<int64_t> reward_per_line(const ReferralRewards& rules, int level, const std::vector<RewardLine>& lines) {
    if (level < 1 || static_cast<size_t>(level) > rules.rates_bps.size())
        fail(SC_ERR_INTERNAL, "a reward level the rules do not have");
    const size_t at = static_cast<size_t>(level - 1);
    std::vector<int64_t> out(lines.size(), 0);
    std::vector<int64_t> rated_paid(lines.size(), 0);
    int64_t rated_total = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
        const RewardLine& line = lines[i];
        const SkuReward* fixed = nullptr;
        for (const SkuReward& s : rules.per_sku)
            if (s.sku_id == line.sku_id) fixed = &s;
        if (fixed) {
            out[i] = checked_mul(fixed->per_unit[at], line.quantity, "fixed reward");
        } else {
            rated_paid[i] = line.paid;
            rated_total = checked_add(rated_total, line.paid, "rewarded amount");
        }
    }
    if (rated_total > 0) {
        const int64_t rated = mul_div(rated_total, rules.rates_bps[at], 10000, "reward").quotient;
        const std::vector<int64_t> parts = allocate_largest_remainder(rated, rated_paid);
        for (size_t i = 0; i < lines.size(); ++i) out[i] = checked_add(out[i], parts[i], "reward");
    }
    return out;
}

const char* reward_state_name(RewardState state) noexcept {
    switch (state) {
        case RewardState::pending: return "pending";
        case RewardState::vested: return "vested";
        case RewardState::clawed_back: return "clawed_back";
    }
    return "unknown";
}

RewardState ReferralReward::state_as_of(int64_t now) const {
    if (amount > 0 && clawed_back >= amount) return RewardState::clawed_back;
    return now < vests_at ? RewardState::pending : RewardState::vested;
}

}  // namespace sc
