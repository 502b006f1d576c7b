#include "points/points_account.hpp"

#include "core/allocation.hpp"
#include "core/checked.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace sc {

namespace {

constexpr size_t kMaxKeyBytes = 200;
const std::string kSystemPrefix = "sys:";

void check_key(const std::string& key) {
    if (key.empty()) fail(SC_ERR_INVALID_ARGUMENT, "an idempotency key is required", "key");
    if (key.size() > kMaxKeyBytes)
        fail(SC_ERR_INVALID_ARGUMENT, "an idempotency key is at most 200 bytes", "key");
    if (key.compare(0, kSystemPrefix.size(), kSystemPrefix) == 0)
        fail(SC_ERR_INVALID_ARGUMENT, "keys starting with \"sys:\" belong to the ledger's own entries", "key");
}

void check_reference(const std::string& reference) {
    if (reference.empty()) fail(SC_ERR_INVALID_ARGUMENT, "a reference (e.g. \"order:ord_1\") is required", "reference");
}

void check_positive(int64_t points) {
    if (points <= 0) fail(SC_ERR_INVALID_ARGUMENT, "points must be positive, not " + std::to_string(points), "points");
}

// Every balance and every sum of entries is bounded by what all lots ever earned, so
// refusing an earn that would take that past 64 bits keeps all of them exact.
void check_room_for(const PointsState& state, int64_t points) {
    int64_t earned = points;
    for (const PointsLot& lot : state.lots) earned = checked_add(earned, lot.earned, "points earned in total");
}

}  // namespace

// The call's working copy: lots it touched (copied on first write), lots it created,
// holds and spends it changed, the debt and the entries it appends. The account's own
// state is not touched until PointsAccount::apply.
namespace {

// Room for `more` elements, allocated before anything changes (so that running out of
// memory leaves the account as it was), growing geometrically: reserving exactly the size
// needed would reallocate, and copy every entry, on each operation.
template <class T>
void reserve_for(std::vector<T>& v, size_t more) {
    const size_t needed = v.size() + more;
    if (needed > v.capacity()) v.reserve(std::max(needed, 2 * v.capacity()));
}

}  // namespace

class PointsAccount::Draft {
public:
    Draft(const PointsState& base, uint64_t next_seq, int64_t now)
        : base_(base), next_seq_(next_seq), now_(now), debt(base.debt) {}

    int64_t now() const noexcept { return now_; }
    size_t lot_count() const noexcept { return base_.lots.size() + new_lots.size(); }

    const PointsLot& peek(size_t pos) const {
        if (pos >= base_.lots.size()) return new_lots[pos - base_.lots.size()];
        const auto it = touched.find(pos);
        return it == touched.end() ? base_.lots[pos] : it->second;
    }

    PointsLot& lot_at(size_t pos) {
        if (pos >= base_.lots.size()) return new_lots[pos - base_.lots.size()];
        auto it = touched.find(pos);
        if (it == touched.end()) it = touched.emplace(pos, base_.lots[pos]).first;
        return it->second;
    }

    std::optional<size_t> find_lot(uint64_t id) const {
        if (const auto pos = base_.find_lot(id)) return pos;
        for (size_t i = 0; i < new_lots.size(); ++i)
            if (new_lots[i].id == id) return base_.lots.size() + i;
        return std::nullopt;
    }

    PointsLot& lot(uint64_t id) { return lot_at(*find_lot(id)); }

    // Appends an entry and returns its index in `entries` (references would not survive
    // the next append).
    size_t append(PointsEntryKind kind, std::string key, std::string reference, int64_t points) {
        PointsEntry entry;
        entry.seq = next_seq_++;
        entry.kind = kind;
        entry.key = std::move(key);
        entry.reference = std::move(reference);
        entry.points = points;
        entry.at = now_;
        entries.push_back(std::move(entry));
        return entries.size() - 1;
    }

    uint64_t next_seq() const noexcept { return next_seq_; }

    const PointsHold* find_hold(uint64_t id) const {
        if (const auto it = holds.find(id); it != holds.end()) return &it->second;
        if (const auto it = base_.holds.find(id); it != base_.holds.end()) return &it->second;
        return nullptr;
    }

    const SpendRecord* find_spend(uint64_t id) const {
        if (const auto it = spends.find(id); it != spends.end()) return &it->second;
        if (const auto it = base_.spends.find(id); it != base_.spends.end()) return &it->second;
        return nullptr;
    }

