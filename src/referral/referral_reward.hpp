#pragma once
// A sharer's reward for one attributed order (FEATURES §9, docs/referral.md): how much each
// level earns from the order's lines, and the reward's life, pending → vested → clawed
// back in proportion to what is refunded. Plain values, no storage.
#include "referral/referral_program.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

enum class RewardState { pending = 1, vested = 2, clawed_back = 3 };

const char* reward_state_name(RewardState state) noexcept;

// What one order line paid, as the reward rules read it.
struct RewardLine {
    std::string sku_id;
    int64_t quantity = 0;
    int64_t paid = 0;  // the line's net: after discounts and points, no shipping
};

// The reward of level `level` (1 or 2) per line: a SKU with a fixed amount earns it per
// unit; the other lines share floor(Σ paid × rate / 10000) by largest remainder over what
// they paid, so the parts add up to the whole and a refunded line gives back its own part.
std::vector<int64_t> reward_per_line(const ReferralRewards& rules, int level, const std::vector<RewardLine>& lines);

struct ReferralReward {
    std::string order_id;
    std::string sharer_id;
    std::string buyer_id;
    int level = 1;
    RewardKind kind = RewardKind::commission;
    int64_t amount = 0;       // points, minor units, or 1 (one coupon)
    int64_t clawed_back = 0;  // of amount, by refunds
    std::vector<int64_t> shares;  // amount per order line
    int64_t created_at = 0;
    int64_t vests_at = 0;
    uint64_t points_lot = 0;  // the ledger lot of a points reward, 0 otherwise
    std::string coupon_code;  // the copy a coupon reward issued, "" otherwise
    RewardState state = RewardState::pending;  // as of the read that returned it

    int64_t remaining() const { return amount - clawed_back; }
    // Clawed back once nothing is left of it; otherwise pending until it vests.
    RewardState state_as_of(int64_t now) const;

    bool operator==(const ReferralReward&) const = default;
};

}  // namespace sc
