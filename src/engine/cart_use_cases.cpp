// Cart use cases (FEATURES §2) and the quote of the selected lines.
#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "engine/engine.hpp"
#include "engine/steps.hpp"
#include "store/cart_store.hpp"
#include "store/catalog_store.hpp"
#include "store/idempotency_store.hpp"

namespace sc {

namespace {

void require_quantity(int64_t quantity) {
    if (quantity < 1) fail(SC_ERR_INVALID_ARGUMENT, "quantity must be at least 1", "quantity");
}

enum class Change { add, set };

// Adds to or sets the line's quantity after checking it against the SKU; the line is
// selected and remembers the price the shopper sees now.
void put_line(Tx& tx, const std::string& user_id, const std::string& sku_id, int64_t quantity, Change change) {
    const Sku sku = steps::require_sku(tx.db, sku_id);
    auto line = store::find_cart_line(tx.db, user_id, sku_id);
    const int64_t new_quantity =
        change == Change::add ? checked_add(line ? line->quantity : 0, quantity, "quantity") : quantity;
    check_line_quantity(sku, new_quantity, steps::available_stock(tx.db, sku, tx.now));
    CartLine next = line ? *line : CartLine{sku_id, 0, true, 0, store::next_cart_position(tx.db, user_id)};
    next.quantity = new_quantity;
    next.selected = true;
    next.added_price = sku.list_price;
    store::save_cart_line(tx.db, user_id, next);
    tx.emit(NewEvent{change == Change::add ? "cart.line_added" : "cart.quantity_set", user_id, {{"sku_id", sku_id}, {"quantity", new_quantity}}});
}

CartLine require_line(Tx& tx, const std::string& user_id, const std::string& sku_id) {
    auto line = store::find_cart_line(tx.db, user_id, sku_id);
    if (!line) fail(SC_ERR_NOT_FOUND, "the cart has no line for SKU " + sku_id, "sku_id");
    return *line;
}

}  // namespace

void Engine::cart_add(const std::string& user_id, const std::string& sku_id, int64_t quantity,
                      const std::optional<std::string>& idempotency_key) {
    require_id(user_id, "user_id");
    require_id(sku_id, "sku_id");
    require_quantity(quantity);
    if (idempotency_key) require_id(*idempotency_key, "idempotency_key");
    write([&](Tx& tx) {
        const std::string request = "user=" + user_id + ";sku=" + sku_id + ";quantity=" + std::to_string(quantity);
        if (idempotency_key && steps::replayed(tx, "cart_add", *idempotency_key, request)) return;
        put_line(tx, user_id, sku_id, quantity, Change::add);
        if (idempotency_key) store::save_idempotency(tx.db, "cart_add", *idempotency_key, {request, user_id}, tx.now);
    });
}

void Engine::cart_set_quantity(const std::string& user_id, const std::string& sku_id, int64_t quantity) {
    require_id(user_id, "user_id");
    require_id(sku_id, "sku_id");
    require_quantity(quantity);
    write([&](Tx& tx) { put_line(tx, user_id, sku_id, quantity, Change::set); });
}

void Engine::cart_remove(const std::string& user_id, const std::string& sku_id) {
    require_id(user_id, "user_id");
    require_id(sku_id, "sku_id");
    write([&](Tx& tx) {
        require_line(tx, user_id, sku_id);
        store::delete_cart_line(tx.db, user_id, sku_id);
        tx.emit(NewEvent{"cart.line_removed", user_id, {{"sku_id", sku_id}}});
    });
}

void Engine::cart_select(const std::string& user_id, const std::string& sku_id, bool selected) {
    require_id(user_id, "user_id");
    require_id(sku_id, "sku_id");
    write([&](Tx& tx) {
        CartLine line = require_line(tx, user_id, sku_id);
        if (line.selected == selected) return;  // already so: nothing changes, nothing logged
        line.selected = selected;
        store::save_cart_line(tx.db, user_id, line);
        tx.emit(NewEvent{"cart.line_selected", user_id, {{"sku_id", sku_id}, {"selected", selected}}});
    });
}

void Engine::cart_clear(const std::string& user_id) {
    require_id(user_id, "user_id");
    write([&](Tx& tx) {
        const int64_t removed = store::delete_cart(tx.db, user_id);
        if (removed > 0) tx.emit(NewEvent{"cart.cleared", user_id, {{"lines", removed}}});
    });
}

void Engine::cart_merge_guest(const std::string& user_id, const std::string& guest_id) {
    require_id(user_id, "user_id");
    require_id(guest_id, "guest_id");
    if (guest_id == user_id) fail(SC_ERR_INVALID_ARGUMENT, "a cart cannot be merged into itself", "guest_id");
    write([&](Tx& tx) {
        const auto guest_lines = store::cart_lines(tx.db, guest_id);
        if (guest_lines.empty()) return;
        for (const CartLine& guest : guest_lines) {
            const Sku sku = steps::require_sku(tx.db, guest.sku_id);
            const int64_t available = steps::available_stock(tx.db, sku, tx.now);
            auto mine = store::find_cart_line(tx.db, user_id, guest.sku_id);
            CartLine merged =
                mine ? *mine
                     : CartLine{guest.sku_id, 0, false, guest.added_price, store::next_cart_position(tx.db, user_id)};
            merged.quantity = merged_quantity(merged.quantity, guest.quantity, sku, available);
            merged.selected = merged.selected || guest.selected;
            store::save_cart_line(tx.db, user_id, merged);
        }
        store::delete_cart(tx.db, guest_id);
        tx.emit(NewEvent{"cart.merged", user_id, {{"guest_id", guest_id}, {"lines", guest_lines.size()}}});
    });
}

CartView Engine::cart(const std::string& user_id) {
    require_id(user_id, "user_id");
    CartView view;
    view.user_id = user_id;
    read([&](Connection& db, int64_t now) {
        view.currency = steps::catalog_currency(db);
        for (auto& line : store::cart_lines(db, user_id)) {
            CartLineView v;
            v.sku = store::find_sku(db, line.sku_id);
            if (v.sku) {
                v.available = v.sku->stock_on_hand ? steps::available_stock(db, *v.sku, now) : -1;
                v.problems = line_problems(line, *v.sku, v.available);
            }
            v.line = std::move(line);
            view.lines.push_back(std::move(v));
        }
    });
    return view;
}

Quote Engine::quote(const std::string& user_id) { return quote(user_id, CheckoutRequest{}); }

Quote Engine::quote(const std::string& user_id, const CheckoutRequest& request) {
    require_id(user_id, "user_id");
    Quote out;
    // The same inputs checkout builds (steps::pricing_request), read as of now.
    read([&](Connection& db, int64_t now) { out = price(steps::pricing_request(db, user_id, now, request, false)); });
    return out;
}

}  // namespace sc
