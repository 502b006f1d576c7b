#pragma once
// Promotions and shipping rules (FEATURES §3): definitions the operator puts and
// pricing reads. A promotion is kept as its canonical JSON (program/rules_json.hpp).
#include "pricing/promotion.hpp"
#include "pricing/shipping.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sc::store {

std::optional<Promotion> find_promotion(Connection& db, const std::string& id);
void upsert_promotion(Connection& db, const Promotion& promotion);
std::vector<Promotion> all_promotions(Connection& db);  // by id
// Promotions whose window has not ended at `now` (those not yet started included:
// pricing checks the start), by id. Reads only those (an index on the end).
std::vector<Promotion> unexpired_promotions(Connection& db, int64_t now);

std::optional<ShippingRule> find_shipping_rule(Connection& db, const std::string& merchant_id);
void upsert_shipping_rule(Connection& db, const ShippingRule& rule);
std::vector<ShippingRule> all_shipping_rules(Connection& db);  // by merchant id

}  // namespace sc::store