    // One expire entry per lot whose free remainder is past its expiry. Lots are settled
    // in id order, so replaying a ledger settles them the same way.
    int64_t settle_expiry() {
        int64_t total = 0;
        for (size_t pos = 0; pos < lot_count(); ++pos) {
            const PointsLot& seen = peek(pos);
            if (seen.free > 0 && seen.expired_by(now_)) total += expire_free(pos, seen.free);
        }
        return total;
    }

    int64_t expire_free(size_t pos, int64_t points) {
        PointsLot& l = lot_at(pos);
        l.free -= points;
        l.expired += points;
        const uint64_t id = l.id;
        const size_t index = append(PointsEntryKind::expire, "sys:expire:" + std::to_string(next_seq_),
                                    "lot:" + std::to_string(id), points);
        entries[index].shares.push_back(LotShare{id, points});
        return points;
    }

    // Positions of lots with free points to draw on, in the order FEATURES §5 asks for:
    // soonest expiry first, never-expiring last, ties by lot id (the earn order). Pending
    // lots only when asked, after all available ones.
    std::vector<size_t> draw_order(bool include_pending) const {
        std::vector<size_t> order;
        for (size_t pos = 0; pos < lot_count(); ++pos) {
            const PointsLot& l = peek(pos);
            if (l.free > 0 && !l.expired_by(now_) && (include_pending || l.vested(now_))) order.push_back(pos);
        }
        const auto rank = [this](size_t pos) {
            const PointsLot& l = peek(pos);
            return std::make_tuple(!l.vested(now_), !l.expires_at.has_value(), l.expires_at.value_or(0), l.id);
        };
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rank(a) < rank(b); });
        return order;
    }

    int64_t drawable(bool include_pending) const {
        int64_t total = 0;
        for (const size_t pos : draw_order(include_pending)) total = checked_add(total, peek(pos).free, "points");
        return total;
    }

    // Moves up to `points` free points into bucket `to`, in draw order.
    std::vector<LotShare> draw(int64_t points, bool include_pending, int64_t PointsLot::*to) {
        std::vector<LotShare> shares;
        for (const size_t pos : draw_order(include_pending)) {
            if (points == 0) break;
            PointsLot& l = lot_at(pos);
            const int64_t part = std::min(points, l.free);
            l.free -= part;
            l.*to += part;
            points -= part;
            shares.push_back(LotShare{l.id, part});
        }
        return shares;
    }

    // Free points that just came back to these lots (release, return): those whose lot
    // has expired expire now; the rest repay debt first. Returns the points expired.
    int64_t settle_returned(const std::vector<LotShare>& shares, size_t entry_index) {
        int64_t expired = 0;
        std::vector<LotShare> repaid;
        for (const LotShare& share : shares) {
            const size_t pos = *find_lot(share.lot);
            if (peek(pos).expired_by(now_)) continue;
            if (const auto r = repay(pos)) repaid.push_back(*r);
        }
        entries[entry_index].repaid = std::move(repaid);
        for (const LotShare& share : shares) {
            const size_t pos = *find_lot(share.lot);
            if (peek(pos).expired_by(now_) && peek(pos).free > 0) expired += expire_free(pos, peek(pos).free);
        }
        return expired;
    }

    // Repays debt from the lot's free points, as far as they go.
    std::optional<LotShare> repay(size_t pos) {
        if (debt == 0 || peek(pos).free == 0) return std::nullopt;
        PointsLot& l = lot_at(pos);
        const int64_t part = std::min(debt, l.free);
        l.free -= part;
        l.repaid += part;
        debt -= part;
        return LotShare{l.id, part};
    }

    const PointsState& base_;
    uint64_t next_seq_;
    int64_t now_;

    int64_t debt;
    std::map<size_t, PointsLot> touched;  // position in base lots → changed copy
    std::vector<PointsLot> new_lots;
    std::map<uint64_t, PointsHold> holds;          // changed or new
    std::map<uint64_t, SpendRecord> spends;  // changed or new
    std::vector<PointsEntry> entries;
};

PointsAccount PointsAccount::restore(std::vector<PointsEntry> entries) {
    PointsAccount account;
    account.state_ = replay_entries(entries);
    account.entries_ = std::move(entries);
    return account;
}

