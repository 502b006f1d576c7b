#include "tiers/tier_program.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "points/points_program.hpp"

#include <set>

namespace sc {

namespace {

[[noreturn]] void invalid(const std::string& field, const std::string& why) {
    fail(SC_ERR_VALIDATION, field + ": " + why, field);
}

void require_range(int64_t value, int64_t low, int64_t high, const std::string& field) {
    if (value < low || value > high)
        invalid(field, "must be between " + std::to_string(low) + " and " + std::to_string(high));
}

// require_id and require_text report SC_ERR_INVALID_ARGUMENT; a program reports validation.
template <typename Check>
void as_validation(const std::string& field, Check check) {
    try {
        check();
    } catch (const Error& e) {
        invalid(field, e.what());
    }
}

}  // namespace

const char* tier_basis_name(TierBasis basis) noexcept {
    switch (basis) {
        case TierBasis::paid_spend: return "paid_spend";
        case TierBasis::growth_points: return "growth_points";
    }
    return "unknown";
}

const char* tier_period_name(TierPeriod period) noexcept {
    switch (period) {
        case TierPeriod::month: return "month";
        case TierPeriod::quarter: return "quarter";
        case TierPeriod::year: return "year";
    }
    return "unknown";
}

const Tier* TierProgram::find(const std::string& id) const {
    for (const Tier& t : tiers)
        if (t.id == id) return &t;
    return nullptr;
}

std::optional<size_t> TierProgram::rank_of(const std::string& id) const {
    for (size_t i = 0; i < tiers.size(); ++i)
        if (tiers[i].id == id) return i;
    return std::nullopt;
}

void validate_tier_program(const TierProgram& program, const std::string& prefix) {
    switch (program.basis) {
        case TierBasis::paid_spend:
            require_range(program.window_days, 1, kMaxTierWindowDays, prefix + "window_days");
            break;
        case TierBasis::growth_points:
            if (program.window_days != 0)
                invalid(prefix + "window_days", "must be 0: growth points count over the member's lifetime");
            break;
    }
    if (program.tiers.empty()) invalid(prefix + "tiers", "needs at least one tier");
    if (program.tiers.size() > kMaxTiers)
        invalid(prefix + "tiers", "has at most " + std::to_string(kMaxTiers) + " tiers");
    std::set<std::string> ids;
    for (size_t i = 0; i < program.tiers.size(); ++i) {
        const Tier& t = program.tiers[i];
        const std::string p = prefix + "tiers[" + std::to_string(i) + "].";
        as_validation(p + "id", [&] { require_id(t.id, "id"); });
        if (!ids.insert(t.id).second) invalid(p + "id", "names another tier already listed");
        as_validation(p + "name", [&] { require_text(t.name, "name"); });
        if (i == 0) {
            if (t.threshold != 0) invalid(p + "threshold", "must be 0 for the first tier, which every member starts in");
        } else {
            require_range(t.threshold, 1, kMaxTierAmount, p + "threshold");
            if (t.threshold <= program.tiers[i - 1].threshold)
                invalid(p + "threshold", "must be above the threshold of the tier before it");
        }
        const TierBenefits& b = t.benefits;
        require_range(b.member_price_bps, 0, 10000, p + "benefits.member_price_bps");
        require_range(b.points_multiplier_bps, 0, kMaxPointsMultiplierBps, p + "benefits.points_multiplier_bps");
        if (b.free_shipping_over) require_range(*b.free_shipping_over, 0, kMaxTierAmount, p + "benefits.free_shipping_over");
    }
}

}  // namespace sc
