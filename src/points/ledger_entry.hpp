#pragma once
// One entry of a member's points ledger. The ledger is append-only; every balance is
// derived from it (ARCHITECTURE §4, "Ledgers, not counters").
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

enum class PointsEntryKind {
    earn,     // a new lot (an order, a sign-in, a reward); may be pending until vests_at
    spend,    // points taken from available lots
    hold,     // points reserved from available lots for an unpaid order
    release,  // a hold given back: its points return to the lots they came from
    commit,   // a hold made final: its points become spent
    expire,   // the free remainder of a lot past its expiry
    reverse,  // (part of) an earn taken back on refund
    return_,  // (part of) a spend or commit given back on refund
    adjust,   // an operator's correction, with a reason; positive or negative
};

const char* points_entry_kind_name(PointsEntryKind kind) noexcept;

// Points of one lot that an entry moved. A lot is named by the seq of the entry that
// created it (an earn or a positive adjust).
struct LotShare {
    uint64_t lot = 0;
    int64_t points = 0;

    bool operator==(const LotShare&) const = default;
};

struct PointsEntry {
    uint64_t seq = 0;  // 1-based position in the ledger; also the id of what it creates
    PointsEntryKind kind = PointsEntryKind::earn;
    std::string key;        // idempotency key; "sys:expire:<seq>" for expire entries
    std::string reference;  // what it is about: "order:ord_1", "signin:2026-11-30", "lot:3"
    // The amount the entry is about, > 0; for adjust the signed correction.
    int64_t points = 0;
    int64_t at = 0;  // UTC ms

    // commit, release: the hold; reverse: the lot; return_: the spend or commit entry.
    uint64_t target = 0;
    // The lot amounts moved: taken (spend, hold, expire, reverse, negative adjust),
    // resolved (commit, release) or given back (return_). Empty for earn and positive
    // adjust, whose lot is the entry itself.
    std::vector<LotShare> shares;
    // Free points of lots that went to repay the member's debt in the same step.
    std::vector<LotShare> repaid;
    int64_t absorbed = 0;  // reverse: points of the lot that had already expired
    int64_t charged = 0;   // reverse: points that became debt

    // earn and positive adjust: the new lot's terms.
    int64_t vests_at = 0;
    std::optional<int64_t> expires_at;
    std::string reason;  // adjust

    bool operator==(const PointsEntry&) const = default;
};

// What the entry does to the balance (available + pending + held − debt, plus points
// past expiry that no expire entry has settled yet). `balance == Σ balance_effect` over
// the ledger is the invariant the tests check after every operation:
//   earn +points; return_ +points; adjust ±points; spend, commit, expire −points;
//   reverse −(points − absorbed); hold and release 0 (they move points between free
//   and held). Repaying debt changes nothing: free points and debt fall together.
int64_t balance_effect(const PointsEntry& entry);

}  // namespace sc
