#pragma once
// SKUs, their categories, and the catalog's currency.
#include "catalog/sku.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace sc::store {

std::optional<std::string> catalog_currency(SQLite::Database& db);
void set_catalog_currency(SQLite::Database& db, const std::string& currency);

void upsert_sku(SQLite::Database& db, const Sku& sku);
std::optional<Sku> find_sku(SQLite::Database& db, const std::string& id);
std::vector<Sku> all_skus(SQLite::Database& db);  // ordered by id

void set_stock_on_hand(SQLite::Database& db, const std::string& sku_id, int64_t on_hand);

}  // namespace sc::store
