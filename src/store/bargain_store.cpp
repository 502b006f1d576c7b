#include "store/bargain_store.hpp"

#include "core/error.hpp"

#include <SQLiteCpp/Statement.h>

namespace sc::store {

namespace {

constexpr const char* kBargainColumns =
    "id, program_id, user_id, sku_id, start_price, floor_price, price, helpers_needed, state, opened_at, deadline, "
    "ended_at, order_id";

Bargain bargain_from_row(SQLite::Statement& q) {
    Bargain b;
    b.id = q.getColumn(0).getString();
    b.program_id = q.getColumn(1).getString();
    b.user_id = q.getColumn(2).getString();
    b.sku_id = q.getColumn(3).getString();
    b.start_price = q.getColumn(4).getInt64();
    b.floor_price = q.getColumn(5).getInt64();
    b.price = q.getColumn(6).getInt64();
    b.helpers_needed = q.getColumn(7).getInt64();
    const auto state = bargain_state_from_name(q.getColumn(8).getString());
    if (!state) fail(SC_ERR_INTERNAL, "a stored bargain has an unknown state");
    b.state = *state;
    b.opened_at = q.getColumn(9).getInt64();
    b.deadline = q.getColumn(10).getInt64();
    b.ended_at = q.getColumn(11).getInt64();
    if (!q.getColumn(12).isNull()) b.order_id = q.getColumn(12).getString();
    return b;
}

// Each help lowers the price by at least one unit, so the price after it orders them.
std::vector<BargainHelp> helps_of(Connection& db, const std::string& bargain_id) {
    SQLite::Statement& q = db.statement("SELECT user_id, amount, price_after, at FROM bargain_helps "
                                        "WHERE bargain_id = ? ORDER BY price_after DESC");
    q.bind(1, bargain_id);
    std::vector<BargainHelp> out;
    while (q.executeStep())
        out.push_back(BargainHelp{q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                                  q.getColumn(3).getInt64()});
    return out;
}

std::vector<std::string> ids(SQLite::Statement& q) {
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

}  // namespace

void insert_bargain(Connection& db, const Bargain& b) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO bargains(id, program_id, user_id, sku_id, start_price, floor_price, price, helpers_needed, state, "
        "opened_at, deadline, ended_at, order_id, buys_left, reserved) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, 0)");
    q.bind(1, b.id);
    q.bind(2, b.program_id);
    q.bind(3, b.user_id);
    q.bind(4, b.sku_id);
    q.bind(5, b.start_price);
    q.bind(6, b.floor_price);
    q.bind(7, b.price);
    q.bind(8, b.helpers_needed);
    q.bind(9, bargain_state_name(b.state));
    q.bind(10, b.opened_at);
    q.bind(11, b.deadline);
    q.bind(12, b.ended_at);
    q.exec();
}

std::optional<Bargain> find_bargain(Connection& db, const std::string& bargain_id) {
    SQLite::Statement& q = db.statement(std::string("SELECT ") + kBargainColumns + " FROM bargains WHERE id = ?");
    q.bind(1, bargain_id);
    if (!q.executeStep()) return std::nullopt;
    Bargain b = bargain_from_row(q);
    q.reset();
    b.helps = helps_of(db, b.id);
    return b;
}

void save_bargain(Connection& db, const Bargain& b) {
    SQLite::Statement& q =
        db.statement("UPDATE bargains SET price = ?, state = ?, ended_at = ?, order_id = ? WHERE id = ?");
    q.bind(1, b.price);
    q.bind(2, bargain_state_name(b.state));
    q.bind(3, b.ended_at);
    if (b.order_id.empty()) q.bind(4); else q.bind(4, b.order_id);
    q.bind(5, b.id);
    if (q.exec() != 1) fail(SC_ERR_INTERNAL, "a bargain to save is not stored");
}

void insert_bargain_help(Connection& db, const std::string& bargain_id, const BargainHelp& h) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO bargain_helps(bargain_id, user_id, amount, price_after, at) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, bargain_id);
    q.bind(2, h.user_id);
    q.bind(3, h.amount);
    q.bind(4, h.price_after);
    q.bind(5, h.at);
    q.exec();
}

std::optional<std::string> live_bargain_of(Connection& db, const std::string& user_id,
                                           const std::string& program_id, int64_t now) {
    SQLite::Statement& q = db.statement("SELECT id FROM bargains WHERE user_id = ? AND program_id = ? AND "
                                        "(state = 'open' OR state = 'floor_reached') AND deadline > ? LIMIT 1");
    q.bind(1, user_id);
    q.bind(2, program_id);
    q.bind(3, now);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

std::vector<std::string> bargain_ids_of_user(Connection& db, const std::string& user_id, int64_t limit) {
    SQLite::Statement& q =
        db.statement("SELECT id FROM bargains WHERE user_id = ? ORDER BY opened_at DESC, id DESC LIMIT ?");
    q.bind(1, user_id);
    q.bind(2, limit);
    return ids(q);
}

std::vector<std::string> due_bargain_ids(Connection& db, int64_t now, int64_t limit) {
    SQLite::Statement& q = db.statement("SELECT id FROM bargains WHERE (state = 'open' OR state = 'floor_reached') "
                                        "AND deadline <= ? ORDER BY deadline, id LIMIT ?");
    q.bind(1, now);
    q.bind(2, limit);
    return ids(q);
}

std::vector<Bargain> bargains_of_program(Connection& db, const std::string& program_id) {
    SQLite::Statement& q = db.statement(std::string("SELECT ") + kBargainColumns +
                                        " FROM bargains WHERE program_id = ? ORDER BY opened_at, id");
    q.bind(1, program_id);
    std::vector<Bargain> out;
    while (q.executeStep()) out.push_back(bargain_from_row(q));
    q.reset();
    for (Bargain& b : out) b.helps = helps_of(db, b.id);
    return out;
}

std::optional<std::string> bargain_of_order(Connection& db, const std::string& order_id) {
    SQLite::Statement& q =
        db.statement("SELECT resource FROM holds WHERE order_id = ? AND kind = 'bargain' ORDER BY rowid LIMIT 1");
    q.bind(1, order_id);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

}  // namespace sc::store
