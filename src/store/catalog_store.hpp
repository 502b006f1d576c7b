#pragma once
// SKUs, their categories, and the catalog's currency.
#include "catalog/sku.hpp"

#include "store/database.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sc::store {

std::optional<std::string> catalog_currency(Connection& db);
void set_catalog_currency(Connection& db, const std::string& currency);

void upsert_sku(Connection& db, const Sku& sku);
std::optional<Sku> find_sku(Connection& db, const std::string& id);
// The SKUs of the user's cart lines with their categories, by id: two queries for the
// whole cart instead of two per line (pricing reads every line's SKU on each quote).
std::map<std::string, Sku> skus_in_cart(Connection& db, const std::string& user_id);
std::vector<Sku> all_skus(Connection& db);  // ordered by id
// Up to `limit` SKUs with an id after `after_id` ("" for the first), ordered by id.
std::vector<Sku> skus_of_merchant(Connection& db, const std::string& merchant_id, const std::string& after_id,
                                  int64_t limit);
std::vector<Sku> skus_in_category(Connection& db, const std::string& category_id, const std::string& after_id,
                                  int64_t limit);

}  // namespace sc::store
