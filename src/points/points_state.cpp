#include "points/points_state.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"

#include <algorithm>

namespace sc {

const char* points_hold_state_name(PointsHoldState state) noexcept {
    switch (state) {
        case PointsHoldState::held: return "held";
        case PointsHoldState::committed: return "committed";
        case PointsHoldState::released: return "released";
    }
    return "unknown";
}

std::optional<size_t> PointsState::find_lot(uint64_t id) const noexcept {
    const auto it = std::lower_bound(lots.begin(), lots.end(), id,
                                     [](const PointsLot& lot, uint64_t wanted) { return lot.id < wanted; });
    if (it == lots.end() || it->id != id) return std::nullopt;
    return static_cast<size_t>(it - lots.begin());
}

std::optional<std::string> lot_inconsistency(const PointsLot& lot) {
    const std::string name = "lot " + std::to_string(lot.id);
    if (lot.free < 0 || lot.held < 0 || lot.spent < 0 || lot.expired < 0 || lot.taken < 0 || lot.repaid < 0 ||
        lot.reversal_claimed < 0 || lot.absorbed < 0)
        return name + " has a negative bucket";
    const int64_t sum = lot.free + lot.held + lot.spent + lot.expired + lot.taken + lot.repaid;
    if (sum != lot.earned) return name + ": buckets sum to " + std::to_string(sum) + ", earned " + std::to_string(lot.earned);
    if (lot.reversal_claimed > lot.earned) return name + " is reversed beyond what it earned";
    if (lot.absorbed > lot.expired) return name + " absorbed more than expired";
    return std::nullopt;
}

namespace {

// Replay deliberately shares no code with PointsAccount's planning: it only applies
// what the entries say, so a decision the account made but did not record shows up as
// a difference between the two states.
class Replayer {
public:
    void apply(const PointsEntry& e) {
        entry_ = &e;
        switch (e.kind) {
            case PointsEntryKind::earn: add_lot(e, true); break;
            case PointsEntryKind::adjust:
                if (e.points > 0) add_lot(e, false);
                else move_all(e.shares, &PointsLot::free, &PointsLot::taken);
                break;
            case PointsEntryKind::spend:
                move_all(e.shares, &PointsLot::free, &PointsLot::spent);
                add_spend(e.seq, e.shares);
                break;
            case PointsEntryKind::hold:
                move_all(e.shares, &PointsLot::free, &PointsLot::held);
                if (!state_.holds.emplace(e.seq, PointsHold{e.seq, e.points, e.shares, PointsHoldState::held, 0}).second)
                    broken("a second hold with this id");
                break;
            case PointsEntryKind::commit:
            case PointsEntryKind::release: {
                PointsHold& hold = open_hold(e.target);
                if (hold.shares != e.shares) broken("shares differ from the hold's");
                if (e.kind == PointsEntryKind::commit) {
                    move_all(e.shares, &PointsLot::held, &PointsLot::spent);
                    add_spend(e.seq, e.shares);
                    hold.state = PointsHoldState::committed;
                } else {
                    move_all(e.shares, &PointsLot::held, &PointsLot::free);
                    hold.state = PointsHoldState::released;
                }
                hold.resolved_by = e.seq;
                break;
            }
            case PointsEntryKind::expire: move_all(e.shares, &PointsLot::free, &PointsLot::expired); break;
            case PointsEntryKind::reverse: {
                PointsLot& target = lot(e.target);
                target.reversal_claimed += e.points;
                target.absorbed += e.absorbed;
                move_all(e.shares, &PointsLot::free, &PointsLot::taken);
                state_.debt = checked_add(state_.debt, e.charged, "debt");
                break;
            }
            case PointsEntryKind::return_: {
                const auto it = state_.spends.find(e.target);
                if (it == state_.spends.end()) broken("returns to an unknown spend");
                for (const LotShare& share : e.shares) {
                    const auto pos = std::find_if(it->second.shares.begin(), it->second.shares.end(),
                                                  [&](const LotShare& s) { return s.lot == share.lot; });
                    if (pos == it->second.shares.end()) broken("returns to a lot the spend did not use");
                    it->second.returned[static_cast<size_t>(pos - it->second.shares.begin())] += share.points;
                }
                move_all(e.shares, &PointsLot::spent, &PointsLot::free);
                break;
            }
        }
        for (const LotShare& share : e.repaid) {
            move(share, &PointsLot::free, &PointsLot::repaid);
            state_.debt -= share.points;
        }
        if (state_.debt < 0) broken("repays more than the debt");
    }

    PointsState take() { return std::move(state_); }

private:
    [[noreturn]] void broken(const std::string& what) const {
        fail(SC_ERR_INTERNAL, "points ledger entry " + std::to_string(entry_->seq) + " (" +
                                  points_entry_kind_name(entry_->kind) + "): " + what);
    }

    PointsLot& lot(uint64_t id) {
        const auto pos = state_.find_lot(id);
        if (!pos) broken("names unknown lot " + std::to_string(id));
        return state_.lots[*pos];
    }

    void add_lot(const PointsEntry& e, bool from_earn) {
        PointsLot lot;
        lot.id = e.seq;
        lot.from_earn = from_earn;
        lot.earned = e.points;
        lot.earned_at = e.at;
        lot.vests_at = e.vests_at;
        lot.expires_at = e.expires_at;
        lot.free = e.points;
        if (e.points <= 0) broken("creates an empty lot");
        if (!state_.lots.empty() && state_.lots.back().id >= e.seq) broken("creates a lot out of order");
        state_.lots.push_back(lot);
    }

    void add_spend(uint64_t id, const std::vector<LotShare>& shares) {
        state_.spends.emplace(id, SpendRecord{id, shares, std::vector<int64_t>(shares.size(), 0)});
    }

    PointsHold& open_hold(uint64_t id) {
        const auto it = state_.holds.find(id);
        if (it == state_.holds.end()) broken("resolves an unknown hold");
        if (it->second.state != PointsHoldState::held) broken("resolves a hold a second time");
        return it->second;
    }

    void move(const LotShare& share, int64_t PointsLot::*from, int64_t PointsLot::*to) {
        if (share.points <= 0) broken("moves a non-positive share");
        PointsLot& l = lot(share.lot);
        l.*from -= share.points;
        l.*to += share.points;
        if (l.*from < 0) broken("takes more than lot " + std::to_string(share.lot) + " has");
    }

    void move_all(const std::vector<LotShare>& shares, int64_t PointsLot::*from, int64_t PointsLot::*to) {
        for (const LotShare& share : shares) move(share, from, to);
    }

    PointsState state_;
    const PointsEntry* entry_ = nullptr;
};

}  // namespace

PointsState replay_entries(const std::vector<PointsEntry>& entries) {
    Replayer replayer;
    for (const PointsEntry& entry : entries) replayer.apply(entry);
    return replayer.take();
}

}  // namespace sc
