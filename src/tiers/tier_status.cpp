#include "tiers/tier_status.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"
#include "points/civil_date.hpp"
#include "tiers/tier_period.hpp"

#include <algorithm>
#include <utility>

namespace sc {

namespace {

size_t rank_of_record(const TierProgram& program, const TierRecord& record) {
    const std::optional<size_t> rank = program.rank_of(record.tier_id);
    if (!rank) fail(SC_ERR_INVALID_STATE, "tier " + record.tier_id + " is not in the tier program", "tier_id");
    return *rank;
}

TierChange change_between(const TierProgram& program, size_t from, size_t to, int64_t at, bool at_period_end) {
    return TierChange{to > from ? TierChangeKind::upgraded : TierChangeKind::downgraded, program.tiers[from].id,
                      program.tiers[to].id, at, at_period_end};
}

}  // namespace

const char* tier_change_event(TierChangeKind kind) noexcept {
    switch (kind) {
        case TierChangeKind::upgraded: return "tier.upgraded";
        case TierChangeKind::downgraded: return "tier.downgraded";
    }
    return "tier.changed";
}

TierRecord first_record(const TierProgram& program, int64_t figure, int64_t at) {
    if (program.tiers.empty()) fail(SC_ERR_INVALID_STATE, "the tier program has no tiers", "tiers");
    return TierRecord{program.tiers[qualified_rank(program, figure)].id, at, next_period_end(program.period, at), at};
}

TierStep apply_figure(const TierProgram& program, const TierRecord& before, int64_t figure, int64_t at) {
    const size_t from = rank_of_record(program, before);
    if (at < before.as_of || at >= before.period_end)
        fail(SC_ERR_INVALID_STATE, "a figure applies between the record's as_of and its period end", "at");
    TierStep step{before, std::nullopt};
    step.record.as_of = at;
    const size_t to = qualified_rank(program, figure);
    if (to > from) {
        step.record.tier_id = program.tiers[to].id;
        step.record.since = at;
        step.change = change_between(program, from, to, at, false);
    }
    return step;
}

TierStep close_period(const TierProgram& program, const TierRecord& before, int64_t figure_at_end) {
    const size_t from = rank_of_record(program, before);
    const int64_t end = before.period_end;
    if (end < before.as_of) fail(SC_ERR_INVALID_STATE, "the record's period ended before its as_of", "period_end");
    TierStep step{before, std::nullopt};
    step.record.period_end = next_period_end(program.period, end);
    step.record.as_of = end;
    const size_t to = qualified_rank(program, figure_at_end);
    if (to != from) {
        step.record.tier_id = program.tiers[to].id;
        step.record.since = end;
        step.change = change_between(program, from, to, end, true);
    }
    return step;
}

TierUpdate evaluate(const TierProgram& program, const TierRecord& before, const QualifyingHistory& history,
                    int64_t now) {
    rank_of_record(program, before);
    if (now < before.as_of) fail(SC_ERR_INVALID_ARGUMENT, "now is before the record's as_of", "now");
    validate_history(history);
    const std::vector<int64_t> changes = figure_changes(program, history, before.as_of, now);
    TierUpdate out{before, {}};
    auto take = [&out](TierStep step) {
        out.record = std::move(step.record);
        if (step.change) out.changes.push_back(std::move(*step.change));
    };
    size_t next = 0;
    for (;;) {
        const bool change_left = next < changes.size();
        const int64_t end = out.record.period_end;
        if (end <= now && (!change_left || end <= changes[next])) {
            take(close_period(program, out.record, std::max<int64_t>(0, qualifying_sum_before(program, history, end))));
            // The figure stays as it is until its next change (or now), so the period ends
            // before then would change nothing: go straight to the first one after.
            const int64_t quiet_until = change_left ? changes[next] - 1 : now;
            if (out.record.period_end <= quiet_until)
                out.record.period_end = next_period_end(program.period, quiet_until);
            continue;
        }
        if (!change_left) break;
        // At an instant: first what left the window then, then each entry of that instant
        // in the order recorded, each with the figure it makes (evaluating again at an
        // instant already evaluated repeats raises that are already in the record).
        const int64_t at = changes[next++];
        int64_t sum = qualifying_sum_before(program, history, at);
        take(apply_figure(program, out.record, std::max<int64_t>(0, sum), at));
        auto e = std::lower_bound(history.begin(), history.end(), at,
                                  [](const QualifyingEntry& entry, int64_t t) { return entry.at < t; });
        for (; e != history.end() && e->at == at; ++e) {
            sum = checked_add(sum, e->amount, "qualifying figure");
            take(apply_figure(program, out.record, std::max<int64_t>(0, sum), at));
        }
    }
    out.record.as_of = now;
    return out;
}

TierProgress tier_progress(const TierProgram& program, const TierRecord& record, const QualifyingHistory& history,
                           int64_t now) {
    TierProgress p;
    p.record = evaluate(program, record, history, now).record;
    const size_t rank = rank_of_record(program, p.record);
    const int64_t sum_now = qualifying_sum(program, history, now);
    p.figure = std::max<int64_t>(0, sum_now);
    p.qualified_tier_id = program.tiers[qualified_rank(program, p.figure)].id;
    if (rank + 1 < program.tiers.size()) {
        const Tier& next = program.tiers[rank + 1];
        p.next_tier_id = next.id;
        // The tier is never below the qualified one, so the figure is below next's threshold.
        p.to_next = checked_sub(next.threshold, sum_now, "figure to the next tier");
    }
    // "If nothing new happens": the entries known now, some of them gone from the window.
    QualifyingHistory known;
    for (const QualifyingEntry& e : history)
        if (e.at <= now) known.push_back(e);
    const int64_t end = p.record.period_end;
    const int64_t sum_end = qualifying_sum_before(program, known, end);
    p.figure_at_period_end = std::max<int64_t>(0, sum_end);
    p.tier_at_period_end = program.tiers[qualified_rank(program, p.figure_at_period_end)].id;
    const bool paid_now_leaves =
        program.basis == TierBasis::paid_spend &&
        now <= checked_sub(end, checked_mul(program.window_days, kMsPerDay, "tier window"), "period end");
    if (rank == 0)
        p.to_keep = 0;
    else if (!paid_now_leaves)
        p.to_keep = std::max<int64_t>(0, checked_sub(program.tiers[rank].threshold, sum_end, "figure to keep"));
    return p;
}

}  // namespace sc
