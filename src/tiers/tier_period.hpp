#pragma once
// The evaluation periods of a tier program on the UTC calendar. A period is [start, end):
// it ends at 00:00:00.000 UTC on the first day of the next month, quarter (January, April,
// July, October) or year, and that instant already belongs to the next period.
#include "tiers/tier_program.hpp"

#include <cstdint>

namespace sc {

// The start of the period that contains `at` (<= at).
int64_t period_start(TierPeriod period, int64_t at);

// The first period end strictly after `at`: for an instant that is itself a period end, the
// end of the period it starts. Fails with SC_ERR_OVERFLOW past the range of UTC ms.
int64_t next_period_end(TierPeriod period, int64_t at);

}  // namespace sc
