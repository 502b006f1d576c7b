#pragma once
// Orders, their line snapshots and their refunds. Refunded quantities and amounts are
// derived from the refund rows (a ledger), never kept as counters.
#include "orders/order.hpp"

#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>
#include <vector>

namespace sc::store {

void insert_order(SQLite::Database& db, const Order& order);
std::optional<Order> find_order(SQLite::Database& db, const std::string& id);
void save_order_state(SQLite::Database& db, const Order& order);  // state, reason, payment
void insert_refund(SQLite::Database& db, const std::string& order_id, const Refund& refund, const RefundPlan& plan);
// Unpaid orders whose payment window has passed at `now`, oldest deadline first.
std::vector<std::string> lapsed_order_ids(SQLite::Database& db, int64_t now);
bool any_order_lapsed(SQLite::Database& db, int64_t now);

}  // namespace sc::store
