#include "store/catalog_store.hpp"

#include <SQLiteCpp/Statement.h>

namespace sc::store {

std::optional<std::string> catalog_currency(Connection& db) {
    SQLite::Statement& q = db.statement("SELECT value FROM meta WHERE key = 'currency'");
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

void set_catalog_currency(Connection& db, const std::string& currency) {
    SQLite::Statement& q = db.statement("INSERT INTO meta(key, value) VALUES ('currency', ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, currency);
    q.exec();
}

void upsert_sku(Connection& db, const Sku& sku) {
    SQLite::Statement& q = db.statement("INSERT INTO skus(id, merchant_id, title, currency, list_price, stock_on_hand, max_per_order, active) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
        "merchant_id = excluded.merchant_id, title = excluded.title, currency = excluded.currency, "
        "list_price = excluded.list_price, stock_on_hand = excluded.stock_on_hand, "
        "max_per_order = excluded.max_per_order, active = excluded.active");
    q.bind(1, sku.id);
    q.bind(2, sku.merchant_id);
    q.bind(3, sku.title);
    q.bind(4, sku.currency);
    q.bind(5, sku.list_price);
    if (sku.stock_on_hand) q.bind(6, *sku.stock_on_hand); else q.bind(6);
    if (sku.max_per_order) q.bind(7, *sku.max_per_order); else q.bind(7);
    q.bind(8, sku.active ? 1 : 0);
    q.exec();

    SQLite::Statement& del = db.statement("DELETE FROM sku_categories WHERE sku_id = ?");
    del.bind(1, sku.id);
    del.exec();
    SQLite::Statement& ins = db.statement("INSERT INTO sku_categories(sku_id, position, category_id) VALUES (?, ?, ?)");
    for (size_t i = 0; i < sku.categories.size(); ++i) {
        ins.bind(1, sku.id);
        ins.bind(2, static_cast<int64_t>(i));
        ins.bind(3, sku.categories[i]);
        ins.exec();
        ins.reset();
    }
}

static Sku sku_from_row(SQLite::Statement& q) {
    Sku sku;
    sku.id = q.getColumn(0).getString();
    sku.merchant_id = q.getColumn(1).getString();
    sku.title = q.getColumn(2).getString();
    sku.currency = q.getColumn(3).getString();
    sku.list_price = q.getColumn(4).getInt64();
    if (!q.getColumn(5).isNull()) sku.stock_on_hand = q.getColumn(5).getInt64();
    if (!q.getColumn(6).isNull()) sku.max_per_order = q.getColumn(6).getInt64();
    sku.active = q.getColumn(7).getInt() != 0;
    return sku;
}

static void load_categories(Connection& db, Sku& sku) {
    SQLite::Statement& q = db.statement("SELECT category_id FROM sku_categories WHERE sku_id = ? ORDER BY position");
    q.bind(1, sku.id);
    while (q.executeStep()) sku.categories.push_back(q.getColumn(0).getString());
}

static constexpr const char* kSkuColumns =
    "SELECT id, merchant_id, title, currency, list_price, stock_on_hand, max_per_order, active FROM skus ";

std::optional<Sku> find_sku(Connection& db, const std::string& id) {
    SQLite::Statement& q = db.statement(std::string(kSkuColumns) + "WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    Sku sku = sku_from_row(q);
    load_categories(db, sku);
    return sku;
}

std::map<std::string, Sku> skus_in_cart(Connection& db, const std::string& user_id) {
    std::map<std::string, Sku> out;
    SQLite::Statement& q = db.statement(
        "SELECT s.id, s.merchant_id, s.title, s.currency, s.list_price, s.stock_on_hand, s.max_per_order, "
        "s.active FROM cart_lines l JOIN skus s ON s.id = l.sku_id WHERE l.user_id = ?");
    q.bind(1, user_id);
    while (q.executeStep()) {
        Sku sku = sku_from_row(q);
        std::string id = sku.id;
        out.emplace(std::move(id), std::move(sku));
    }
    q.reset();
    SQLite::Statement& c = db.statement(
        "SELECT c.sku_id, c.category_id FROM cart_lines l JOIN sku_categories c ON c.sku_id = l.sku_id "
        "WHERE l.user_id = ? ORDER BY c.sku_id, c.position");
    c.bind(1, user_id);
    while (c.executeStep())
        if (auto it = out.find(c.getColumn(0).getString()); it != out.end())
            it->second.categories.push_back(c.getColumn(1).getString());
    c.reset();
    return out;
}

std::vector<Sku> all_skus(Connection& db) {
    SQLite::Statement& q = db.statement(std::string(kSkuColumns) + "ORDER BY id");
    std::vector<Sku> out;
    while (q.executeStep()) out.push_back(sku_from_row(q));
    for (auto& sku : out) load_categories(db, sku);
    return out;
}

std::vector<Sku> skus_of_merchant(Connection& db, const std::string& merchant_id, const std::string& after_id,
                                  int64_t limit) {
    SQLite::Statement& q =
        db.statement(std::string(kSkuColumns) + "WHERE merchant_id = ? AND id > ? ORDER BY id LIMIT ?");
    q.bind(1, merchant_id);
    q.bind(2, after_id);
    q.bind(3, limit);
    std::vector<Sku> out;
    while (q.executeStep()) out.push_back(sku_from_row(q));
    q.reset();
    for (auto& sku : out) load_categories(db, sku);
    return out;
}

std::vector<Sku> skus_in_category(Connection& db, const std::string& category_id, const std::string& after_id,
                                  int64_t limit) {
    // DISTINCT: a program document may list a category twice for one SKU.
    SQLite::Statement& q = db.statement("SELECT DISTINCT sku_id FROM sku_categories WHERE category_id = ? "
                                        "AND sku_id > ? ORDER BY sku_id LIMIT ?");
    q.bind(1, category_id);
    q.bind(2, after_id);
    q.bind(3, limit);
    std::vector<std::string> ids;
    while (q.executeStep()) ids.push_back(q.getColumn(0).getString());
    q.reset();
    std::vector<Sku> out;
    for (const auto& id : ids)
        if (auto sku = find_sku(db, id)) out.push_back(std::move(*sku));
    return out;
}

}  // namespace sc::store
