#include "engine/steps.hpp"

#include "core/error.hpp"
#include "store/catalog_store.hpp"
#include "store/hold_store.hpp"
#include "store/order_store.hpp"

namespace sc::steps {

nlohmann::json hold_payload(const Hold& hold) {
    return {{"hold_id", hold.id}, {"kind", hold.kind}, {"resource", hold.resource}, {"quantity", hold.quantity}};
}

void cancel_order(Tx& tx, Order& order, sc_cancel_reason reason) {
    for (const Hold& hold : store::holds_of_order(tx.db, order.id)) {
        if (hold.state != HoldState::held) continue;
        if (store::resolve_hold(tx.db, hold.id, HoldState::released))
            tx.emit(NewEvent{"hold.released", order.id, hold_payload(hold)});
    }
    order.state = SC_ORDER_CANCELLED;
    order.cancel_reason = reason;
    store::save_order_state(tx.db, order);
    tx.emit(NewEvent{"order.cancelled", order.id,
                     {{"user_id", order.user_id},
                      {"reason", reason == SC_CANCEL_PAYMENT_LAPSED ? "payment_lapsed" : "requested"}}});
}

void commit_order_holds(Tx& tx, const Order& order) {
    for (const Hold& hold : store::holds_of_order(tx.db, order.id)) {
        require_unresolved(hold);
        store::resolve_hold(tx.db, hold.id, HoldState::committed);
        if (hold.kind == "stock") {
            // The stock leaves the warehouse now; it was reserved, so it is there.
            if (auto sku = store::find_sku(tx.db, hold.resource); sku && sku->stock_on_hand)
                store::set_stock_on_hand(tx.db, sku->id, *sku->stock_on_hand - hold.quantity);
        }
        tx.emit(NewEvent{"hold.committed", order.id, hold_payload(hold)});
    }
}

int64_t settle_lapsed_orders(Tx& tx) {
    const auto ids = store::lapsed_order_ids(tx.db, tx.now);
    for (const auto& id : ids) {
        Order order = require_order(tx.db, id);
        cancel_order(tx, order, SC_CANCEL_PAYMENT_LAPSED);
    }
    return static_cast<int64_t>(ids.size());
}

Order require_order(Connection& db, const std::string& order_id) {
    auto order = store::find_order(db, order_id);
    if (!order) fail(SC_ERR_NOT_FOUND, "no order " + order_id, "order_id");
    return std::move(*order);
}

Sku require_sku(Connection& db, const std::string& sku_id) {
    auto sku = store::find_sku(db, sku_id);
    if (!sku) fail(SC_ERR_NOT_FOUND, "no SKU " + sku_id, "sku_id");
    return std::move(*sku);
}

int64_t available_stock(Connection& db, const Sku& sku) {
    if (!sku.stock_on_hand) return 0;
    return stock_available(sku, store::held_quantity(db, "stock", sku.id));
}

std::string catalog_currency(Connection& db) { return store::catalog_currency(db).value_or(""); }

}  // namespace sc::steps
