#pragma once
// UTC calendar arithmetic on integer day numbers, for lot expiry at month and year ends.
// Expiry is a UTC rule (FEATURES §5), so no time zone database is involved.
#include <cstdint>

namespace sc {

inline constexpr int64_t kMsPerDay = 86'400'000;

struct CivilDate {
    int64_t year = 1970;
    int64_t month = 1;  // 1..12
    int64_t day = 1;    // 1..31

    bool operator==(const CivilDate&) const = default;
};

// Days since 1970-01-01 (negative before). Howard Hinnant's days_from_civil, valid for
// the whole proleptic Gregorian calendar that int64 days can hold.
int64_t days_from_civil(const CivilDate& date) noexcept;
CivilDate civil_from_days(int64_t days) noexcept;

// The UTC day a millisecond time falls on (floor, so times before 1970 work too).
int64_t day_of_ms(int64_t utc_ms) noexcept;
CivilDate civil_from_ms(int64_t utc_ms) noexcept;

}  // namespace sc
