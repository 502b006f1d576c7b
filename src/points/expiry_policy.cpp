#include "points/expiry_policy.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"
#include "points/civil_date.hpp"

#include <string>

namespace sc {

const char* expiry_mode_name(ExpiryMode mode) noexcept {
    switch (mode) {
        case ExpiryMode::never: return "never";
        case ExpiryMode::days_after_earning: return "days_after_earning";
        case ExpiryMode::end_of_month: return "end_of_month";
        case ExpiryMode::end_of_year: return "end_of_year";
    }
    return "unknown";
}

void validate(const ExpiryPolicy& policy) {
    int64_t low = 0;
    int64_t high = 0;
    switch (policy.mode) {
        case ExpiryMode::never: return;
        case ExpiryMode::days_after_earning: low = 1; high = 36500; break;
        case ExpiryMode::end_of_month: high = 1200; break;
        case ExpiryMode::end_of_year: high = 100; break;
    }
    if (policy.periods < low || policy.periods > high) {
        fail(SC_ERR_INVALID_ARGUMENT,
             std::string("expiry ") + expiry_mode_name(policy.mode) + " needs periods in " + std::to_string(low) +
                 ".." + std::to_string(high) + ", not " + std::to_string(policy.periods),
             "expiry");
    }
}

std::optional<int64_t> lot_expiry(const ExpiryPolicy& policy, int64_t earned_at) {
    validate(policy);
    const CivilDate earned = civil_from_ms(earned_at);
    int64_t first_day_after = 0;
    switch (policy.mode) {
        case ExpiryMode::never: return std::nullopt;
        case ExpiryMode::days_after_earning:
            return checked_add(earned_at, checked_mul(policy.periods, kMsPerDay, "expiry"), "expiry");
        case ExpiryMode::end_of_month: {
            // Months counted from year 0 make "N months later, then the next month's
            // first day" one division, December→January included.
            const int64_t month_index = earned.year * 12 + (earned.month - 1) + policy.periods + 1;
            const int64_t year = month_index >= 0 ? month_index / 12 : (month_index - 11) / 12;
            first_day_after = days_from_civil(CivilDate{year, month_index - year * 12 + 1, 1});
            break;
        }
        case ExpiryMode::end_of_year:
            first_day_after = days_from_civil(CivilDate{earned.year + policy.periods + 1, 1, 1});
            break;
    }
    return checked_mul(first_day_after, kMsPerDay, "expiry");
}

}  // namespace sc
