#include "store/attribution_store.hpp"

#include "core/error.hpp"

#include <SQLiteCpp/Statement.h>

namespace sc::store {

namespace {

void bind_text_or_null(SQLite::Statement& q, int index, const std::string& text) {
    if (text.empty()) q.bind(index); else q.bind(index, text);
}

std::string text_or_empty(const SQLite::Column& column) { return column.isNull() ? "" : column.getString(); }

constexpr const char* kOpenColumns = "open_id, code, sharer_id, target_kind, target_id, channel, "
                                     "user_id, device_id, opened_at, outcome, bound_until";

ShareOpen open_from_row(SQLite::Statement& q) {
    ShareOpen o;
    o.open_id = q.getColumn(0).getString();
    o.code = q.getColumn(1).getString();
    o.sharer_id = q.getColumn(2).getString();
    const auto kind = share_target_kind_from_name(q.getColumn(3).getString());
    if (!kind) fail(SC_ERR_INTERNAL, "a stored open has an unknown target kind");
    o.target_kind = *kind;
    o.target_id = q.getColumn(4).getString();
    o.channel = q.getColumn(5).getString();
    o.user_id = text_or_empty(q.getColumn(6));
    o.device_id = text_or_empty(q.getColumn(7));
    o.opened_at = q.getColumn(8).getInt64();
    o.outcome = q.getColumn(9).getString();
    if (!q.getColumn(10).isNull()) o.bound_until = q.getColumn(10).getInt64();
    return o;
}

std::string shares_text(const std::vector<int64_t>& shares) {
    std::string out;
    for (size_t i = 0; i < shares.size(); ++i) out += (i ? "," : "") + std::to_string(shares[i]);
    return out;
}

std::vector<int64_t> shares_from_text(const std::string& text) {
    std::vector<int64_t> out;
    size_t at = 0;
    while (at < text.size()) {
        size_t end = text.find(',', at);
        if (end == std::string::npos) end = text.size();
        out.push_back(std::stoll(text.substr(at, end - at)));
        at = end + 1;
    }
    return out;
}

constexpr const char* kRewardColumns =
    "r.order_id, r.level, r.sharer_id, r.buyer_id, r.kind, r.amount, r.clawed_back, r.shares, r.created_at, "
    "r.vests_at, r.points_lot, r.coupon_code";

ReferralReward reward_from_row(SQLite::Statement& q) {
    ReferralReward r;
    r.order_id = q.getColumn(0).getString();
    r.level = q.getColumn(1).getInt();
    r.sharer_id = q.getColumn(2).getString();
    r.buyer_id = q.getColumn(3).getString();
    const auto kind = reward_kind_from_name(q.getColumn(4).getString());
    if (!kind) fail(SC_ERR_INTERNAL, "a stored reward has an unknown kind");
    r.kind = *kind;
    r.amount = q.getColumn(5).getInt64();
    r.clawed_back = q.getColumn(6).getInt64();
    r.shares = shares_from_text(q.getColumn(7).getString());
    r.created_at = q.getColumn(8).getInt64();
    r.vests_at = q.getColumn(9).getInt64();
    r.points_lot = static_cast<uint64_t>(q.getColumn(10).getInt64());
    r.coupon_code = text_or_empty(q.getColumn(11));
    return r;
}

std::optional<ReferralRefusal> refusal_from_name(const std::string& name) {
    for (auto r : {ReferralRefusal::self_referral, ReferralRefusal::self_referral_device, ReferralRefusal::already_bound,
                   ReferralRefusal::cycle, ReferralRefusal::not_first_order, ReferralRefusal::daily_cap,
                   ReferralRefusal::monthly_cap})
        if (name == referral_refusal_name(r)) return r;
    return std::nullopt;
}

// The WHERE clause that picks a scope's rows from a table carrying sharer_id and, through
// `open_column`, the open that led to it. Binds from index 1.
std::string scope_filter(const ReferralScope& s, const std::string& sharer_column, const std::string& open_column) {
    if (!s.sharer_id.empty()) return " WHERE " + sharer_column + " = ?1";
    if (s.target_kind)
        return " WHERE " + open_column +
               " IN (SELECT open_id FROM share_opens WHERE target_kind = ?1 AND target_id = ?2)";
    return "";
}

void bind_scope(SQLite::Statement& q, const ReferralScope& s) {
    if (!s.sharer_id.empty()) {
        q.bind(1, s.sharer_id);
    } else if (s.target_kind) {
        q.bind(1, share_target_kind_name(*s.target_kind));
        q.bind(2, s.target_id);
    }
}

int64_t scalar(Connection& db, const std::string& sql, const ReferralScope& scope) {
    SQLite::Statement& q = db.statement(sql);
    bind_scope(q, scope);
    if (!q.executeStep()) return 0;
    return q.getColumn(0).isNull() ? 0 : q.getColumn(0).getInt64();
}

}  // namespace

void insert_share_open(Connection& db, const ShareOpen& o) {
    SQLite::Statement& q = db.statement(std::string("INSERT INTO share_opens(") + kOpenColumns +
                                        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, o.open_id);
    q.bind(2, o.code);
    q.bind(3, o.sharer_id);
    q.bind(4, share_target_kind_name(o.target_kind));
    q.bind(5, o.target_id);
    q.bind(6, o.channel);
    bind_text_or_null(q, 7, o.user_id);
    bind_text_or_null(q, 8, o.device_id);
    q.bind(9, o.opened_at);
    q.bind(10, o.outcome);
    if (o.bound_until) q.bind(11, *o.bound_until); else q.bind(11);
    q.exec();
}

void save_share_open_outcome(Connection& db, const ShareOpen& o) {
    SQLite::Statement& q = db.statement("UPDATE share_opens SET outcome = ?, bound_until = ? WHERE open_id = ?");
    q.bind(1, o.outcome);
    if (o.bound_until) q.bind(2, *o.bound_until); else q.bind(2);
    q.bind(3, o.open_id);
    q.exec();
}

std::optional<ShareOpen> find_share_open(Connection& db, const std::string& open_id) {
    SQLite::Statement& q = db.statement(std::string("SELECT ") + kOpenColumns + " FROM share_opens WHERE open_id = ?");
    q.bind(1, open_id);
    if (!q.executeStep()) return std::nullopt;
    return open_from_row(q);
}

std::string user_subject(const std::string& user_id) { return "user:" + user_id; }
std::string device_subject(const std::string& device_id) { return "device:" + device_id; }

std::optional<ReferralBinding> live_binding(Connection& db, const std::string& subject, int64_t now) {
    SQLite::Statement& q = db.statement(
        "SELECT sharer_id, open_id, bound_at, expires_at FROM referral_bindings WHERE subject = ? AND expires_at > ?");
    q.bind(1, subject);
    q.bind(2, now);
    if (!q.executeStep()) return std::nullopt;
    ReferralBinding b;
    if (subject.rfind("user:", 0) == 0) b.user_id = subject.substr(5); else b.device_id = subject.substr(7);
    b.sharer_id = q.getColumn(0).getString();
    b.open_id = q.getColumn(1).getString();
    b.bound_at = q.getColumn(2).getInt64();
    b.expires_at = q.getColumn(3).getInt64();
    return b;
}

void save_binding(Connection& db, const std::string& subject, const ReferralBinding& b) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO referral_bindings(subject, sharer_id, open_id, bound_at, expires_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(subject) DO UPDATE SET sharer_id = excluded.sharer_id, open_id = excluded.open_id, "
        "bound_at = excluded.bound_at, expires_at = excluded.expires_at");
    q.bind(1, subject);
    q.bind(2, b.sharer_id);
    q.bind(3, b.open_id);
    q.bind(4, b.bound_at);
    q.bind(5, b.expires_at);
    q.exec();
}

