#include "store/cart_store.hpp"

#include <SQLiteCpp/Statement.h>

namespace sc::store {

static CartLine line_from_row(SQLite::Statement& q) {
    CartLine line;
    line.sku_id = q.getColumn(0).getString();
    line.quantity = q.getColumn(1).getInt64();
    line.selected = q.getColumn(2).getInt() != 0;
    line.added_price = q.getColumn(3).getInt64();
    line.position = q.getColumn(4).getInt64();
    return line;
}

std::vector<CartLine> cart_lines(Connection& db, const std::string& user_id) {
    SQLite::Statement& q = db.statement("SELECT sku_id, quantity, selected, added_price, position FROM cart_lines "
                            "WHERE user_id = ? ORDER BY position");
    q.bind(1, user_id);
    std::vector<CartLine> out;
    while (q.executeStep()) out.push_back(line_from_row(q));
    return out;
}

std::optional<CartLine> find_cart_line(Connection& db, const std::string& user_id, const std::string& sku_id) {
    SQLite::Statement& q = db.statement("SELECT sku_id, quantity, selected, added_price, position FROM cart_lines "
                            "WHERE user_id = ? AND sku_id = ?");
    q.bind(1, user_id);
    q.bind(2, sku_id);
    if (!q.executeStep()) return std::nullopt;
    return line_from_row(q);
}

void save_cart_line(Connection& db, const std::string& user_id, const CartLine& line) {
    SQLite::Statement& q = db.statement("INSERT INTO cart_lines(user_id, sku_id, quantity, selected, added_price, position) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(user_id, sku_id) DO UPDATE SET quantity = excluded.quantity, selected = excluded.selected, "
        "added_price = excluded.added_price, position = excluded.position");
    q.bind(1, user_id);
    q.bind(2, line.sku_id);
    q.bind(3, line.quantity);
    q.bind(4, line.selected ? 1 : 0);
    q.bind(5, line.added_price);
    q.bind(6, line.position);
    q.exec();
}

bool delete_cart_line(Connection& db, const std::string& user_id, const std::string& sku_id) {
    SQLite::Statement& q = db.statement("DELETE FROM cart_lines WHERE user_id = ? AND sku_id = ?");
    q.bind(1, user_id);
    q.bind(2, sku_id);
    return q.exec() > 0;
}

int64_t delete_cart(Connection& db, const std::string& user_id) {
    SQLite::Statement& q = db.statement("DELETE FROM cart_lines WHERE user_id = ?");
    q.bind(1, user_id);
    return q.exec();
}

int64_t next_cart_position(Connection& db, const std::string& user_id) {
    SQLite::Statement& q = db.statement("SELECT COALESCE(MAX(position), -1) + 1 FROM cart_lines WHERE user_id = ?");
    q.bind(1, user_id);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

}  // namespace sc::store
