#pragma once
// Idempotency keys: the first request under a key is remembered with its result, so
// a retry returns that result and a different request under the same key is refused.
#include "store/database.hpp"

#include <optional>
#include <string>

namespace sc::store {

struct IdempotencyRecord {
    std::string request;    // a canonical text of the arguments
    std::string result_id;  // the order or refund the first request produced
};

std::optional<IdempotencyRecord> find_idempotency(Connection& db, const std::string& scope, const std::string& key);
void save_idempotency(Connection& db, const std::string& scope, const std::string& key,
                      const IdempotencyRecord& record, int64_t now);
// Forgets up to `limit` records made before `cutoff`, oldest first; returns how many.
int64_t prune_idempotency(Connection& db, int64_t cutoff, int64_t limit);
bool any_idempotency_before(Connection& db, int64_t cutoff);

}  // namespace sc::store
