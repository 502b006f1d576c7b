#pragma once
// Settings stored as their JSON definition beside the SKU they sell: flash sales and bargain
// programs. The engine parses a definition once per text (store/parsed_by_text.hpp); the
// store only keeps it, keyed by id.
#include "store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sc::store {

enum class DefinitionTable { flash_sales, bargain_programs };

std::optional<std::string> find_definition(Connection& db, DefinitionTable table, const std::string& id);
std::vector<std::string> definition_ids(Connection& db, DefinitionTable table);  // by id
// Inserts or replaces the row with this id.
void save_definition(Connection& db, DefinitionTable table, const std::string& id, const std::string& sku_id,
                     const std::string& definition);

}  // namespace sc::store
