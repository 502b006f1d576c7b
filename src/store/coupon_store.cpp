#include "store/coupon_store.hpp"

#include "store/parsed_by_text.hpp"
#include "core/error.hpp"
#include "program/rules_json.hpp"

#include <SQLiteCpp/Statement.h>

namespace sc::store {

namespace {

constexpr const char* kTemplateColumns =
    "SELECT definition, claimed, used, returned, discount_given FROM coupon_templates ";

StoredTemplate template_from(SQLite::Statement& q) {
    StoredTemplate t;
    static ParsedByText<CouponTemplate> parsed;
    t.terms = parsed.get(q.getColumn(0).getString(), [](const std::string& text) {
        return parse_coupon_template_json(nlohmann::json::parse(text), "");
    });
    t.counters = TemplateCounters{q.getColumn(1).getInt64(), q.getColumn(2).getInt64(), q.getColumn(3).getInt64(),
                                  q.getColumn(4).getInt64()};
    return t;
}

constexpr const char* kCouponColumns =
    "SELECT id, template_id, owner_user_id, state, valid_from, valid_until, claimed_at, order_id, hold_expires_at, "
    "discount, via FROM coupon_instances ";

CouponState parse_state(const std::string& s) {
    for (CouponState st : {CouponState::available, CouponState::held, CouponState::used, CouponState::expired,
                           CouponState::revoked})
        if (s == coupon_state_name(st)) return st;
    fail(SC_ERR_INTERNAL, "unknown coupon state in the file");
}

StoredCoupon coupon_from(SQLite::Statement& q) {
    StoredCoupon s;
    s.coupon.code = q.getColumn(0).getString();
    s.coupon.template_id = q.getColumn(1).getString();
    s.coupon.owner_user_id = q.getColumn(2).getString();
    s.coupon.state = parse_state(q.getColumn(3).getString());
    s.coupon.valid_from = q.getColumn(4).getInt64();
    s.coupon.valid_until = q.getColumn(5).getInt64();
    s.coupon.claimed_at = q.getColumn(6).getInt64();
    if (!q.getColumn(7).isNull()) s.order_id = q.getColumn(7).getString();
    if (s.coupon.state == CouponState::held) s.coupon.hold_order_id = s.order_id;
    s.hold_expires_at = q.getColumn(8).isNull() ? 0 : q.getColumn(8).getInt64();
    s.discount = q.getColumn(9).getInt64();
    s.via = q.getColumn(10).getString();
    return s;
}

std::vector<StoredCoupon> coupons_of(SQLite::Statement& q) {
    std::vector<StoredCoupon> out;
    while (q.executeStep()) out.push_back(coupon_from(q));
    return out;
}

bool exec_one(SQLite::Statement& q) { return q.exec() == 1; }

}  // namespace

std::optional<StoredTemplate> find_coupon_template(Connection& db, const std::string& id) {
    SQLite::Statement& q = db.statement(std::string(kTemplateColumns) + "WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return template_from(q);
}

std::optional<StoredTemplate> find_template_by_promo_code(Connection& db, const std::string& promo_code) {
    SQLite::Statement& q = db.statement(std::string(kTemplateColumns) + "WHERE promo_code = ?");
    q.bind(1, promo_code);
    if (!q.executeStep()) return std::nullopt;
    return template_from(q);
}

void upsert_coupon_template(Connection& db, const CouponTemplate& t) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO coupon_templates(id, promo_code, total_quantity, definition) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET promo_code = excluded.promo_code, total_quantity = excluded.total_quantity, "
        "definition = excluded.definition");
    q.bind(1, t.id);
    if (t.promo_code.empty()) q.bind(2); else q.bind(2, t.promo_code);
    if (t.total_quantity) q.bind(3, *t.total_quantity); else q.bind(3);
    q.bind(4, coupon_template_json(t).dump());
    q.exec();
}

std::vector<StoredTemplate> all_coupon_templates(Connection& db) {
    SQLite::Statement& q = db.statement(std::string(kTemplateColumns) + "ORDER BY id");
    std::vector<StoredTemplate> out;
    while (q.executeStep()) out.push_back(template_from(q));
    return out;
}

bool take_template_copy(Connection& db, const std::string& template_id) {
    SQLite::Statement& q = db.statement("UPDATE coupon_templates SET claimed = claimed + 1 WHERE id = ? AND "
                                        "(total_quantity IS NULL OR total_quantity - claimed >= 1)");
    q.bind(1, template_id);
    return exec_one(q);
}

void count_template_use(Connection& db, const std::string& template_id, int64_t discount) {
    SQLite::Statement& q = db.statement(
        "UPDATE coupon_templates SET used = used + 1, discount_given = discount_given + ? WHERE id = ?");
    q.bind(1, discount);
    q.bind(2, template_id);
    if (!exec_one(q)) fail(SC_ERR_INTERNAL, "a used coupon has no template");
}

