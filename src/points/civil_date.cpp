#include "points/civil_date.hpp"

namespace sc {

// The year is shifted to start in March so that the leap day is the last day of the
// shifted year; eras of 400 years repeat exactly (146097 days).
int64_t days_from_civil(const CivilDate& date) noexcept {
    const int64_t y = date.month <= 2 ? date.year - 1 : date.year;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5 + date.day - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(int64_t days) noexcept {
    const int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int64_t doe = z - era * 146097;
    const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int64_t mp = (5 * doy + 2) / 153;
    const int64_t day = doy - (153 * mp + 2) / 5 + 1;
    const int64_t month = mp < 10 ? mp + 3 : mp - 9;
    return CivilDate{yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

int64_t day_of_ms(int64_t utc_ms) noexcept {
    const int64_t q = utc_ms / kMsPerDay;
    return (utc_ms % kMsPerDay < 0) ? q - 1 : q;
}

CivilDate civil_from_ms(int64_t utc_ms) noexcept { return civil_from_days(day_of_ms(utc_ms)); }

}  // namespace sc
