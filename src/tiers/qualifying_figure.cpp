#include "tiers/qualifying_figure.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"
#include "points/civil_date.hpp"

#include <algorithm>

namespace sc {

namespace {

int64_t window_ms(const TierProgram& program) { return checked_mul(program.window_days, kMsPerDay, "tier window"); }

}  // namespace

void validate_history(const QualifyingHistory& history) {
    for (size_t i = 1; i < history.size(); ++i)
        if (history[i].at < history[i - 1].at) {
            const std::string field = "history[" + std::to_string(i) + "].at";
            fail(SC_ERR_INVALID_ARGUMENT, field + ": is earlier than the entry before it", field);
        }
}

namespace {

// Entries with time <= at (or < at when `before`), and for paid_spend after at − window.
int64_t sum_as_of(const TierProgram& program, const QualifyingHistory& history, int64_t at, bool before) {
    // With a window, an entry at or before `left` has left it (none has when at − window
    // is before the start of int64 time).
    const bool windowed = program.basis == TierBasis::paid_spend;
    int64_t left = 0;
    const bool some_left = windowed && !sub_overflow(at, window_ms(program), &left);
    int64_t sum = 0;
    for (const QualifyingEntry& e : history) {
        if (e.at > at || (before && e.at == at) || (some_left && e.at <= left)) continue;
        sum = checked_add(sum, e.amount, "qualifying figure");
    }
    return sum;
}

}  // namespace

int64_t qualifying_sum(const TierProgram& program, const QualifyingHistory& history, int64_t at) {
    return sum_as_of(program, history, at, false);
}

int64_t qualifying_sum_before(const TierProgram& program, const QualifyingHistory& history, int64_t at) {
    return sum_as_of(program, history, at, true);
}

int64_t qualifying_figure(const TierProgram& program, const QualifyingHistory& history, int64_t at) {
    return std::max<int64_t>(0, qualifying_sum(program, history, at));
}

size_t qualified_rank(const TierProgram& program, int64_t figure) {
    size_t rank = 0;
    for (size_t i = 1; i < program.tiers.size(); ++i)
        if (figure >= program.tiers[i].threshold) rank = i;
    return rank;
}

std::vector<int64_t> figure_changes(const TierProgram& program, const QualifyingHistory& history, int64_t from,
                                    int64_t to) {
    std::vector<int64_t> out;
    const bool windowed = program.basis == TierBasis::paid_spend;
    const int64_t window = windowed ? window_ms(program) : 0;
    for (const QualifyingEntry& e : history) {
        if (e.at >= from && e.at <= to) out.push_back(e.at);
        int64_t leaves = 0;
        if (windowed && !add_overflow(e.at, window, &leaves) && leaves >= from && leaves <= to) out.push_back(leaves);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace sc
