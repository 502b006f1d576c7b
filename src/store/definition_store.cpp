#include "store/definition_store.hpp"

#include <SQLiteCpp/Statement.h>

namespace sc::store {

namespace {

// A fixed name per table (never text from a caller), so building the SQL is safe.
std::string table_name(DefinitionTable table) {
    return table == DefinitionTable::flash_sales ? "flash_sales" : "bargain_programs";
}

}  // namespace

std::optional<std::string> find_definition(Connection& db, DefinitionTable table, const std::string& id) {
    SQLite::Statement& q = db.statement("SELECT definition FROM " + table_name(table) + " WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

std::vector<std::string> definition_ids(Connection& db, DefinitionTable table) {
    SQLite::Statement& q = db.statement("SELECT id FROM " + table_name(table) + " ORDER BY id");
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

void save_definition(Connection& db, DefinitionTable table, const std::string& id, const std::string& sku_id,
                     const std::string& definition) {
    SQLite::Statement& q = db.statement("INSERT INTO " + table_name(table) +
                                        "(id, sku_id, definition) VALUES (?1, ?2, ?3) "
                                        "ON CONFLICT(id) DO UPDATE SET sku_id = ?2, definition = ?3");
    q.bind(1, id);
    q.bind(2, sku_id);
    q.bind(3, definition);
    q.exec();
}

}  // namespace sc::store
