#include "store/points_store.hpp"

#include "core/error.hpp"

#include <SQLiteCpp/Statement.h>

#include <cstdlib>

namespace sc::store {

namespace {

constexpr const char* kEntryColumns =
    "seq, kind, key, reference, points, at, target, shares, repaid, absorbed, charged, vests_at, expires_at, reason";

// "lot:points;lot:points": the shares are read back only by this store.
std::string shares_text(const std::vector<LotShare>& shares) {
    std::string out;
    for (const LotShare& s : shares) {
        if (!out.empty()) out += ';';
        out += std::to_string(s.lot) + ':' + std::to_string(s.points);
    }
    return out;
}

std::vector<LotShare> parse_shares(const std::string& text) {
    std::vector<LotShare> out;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find(';', pos);
        if (end == std::string::npos) end = text.size();
        const std::string part = text.substr(pos, end - pos);
        const size_t colon = part.find(':');
        if (colon == std::string::npos) fail(SC_ERR_INTERNAL, "a points entry's shares are unreadable");
        out.push_back(LotShare{std::strtoull(part.c_str(), nullptr, 10), std::strtoll(part.c_str() + colon + 1, nullptr, 10)});
        pos = end + 1;
    }
    return out;
}

PointsEntryKind parse_kind(const std::string& name) {
    for (auto kind : {PointsEntryKind::earn, PointsEntryKind::spend, PointsEntryKind::hold, PointsEntryKind::release,
                      PointsEntryKind::commit, PointsEntryKind::expire, PointsEntryKind::reverse,
                      PointsEntryKind::return_, PointsEntryKind::adjust})
        if (name == points_entry_kind_name(kind)) return kind;
    fail(SC_ERR_INTERNAL, "unknown points entry kind in the ledger");
}

// The entry whose columns (kEntryColumns) start at column `first`.
PointsEntry entry_from_row(SQLite::Statement& q, int first = 0) {
    const auto col = [&](int i) { return q.getColumn(first + i); };
    PointsEntry e;
    e.seq = static_cast<uint64_t>(col(0).getInt64());
    e.kind = parse_kind(col(1).getString());
    e.key = col(2).getString();
    e.reference = col(3).getString();
    e.points = col(4).getInt64();
    e.at = col(5).getInt64();
    e.target = static_cast<uint64_t>(col(6).getInt64());
    e.shares = parse_shares(col(7).getString());
    e.repaid = parse_shares(col(8).getString());
    e.absorbed = col(9).getInt64();
    e.charged = col(10).getInt64();
    e.vests_at = col(11).getInt64();
    if (!col(12).isNull()) e.expires_at = col(12).getInt64();
    e.reason = col(13).getString();
    return e;
}

std::vector<PointsEntry> all_rows(SQLite::Statement& q) {
    std::vector<PointsEntry> out;
    while (q.executeStep()) out.push_back(entry_from_row(q));
    return out;
}

}  // namespace

std::vector<PointsEntry> points_entries_of(Connection& db, const std::string& user_id) {
    SQLite::Statement& q = db.statement(std::string("SELECT ") + kEntryColumns +
                                        " FROM points_entries WHERE user_id = ? ORDER BY seq");
    q.bind(1, user_id);
    return all_rows(q);
}

uint64_t last_points_seq(Connection& db, const std::string& user_id) {
    SQLite::Statement& q = db.statement("SELECT COALESCE(MAX(seq), 0) FROM points_entries WHERE user_id = ?");
    q.bind(1, user_id);
    q.executeStep();
    return static_cast<uint64_t>(q.getColumn(0).getInt64());
}

void append_points_entries(Connection& db, const std::string& user_id, const std::vector<PointsEntry>& entries) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO points_entries(user_id, seq, kind, key, reference, points, effect, at, target, shares, repaid, "
        "absorbed, charged, vests_at, expires_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const PointsEntry& e : entries) {
        q.bind(1, user_id);
        q.bind(2, static_cast<int64_t>(e.seq));
        q.bind(3, points_entry_kind_name(e.kind));
        q.bind(4, e.key);
        q.bind(5, e.reference);
        q.bind(6, e.points);
        q.bind(7, balance_effect(e));
        q.bind(8, e.at);
        q.bind(9, static_cast<int64_t>(e.target));
        q.bind(10, shares_text(e.shares));
        q.bind(11, shares_text(e.repaid));
        q.bind(12, e.absorbed);
        q.bind(13, e.charged);
        q.bind(14, e.vests_at);
        if (e.expires_at) q.bind(15, *e.expires_at); else q.bind(15);
        q.bind(16, e.reason);
        q.exec();
        q.reset();
    }
}

