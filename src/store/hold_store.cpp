#include "store/hold_store.hpp"

#include <SQLiteCpp/Statement.h>

namespace sc::store {

void insert_hold(Connection& db, const Hold& hold) {
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
}

std::vector<Hold> holds_of_order(Connection& db, const std::string& order_id) {
    SQLite::Statement& q = db.statement("SELECT id, order_id, kind, resource, quantity, state, expires_at FROM holds "
                            "WHERE order_id = ? ORDER BY rowid");
    q.bind(1, order_id);
    std::vector<Hold> out;
    while (q.executeStep()) {
        Hold h;
        h.id = q.getColumn(0).getString();
        h.order_id = q.getColumn(1).getString();
        h.kind = q.getColumn(2).getString();
        h.resource = q.getColumn(3).getString();
        h.quantity = q.getColumn(4).getInt64();
        h.state = parse_hold_state(q.getColumn(5).getString());
        h.expires_at = q.getColumn(6).getInt64();
        out.push_back(std::move(h));
    }
    return out;
}

bool resolve_hold(Connection& db, const std::string& hold_id, HoldState to) {
    SQLite::Statement& q = db.statement("UPDATE holds SET state = ? WHERE id = ? AND state = 'held'");
    q.bind(1, hold_state_name(to));
    q.bind(2, hold_id);
    return q.exec() == 1;
}

int64_t held_quantity(Connection& db, const std::string& kind, const std::string& resource) {
    SQLite::Statement& q = db.statement("SELECT COALESCE(SUM(quantity), 0) FROM holds "
                            "WHERE kind = ? AND resource = ? AND state = 'held'");
    q.bind(1, kind);
    q.bind(2, resource);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

}  // namespace sc::store
