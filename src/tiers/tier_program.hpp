#pragma once
// The operator's member-tier settings (FEATURES §6): what a member qualifies by (paid spend
// over a rolling window, or lifetime growth points), the ordered tiers with their thresholds
// and benefits, and the calendar period at whose end a member may go down. Plain values;
// the arithmetic on them lives in tier_status.hpp and tier_benefits.hpp.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

enum class TierBasis {
    paid_spend,     // minor units paid over the last window_days days, refunds subtracted
    growth_points,  // growth points earned over the member's lifetime, reversals subtracted
};

// Downgrades happen only at the end of a period: the UTC calendar month, quarter
// (January, April, July, October) or year. Every member's period ends at the same instant.
enum class TierPeriod { month, quarter, year };

const char* tier_basis_name(TierBasis basis) noexcept;
const char* tier_period_name(TierPeriod period) noexcept;

struct TierBenefits {
    int64_t member_price_bps = 0;         // discount off the list price, 0..10000
    int64_t points_multiplier_bps = 10000;  // 10000 = ×1, 15000 = ×1.5; 0..100000
    // Goods net (after discounts) at or above this ships free; absent: no tier threshold.
    std::optional<int64_t> free_shipping_over;

    bool operator==(const TierBenefits&) const = default;
};

struct Tier {
    std::string id;
    std::string name;
    int64_t threshold = 0;  // the qualifying figure needed; the first tier's is 0
    TierBenefits benefits;

    bool operator==(const Tier&) const = default;
};

struct TierProgram {
    TierBasis basis = TierBasis::paid_spend;
    int64_t window_days = 0;  // paid_spend: 1..3660; growth_points: 0 (lifetime)
    TierPeriod period = TierPeriod::quarter;
    std::vector<Tier> tiers;  // lowest first; a tier's rank is its index

    bool operator==(const TierProgram&) const = default;

    const Tier* find(const std::string& id) const;
    std::optional<size_t> rank_of(const std::string& id) const;
};

inline constexpr size_t kMaxTiers = 32;
inline constexpr int64_t kMaxTierWindowDays = 3660;
// Thresholds and free-shipping amounts: 10^15 minor units (10^13 in a two-digit currency)
// is beyond any real figure and keeps sums of them far from 64 bits.
inline constexpr int64_t kMaxTierAmount = 1'000'000'000'000'000;

// Throws Error(SC_ERR_VALIDATION, "<prefix>field: rule", field) for the first problem, the
// field being e.g. "tiers[2].threshold". `prefix` is "tiers." in a program document, "" for an
// API's put.
void validate_tier_program(const TierProgram& program, const std::string& prefix);

}  // namespace sc