void delete_binding(Connection& db, const std::string& subject) {
    SQLite::Statement& q = db.statement("DELETE FROM referral_bindings WHERE subject = ?");
    q.bind(1, subject);
    q.exec();
}

bool save_user_device(Connection& db, const std::string& device_id, const std::string& user_id, int64_t at) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO user_devices(device_id, user_id, first_seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
    q.bind(1, device_id);
    q.bind(2, user_id);
    q.bind(3, at);
    return q.exec() > 0;
}

bool user_has_device(Connection& db, const std::string& user_id, const std::string& device_id) {
    SQLite::Statement& q = db.statement("SELECT 1 FROM user_devices WHERE device_id = ? AND user_id = ?");
    q.bind(1, device_id);
    q.bind(2, user_id);
    return q.executeStep();
}

void insert_referral_checkout(Connection& db, const std::string& order_id, const std::string& open_id,
                              const std::string& sharer_id) {
    SQLite::Statement& q =
        db.statement("INSERT INTO referral_checkouts(order_id, open_id, sharer_id) VALUES (?, ?, ?)");
    q.bind(1, order_id);
    q.bind(2, open_id);
    q.bind(3, sharer_id);
    q.exec();
}

void insert_attribution(Connection& db, const AttributionRow& a) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO referral_attributions(order_id, open_id, sharer_id, buyer_id, paid, attributed_at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, a.order_id);
    q.bind(2, a.open_id);
    q.bind(3, a.sharer_id);
    q.bind(4, a.buyer_id);
    q.bind(5, a.paid);
    q.bind(6, a.attributed_at);
    q.exec();
}

