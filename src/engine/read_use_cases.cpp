// The read side a host app needs: a shopper's orders, the catalog by merchant or by
// category, an order found by its checkout key, and events of one type. Pages are keyset
// pages behind signed opaque cursors, so rows added while a host pages never repeat or
// skip an item that sorts before the cursor.
#include "core/cursor.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "engine/engine.hpp"
#include "engine/steps.hpp"
#include "store/catalog_store.hpp"
#include "store/event_store.hpp"
#include "store/idempotency_store.hpp"
#include "store/meta_store.hpp"
#include "store/order_store.hpp"

#include <charconv>

namespace sc {

namespace {

void require_page_size(int64_t limit) {
    if (limit < 1 || limit > kMaxPageItems)
        fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and " + std::to_string(kMaxPageItems), "limit");
}

int64_t parse_time(const std::string& text) {
    int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        fail(SC_ERR_INVALID_ARGUMENT, "the cursor is not one this query returned", "cursor");
    return value;
}

// The query a cursor belongs to: its kind and every argument that shapes the result.
std::string orders_query(const OrderQuery& q) {
    return "orders\n" + q.user_id + "\n" + std::to_string(static_cast<int>(q.state)) + "\n" +
           std::to_string(q.from_ms) + "\n" + std::to_string(q.to_ms);
}

void require_order_query(const OrderQuery& q) {
    require_id(q.user_id, "user_id");
    const int state = static_cast<int>(q.state);
    if (state < 0 || state > SC_ORDER_GROUP_FAILED)
        fail(SC_ERR_INVALID_ARGUMENT, "state must be an order state or 0 for any", "state");
    if (q.from_ms < 0) fail(SC_ERR_INVALID_ARGUMENT, "from_ms must not be negative", "from_ms");
    if (q.to_ms < q.from_ms) fail(SC_ERR_INVALID_ARGUMENT, "to_ms must not be before from_ms", "to_ms");
}

// A page of SKUs ordered by id, with the availability sc_engine_catalog_list reports.
using SkuLoader = std::function<std::vector<Sku>(Connection&, const std::string& after_id, int64_t limit)>;

}  // namespace

Page<Order> Engine::orders_of_user(const OrderQuery& query, const std::string& cursor, int64_t limit) {
    require_order_query(query);
    require_page_size(limit);
    Page<Order> page;
    read([&](Connection& db, int64_t now) {
        const std::string key = store::cursor_key(db);
        const std::string context = orders_query(query);
        // The first page starts just before to_ms: every order created earlier qualifies.
        store::OrderKey before{query.to_ms, ""};
        if (!cursor.empty()) {
            const auto fields = open_cursor(key, context, cursor, 2);
            before = store::OrderKey{parse_time(fields[0]), fields[1]};
        } else if (query.to_ms == query.from_ms) {
            return;  // an empty range
        }
        // The upper bound is inclusive in the store: a first page excludes to_ms itself
        // through the id test (no id sorts below "").
        const store::OrderFilter filter{query.user_id, query.state, query.from_ms};
        auto keys = store::orders_of_user(db, filter, before, now, limit + 1);
        const bool more = static_cast<int64_t>(keys.size()) > limit;
        if (more) keys.resize(static_cast<size_t>(limit));
        for (const auto& k : keys) page.items.push_back(as_of(steps::require_order(db, k.id), now));
        if (more) page.next_cursor = seal_cursor(key, context, {std::to_string(keys.back().created_at), keys.back().id});
    });
    return page;
}

namespace {

Page<SkuView> sku_page(Connection& db, int64_t now, const std::string& context, const std::string& cursor,
                       int64_t limit, const SkuLoader& load) {
    const std::string key = store::cursor_key(db);
    std::string after;
    if (!cursor.empty()) after = open_cursor(key, context, cursor, 1)[0];
    std::vector<Sku> skus = load(db, after, limit + 1);
    const bool more = static_cast<int64_t>(skus.size()) > limit;
    if (more) skus.resize(static_cast<size_t>(limit));
    Page<SkuView> page;
    for (auto& sku : skus) {
        const int64_t available = steps::available_stock(db, sku, now);
        page.items.push_back(SkuView{std::move(sku), available});
    }
    if (more) page.next_cursor = seal_cursor(key, context, {page.items.back().sku.id});
    return page;
}

}  // namespace

Page<SkuView> Engine::catalog_by_merchant(const std::string& merchant_id, const std::string& cursor, int64_t limit) {
    require_id(merchant_id, "merchant_id");
    require_page_size(limit);
    Page<SkuView> page;
    read([&](Connection& db, int64_t now) {
        page = sku_page(db, now, "merchant\n" + merchant_id, cursor, limit,
                        [&](Connection& c, const std::string& after, int64_t n) {
                            return store::skus_of_merchant(c, merchant_id, after, n);
                        });
    });
    return page;
}

Page<SkuView> Engine::catalog_by_category(const std::string& category_id, const std::string& cursor, int64_t limit) {
    require_id(category_id, "category_id");
    require_page_size(limit);
    Page<SkuView> page;
    read([&](Connection& db, int64_t now) {
        page = sku_page(db, now, "category\n" + category_id, cursor, limit,
                        [&](Connection& c, const std::string& after, int64_t n) {
                            return store::skus_in_category(c, category_id, after, n);
                        });
    });
    return page;
}

Order Engine::order_by_checkout_key(const std::string& user_id, const std::string& idempotency_key) {
    require_id(user_id, "user_id");
    require_id(idempotency_key, "idempotency_key");
    Order result;
    read([&](Connection& db, int64_t now) {
        // The record checkout keeps for retries answers "did my checkout happen?"; a key
        // another user's checkout used is not this user's business, so it reads as unknown.
        const auto seen = store::find_idempotency(db, "checkout", idempotency_key);
        std::optional<Order> order = seen ? store::find_order(db, seen->result_id) : std::nullopt;
        if (!order || order->user_id != user_id)
            fail(SC_ERR_NOT_FOUND, "no checkout of this user used the idempotency key", "idempotency_key");
        result = as_of(std::move(*order), now);
    });
    return result;
}

std::vector<Event> Engine::events_of_type(const std::string& type, int64_t after_seq, int64_t limit) {
    require_id(type, "type");
    if (after_seq < 0) fail(SC_ERR_INVALID_ARGUMENT, "after_seq must not be negative", "after_seq");
    if (limit < 1 || limit > 10000) fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and 10000", "limit");
    std::vector<Event> out;
    read([&](Connection& db, int64_t) { out = store::events_of_type_after(db, type, after_seq, limit); });
    return out;
}

int64_t Engine::latest_event_seq() {
    int64_t seq = 0;
    read([&](Connection& db, int64_t) { seq = store::latest_event_seq(db); });
    return seq;
}

}  // namespace sc
