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
// Moves the order from state `from` to `to`; false (nothing changed) when it is in another
// (a group's members move only from awaiting the group: a refunded order keeps its state).
bool move_order_state(Connection& db, const std::string& order_id, sc_order_state_t from, sc_order_state_t to);
void save_order_points(Connection& db, const Order& order);  // its points hold, what payment spent and earned
void insert_refund(Connection& db, const std::string& order_id, const Refund& refund, const RefundPlan& plan);
// Up to `limit` unpaid orders whose payment window has passed at `now`, oldest
// deadline first.
// Whether the order is unpaid past its payment window (orders/order.hpp, payment_lapsed).
bool order_payment_lapsed(Connection& db, const std::string& order_id, int64_t now);
std::vector<std::string> lapsed_order_ids(Connection& db, int64_t now, int64_t limit);

// A position in a shopper's orders, newest first.
struct OrderKey {
    int64_t created_at = 0;
    std::string id;
};
struct OrderFilter {
    std::string user_id;
    sc_order_state_t state{};  // 0: any state
    int64_t from_ms = 0;     // created at or after
};
// Up to `limit` of the user's orders created in [from_ms, before.created_at] and
// ordered before `before` (newest first); the state is the one a read at `now` sees.
std::vector<OrderKey> orders_of_user(Connection& db, const OrderFilter& filter, const OrderKey& before, int64_t now,
                                     int64_t limit);

}  // namespace sc::store
