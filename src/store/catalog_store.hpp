#pragma once
// SKUs, their categories, and the catalog's currency.
#include "catalog/sku.hpp"

#include "store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sc::store {

std::optional<std::string> catalog_currency(Connection& db);
void set_catalog_currency(Connection& db, const std::string& currency);

void upsert_sku(Connection& db, const Sku& sku);
std::optional<Sku> find_sku(Connection& db, const std::string& id);
std::vector<Sku> all_skus(Connection& db);  // ordered by id

void set_stock_on_hand(Connection& db, const std::string& sku_id, int64_t on_hand);

}  // namespace sc::store
