#pragma once
// One member's points: the append-only ledger and the lots, holds and debt it implies
// (FEATURES §5). Plain C++ over values: no storage, no clock (every call is told `now`,
// UTC ms), no money conversion. The engine will persist the entries and call these.
//
// Every keyed operation first settles expiry as of `now` (expire entries for the free
// remainder of lots past their expiry), then does its work; a failure of either leaves
// the account exactly as it was, because a call plans on a draft and commits the draft
// only when nothing can fail any more.
#include "points/expiry_policy.hpp"
#include "points/ledger_entry.hpp"
#include "points/points_state.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sc {

struct PointsBalances {
    int64_t available = 0;      // free points of vested lots before their expiry: spendable
    int64_t pending = 0;        // free points of lots not yet vested
    int64_t held = 0;           // reserved by open holds
    int64_t debt = 0;           // reversed after being spent; blocks spending until repaid
    int64_t due_to_expire = 0;  // free points past expiry that no expire entry settled yet

    // What the entries sum to (balance_effect): may be below zero only through debt.
    int64_t total() const noexcept { return available + pending + held + due_to_expire - debt; }

    bool operator==(const PointsBalances&) const = default;
};

struct PointsReceipt {
    // The operation's own entry: the lot id of an earn or positive adjust, the hold id of
    // a hold, the spend id (for return_spent) of a spend or commit.
    uint64_t entry = 0;
    int64_t points = 0;
    std::vector<LotShare> shares;  // the lot amounts the operation moved
    int64_t debt_repaid = 0;
    int64_t debt_charged = 0;
    // Points that expired in the same call: lots past expiry settled first, and released
    // or returned points whose lot had expired meanwhile.
    int64_t expired = 0;

    bool operator==(const PointsReceipt&) const = default;
};

class PointsAccount {
public:
    PointsAccount() = default;
    // An account rebuilt from its stored entries (replay_entries). Its idempotency keys
    // are the store's to look up: a restored account does not know the requests behind
    // the keys of its entries, so the engine checks a key there before calling.
    static PointsAccount restore(std::vector<PointsEntry> entries);

    // Keys: non-empty, at most 200 bytes, not starting with "sys:" (the ledger's own
    // entries use that prefix). A key already used returns the first call's receipt and
    // appends nothing; with other arguments it is SC_ERR_IDEMPOTENCY_CONFLICT. `now` is
    // not an argument of the comparison: a retry comes later by nature.

    // A new lot of `points` (> 0) earned at `now`, expiring by `expiry`. With vests_at
    // later than now the lot is pending until then. Debt is repaid from it first.
    PointsReceipt earn(const std::string& key, const std::string& reference, int64_t points, int64_t now,
                       const ExpiryPolicy& expiry, std::optional<int64_t> vests_at = std::nullopt);
    // Takes points from the available lots, soonest-expiring first (never-expiring last,
    // ties by lot id). Refused while the member owes points, or beyond what is available.
    PointsReceipt spend(const std::string& key, const std::string& reference, int64_t points, int64_t now);
    // Reserves points as spend would take them; the hold id is the receipt's entry.
    PointsReceipt hold(const std::string& key, const std::string& reference, int64_t points, int64_t now);
    // Resolve an open hold, once: commit makes its points spent; release gives them back
    // to the lots they came from (expiring at once those whose lot expired meanwhile).
    PointsReceipt commit_hold(const std::string& key, const std::string& reference, uint64_t hold_id, int64_t now);
    PointsReceipt release_hold(const std::string& key, const std::string& reference, uint64_t hold_id, int64_t now);
    // Takes back `points` of earned lot `lot_id` (refund). From the lot's free points
    // first, then its expired ones (already gone: nothing more to take), then the
    // member's other free points; what is still owed becomes debt.
    PointsReceipt reverse_earn(const std::string& key, const std::string& reference, uint64_t lot_id, int64_t points,
                               int64_t now);
    // Gives back `points` of spend or commit `spend_id` (refund), into the lots they were
    // taken from, split over them by largest remainder. They keep their lot's expiry.
    PointsReceipt return_spent(const std::string& key, const std::string& reference, uint64_t spend_id,
                               int64_t points, int64_t now);
    // An operator's correction (points ≠ 0, a reason required). Positive: a new lot,
    // available at once, expiring by `expiry`. Negative: taken as a spend would be,
    // never beyond the available points.
    PointsReceipt adjust(const std::string& key, const std::string& reference, int64_t points,
                         const std::string& reason, int64_t now,
                         const ExpiryPolicy& expiry = ExpiryPolicy::never_expires());
    // Settles expiry as of `now`; the sweep. Appends nothing when nothing is due.
    PointsReceipt expire_due(int64_t now);

    PointsBalances balances(int64_t now) const;
    const std::vector<PointsEntry>& entries() const noexcept { return entries_; }
    const PointsState& state() const noexcept { return state_; }

    // Rebuilds the state from the entries alone and compares: the first difference, or
    // nullopt when the incrementally kept state is exactly what the entries imply.
    std::optional<std::string> find_inconsistency() const;

private:
    // What a keyed call asked for, to tell a retry from a conflicting reuse of its key.
    struct Request {
        PointsEntryKind kind = PointsEntryKind::earn;
        std::string reference;
        int64_t points = 0;
        uint64_t target = 0;
        std::optional<int64_t> vests_at;
        ExpiryPolicy expiry;
        std::string reason;

        bool operator==(const Request&) const = default;
    };
    struct KeyRecord {
        Request request;
        PointsReceipt receipt;
    };
    class Draft;

    const PointsReceipt* replay(const std::string& key, const Request& request) const;
    PointsReceipt take_from_available(const std::string& key, const Request& request, int64_t now);
    PointsReceipt resolve_hold(const std::string& key, const Request& request, int64_t now);
    void apply(Draft& draft, const std::string& key, const Request* request, const PointsReceipt& receipt);
    PointsReceipt open_lot(Draft& draft, size_t index, bool from_earn, int64_t now, const std::string& key,
                           const Request& request, PointsReceipt receipt);

    std::vector<PointsEntry> entries_;
    PointsState state_;
    std::unordered_map<std::string, KeyRecord> keys_;
};

}  // namespace sc
