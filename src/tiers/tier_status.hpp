#pragma once
// A member's tier as a pure value (FEATURES §6). With f the figure of qualifying_figure.hpp
// and q(f) the tier it qualifies for:
//
// - at each period end b the member's tier becomes q(f just before b), up or down: the
//   review counts what happened before that instant, and the instant itself belongs to the
//   next period;
// - between period ends the tier only rises: it becomes q(f) whenever that is higher. f
//   rises at a payment (each payment with the figure it makes, in the order recorded, also
//   several in one millisecond) and when a refund leaves the window; a refund or a payment
//   leaving the window never lowers the tier.
//
// So within a period the tier is the highest q(f) since the period began, and it never
// depends on when evaluations happen: evaluating once or at every instant in between gives
// the same record and the same changes. The engine keeps a TierRecord per member and calls
// evaluate() after each entry it appends (and when it reads); each TierChange it returns is
// a "tier.upgraded" or "tier.downgraded" event.
#include "tiers/qualifying_figure.hpp"
#include "tiers/tier_program.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

struct TierRecord {
    std::string tier_id;
    int64_t since = 0;       // when the member reached this tier
    int64_t period_end = 0;  // the end of the current period (exclusive), UTC ms
    int64_t as_of = 0;       // evaluated up to and including this instant

    bool operator==(const TierRecord&) const = default;
};

enum class TierChangeKind { upgraded, downgraded };

// "tier.upgraded", "tier.downgraded".
const char* tier_change_event(TierChangeKind kind) noexcept;

struct TierChange {
    TierChangeKind kind = TierChangeKind::upgraded;
    std::string from;  // tier ids
    std::string to;
    int64_t at = 0;          // the payment's time, the instant the figure rose, or the period end
    bool at_period_end = false;

    bool operator==(const TierChange&) const = default;
};

struct TierStep {
    TierRecord record;
    std::optional<TierChange> change;
};

struct TierUpdate {
    TierRecord record;
    std::vector<TierChange> changes;  // in time order
};

// A member's first record at `at` (joining, or when the program starts): the tier the
// figure qualifies for, no change event.
TierRecord first_record(const TierProgram& program, int64_t figure, int64_t at);

// Between period ends (before.as_of <= at < before.period_end): the member goes up to the
// tier `figure` qualifies for if it is higher; never down. SC_ERR_INVALID_STATE (field "at")
// when `at` is outside that span, (field "tier_id") when the record's tier is not in the
// program.
TierStep apply_figure(const TierProgram& program, const TierRecord& before, int64_t figure, int64_t at);

// The end of before's period, with the figure just before that instant (what a period end
// reviews: qualifying_sum_before, clamped at 0): the tier becomes the one it qualifies for
// (lower, higher or the same) and the next period begins.
TierStep close_period(const TierProgram& program, const TierRecord& before, int64_t figure_at_end);

// Brings the record from before.as_of to `now` (>= as_of; else SC_ERR_INVALID_ARGUMENT, field
// "now"): every period end in (as_of, now] and every instant in [as_of, now] where the figure
// changes, in time order; at one instant the period end comes first. The history must hold
// every entry whose time is after as_of − window (paid_spend), or every entry or one entry
// carrying their sum (growth_points), and entries are appended at times >= the record's
// as_of; entries after `now` are not counted yet.
TierUpdate evaluate(const TierProgram& program, const TierRecord& before, const QualifyingHistory& history,
                    int64_t now);

// What the app's member page shows, evaluated to `now`.
struct TierProgress {
    TierRecord record;                    // evaluate(…, now).record
    int64_t figure = 0;                   // the qualifying figure now
    std::string qualified_tier_id;        // the tier the figure qualifies for now (never above the record's)
    std::optional<std::string> next_tier_id;  // the tier above the member's; none at the top
    int64_t to_next = 0;                  // paid (or earned) now, reaches the next tier at once; 0 at the top
    int64_t figure_at_period_end = 0;     // the figure the period end will review if nothing new happens
    std::string tier_at_period_end;       // the tier the member holds from then, if nothing new happens
    // Paid (or earned) now, what keeps the member's tier at the period end: 0 when it is
    // kept already; nullopt when an amount paid now will have left the window by then.
    std::optional<int64_t> to_keep;
};

TierProgress tier_progress(const TierProgram& program, const TierRecord& record, const QualifyingHistory& history,
                           int64_t now);

}  // namespace sc
