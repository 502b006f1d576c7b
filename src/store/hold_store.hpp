#pragma once
// Holds placed by orders on stock (and later coupons, points, seats).
#include "orders/hold.hpp"

#include "store/database.hpp"

#include <string>
#include <vector>

namespace sc::store {

void insert_hold(Connection& db, const Hold& hold);
std::vector<Hold> holds_of_order(Connection& db, const std::string& order_id);
// Moves a hold out of `held`; returns false if it was already resolved, so a hold
// resolves exactly once even if two paths race to it.
bool resolve_hold(Connection& db, const std::string& hold_id, HoldState to);
// Units of a resource held by unpaid orders.
int64_t held_quantity(Connection& db, const std::string& kind, const std::string& resource);

}  // namespace sc::store