std::optional<PointsEntry> find_points_entry_by_key(Connection& db, const std::string& user_id,
                                                    const std::string& key) {
    SQLite::Statement& q = db.statement(std::string("SELECT ") + kEntryColumns +
                                        " FROM points_entries WHERE user_id = ? AND key = ?");
    q.bind(1, user_id);
    q.bind(2, key);
    if (!q.executeStep()) return std::nullopt;
    return entry_from_row(q);
}

std::vector<PointsEntry> points_history(Connection& db, const std::string& user_id, uint64_t before_seq,
                                        int64_t limit) {
    SQLite::Statement& q = db.statement(std::string("SELECT ") + kEntryColumns +
                                        " FROM points_entries WHERE user_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?");
    q.bind(1, user_id);
    q.bind(2, static_cast<int64_t>(before_seq));
    q.bind(3, limit);
    return all_rows(q);
}

int64_t count_earns_with_prefix(Connection& db, const std::string& user_id, const std::string& prefix, int64_t from,
                                int64_t to) {
    // substr rather than LIKE: the prefix is matched byte for byte, wildcards and all.
    SQLite::Statement& q = db.statement(
        "SELECT COUNT(*) FROM points_entries WHERE user_id = ?1 AND kind = 'earn' AND at >= ?3 AND at < ?4 "
        "AND substr(reference, 1, length(?2)) = ?2");
    q.bind(1, user_id);
    q.bind(2, prefix);
    q.bind(3, from);
    q.bind(4, to);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

std::map<std::string, int64_t> points_totals(Connection& db, int64_t from, int64_t to) {
    SQLite::Statement& q = db.statement(
        "SELECT kind, COALESCE(SUM(points), 0) FROM points_entries WHERE at >= ? AND at < ? GROUP BY kind");
    q.bind(1, from);
    q.bind(2, to);
    std::map<std::string, int64_t> out;
    while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
    return out;
}

void for_each_points_account(Connection& db,
                             const std::function<void(const std::string&, std::vector<PointsEntry>)>& fn) {
    // Its own statement: fn may use the connection's cached ones.
    SQLite::Statement q(db.raw(), std::string("SELECT user_id, ") + kEntryColumns +
                                      " FROM points_entries ORDER BY user_id, seq");
    std::string user;
    std::vector<PointsEntry> entries;
    while (q.executeStep()) {
        std::string id = q.getColumn(0).getString();
        if (id != user && !entries.empty()) fn(user, std::move(entries));
        if (id != user) entries.clear();
        user = std::move(id);
        entries.push_back(entry_from_row(q, 1));
    }
    if (!entries.empty()) fn(user, std::move(entries));
}

std::optional<SignIn> find_sign_in(Connection& db, const std::string& user_id, int64_t day) {
    SQLite::Statement& q =
        db.statement("SELECT day, streak, points FROM points_sign_ins WHERE user_id = ? AND day = ?");
    q.bind(1, user_id);
    q.bind(2, day);
    if (!q.executeStep()) return std::nullopt;
    return SignIn{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64()};
}

void insert_sign_in(Connection& db, const std::string& user_id, const SignIn& s) {
    SQLite::Statement& q =
        db.statement("INSERT INTO points_sign_ins(user_id, day, streak, points) VALUES (?, ?, ?, ?)");
    q.bind(1, user_id);
    q.bind(2, s.day);
    q.bind(3, s.streak);
    q.bind(4, s.points);
    q.exec();
}

std::optional<std::string> points_program_text(Connection& db) {
    SQLite::Statement& q = db.statement("SELECT value FROM meta WHERE key = 'points_program'");
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

void save_points_program_text(Connection& db, const std::string& text) {
    SQLite::Statement& q = db.statement("INSERT INTO meta(key, value) VALUES ('points_program', ?) "
                                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, text);
    q.exec();
}

}  // namespace sc::store