std::optional<AttributionRow> find_attribution(Connection& db, const std::string& order_id) {
    SQLite::Statement& q = db.statement("SELECT order_id, open_id, sharer_id, buyer_id, paid, attributed_at "
                                        "FROM referral_attributions WHERE order_id = ?");
    q.bind(1, order_id);
    if (!q.executeStep()) return std::nullopt;
    return AttributionRow{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                          q.getColumn(3).getString(), q.getColumn(4).getInt64(), q.getColumn(5).getInt64()};
}

bool paid_another_order(Connection& db, const std::string& user_id, const std::string& order_id) {
    SQLite::Statement& q = db.statement("SELECT 1 FROM orders WHERE user_id = ? AND paid_at > 0 AND id <> ? LIMIT 1");
    q.bind(1, user_id);
    q.bind(2, order_id);
    return q.executeStep();
}

int64_t attributions_since(Connection& db, const std::string& sharer_id, int64_t since) {
    SQLite::Statement& q =
        db.statement("SELECT count(*) FROM referral_attributions WHERE sharer_id = ? AND attributed_at >= ?");
    q.bind(1, sharer_id);
    q.bind(2, since);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

void insert_reward(Connection& db, const ReferralReward& r) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO referral_rewards(order_id, level, sharer_id, buyer_id, kind, amount, clawed_back, shares, "
        "created_at, vests_at, points_lot, coupon_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, r.order_id);
    q.bind(2, r.level);
    q.bind(3, r.sharer_id);
    q.bind(4, r.buyer_id);
    q.bind(5, reward_kind_name(r.kind));
    q.bind(6, r.amount);
    q.bind(7, r.clawed_back);
    q.bind(8, shares_text(r.shares));
    q.bind(9, r.created_at);
    q.bind(10, r.vests_at);
    q.bind(11, static_cast<int64_t>(r.points_lot));
    bind_text_or_null(q, 12, r.coupon_code);
    q.exec();
}

std::vector<ReferralReward> rewards_of_order(Connection& db, const std::string& order_id) {
    SQLite::Statement& q = db.statement(std::string("SELECT ") + kRewardColumns +
                                        " FROM referral_rewards r WHERE r.order_id = ? ORDER BY r.level");
    q.bind(1, order_id);
    std::vector<ReferralReward> out;
    while (q.executeStep()) out.push_back(reward_from_row(q));
    return out;
}

std::vector<ReferralReward> rewards_of_sharer(Connection& db, const std::string& sharer_id) {
    SQLite::Statement& q =
        db.statement(std::string("SELECT ") + kRewardColumns +
                     " FROM referral_rewards r WHERE r.sharer_id = ? ORDER BY r.created_at, r.order_id, r.level");
    q.bind(1, sharer_id);
    std::vector<ReferralReward> out;
    while (q.executeStep()) out.push_back(reward_from_row(q));
    return out;
}

void save_reward_clawed_back(Connection& db, const std::string& order_id, int level, int64_t clawed_back) {
    SQLite::Statement& q =
        db.statement("UPDATE referral_rewards SET clawed_back = ? WHERE order_id = ? AND level = ?");
    q.bind(1, clawed_back);
    q.bind(2, order_id);
    q.bind(3, level);
    q.exec();
}

void insert_refusal(Connection& db, const ReferralRefusalRecord& r) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO referral_refusals(at, reason, sharer_id, user_id, device_id, open_id, order_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, r.at);
    q.bind(2, referral_refusal_name(r.reason));
    q.bind(3, r.sharer_id);
    bind_text_or_null(q, 4, r.user_id);
    bind_text_or_null(q, 5, r.device_id);
    bind_text_or_null(q, 6, r.open_id);
    bind_text_or_null(q, 7, r.order_id);
    q.exec();
}

