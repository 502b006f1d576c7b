#include "store/meta_store.hpp"

#include "core/error.hpp"

#include <SQLiteCpp/Statement.h>

namespace sc::store {

std::string cursor_key(Connection& db) {
    SQLite::Statement& q = db.statement("SELECT value FROM meta WHERE key = 'cursor_key'");
    if (!q.executeStep()) fail(SC_ERR_INTERNAL, "the database has no cursor key");
    return q.getColumn(0).getString();
}

}  // namespace sc::store
