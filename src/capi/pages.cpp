// Paged reads: a shopper's orders, and the catalog by merchant or by category.
#include "capi/handles.hpp"

using namespace sc::capi;

namespace {

// NULL and "" both ask for the first page.
std::string cursor_arg(const char* cursor) { return cursor ? std::string(cursor) : std::string(); }

int64_t page_size(size_t limit) {
    if (limit < 1 || limit > static_cast<size_t>(sc::kMaxPageItems))
        sc::fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and " + std::to_string(sc::kMaxPageItems), "limit");
    return static_cast<int64_t>(limit);
}

sc_catalog* catalog_page(sc::Page<sc::SkuView> page) {
    auto catalog = std::make_unique<sc_catalog>();
    for (auto& view : page.items) {
        sc_sku& sku = catalog->skus.emplace_back();
        sku.sku = std::move(view.sku);
        sku.available = view.available;
    }
    catalog->next_cursor = std::move(page.next_cursor);
    return catalog.release();
}

}  // namespace

extern "C" {

sc_status_t sc_engine_catalog_list_by_merchant(sc_engine* engine, const char* merchant_id, const char* cursor, size_t limit,
                                        sc_catalog** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string merchant = text_arg(merchant_id, "merchant_id");
        require_arg(out, "out");
        *out = catalog_page(engine->engine->catalog_by_merchant(merchant, cursor_arg(cursor), page_size(limit)));
    });
}

sc_status_t sc_engine_catalog_list_by_category(sc_engine* engine, const char* category_id, const char* cursor, size_t limit,
                                        sc_catalog** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string category = text_arg(category_id, "category_id");
        require_arg(out, "out");
        *out = catalog_page(engine->engine->catalog_by_category(category, cursor_arg(cursor), page_size(limit)));
    });
}

const char* sc_catalog_next_cursor(const sc_catalog* catalog) { return catalog ? catalog->next_cursor.c_str() : nullptr; }

sc_status_t sc_engine_order_list_by_user(sc_engine* engine, const char* user_id, sc_order_state_t state, int64_t from_ms,
                                   int64_t to_ms, const char* cursor, size_t limit, sc_orders** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        sc::OrderQuery query;
        query.user_id = text_arg(user_id, "user_id");
        const auto bits = static_cast<int64_t>(enum_bits(state));
        if (bits < 0 || bits > SC_ORDER_GROUP_FAILED)
            sc::fail(SC_ERR_INVALID_ARGUMENT, "state must be an order state or SC_ORDER_STATE_ANY", "state");
        query.state = static_cast<sc_order_state_t>(bits);
        query.from_ms = from_ms;
        query.to_ms = to_ms;
        require_arg(out, "out");
        sc::Page<sc::Order> page = engine->engine->orders_of_user(query, cursor_arg(cursor), page_size(limit));
        auto handle = std::make_unique<sc_orders>();
        handle->orders.reserve(page.items.size());
        for (auto& order : page.items) handle->orders.emplace_back().order = std::move(order);
        handle->next_cursor = std::move(page.next_cursor);
        *out = handle.release();
    });
}

size_t sc_orders_count(const sc_orders* orders) { return orders ? orders->orders.size() : 0; }

const sc_order* sc_orders_at(const sc_orders* orders, size_t index) {
    return element(orders ? &orders->orders : nullptr, index);
}

const char* sc_orders_next_cursor(const sc_orders* orders) { return orders ? orders->next_cursor.c_str() : nullptr; }

void sc_orders_free(sc_orders* orders) { delete orders; }

}  // extern "C"