std::vector<ReferralRefusalRecord> refusals_of_sharer(Connection& db, const std::string& sharer_id) {
    SQLite::Statement& q = db.statement(
        "SELECT seq, at, reason, sharer_id, user_id, device_id, open_id, order_id FROM referral_refusals "
        "WHERE sharer_id = ? ORDER BY seq");
    q.bind(1, sharer_id);
    std::vector<ReferralRefusalRecord> out;
    while (q.executeStep()) {
        const auto reason = refusal_from_name(q.getColumn(2).getString());
        if (!reason) fail(SC_ERR_INTERNAL, "a stored refusal has an unknown reason");
        out.push_back(ReferralRefusalRecord{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), *reason,
                                 q.getColumn(3).getString(), text_or_empty(q.getColumn(4)),
                                 text_or_empty(q.getColumn(5)), text_or_empty(q.getColumn(6)),
                                 text_or_empty(q.getColumn(7))});
    }
    return out;
}

bool invitee_rewarded(Connection& db, const std::string& user_id) {
    SQLite::Statement& q = db.statement("SELECT 1 FROM referral_invitees WHERE user_id = ?");
    q.bind(1, user_id);
    return q.executeStep();
}

void insert_invitee(Connection& db, const std::string& user_id, const std::string& sharer_id,
                    const std::string& coupon_code, int64_t at) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO referral_invitees(user_id, sharer_id, coupon_code, granted_at) VALUES (?, ?, ?, ?)");
    q.bind(1, user_id);
    q.bind(2, sharer_id);
    q.bind(3, coupon_code);
    q.bind(4, at);
    q.exec();
}

ReferralCounts referral_counts(Connection& db, const ReferralScope& s) {
    ReferralCounts c;
    const std::string links_filter =
        !s.sharer_id.empty() ? " WHERE sharer_id = ?1"
        : s.target_kind      ? " WHERE target_kind = ?1 AND target_id = ?2"
                             : "";
    c.shares = scalar(db, "SELECT count(*) FROM share_links" + links_filter, s);
    c.sharers = scalar(db, "SELECT count(DISTINCT sharer_id) FROM share_links" + links_filter, s);
    c.opens = scalar(db, "SELECT count(*) FROM share_opens" + links_filter, s);
    c.bound_opens = scalar(db,
                           "SELECT count(*) FROM share_opens" + (links_filter.empty() ? " WHERE" : links_filter + " AND") +
                               " outcome = 'bound'",
                           s);
    c.orders = scalar(db, "SELECT count(*) FROM referral_checkouts" + scope_filter(s, "sharer_id", "open_id"), s);
    const std::string attributed = " FROM referral_attributions" + scope_filter(s, "sharer_id", "open_id");
    c.paid_orders = scalar(db, "SELECT count(*)" + attributed, s);
    c.paid_amount = scalar(db, "SELECT sum(paid)" + attributed, s);
    c.converted_buyers = scalar(db, "SELECT count(DISTINCT buyer_id)" + attributed, s);
    c.refusals = scalar(db, "SELECT count(*) FROM referral_refusals" + scope_filter(s, "sharer_id", "open_id"), s);
    return c;
}

std::vector<ReferralReward> rewards_in_scope(Connection& db, const ReferralScope& s) {
    const std::string filter =
        !s.sharer_id.empty() ? " WHERE r.sharer_id = ?1"
        : s.target_kind ? " WHERE r.order_id IN (SELECT a.order_id FROM referral_attributions a JOIN share_opens o "
                          "ON o.open_id = a.open_id WHERE o.target_kind = ?1 AND o.target_id = ?2)"
                        : "";
    SQLite::Statement& q = db.statement(std::string("SELECT ") + kRewardColumns + " FROM referral_rewards r" + filter);
    bind_scope(q, s);
    std::vector<ReferralReward> out;
    while (q.executeStep()) out.push_back(reward_from_row(q));
    return out;
}

}  // namespace sc::store
