#include "store/referral_store.hpp"

#include "core/error.hpp"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace sc::store {

namespace {

template <size_t N>
std::array<uint8_t, N> blob(const SQLite::Column& column) {
    if (column.getBytes() != static_cast<int>(N)) fail(SC_ERR_INTERNAL, "a stored key has the wrong size");
    std::array<uint8_t, N> out{};
    const auto* bytes = static_cast<const uint8_t*>(column.getBlob());
    std::copy(bytes, bytes + N, out.begin());
    return out;
}

template <size_t N>
void bind_blob(SQLite::Statement& q, int index, const std::array<uint8_t, N>& bytes) {
    q.bind(index, bytes.data(), static_cast<int>(N));
}

std::optional<std::string> meta_value(Connection& db, const char* sql) {
    SQLite::Statement& q = db.statement(sql);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

ShareKeyRow key_from_row(SQLite::Statement& q) {
    ShareKeyRow k;
    k.key_id = q.getColumn(0).getString();
    k.public_key = blob<32>(q.getColumn(1));
    if (!q.getColumn(2).isNull()) k.seed = blob<32>(q.getColumn(2));
    k.added_at = q.getColumn(3).getInt64();
    if (!q.getColumn(4).isNull()) k.retired_at = q.getColumn(4).getInt64();
    return k;
}

constexpr const char* kKeyColumns = "key_id, public_key, seed, added_at, retired_at";
constexpr const char* kLinkColumns =
    "code, token, sharer_id, target_kind, target_id, channel, key_id, issued_at, expires_at, nonce, idempotency_key";

ShareLinkRow link_from_row(SQLite::Statement& q) {
    ShareLinkRow l;
    l.code = q.getColumn(0).getString();
    l.token = q.getColumn(1).getString();
    l.claims.sharer_id = q.getColumn(2).getString();
    const auto kind = share_target_kind_from_name(q.getColumn(3).getString());
    if (!kind) fail(SC_ERR_INTERNAL, "a stored share link has an unknown target kind");
    l.claims.target_kind = *kind;
    l.claims.target_id = q.getColumn(4).getString();
    l.claims.channel = q.getColumn(5).getString();
    l.claims.key_id = q.getColumn(6).getString();
    l.claims.issued_at = q.getColumn(7).getInt64();
    l.claims.expires_at = q.getColumn(8).getInt64();
    l.claims.nonce = blob<kShareNonceSize>(q.getColumn(9));
    l.idempotency_key = q.getColumn(10).getString();
    return l;
}

}  // namespace

std::optional<std::string> referral_program_text(Connection& db) {
    return meta_value(db, "SELECT value FROM meta WHERE key = 'referral_program'");
}

void save_referral_program_text(Connection& db, const std::string& text) {
    SQLite::Statement& q = db.statement("INSERT INTO meta(key, value) VALUES ('referral_program', ?) "
                                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, text);
    q.exec();
}

std::optional<ShareKeyRow> find_share_key(Connection& db, const std::string& key_id) {
    SQLite::Statement& q =
        db.statement(std::string("SELECT ") + kKeyColumns + " FROM share_keys WHERE key_id = ?");
    q.bind(1, key_id);
    if (!q.executeStep()) return std::nullopt;
    return key_from_row(q);
}

std::vector<ShareKeyRow> share_keys(Connection& db) {
    SQLite::Statement& q = db.statement(std::string("SELECT ") + kKeyColumns + " FROM share_keys ORDER BY key_id");
    std::vector<ShareKeyRow> out;
    while (q.executeStep()) out.push_back(key_from_row(q));
    return out;
}

void insert_share_key(Connection& db, const ShareKeyRow& key) {
    SQLite::Statement& q = db.statement(
        "INSERT INTO share_keys(key_id, public_key, seed, added_at, retired_at) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, key.key_id);
    bind_blob(q, 2, key.public_key);
    if (key.seed) bind_blob(q, 3, *key.seed); else q.bind(3);
    q.bind(4, key.added_at);
    if (key.retired_at) q.bind(5, *key.retired_at); else q.bind(5);
    q.exec();
}

void save_share_key_seed(Connection& db, const std::string& key_id, const Ed25519Seed& seed) {
    SQLite::Statement& q = db.statement("UPDATE share_keys SET seed = ? WHERE key_id = ?");
    bind_blob(q, 1, seed);
    q.bind(2, key_id);
    q.exec();
}

void retire_share_key(Connection& db, const std::string& key_id, int64_t at) {
    SQLite::Statement& q = db.statement("UPDATE share_keys SET retired_at = ? WHERE key_id = ?");
    q.bind(1, at);
    q.bind(2, key_id);
    q.exec();
}

std::optional<std::string> signing_key_id(Connection& db) {
    return meta_value(db, "SELECT value FROM meta WHERE key = 'share_signing_key'");
}

void save_signing_key_id(Connection& db, const std::optional<std::string>& key_id) {
    if (!key_id) {
        db.statement("DELETE FROM meta WHERE key = 'share_signing_key'").exec();
        return;
    }
    SQLite::Statement& q = db.statement("INSERT INTO meta(key, value) VALUES ('share_signing_key', ?) "
                                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, *key_id);
    q.exec();
}

void insert_share_link(Connection& db, const ShareLinkRow& l) {
    SQLite::Statement& q = db.statement(std::string("INSERT INTO share_links(") + kLinkColumns +
                                        ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, l.code);
    q.bind(2, l.token);
    q.bind(3, l.claims.sharer_id);
    q.bind(4, share_target_kind_name(l.claims.target_kind));
    q.bind(5, l.claims.target_id);
    q.bind(6, l.claims.channel);
    q.bind(7, l.claims.key_id);
    q.bind(8, l.claims.issued_at);
    q.bind(9, l.claims.expires_at);
    bind_blob(q, 10, l.claims.nonce);
    q.bind(11, l.idempotency_key);
    q.exec();
}

std::optional<ShareLinkRow> find_share_link(Connection& db, const std::string& code) {
    SQLite::Statement& q = db.statement(std::string("SELECT ") + kLinkColumns + " FROM share_links WHERE code = ?");
    q.bind(1, code);
    if (!q.executeStep()) return std::nullopt;
    return link_from_row(q);
}

std::optional<ShareLinkRow> find_share_link_by_key(Connection& db, const std::string& sharer_id,
                                                  const std::string& idempotency_key) {
    SQLite::Statement& q = db.statement(std::string("SELECT ") + kLinkColumns +
                                        " FROM share_links WHERE sharer_id = ? AND idempotency_key = ?");
    q.bind(1, sharer_id);
    q.bind(2, idempotency_key);
    if (!q.executeStep()) return std::nullopt;
    return link_from_row(q);
}

}  // namespace sc::store
