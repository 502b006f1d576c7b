#pragma once
// Orders, their line snapshots and their refunds. Refunded quantities and amounts are
// derived from the refund rows (a ledger), never kept as counters.
#include "orders/order.hpp"

#include "store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sc::store {

void insert_order(Connection& db, const Order& order);
std::optional<Order> find_order(Connection& db, const std::string& id);
void save_order_state(Connection& db, const Order& order);  // state, reason, payment
void insert_refund(Connection& db, const std::string& order_id, const Refund& refund, const RefundPlan& plan);
// Unpaid orders whose payment window has passed at `now`, oldest deadline first.
std::vector<std::string> lapsed_order_ids(Connection& db, int64_t now);
bool any_order_lapsed(Connection& db, int64_t now);

}  // namespace sc::store
