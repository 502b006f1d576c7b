#include "engine/points_steps.hpp"

#include "core/allocation.hpp"
#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/wide.hpp"
#include "engine/steps.hpp"
#include "program/points_json.hpp"
#include "program/program_document.hpp"
#include "store/hold_store.hpp"
#include "store/order_store.hpp"
#include "store/parsed_by_text.hpp"
#include "store/points_store.hpp"

namespace sc::steps {

namespace {

// Past-tense event names, as every other event type ("coupon.held", "order.paid").
const char* points_event_type(PointsEntryKind kind) {
    switch (kind) {
        case PointsEntryKind::earn: return "points.earned";
        case PointsEntryKind::spend: return "points.spent";
        case PointsEntryKind::hold: return "points.held";
        case PointsEntryKind::release: return "points.released";
        case PointsEntryKind::commit: return "points.committed";
        case PointsEntryKind::expire: return "points.expired";
        case PointsEntryKind::reverse: return "points.reversed";
        case PointsEntryKind::return_: return "points.returned";
        case PointsEntryKind::adjust: return "points.adjusted";
    }
    return "points.unknown";
}

std::string order_reference(const Order& order) { return "order:" + order.id; }

// The order's points per line: what it earned by the lines' nets, and what it spent by
// the amounts points paid on each line, each split by largest remainder.
std::vector<int64_t> earned_per_line(const Order& order) {
    std::vector<int64_t> nets;
    for (const OrderLine& line : order.lines) nets.push_back(line.net);
    return allocate_largest_remainder(order.points_earned, nets);
}

std::vector<int64_t> spent_per_line(const Order& order) {
    std::vector<int64_t> paid;
    for (const OrderLine& line : order.lines) {
        int64_t amount = 0;
        for (const Adjustment& a : line.adjustments)
            if (a.kind == AdjustmentKind::points) amount += a.amount;
        paid.push_back(amount);
    }
    return allocate_largest_remainder(order.points_used, paid);
}

}  // namespace

PointsProgram points_program(Connection& db) {
    // Every points write, quote and payment reads the program: parsed once per text.
    static store::ParsedByText<PointsProgram> parsed;
    const auto text = store::points_program_text(db);
    if (!text) return PointsProgram{};
    return parsed.get(*text, [](const std::string& t) { return parse_points_program_entry(t); });
}

void save_points_program(Tx& tx, const PointsProgram& program) {
    if (store::points_program_text(tx.db) && points_program(tx.db) == program) return;
    const nlohmann::ordered_json json = points_program_json(program);
    store::save_points_program_text(tx.db, json.dump());
    tx.emit(NewEvent{"points_program.put", "points", nlohmann::json::parse(json.dump())});
}

PointsAccount load_points_account(Connection& db, const std::string& user_id) {
    return PointsAccount::restore(store::points_entries_of(db, user_id));
}

PointsAccount points_account_as_of(Connection& db, const std::string& user_id, int64_t now) {
    PointsAccount account = load_points_account(db, user_id);
    for (const std::string& id : store::orders_with_lapsed_holds(db, "points", user_id, now, INT64_MAX)) {
        const Order order = require_order(db, id);
        account.release_hold("read:" + id, order_reference(order), order.points_hold, now);
    }
    return account;
}

namespace {

// The account a write works on: this transaction's, the engine's cached one when the file
// has no newer entry, or the one the file's entries rebuild.
PointsAccount& working_account(Tx& tx, const std::string& user_id) {
    if (tx.points_accounts == nullptr) fail(SC_ERR_INTERNAL, "a points write outside an engine transaction");
    auto it = tx.points_accounts->find(user_id);
    if (it != tx.points_accounts->end()) return it->second;
    std::optional<PointsAccount> cached;
    const uint64_t last_seq = store::last_points_seq(tx.db, user_id);
    if (tx.points_cache) cached = tx.points_cache->take(user_id, last_seq);
    if (!cached) cached = last_seq == 0 ? PointsAccount{} : load_points_account(tx.db, user_id);
    return tx.points_accounts->emplace(user_id, std::move(*cached)).first->second;
}

}  // namespace

PointsReceipt points_write(Tx& tx, const std::string& user_id,
                           const std::function<PointsReceipt(PointsAccount&)>& operation) {
    // A refused operation leaves the account as it was (points_account.hpp), so the working
    // account stays right for the rest of the transaction either way.
    PointsAccount& account = working_account(tx, user_id);
    const size_t before = account.entries().size();
    const PointsReceipt receipt = operation(account);
    const std::vector<PointsEntry> added(account.entries().begin() + static_cast<std::ptrdiff_t>(before),
                                         account.entries().end());
    store::append_points_entries(tx.db, user_id, added);
    for (const PointsEntry& e : added) {
        nlohmann::json payload{{"user_id", user_id}, {"seq", e.seq}, {"points", e.points},
                               {"effect", balance_effect(e)}, {"reference", e.reference}};
        if (e.kind == PointsEntryKind::earn) payload["vests_at"] = e.vests_at;
        if (e.expires_at) payload["expires_at"] = *e.expires_at;
        if (!e.reason.empty()) payload["reason"] = e.reason;
        tx.emit(NewEvent{points_event_type(e.kind), user_id, std::move(payload)});
    }
    return receipt;
}

const PointsEntry& written_entry(Tx& tx, const std::string& user_id, uint64_t seq) {
    if (tx.points_accounts != nullptr) {
        const auto it = tx.points_accounts->find(user_id);
        if (it != tx.points_accounts->end() && seq >= 1 && seq <= it->second.entries().size()) {
            // Bounded by the vector's size just above, so the index fits size_t (32-bit too).
            const PointsEntry& entry = it->second.entries()[static_cast<size_t>(seq - 1)];
            if (entry.seq == seq) return entry;
        }
    }
    fail(SC_ERR_INTERNAL, "a points entry just written is not there");
}

PointsTerms points_terms(Connection& db, const std::string& user_id, int64_t now, const PointsUse& use) {
    const PointsProgram program = points_program(db);
    PointsTerms terms{program.redeem, program.earn, 0, use};
    if (program.redeem.max_share_bps > 0 || use.mode != PointsUse::Mode::none) {
        const PointsBalances b = points_account_as_of(db, user_id, now).balances(now);
        terms.available = b.debt > 0 ? 0 : b.available;
    }
    return terms;
}

void hold_order_points(Tx& tx, Order& order) {
    if (order.points_used == 0) return;
    const std::string ref = order_reference(order);
    const PointsReceipt r = points_write(tx, order.user_id, [&](PointsAccount& a) {
        return a.hold(ref + ":hold", ref, order.points_used, tx.now);
    });
    order.points_hold = r.entry;
    store::save_order_points(tx.db, order);
    const Hold hold{new_id("hold"), order.id, "points", order.user_id, order.points_used, HoldState::held,
                    order.pay_deadline};
    place_hold(tx, hold, SC_ERR_INVALID_STATE);
    nlohmann::json payload = hold_payload(hold);
    payload["expires_at"] = hold.expires_at;
    tx.emit(NewEvent{"hold.placed", order.id, std::move(payload)});
}

void settle_order_points(Tx& tx, Order& order, int64_t multiplier_bps) {
    const std::string ref = order_reference(order);
    if (order.points_hold != 0) {
        const PointsReceipt r = points_write(tx, order.user_id, [&](PointsAccount& a) {
            return a.commit_hold(ref + ":commit", ref, order.points_hold, tx.now);
        });
        order.points_spend = r.entry;
    }
    const PointsProgram program = points_program(tx.db);
    const int64_t points = points_for_payment_multiplied(program.earn, order.goods_total(), multiplier_bps);
    if (points > 0) {
        const int64_t vests_at = checked_add(tx.now, checked_mul(program.return_window_days, kDay, "return window"),
                                             "points vesting");
        const PointsReceipt r = points_write(tx, order.user_id, [&](PointsAccount& a) {
            return a.earn(ref + ":earn", ref, points, tx.now, program.expiry, vests_at);
        });
        order.points_earned = points;
        order.points_lot = r.entry;
    }
    store::save_order_points(tx.db, order);
}

void release_order_points(Tx& tx, const Order& order) {
    if (order.points_hold == 0) return;
    const std::string ref = order_reference(order);
    points_write(tx, order.user_id, [&](PointsAccount& a) {
        return a.release_hold(ref + ":release", ref, order.points_hold, tx.now);
    });
}

void refund_order_points(Tx& tx, const Order& before, const Order& after, const std::string& refund_id) {
    const std::string ref = "refund:" + refund_id;
    if (after.points_earned > 0) {
        const std::vector<int64_t> shares = earned_per_line(after);
        const int64_t points = refunded_portion(after, shares) - refunded_portion(before, shares);
        if (points > 0)
            points_write(tx, after.user_id, [&](PointsAccount& a) {
                return a.reverse_earn(ref + ":reverse", ref, after.points_lot, points, tx.now);
            });
    }
    if (after.points_spend != 0) {
        const std::vector<int64_t> shares = spent_per_line(after);
        const int64_t points = refunded_portion(after, shares) - refunded_portion(before, shares);
        if (points > 0)
            points_write(tx, after.user_id, [&](PointsAccount& a) {
                return a.return_spent(ref + ":return", ref, after.points_spend, points, tx.now);
            });
    }
}

std::string points_use_text(const PointsUse& use) {
    switch (use.mode) {
        case PointsUse::Mode::none: return "";
        case PointsUse::Mode::most: return ";points=most";
        case PointsUse::Mode::exactly: return ";points=" + std::to_string(use.points);
    }
    return "";
}

}  // namespace sc::steps
