#include "store/flashsale_store.hpp"

#include <SQLiteCpp/Statement.h>

namespace sc::store {

std::string flash_slot_id(const std::string& sale_id, int64_t starts_at) {
    return sale_id + "@" + std::to_string(starts_at);
}

std::optional<FlashSlotRow> find_flash_slot(Connection& db, const std::string& slot_id) {
    SQLite::Statement& q =
        db.statement("SELECT starts_at, stock, stock_left, reserved, sold_out_at FROM flash_slots WHERE id = ?");
    q.bind(1, slot_id);
    if (!q.executeStep()) return std::nullopt;
    return FlashSlotRow{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                        q.getColumn(3).getInt64(), q.getColumn(4).getInt64()};
}

void ensure_flash_slot(Connection& db, const std::string& slot_id, const std::string& sale_id, int64_t starts_at,
                       int64_t stock) {
    SQLite::Statement& q = db.statement("INSERT INTO flash_slots(id, sale_id, starts_at, stock, stock_left) "
                                        "VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT(id) DO NOTHING");
    q.bind(1, slot_id);
    q.bind(2, sale_id);
    q.bind(3, starts_at);
    q.bind(4, stock);
    q.exec();
}

bool mark_flash_slot_sold_out(Connection& db, const std::string& slot_id, int64_t at) {
    SQLite::Statement& q = db.statement(
        "UPDATE flash_slots SET sold_out_at = ? WHERE id = ? AND stock_left = 0 AND sold_out_at = 0");
    q.bind(1, at);
    q.bind(2, slot_id);
    return q.exec() == 1;
}

void insert_flash_order(Connection& db, const FlashOrderRow& row, const std::string& user_id, int64_t day,
                        int64_t created_at) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO flash_orders(order_id, sale_id, slot_id, user_id, day, quantity, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, row.order_id);
    q.bind(2, row.sale_id);
    q.bind(3, row.slot_id);
    q.bind(4, user_id);
    q.bind(5, day);
    q.bind(6, row.quantity);
    q.bind(7, created_at);
    q.exec();
}

std::optional<FlashOrderRow> flash_order(Connection& db, const std::string& order_id) {
    SQLite::Statement& q =
        db.statement("SELECT order_id, sale_id, slot_id, quantity FROM flash_orders WHERE order_id = ?");
    q.bind(1, order_id);
    if (!q.executeStep()) return std::nullopt;
    return FlashOrderRow{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                         q.getColumn(3).getInt64()};
}

std::vector<std::pair<std::string, int64_t>> unpaid_flash_orders_of_user(Connection& db, const std::string& user_id) {
    SQLite::Statement& q = db.statement(
        "SELECT o.id, o.pay_deadline FROM flash_orders f JOIN orders o ON o.id = f.order_id "
        "WHERE f.user_id = ? AND o.state = 1");
    q.bind(1, user_id);
    std::vector<std::pair<std::string, int64_t>> out;
    while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getInt64());
    return out;
}

int64_t user_flash_units_on_day(Connection& db, const std::string& user_id, const std::string& sale_id, int64_t day) {
    SQLite::Statement& q = db.statement(
        "SELECT COALESCE(SUM(f.quantity), 0) FROM flash_orders f JOIN orders o ON o.id = f.order_id "
        "WHERE f.user_id = ? AND f.sale_id = ? AND f.day = ? AND o.state <> 5");
    q.bind(1, user_id);
    q.bind(2, sale_id);
    q.bind(3, day);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

FlashSlotOrders flash_slot_orders(Connection& db, const std::string& slot_id, int64_t now) {
    // States 1 created, 5 cancelled; cancel reason 2 payment lapsed (socialcart/orders.h).
    SQLite::Statement& q = db.statement(
        "SELECT COUNT(*), "
        "COALESCE(SUM(o.paid_at > 0), 0), "
        "COALESCE(SUM((o.state = 5 AND o.cancel_reason = 2) OR (o.state = 1 AND o.pay_deadline <= ?1)), 0), "
        "COALESCE(SUM(o.state = 5 AND o.cancel_reason <> 2), 0), "
        "COALESCE(SUM(o.state = 1 AND o.pay_deadline > ?1), 0) "
        "FROM flash_orders f JOIN orders o ON o.id = f.order_id WHERE f.slot_id = ?2");
    q.bind(1, now);
    q.bind(2, slot_id);
    q.executeStep();
    return FlashSlotOrders{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                           q.getColumn(3).getInt64(), q.getColumn(4).getInt64()};
}

}  // namespace sc::store
