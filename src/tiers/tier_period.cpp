#include "tiers/tier_period.hpp"

#include "core/checked.hpp"
#include "points/civil_date.hpp"

namespace sc {

namespace {

int64_t months_in(TierPeriod period) noexcept {
    switch (period) {
        case TierPeriod::month: return 1;
        case TierPeriod::quarter: return 3;
        case TierPeriod::year: return 12;
    }
    return 1;
}

int64_t floor_div(int64_t a, int64_t b) noexcept {  // b > 0
    const int64_t q = a / b;
    return (a % b < 0) ? q - 1 : q;
}

// Months counted from year 0 (index 0 is January of year 0), so that a quarter or a year is
// one floor division, December to January included.
int64_t month_index(int64_t at) noexcept {
    const CivilDate d = civil_from_ms(at);
    return d.year * 12 + (d.month - 1);
}

int64_t month_start_ms(int64_t index) {
    const int64_t year = floor_div(index, 12);
    const int64_t day = days_from_civil(CivilDate{year, index - year * 12 + 1, 1});
    return checked_mul(day, kMsPerDay, "period end");
}

}  // namespace

int64_t period_start(TierPeriod period, int64_t at) {
    const int64_t step = months_in(period);
    return month_start_ms(floor_div(month_index(at), step) * step);
}

int64_t next_period_end(TierPeriod period, int64_t at) {
    const int64_t step = months_in(period);
    return month_start_ms(floor_div(month_index(at), step) * step + step);
}

}  // namespace sc
