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
                      const IdempotencyRecord& record);

}  // namespace sc::store
