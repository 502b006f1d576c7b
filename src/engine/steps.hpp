#pragma once
// Steps shared by several use cases of the engine (internal to src/engine).
#include "engine/engine.hpp"
#include "orders/hold.hpp"

#include <string>

namespace sc::steps {

// Cancels every unpaid order whose payment window has lapsed and releases its holds.
int64_t settle_lapsed_orders(Tx& tx);

// The payload of hold.* events: which hold, of what kind, on what, how many.
nlohmann::json hold_payload(const Hold& hold);

// Releases the order's holds and cancels it (payment lapsed, or on request).
void cancel_order(Tx& tx, Order& order, sc_cancel_reason reason);

// Commits the order's holds: held stock leaves the warehouse.
void commit_order_holds(Tx& tx, const Order& order);

// Loads an order or fails with SC_ERR_NOT_FOUND (field: order_id).
Order require_order(Connection& db, const std::string& order_id);

// Loads a SKU or fails with SC_ERR_NOT_FOUND (field: sku_id).
Sku require_sku(Connection& db, const std::string& sku_id);

// Tracked stock that unpaid orders have not claimed; 0 when untracked.
int64_t available_stock(Connection& db, const Sku& sku);

// The catalog's currency, or "" before the first SKU.
std::string catalog_currency(Connection& db);

}  // namespace sc::steps
