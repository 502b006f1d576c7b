#include "store/idempotency_store.hpp"

#include <SQLiteCpp/Statement.h>

namespace sc::store {

std::optional<IdempotencyRecord> find_idempotency(Connection& db, const std::string& scope, const std::string& key) {
    SQLite::Statement& q = db.statement("SELECT request, result_id FROM idempotency WHERE scope = ? AND key = ?");
    q.bind(1, scope);
    q.bind(2, key);
    if (!q.executeStep()) return std::nullopt;
    return IdempotencyRecord{q.getColumn(0).getString(), q.getColumn(1).getString()};
}

void save_idempotency(Connection& db, const std::string& scope, const std::string& key,
                      const IdempotencyRecord& record, int64_t now) {
    SQLite::Statement& q = db.statement("INSERT INTO idempotency(scope, key, request, result_id, created_at) "
                                        "VALUES (?, ?, ?, ?, ?)");
    q.bind(1, scope);
    q.bind(2, key);
    q.bind(3, record.request);
    q.bind(4, record.result_id);
    q.bind(5, now);
    q.exec();
}

int64_t prune_idempotency(Connection& db, int64_t cutoff, int64_t limit) {
    SQLite::Statement& q = db.statement("DELETE FROM idempotency WHERE (scope, key) IN (SELECT scope, key FROM "
                                        "idempotency WHERE created_at < ? ORDER BY created_at LIMIT ?)");
    q.bind(1, cutoff);
    q.bind(2, limit);
    return q.exec();
}

bool any_idempotency_before(Connection& db, int64_t cutoff) {
    SQLite::Statement& q = db.statement("SELECT 1 FROM idempotency WHERE created_at < ? LIMIT 1");
    q.bind(1, cutoff);
    return q.executeStep();
}

}  // namespace sc::store