const PointsReceipt* PointsAccount::replay(const std::string& key, const Request& request) const {
    const auto it = keys_.find(key);
    if (it == keys_.end()) return nullptr;
    if (!(it->second.request == request))
        fail(SC_ERR_IDEMPOTENCY_CONFLICT,
             "idempotency key \"" + key + "\" was used for another " +
                 (it->second.request.kind == request.kind ? "call of the same kind with other arguments"
                                                          : std::string(points_entry_kind_name(it->second.request.kind))),
             "key");
    return &it->second.receipt;
}

// Commit: first everything that allocates, undone if it throws; then only moves and
// assignments that cannot throw. So even running out of memory leaves the account as
// it was.
void PointsAccount::apply(Draft& draft, const std::string& key, const Request* request,
                          const PointsReceipt& receipt) {
    reserve_for(entries_, draft.entries.size());
    reserve_for(state_.lots, draft.new_lots.size());
    std::vector<uint64_t> new_holds;
    std::vector<uint64_t> new_spends;
    bool key_added = false;
    try {
        for (const auto& [id, hold] : draft.holds)
            if (state_.holds.emplace(id, PointsHold{}).second) new_holds.push_back(id);
        for (const auto& [id, spend] : draft.spends)
            if (state_.spends.emplace(id, SpendRecord{}).second) new_spends.push_back(id);
        if (request) key_added = keys_.emplace(key, KeyRecord{*request, receipt}).second;
    } catch (...) {
        for (const uint64_t id : new_holds) state_.holds.erase(id);
        for (const uint64_t id : new_spends) state_.spends.erase(id);
        if (key_added) keys_.erase(key);
        throw;
    }
    for (auto& [id, hold] : draft.holds) state_.holds.find(id)->second = std::move(hold);
    for (auto& [id, spend] : draft.spends) state_.spends.find(id)->second = std::move(spend);
    for (const auto& [pos, lot] : draft.touched) state_.lots[pos] = lot;
    for (const PointsLot& lot : draft.new_lots) state_.lots.push_back(lot);
    for (PointsEntry& entry : draft.entries) entries_.push_back(std::move(entry));
    state_.debt = draft.debt;
}

// An earn and a positive adjustment both open a lot from their entry (its points, vesting
// and expiry), let it repay debt first, and commit.
PointsReceipt PointsAccount::open_lot(Draft& draft, size_t index, bool from_earn, int64_t now,
                                      const std::string& key, const Request& request, PointsReceipt receipt) {
    const PointsEntry& entry = draft.entries[index];
    PointsLot lot;
    lot.id = entry.seq;
    lot.from_earn = from_earn;
    lot.earned = entry.points;
    lot.earned_at = now;
    lot.vests_at = entry.vests_at;
    lot.expires_at = entry.expires_at;
    lot.free = entry.points;
    draft.new_lots.push_back(lot);
    if (const auto repaid = draft.repay(draft.lot_count() - 1)) {
        draft.entries[index].repaid.push_back(*repaid);
        receipt.debt_repaid = repaid->points;
    }
    receipt.entry = draft.entries[index].seq;
    receipt.points = draft.entries[index].points;
    apply(draft, key, &request, receipt);
    return receipt;
}

PointsReceipt PointsAccount::earn(const std::string& key, const std::string& reference, int64_t points,
                                  int64_t now, const ExpiryPolicy& expiry, std::optional<int64_t> vests_at) {
    check_key(key);
    const Request request{PointsEntryKind::earn, reference, points, 0, vests_at, expiry, {}};
    if (const PointsReceipt* first = replay(key, request)) return *first;
    check_reference(reference);
    check_positive(points);
    const std::optional<int64_t> expires_at = lot_expiry(expiry, now);
    check_room_for(state_, points);

    Draft draft(state_, entries_.size() + 1, now);
    PointsReceipt receipt;
    receipt.expired = draft.settle_expiry();
    const size_t index = draft.append(PointsEntryKind::earn, key, reference, points);
    PointsEntry& entry = draft.entries[index];
    entry.vests_at = std::max(now, vests_at.value_or(now));
    entry.expires_at = expires_at;
    return open_lot(draft, index, true, now, key, request, receipt);
}

