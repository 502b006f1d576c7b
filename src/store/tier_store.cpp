#include "store/tier_store.hpp"

#include "core/checked.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace sc::store {

std::optional<std::string> tier_program_text(Connection& db) {
    SQLite::Statement& q = db.statement("SELECT value FROM meta WHERE key = 'tier_program'");
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

void save_tier_program_text(Connection& db, const std::string& text) {
    SQLite::Statement& q = db.statement("INSERT INTO meta(key, value) VALUES ('tier_program', ?) "
                                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, text);
    q.exec();
}

void append_tier_spend(Connection& db, const std::string& user_id, int64_t at, int64_t amount,
                       const std::string& reference) {
    SQLite::Statement& q = db.statement("INSERT INTO tier_spend(user_id, at, amount, reference) VALUES (?, ?, ?, ?)");
    q.bind(1, user_id);
    q.bind(2, at);
    q.bind(3, amount);
    q.bind(4, reference);
    q.exec();
}

QualifyingHistory tier_spend_after(Connection& db, const std::string& user_id, int64_t after) {
    SQLite::Statement& q =
        db.statement("SELECT at, amount FROM tier_spend WHERE user_id = ? AND at > ? ORDER BY at, rowid");
    q.bind(1, user_id);
    q.bind(2, after);
    QualifyingHistory out;
    while (q.executeStep()) out.push_back(QualifyingEntry{q.getColumn(0).getInt64(), q.getColumn(1).getInt64()});
    return out;
}

QualifyingHistory growth_points_history(Connection& db, const std::string& user_id, int64_t upto) {
    SQLite::Statement& q = db.statement(
        "SELECT at, CASE kind WHEN 'earn' THEN points ELSE -points END FROM points_entries "
        "WHERE user_id = ? AND kind IN ('earn', 'reverse') ORDER BY seq");
    q.bind(1, user_id);
    int64_t carried = 0;
    QualifyingHistory later;
    while (q.executeStep()) {
        const int64_t at = q.getColumn(0).getInt64();
        const int64_t amount = q.getColumn(1).getInt64();
        if (at <= upto) carried = checked_add(carried, amount, "growth points");
        else later.push_back(QualifyingEntry{at, amount});
    }
    QualifyingHistory out{QualifyingEntry{upto, carried}};
    out.insert(out.end(), later.begin(), later.end());
    return out;
}

std::optional<TierRecord> find_tier_record(Connection& db, const std::string& user_id) {
    SQLite::Statement& q =
        db.statement("SELECT tier_id, since, period_end, as_of FROM tier_records WHERE user_id = ?");
    q.bind(1, user_id);
    if (!q.executeStep()) return std::nullopt;
    return TierRecord{q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(),
                      q.getColumn(3).getInt64()};
}

void save_tier_record(Connection& db, const std::string& user_id, const TierRecord& r) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO tier_records(user_id, tier_id, since, period_end, as_of) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(user_id) DO UPDATE SET tier_id = excluded.tier_id, since = excluded.since, "
        "period_end = excluded.period_end, as_of = excluded.as_of");
    q.bind(1, user_id);
    q.bind(2, r.tier_id);
    q.bind(3, r.since);
    q.bind(4, r.period_end);
    q.bind(5, r.as_of);
    q.exec();
}

void drop_tier_records_not_in(Connection& db, const std::vector<std::string>& tier_ids) {
    std::vector<std::string> stale;
    {
        SQLite::Statement& q = db.statement("SELECT DISTINCT tier_id FROM tier_records");
        while (q.executeStep()) {
            std::string id = q.getColumn(0).getString();
            if (std::find(tier_ids.begin(), tier_ids.end(), id) == tier_ids.end()) stale.push_back(std::move(id));
        }
    }
    SQLite::Statement& del = db.statement("DELETE FROM tier_records WHERE tier_id = ?");
    for (const std::string& id : stale) {
        del.bind(1, id);
        del.exec();
        del.reset();
    }
}

std::vector<std::string> members_due_for_review(Connection& db, int64_t now, int64_t limit) {
    SQLite::Statement& q = db.statement(
        "SELECT user_id FROM tier_records WHERE period_end <= ? ORDER BY period_end, user_id LIMIT ?");
    q.bind(1, now);
    q.bind(2, limit);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

void append_tier_change(Connection& db, const std::string& user_id, const TierChange& change) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO tier_changes(user_id, at, kind, from_tier, to_tier, at_period_end) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, user_id);
    q.bind(2, change.at);
    q.bind(3, change.kind == TierChangeKind::upgraded ? "upgraded" : "downgraded");
    q.bind(4, change.from);
    q.bind(5, change.to);
    q.bind(6, change.at_period_end ? 1 : 0);
    q.exec();
}

std::map<std::string, TierCounts> tier_counts(Connection& db, int64_t from, int64_t to) {
    std::map<std::string, TierCounts> out;
    {
        SQLite::Statement& q = db.statement("SELECT tier_id, COUNT(*) FROM tier_records GROUP BY tier_id");
        while (q.executeStep()) out[q.getColumn(0).getString()].members = q.getColumn(1).getInt64();
    }
    SQLite::Statement& q = db.statement(
        "SELECT to_tier, kind, COUNT(*) FROM tier_changes WHERE at >= ? AND at < ? GROUP BY to_tier, kind");
    q.bind(1, from);
    q.bind(2, to);
    while (q.executeStep()) {
        TierCounts& c = out[q.getColumn(0).getString()];
        (q.getColumn(1).getString() == "upgraded" ? c.upgrades : c.downgrades) = q.getColumn(2).getInt64();
    }
    return out;
}

}  // namespace sc::store
