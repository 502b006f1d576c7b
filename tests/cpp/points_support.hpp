#pragma once
// Helpers for the points ledger tests: UTC times from calendar dates.
#include "points/civil_date.hpp"

#include <cstdint>

inline int64_t utc_ms(int64_t year, int64_t month, int64_t day, int64_t hour = 0) {
    return sc::days_from_civil(sc::CivilDate{year, month, day}) * sc::kMsPerDay + hour * 3'600'000;
}
