#pragma once
// The state a points ledger implies: lots, holds, spends and debt. PointsAccount keeps
// it up to date as it appends; replay_entries() rebuilds it from the entries alone, and
// the two must be equal (the invariant test compares them after every operation).
#include "points/ledger_entry.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sc {

// A lot's points are always in exactly one bucket:
//   earned == free + held + spent + expired + taken + repaid
// free: spendable once vested and before expiry; held: reserved by open holds; spent:
// by spends and commits, less what refunds returned; taken: by reversals and negative
// adjustments; repaid: went to repay debt.
struct PointsLot {
    uint64_t id = 0;          // the seq of the earn or adjust entry that created it
    bool from_earn = false;   // only earned lots can be reversed
    int64_t earned = 0;
    int64_t earned_at = 0;
    int64_t vests_at = 0;     // pending before, available from then on
    std::optional<int64_t> expires_at;

    int64_t free = 0;
    int64_t held = 0;
    int64_t spent = 0;
    int64_t expired = 0;
    int64_t taken = 0;
    int64_t repaid = 0;

    int64_t reversal_claimed = 0;  // Σ points of the reversals of this lot (≤ earned)
    int64_t absorbed = 0;          // of those, points that had already expired (≤ expired)

    bool vested(int64_t now) const noexcept { return now >= vests_at; }
    bool expired_by(int64_t now) const noexcept { return expires_at && *expires_at <= now; }

    bool operator==(const PointsLot&) const = default;
};

enum class PointsHoldState { held, committed, released };
const char* points_hold_state_name(PointsHoldState state) noexcept;

struct PointsHold {
    uint64_t id = 0;  // the seq of the hold entry
    int64_t points = 0;
    std::vector<LotShare> shares;
    PointsHoldState state = PointsHoldState::held;
    uint64_t resolved_by = 0;  // the seq of the commit or release entry

    bool operator==(const PointsHold&) const = default;
};

// Points paid by a spend or a commit, and how much of each share refunds returned.
struct SpendRecord {
    uint64_t id = 0;  // the seq of the spend or commit entry
    std::vector<LotShare> shares;
    std::vector<int64_t> returned;  // parallel to shares

    bool operator==(const SpendRecord&) const = default;
};

struct PointsState {
    std::vector<PointsLot> lots;  // by id, ascending
    std::map<uint64_t, PointsHold> holds;
    std::map<uint64_t, SpendRecord> spends;
    int64_t debt = 0;  // points reversed after they were spent, not yet repaid

    bool operator==(const PointsState&) const = default;

    // The position of lot `id` in lots, or nullopt.
    std::optional<size_t> find_lot(uint64_t id) const noexcept;
};

// Rebuilds the state by applying what each entry records, checking as it goes that no
// bucket goes below zero and every hold resolves once. Throws Error(SC_ERR_INTERNAL)
// naming the entry at fault.
PointsState replay_entries(const std::vector<PointsEntry>& entries);

// The first way the lot breaks its bucket identity or a bucket is negative, or nullopt.
std::optional<std::string> lot_inconsistency(const PointsLot& lot);

}  // namespace sc
