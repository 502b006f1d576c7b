#pragma once
// Holds placed by orders on stock (and later coupons, points, seats).
#include "orders/hold.hpp"

#include <SQLiteCpp/Database.h>

#include <string>
#include <vector>

namespace sc::store {

void insert_hold(SQLite::Database& db, const Hold& hold);
std::vector<Hold> holds_of_order(SQLite::Database& db, const std::string& order_id);
// Moves a hold out of `held`; returns false if it was already resolved, so a hold
// resolves exactly once even if two paths race to it.
bool resolve_hold(SQLite::Database& db, const std::string& hold_id, HoldState to);
// Units of a resource held by unpaid orders.
int64_t held_quantity(SQLite::Database& db, const std::string& kind, const std::string& resource);

}  // namespace sc::store