PointsReceipt PointsAccount::take_from_available(const std::string& key, const Request& request, int64_t now) {
    if (const PointsReceipt* first = replay(key, request)) return *first;
    check_reference(request.reference);
    if (request.kind == PointsEntryKind::adjust) {
        if (request.points == 0) fail(SC_ERR_INVALID_ARGUMENT, "an adjustment of 0 points changes nothing", "points");
    } else {
        check_positive(request.points);
    }
    const int64_t points = request.kind == PointsEntryKind::adjust ? checked_sub(0, request.points, "points") : request.points;

    Draft draft(state_, entries_.size() + 1, now);
    PointsReceipt receipt;
    receipt.expired = draft.settle_expiry();
    if (draft.debt > 0)
        fail(SC_ERR_INVALID_STATE,
             "the member owes " + std::to_string(draft.debt) + " points; nothing can be spent until earnings repay them",
             "points");
    const int64_t available = draft.drawable(false);
    if (points > available)
        fail(SC_ERR_INVALID_ARGUMENT,
             std::to_string(points) + " points asked, " + std::to_string(available) + " available", "points");

    int64_t PointsLot::*bucket = request.kind == PointsEntryKind::spend  ? &PointsLot::spent
                           : request.kind == PointsEntryKind::hold ? &PointsLot::held
                                                             : &PointsLot::taken;
    std::vector<LotShare> shares = draft.draw(points, false, bucket);
    const size_t index = draft.append(request.kind, key, request.reference, request.points);
    PointsEntry& entry = draft.entries[index];
    entry.shares = shares;
    entry.reason = request.reason;
    if (request.kind == PointsEntryKind::spend)
        draft.spends.emplace(entry.seq, SpendRecord{entry.seq, shares, std::vector<int64_t>(shares.size(), 0)});
    if (request.kind == PointsEntryKind::hold)
        draft.holds.emplace(entry.seq, PointsHold{entry.seq, points, shares, PointsHoldState::held, 0});
    receipt.entry = entry.seq;
    receipt.points = request.points;
    receipt.shares = std::move(shares);
    apply(draft, key, &request, receipt);
    return receipt;
}

PointsReceipt PointsAccount::spend(const std::string& key, const std::string& reference, int64_t points,
                                   int64_t now) {
    check_key(key);
    return take_from_available(key, Request{PointsEntryKind::spend, reference, points, 0, {}, {}, {}}, now);
}

PointsReceipt PointsAccount::hold(const std::string& key, const std::string& reference, int64_t points,
                                  int64_t now) {
    check_key(key);
    return take_from_available(key, Request{PointsEntryKind::hold, reference, points, 0, {}, {}, {}}, now);
}

PointsReceipt PointsAccount::resolve_hold(const std::string& key, const Request& request, int64_t now) {
    if (const PointsReceipt* first = replay(key, request)) return *first;
    check_reference(request.reference);
    const auto it = state_.holds.find(request.target);
    if (it == state_.holds.end())
        fail(SC_ERR_NOT_FOUND, "no hold " + std::to_string(request.target), "hold_id");
    const PointsHold& open = it->second;
    if (open.state != PointsHoldState::held)
        fail(SC_ERR_INVALID_STATE,
             "hold " + std::to_string(open.id) + " is already " + points_hold_state_name(open.state) + " (by entry " +
                 std::to_string(open.resolved_by) + "); a hold resolves exactly once",
             "hold_id");

    Draft draft(state_, entries_.size() + 1, now);
    PointsReceipt receipt;
    receipt.expired = draft.settle_expiry();
    const bool commit = request.kind == PointsEntryKind::commit;
    const size_t index = draft.append(request.kind, key, request.reference, open.points);
    const uint64_t seq = draft.entries[index].seq;
    draft.entries[index].target = open.id;
    draft.entries[index].shares = open.shares;
    for (const LotShare& share : open.shares) {
        PointsLot& l = draft.lot(share.lot);
        l.held -= share.points;
        (commit ? l.spent : l.free) += share.points;
    }
    PointsHold resolved = open;
    resolved.state = commit ? PointsHoldState::committed : PointsHoldState::released;
    resolved.resolved_by = seq;
    draft.holds.emplace(open.id, std::move(resolved));
    if (commit) {
        draft.spends.emplace(seq, SpendRecord{seq, open.shares, std::vector<int64_t>(open.shares.size(), 0)});
    } else {
        receipt.expired += draft.settle_returned(open.shares, index);
        for (const LotShare& r : draft.entries[index].repaid) receipt.debt_repaid += r.points;
    }
    receipt.entry = seq;
    receipt.points = open.points;
    receipt.shares = open.shares;
    apply(draft, key, &request, receipt);
    return receipt;
}

PointsReceipt PointsAccount::commit_hold(const std::string& key, const std::string& reference, uint64_t hold_id,
                                         int64_t now) {
    check_key(key);
    return resolve_hold(key, Request{PointsEntryKind::commit, reference, 0, hold_id, {}, {}, {}}, now);
}

