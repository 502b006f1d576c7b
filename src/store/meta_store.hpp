#pragma once
// Settings the database keeps about itself (the meta table).
#include "store/database.hpp"

#include <string>

namespace sc::store {

// The secret that signs this database's paging cursors (hex), made by migration 3.
std::string cursor_key(Connection& db);

}  // namespace sc::store
