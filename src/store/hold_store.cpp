#include "store/hold_store.hpp"

#include "core/error.hpp"

#include <SQLiteCpp/Statement.h>

namespace sc::store {

namespace {

// Where each kind of hold keeps its counter: the table of its resources (keyed by
// `id`) and the column that holds the capacity the counter reserves from.
struct CounterTable {
    const char* kind;
    const char* table;
    const char* capacity;
};

constexpr CounterTable kCounterTables[] = {
    {"stock", "skus", "stock_on_hand"},
    // A coupon instance (resource = its code) is one unit: capacity 1 until it is used.
    {"coupon", "coupon_instances", "capacity"},
    // A group-buy group (resource = its id): one unit per seat; its capacity is N less the
    // paid seats, so reserved-or-paid seats never exceed N.
    {"group_seat", "groups", "seats_open"},
    // A group-buy campaign with stock of its own (resource = its id): units not yet sold.
    {"group_stock", "group_campaigns", "stock_left"},
    // A flash-sale slot (resource = "<sale id>@<start ms>"): units of its sale stock not yet sold.
    {"flash_stock", "flash_slots", "stock_left"},
    // A bargain (resource = its id): one purchase, 1 until an order buying it is paid, so
    // only one unpaid order at a time may hold it.
    {"bargain", "bargains", "buys_left"},
};

// Kinds whose resource keeps its own ledger of what is held, so no counter row: a
// member's points (resource = the user id) are held by a hold entry of the member's
// points ledger, which decides what is available and resolves once by itself; the hold
// row ties that entry to the order's deadline and its life.
bool ledger_kept(const std::string& kind) { return kind == "points"; }

const CounterTable& counter_table(const std::string& kind) {
    for (const auto& table : kCounterTables)
        if (kind == table.kind) return table;
    fail(SC_ERR_INTERNAL, "no counter for holds of kind " + kind);
}

int64_t held_quantity(Connection& db, const std::string& kind, const std::string& resource) {
    SQLite::Statement& q = db.statement("SELECT COALESCE(SUM(quantity), 0) FROM holds "
                                        "WHERE kind = ? AND resource = ? AND state = 'held'");
    q.bind(1, kind);
    q.bind(2, resource);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

// Runs a counter update that must match exactly one row.
bool update_counter(Connection& db, const std::string& sql, int64_t quantity, const std::string& resource) {
    SQLite::Statement& q = db.statement(sql);
    q.bind(1, quantity);
    q.bind(2, resource);
    return q.exec() == 1;
}

Hold hold_from_row(SQLite::Statement& q) {
    Hold h;
    h.id = q.getColumn(0).getString();
    h.order_id = q.getColumn(1).getString();
    h.kind = q.getColumn(2).getString();
    h.resource = q.getColumn(3).getString();
    h.quantity = q.getColumn(4).getInt64();
    h.state = parse_hold_state(q.getColumn(5).getString());
    h.expires_at = q.getColumn(6).getInt64();
    return h;
}

}  // namespace

bool place_hold(Connection& db, const Hold& hold) {
    if (!ledger_kept(hold.kind)) {
        const CounterTable& t = counter_table(hold.kind);
        const std::string reserve = std::string("UPDATE ") + t.table + " SET reserved = reserved + ?1 WHERE id = ?2 AND " +
                                    t.capacity + " - reserved >= ?1";
        if (!update_counter(db, reserve, hold.quantity, hold.resource)) return false;
    }
    SQLite::Statement& q = db.statement("INSERT INTO holds(id, order_id, kind, resource, quantity, state, expires_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, hold.id);
    q.bind(2, hold.order_id);
    q.bind(3, hold.kind);
    q.bind(4, hold.resource);
    q.bind(5, hold.quantity);
    q.bind(6, hold_state_name(hold.state));
    q.bind(7, hold.expires_at);
    q.exec();
    return true;
}

std::vector<Hold> holds_of_order(Connection& db, const std::string& order_id) {
    SQLite::Statement& q = db.statement("SELECT id, order_id, kind, resource, quantity, state, expires_at FROM holds "
                                        "WHERE order_id = ? ORDER BY rowid");
    q.bind(1, order_id);
    std::vector<Hold> out;
    while (q.executeStep()) out.push_back(hold_from_row(q));
    return out;
}

bool resolve_hold(Connection& db, const Hold& hold, HoldState to) {
    SQLite::Statement& q = db.statement("UPDATE holds SET state = ? WHERE id = ? AND state = 'held'");
    q.bind(1, hold_state_name(to));
    q.bind(2, hold.id);
    if (q.exec() != 1) return false;
    if (ledger_kept(hold.kind)) return true;
    const CounterTable& t = counter_table(hold.kind);
    const std::string give_back =
        std::string("UPDATE ") + t.table + " SET reserved = reserved - ?1 WHERE id = ?2 AND reserved >= ?1";
    const std::string consume = std::string("UPDATE ") + t.table + " SET reserved = reserved - ?1, " + t.capacity +
                                " = " + t.capacity + " - ?1 WHERE id = ?2 AND reserved >= ?1";
    if (!update_counter(db, to == HoldState::committed ? consume : give_back, hold.quantity, hold.resource))
        fail(SC_ERR_INTERNAL, "the reserved counter of a " + hold.kind + " resource is out of step with its holds");
    return true;
}

int64_t reserved_quantity(Connection& db, const std::string& kind, const std::string& resource) {
    if (ledger_kept(kind)) return held_quantity(db, kind, resource);
    const CounterTable& t = counter_table(kind);
    SQLite::Statement& q = db.statement(std::string("SELECT reserved FROM ") + t.table + " WHERE id = ?");
    q.bind(1, resource);
    return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

int64_t lapsed_held_quantity(Connection& db, const std::string& kind, const std::string& resource, int64_t now) {
    SQLite::Statement& q = db.statement("SELECT COALESCE(SUM(quantity), 0) FROM holds "
                                        "WHERE kind = ? AND resource = ? AND state = 'held' AND expires_at <= ?");
    q.bind(1, kind);
    q.bind(2, resource);
    q.bind(3, now);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

std::vector<std::string> orders_with_lapsed_holds(Connection& db, const std::string& kind,
                                                  const std::string& resource, int64_t now, int64_t limit) {
    SQLite::Statement& q = db.statement("SELECT order_id FROM holds WHERE kind = ? AND resource = ? "
                                        "AND state = 'held' AND expires_at <= ? ORDER BY expires_at LIMIT ?");
    q.bind(1, kind);
    q.bind(2, resource);
    q.bind(3, now);
    q.bind(4, limit);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

std::vector<CounterDrift> counter_drift(Connection& db) {
    std::vector<CounterDrift> out;
    for (const auto& t : kCounterTables) {
        SQLite::Statement q(db.raw(), std::string("SELECT r.id, r.reserved, (SELECT COALESCE(SUM(h.quantity), 0) "
                                                  "FROM holds h WHERE h.kind = ?1 AND h.resource = r.id AND "
                                                  "h.state = 'held') AS held FROM ") +
                                          t.table + " r WHERE r.reserved <> held");
        q.bind(1, t.kind);
        while (q.executeStep())
            out.push_back(CounterDrift{t.kind, q.getColumn(0).getString(), q.getColumn(1).getInt64(),
                                       q.getColumn(2).getInt64()});
    }
    return out;
}

}  // namespace sc::store