PointsReceipt PointsAccount::release_hold(const std::string& key, const std::string& reference, uint64_t hold_id,
                                          int64_t now) {
    check_key(key);
    return resolve_hold(key, Request{PointsEntryKind::release, reference, 0, hold_id, {}, {}, {}}, now);
}

PointsReceipt PointsAccount::reverse_earn(const std::string& key, const std::string& reference, uint64_t lot_id,
                                          int64_t points, int64_t now) {
    check_key(key);
    const Request request{PointsEntryKind::reverse, reference, points, lot_id, {}, {}, {}};
    if (const PointsReceipt* first = replay(key, request)) return *first;
    check_reference(reference);
    check_positive(points);
    const auto pos = state_.find_lot(lot_id);
    if (!pos || !state_.lots[*pos].from_earn)
        fail(SC_ERR_NOT_FOUND, "no earned lot " + std::to_string(lot_id), "lot_id");
    const int64_t reversible = state_.lots[*pos].earned - state_.lots[*pos].reversal_claimed;
    if (points > reversible)
        fail(SC_ERR_REFUND_EXCEEDS_PAID,
             std::to_string(points) + " points to reverse, " + std::to_string(reversible) + " left of lot " +
                 std::to_string(lot_id),
             "points");

    Draft draft(state_, entries_.size() + 1, now);
    PointsReceipt receipt;
    receipt.expired = draft.settle_expiry();
    PointsLot& target = draft.lot_at(*pos);
    std::vector<LotShare> shares;
    const int64_t from_lot = std::min(points, target.free);
    if (from_lot > 0) {
        target.free -= from_lot;
        target.taken += from_lot;
        shares.push_back(LotShare{lot_id, from_lot});
    }
    // Expired points already left the balance: reversing them takes nothing more.
    const int64_t absorbed = std::min(points - from_lot, target.expired - target.absorbed);
    target.absorbed += absorbed;
    target.reversal_claimed += points;
    // The rest was spent, held or repaid debt: the member's other free points pay first,
    // so the balance goes below zero only when there is nothing else.
    const int64_t owed = points - from_lot - absorbed;
    for (const LotShare& share : draft.draw(owed, true, &PointsLot::taken)) shares.push_back(share);
    int64_t drawn = 0;
    for (const LotShare& share : shares) drawn += share.points;
    const int64_t charged = points - absorbed - drawn;
    draft.debt = checked_add(draft.debt, charged, "debt");

    const size_t index = draft.append(PointsEntryKind::reverse, key, reference, points);
    PointsEntry& entry = draft.entries[index];
    entry.target = lot_id;
    entry.shares = shares;
    entry.absorbed = absorbed;
    entry.charged = charged;
    receipt.entry = entry.seq;
    receipt.points = points;
    receipt.shares = std::move(shares);
    receipt.debt_charged = charged;
    apply(draft, key, &request, receipt);
    return receipt;
}

PointsReceipt PointsAccount::return_spent(const std::string& key, const std::string& reference, uint64_t spend_id,
                                          int64_t points, int64_t now) {
    check_key(key);
    const Request request{PointsEntryKind::return_, reference, points, spend_id, {}, {}, {}};
    if (const PointsReceipt* first = replay(key, request)) return *first;
    check_reference(reference);
    check_positive(points);
    const auto it = state_.spends.find(spend_id);
    if (it == state_.spends.end()) fail(SC_ERR_NOT_FOUND, "no spend or commit " + std::to_string(spend_id), "spend_id");
    const SpendRecord& spent = it->second;
    std::vector<int64_t> unreturned(spent.shares.size());
    int64_t returnable = 0;
    for (size_t i = 0; i < spent.shares.size(); ++i) {
        unreturned[i] = spent.shares[i].points - spent.returned[i];
        returnable += unreturned[i];
    }
    if (points > returnable)
        fail(SC_ERR_REFUND_EXCEEDS_PAID,
             std::to_string(points) + " points to return, " + std::to_string(returnable) + " left of spend " +
                 std::to_string(spend_id),
             "points");

    Draft draft(state_, entries_.size() + 1, now);
    PointsReceipt receipt;
    receipt.expired = draft.settle_expiry();
    // Largest remainder over what each lot has not had back yet: deterministic, and two
    // partial returns add up to the whole exactly.
    const std::vector<int64_t> parts = allocate_largest_remainder(points, unreturned);
    SpendRecord updated = spent;
    std::vector<LotShare> shares;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (parts[i] == 0) continue;
        PointsLot& l = draft.lot(spent.shares[i].lot);
        l.spent -= parts[i];
        l.free += parts[i];
        updated.returned[i] += parts[i];
        shares.push_back(LotShare{spent.shares[i].lot, parts[i]});
    }
    draft.spends.emplace(spend_id, std::move(updated));
    const size_t index = draft.append(PointsEntryKind::return_, key, reference, points);
    draft.entries[index].target = spend_id;
    draft.entries[index].shares = shares;
    receipt.expired += draft.settle_returned(shares, index);
    for (const LotShare& r : draft.entries[index].repaid) receipt.debt_repaid += r.points;
    receipt.entry = draft.entries[index].seq;
    receipt.points = points;
    receipt.shares = std::move(shares);
    apply(draft, key, &request, receipt);
    return receipt;
}