void count_template_return(Connection& db, const std::string& template_id, int64_t discount) {
    SQLite::Statement& q = db.statement("UPDATE coupon_templates SET returned = returned + 1, "
                                        "discount_given = discount_given - ? WHERE id = ? AND discount_given >= ?");
    q.bind(1, discount);
    q.bind(2, template_id);
    q.bind(3, discount);
    if (!exec_one(q)) fail(SC_ERR_INTERNAL, "a returned coupon's template counters are out of step");
}

int64_t instances_issued_to(Connection& db, const std::string& template_id, const std::string& user_id) {
    SQLite::Statement& q =
        db.statement("SELECT COUNT(*) FROM coupon_instances WHERE template_id = ? AND owner_user_id = ?");
    q.bind(1, template_id);
    q.bind(2, user_id);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

void insert_coupon(Connection& db, const CouponInstance& c, const std::string& via, int64_t ordinal) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO coupon_instances(id, template_id, owner_user_id, ordinal, via, state, valid_from, valid_until, "
        "claimed_at) VALUES (?, ?, ?, ?, ?, 'available', ?, ?, ?)");
    q.bind(1, c.code);
    q.bind(2, c.template_id);
    q.bind(3, c.owner_user_id);
    q.bind(4, ordinal);
    q.bind(5, via);
    q.bind(6, c.valid_from);
    q.bind(7, c.valid_until);
    q.bind(8, c.claimed_at);
    q.exec();
}

std::optional<StoredCoupon> find_coupon(Connection& db, const std::string& code) {
    SQLite::Statement& q = db.statement(std::string(kCouponColumns) + "WHERE id = ?");
    q.bind(1, code);
    if (!q.executeStep()) return std::nullopt;
    return coupon_from(q);
}

std::vector<StoredCoupon> coupons_of_user(Connection& db, const std::string& user_id) {
    SQLite::Statement& q = db.statement(std::string(kCouponColumns) + "WHERE owner_user_id = ? ORDER BY claimed_at, rowid");
    q.bind(1, user_id);
    return coupons_of(q);
}

std::vector<StoredCoupon> usable_coupons_of_user(Connection& db, const std::string& user_id, int64_t now) {
    SQLite::Statement& q = db.statement(std::string(kCouponColumns) +
                                        "WHERE owner_user_id = ? AND state IN ('available', 'held') AND "
                                        "valid_until > ? ORDER BY claimed_at, rowid");
    q.bind(1, user_id);
    q.bind(2, now);
    return coupons_of(q);
}

std::vector<std::string> lapsed_coupon_holders(Connection& db, const std::string& user_id, int64_t now) {
    SQLite::Statement& q = db.statement("SELECT DISTINCT order_id FROM coupon_instances WHERE owner_user_id = ? AND "
                                        "state = 'held' AND hold_expires_at <= ? ORDER BY order_id");
    q.bind(1, user_id);
    q.bind(2, now);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

int64_t held_coupons(Connection& db, const std::string& template_id, int64_t now) {
    SQLite::Statement& q = db.statement("SELECT COUNT(*) FROM coupon_instances WHERE template_id = ? AND "
                                        "state = 'held' AND hold_expires_at > ?");
    q.bind(1, template_id);
    q.bind(2, now);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

bool has_paid_order(Connection& db, const std::string& user_id) {
    SQLite::Statement& q = db.statement("SELECT 1 FROM orders WHERE user_id = ? AND paid_at > 0 LIMIT 1");
    q.bind(1, user_id);
    return q.executeStep();
}

bool mark_coupon_held(Connection& db, const std::string& code, const std::string& order_id, int64_t hold_expires_at,
                      int64_t discount) {
    SQLite::Statement& q = db.statement("UPDATE coupon_instances SET state = 'held', order_id = ?, hold_expires_at = ?, "
                                        "discount = ? WHERE id = ? AND state = 'available'");
    q.bind(1, order_id);
    q.bind(2, hold_expires_at);
    q.bind(3, discount);
    q.bind(4, code);
    return exec_one(q);
}

bool mark_coupon_released(Connection& db, const std::string& code) {
    SQLite::Statement& q = db.statement("UPDATE coupon_instances SET state = 'available', order_id = NULL, "
                                        "hold_expires_at = NULL, discount = 0 WHERE id = ? AND state = 'held'");
    q.bind(1, code);
    return exec_one(q);
}

bool mark_coupon_used(Connection& db, const std::string& code) {
    SQLite::Statement& q = db.statement(
        "UPDATE coupon_instances SET state = 'used', hold_expires_at = NULL WHERE id = ? AND state = 'held'");
    q.bind(1, code);
    return exec_one(q);
}

bool mark_coupon_returned(Connection& db, const std::string& code) {
    SQLite::Statement& q = db.statement("UPDATE coupon_instances SET state = 'available', order_id = NULL, "
                                        "discount = 0, capacity = 1 WHERE id = ? AND state = 'used' AND capacity = 0");
    q.bind(1, code);
    return exec_one(q);
}

bool mark_coupon_revoked(Connection& db, const std::string& code) {
    SQLite::Statement& q = db.statement("UPDATE coupon_instances SET state = 'revoked', capacity = 0 "
                                        "WHERE id = ? AND state = 'available' AND reserved = 0");
    q.bind(1, code);
    return exec_one(q);
}

}  // namespace sc::store
