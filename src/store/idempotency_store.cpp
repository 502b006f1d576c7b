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
                      const IdempotencyRecord& record) {
    SQLite::Statement& q = db.statement("INSERT INTO idempotency(scope, key, request, result_id) VALUES (?, ?, ?, ?)");
    q.bind(1, scope);
    q.bind(2, key);
    q.bind(3, record.request);
    q.bind(4, record.result_id);
    q.exec();
}

}  // namespace sc::store