PointsReceipt PointsAccount::adjust(const std::string& key, const std::string& reference, int64_t points,
                                    const std::string& reason, int64_t now, const ExpiryPolicy& expiry) {
    check_key(key);
    const Request request{PointsEntryKind::adjust, reference, points, 0, {}, expiry, reason};
    if (points < 0) {
        if (!keys_.count(key) && reason.empty())
            fail(SC_ERR_INVALID_ARGUMENT, "an adjustment needs a reason", "reason");
        return take_from_available(key, request, now);
    }
    if (const PointsReceipt* first = replay(key, request)) return *first;
    check_reference(reference);
    if (reason.empty()) fail(SC_ERR_INVALID_ARGUMENT, "an adjustment needs a reason", "reason");
    if (points == 0) fail(SC_ERR_INVALID_ARGUMENT, "an adjustment of 0 points changes nothing", "points");
    const std::optional<int64_t> expires_at = lot_expiry(expiry, now);
    check_room_for(state_, points);

    Draft draft(state_, entries_.size() + 1, now);
    PointsReceipt receipt;
    receipt.expired = draft.settle_expiry();
    const size_t index = draft.append(PointsEntryKind::adjust, key, reference, points);
    PointsEntry& entry = draft.entries[index];
    entry.vests_at = now;
    entry.expires_at = expires_at;
    entry.reason = reason;
    return open_lot(draft, index, false, now, key, request, receipt);
}

PointsReceipt PointsAccount::expire_due(int64_t now) {
    Draft draft(state_, entries_.size() + 1, now);
    PointsReceipt receipt;
    receipt.expired = draft.settle_expiry();
    receipt.points = receipt.expired;
    apply(draft, {}, nullptr, receipt);
    return receipt;
}

PointsBalances PointsAccount::balances(int64_t now) const {
    PointsBalances b;
    for (const PointsLot& lot : state_.lots) {
        if (lot.expired_by(now)) b.due_to_expire += lot.free;
        else if (lot.vested(now)) b.available += lot.free;
        else b.pending += lot.free;
        b.held += lot.held;
    }
    b.debt = state_.debt;
    return b;
}

std::optional<std::string> PointsAccount::find_inconsistency() const {
    for (size_t i = 0; i < entries_.size(); ++i)
        if (entries_[i].seq != i + 1) return "entry " + std::to_string(i + 1) + " has seq " + std::to_string(entries_[i].seq);
    PointsState rebuilt;
    try {
        rebuilt = replay_entries(entries_);
    } catch (const Error& e) {
        return std::string(e.what());
    }
    for (const PointsLot& lot : state_.lots)
        if (auto problem = lot_inconsistency(lot)) return problem;
    if (rebuilt.lots != state_.lots) {
        if (rebuilt.lots.size() != state_.lots.size()) return std::string("the entries imply another number of lots");
        for (size_t i = 0; i < rebuilt.lots.size(); ++i)
            if (!(rebuilt.lots[i] == state_.lots[i]))
                return "lot " + std::to_string(state_.lots[i].id) + " differs from what the entries imply";
    }
    if (rebuilt.holds != state_.holds) return std::string("the holds differ from what the entries imply");
    if (rebuilt.spends != state_.spends) return std::string("the spends differ from what the entries imply");
    if (rebuilt.debt != state_.debt)
        return "debt is " + std::to_string(state_.debt) + ", the entries imply " + std::to_string(rebuilt.debt);
    return std::nullopt;
}

}  // namespace sc
