#include "store/promotion_store.hpp"

#include "store/parsed_by_text.hpp"
#include "program/rules_json.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <climits>

namespace sc::store {

namespace {

Promotion promotion_from(const std::string& text) {
    static ParsedByText<Promotion> parsed;
    return parsed.get(text, [](const std::string& t) { return parse_promotion_json(nlohmann::json::parse(t), ""); });
}

std::vector<Promotion> promotions_of(SQLite::Statement& q) {
    std::vector<Promotion> out;
    while (q.executeStep()) out.push_back(promotion_from(q.getColumn(0).getString()));
    return out;
}

ShippingRule rule_from(SQLite::Statement& q) {
    ShippingRule r;
    r.merchant_id = q.getColumn(0).getString();
    r.flat_fee = q.getColumn(1).getInt64();
    if (!q.getColumn(2).isNull()) r.free_over = q.getColumn(2).getInt64();
    return r;
}

}  // namespace

std::optional<Promotion> find_promotion(Connection& db, const std::string& id) {
    SQLite::Statement& q = db.statement("SELECT definition FROM promotions WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return promotion_from(q.getColumn(0).getString());
}

void upsert_promotion(Connection& db, const Promotion& p) {
    SQLite::Statement& q = db.statement("INSERT INTO promotions(id, ends_at, definition) VALUES (?, ?, ?) "
                                        "ON CONFLICT(id) DO UPDATE SET ends_at = excluded.ends_at, "
                                        "definition = excluded.definition");
    q.bind(1, p.id);
    q.bind(2, p.ends_at.value_or(INT64_MAX));
    q.bind(3, promotion_json(p).dump());
    q.exec();
}

std::vector<Promotion> all_promotions(Connection& db) {
    SQLite::Statement& q = db.statement("SELECT definition FROM promotions ORDER BY id");
    return promotions_of(q);
}

std::vector<Promotion> unexpired_promotions(Connection& db, int64_t now) {
    SQLite::Statement& q = db.statement("SELECT definition FROM promotions WHERE ends_at > ? ORDER BY ends_at, id");
    q.bind(1, now);
    auto out = promotions_of(q);
    std::sort(out.begin(), out.end(), [](const Promotion& a, const Promotion& b) { return a.id < b.id; });
    return out;
}

std::optional<ShippingRule> find_shipping_rule(Connection& db, const std::string& merchant_id) {
    SQLite::Statement& q =
        db.statement("SELECT merchant_id, flat_fee, free_over FROM shipping_rules WHERE merchant_id = ?");
    q.bind(1, merchant_id);
    if (!q.executeStep()) return std::nullopt;
    return rule_from(q);
}

void upsert_shipping_rule(Connection& db, const ShippingRule& r) {
    SQLite::Statement& q = db.statement("INSERT INTO shipping_rules(merchant_id, flat_fee, free_over) VALUES (?, ?, ?) "
                                        "ON CONFLICT(merchant_id) DO UPDATE SET flat_fee = excluded.flat_fee, "
                                        "free_over = excluded.free_over");
    q.bind(1, r.merchant_id);
    q.bind(2, r.flat_fee);
    if (r.free_over) q.bind(3, *r.free_over); else q.bind(3);
    q.exec();
}

std::vector<ShippingRule> all_shipping_rules(Connection& db) {
    SQLite::Statement& q =
        db.statement("SELECT merchant_id, flat_fee, free_over FROM shipping_rules ORDER BY merchant_id");
    std::vector<ShippingRule> out;
    while (q.executeStep()) out.push_back(rule_from(q));
    return out;
}

}  // namespace sc::store
