#pragma once
// The figure a member's tier is judged by (FEATURES §6): paid spend over a rolling window,
// or lifetime growth points, from the member's dated history. Exact integer sums.
#include "tiers/tier_program.hpp"

#include <cstdint>
#include <vector>

namespace sc {

// One dated change of the qualifying figure. paid_spend: a payment (amount > 0, minor units)
// or a refund (amount < 0), each dated when it happened, so a refund counts against the
// spend of the window it falls in. growth_points: points earned (> 0) or reversed (< 0).
struct QualifyingEntry {
    int64_t at = 0;  // UTC ms
    int64_t amount = 0;

    bool operator==(const QualifyingEntry&) const = default;
};

// A member's entries, in time order (equal times allowed, in the order they were recorded).
using QualifyingHistory = std::vector<QualifyingEntry>;

// Throws Error(SC_ERR_INVALID_ARGUMENT, field "history[i].at") for an entry earlier than the
// one before it.
void validate_history(const QualifyingHistory& history);

// The signed sum of the entries counted as of `at`: entries with time <= at and, for
// paid_spend, time > at − window_days × 86,400,000 ms. The window is half-open: a payment
// exactly window_days old no longer counts (as a lot expires at its expiry instant).
// Entries after `at` are not counted. SC_ERR_OVERFLOW beyond 64 bits.
int64_t qualifying_sum(const TierProgram& program, const QualifyingHistory& history, int64_t at);

// qualifying_sum, never below 0: the figure thresholds are compared with.
int64_t qualifying_figure(const TierProgram& program, const QualifyingHistory& history, int64_t at);

// The sum just before the instant `at`: entries with time < at (and, for paid_spend, in the
// window as of `at`). What a period end reviews: an entry at the very instant of a period
// end belongs to the next period.
int64_t qualifying_sum_before(const TierProgram& program, const QualifyingHistory& history, int64_t at);

// The rank of the highest tier whose threshold the figure reaches (0 for any figure below
// the second tier's threshold).
size_t qualified_rank(const TierProgram& program, int64_t figure);

// The instants in [from, to] at which the figure may change: every entry's time and, for
// paid_spend, the instant it leaves the window (time + window). Sorted, without repeats.
std::vector<int64_t> figure_changes(const TierProgram& program, const QualifyingHistory& history, int64_t from,
                                    int64_t to);

}  // namespace sc
