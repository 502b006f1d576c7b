// SKUs, the catalog, and the program document.
#include "capi/handles.hpp"

#include "core/text.hpp"
#include "core/utf8.hpp"

#include <algorithm>

using namespace sc::capi;

namespace {

sc_sku* sku_handle(sc::SkuView view) {
    auto* handle = new OwnedSku;
    handle->sku = std::move(view.sku);
    handle->available = view.available;
    return handle;
}

}  // namespace

extern "C" {

sc_status_t sc_sku_new(const char* id, const char* merchant_id, const char* title, const char* currency,
                     int64_t list_price, sc_sku** out, sc_error** err) {
    return guard(err, [&] {
        sc::Sku sku;
        sku.id = text_arg(id, "id");
        sku.merchant_id = text_arg(merchant_id, "merchant_id");
        sku.title = text_arg(title, "title");
        sku.currency = text_arg(currency, "currency");
        sku.list_price = list_price;
        require_arg(out, "out");
        sc::validate_sku(sku);
        *out = sku_handle(sc::SkuView{std::move(sku), 0});
    });
}

sc_status_t sc_sku_set_stock(sc_sku* sku, int64_t on_hand, sc_error** err) {
    return guard(err, [&] {
        require_arg(sku, "sku");
        if (on_hand < 0) sc::fail(SC_ERR_INVALID_ARGUMENT, "stock must not be negative", "on_hand");
        sku->sku.stock_on_hand = on_hand;
        sku->available = on_hand;
    });
}

sc_status_t sc_sku_set_max_per_order(sc_sku* sku, int64_t max_quantity, sc_error** err) {
    return guard(err, [&] {
        require_arg(sku, "sku");
        if (max_quantity < 1) sc::fail(SC_ERR_INVALID_ARGUMENT, "the maximum must be at least 1", "max_quantity");
        sku->sku.max_per_order = max_quantity;
    });
}

sc_status_t sc_sku_set_active(sc_sku* sku, bool active, sc_error** err) {
    return guard(err, [&] {
        require_arg(sku, "sku");
        sku->sku.active = bool_arg(active);
    });
}

sc_status_t sc_sku_add_category(sc_sku* sku, const char* category_id, sc_error** err) {
    return guard(err, [&] {
        require_arg(sku, "sku");
        const std::string category = text_arg(category_id, "category_id");
        sc::require_id(category, "category_id");
        auto& categories = sku->sku.categories;
        if (std::find(categories.begin(), categories.end(), category) == categories.end())
            categories.push_back(category);
    });
}

void sc_sku_free(sc_sku* sku) { delete sku; }

const char* sc_sku_id(const sc_sku* sku) { return sku ? sku->sku.id.c_str() : nullptr; }
const char* sc_sku_merchant_id(const sc_sku* sku) { return sku ? sku->sku.merchant_id.c_str() : nullptr; }
const char* sc_sku_title(const sc_sku* sku) { return sku ? sku->sku.title.c_str() : nullptr; }
const char* sc_sku_currency(const sc_sku* sku) { return sku ? sku->sku.currency.c_str() : nullptr; }
int64_t sc_sku_list_price(const sc_sku* sku) { return sku ? sku->sku.list_price : 0; }
bool sc_sku_stock_tracked(const sc_sku* sku) { return sku && sku->sku.stock_on_hand.has_value(); }
int64_t sc_sku_stock_on_hand(const sc_sku* sku) { return sku ? sku->sku.stock_on_hand.value_or(0) : 0; }
int64_t sc_sku_stock_available(const sc_sku* sku) {
    if (sku == nullptr) return 0;
    return sku->sku.stock_on_hand ? sku->available : -1;
}
int64_t sc_sku_max_per_order(const sc_sku* sku) { return sku ? sku->sku.max_per_order.value_or(0) : 0; }
bool sc_sku_active(const sc_sku* sku) { return sku && sku->sku.active; }
size_t sc_sku_category_count(const sc_sku* sku) { return sku ? sku->sku.categories.size() : 0; }
const char* sc_sku_category_at(const sc_sku* sku, size_t index) {
    const auto* c = element(sku ? &sku->sku.categories : nullptr, index);
    return c ? c->c_str() : nullptr;
}

sc_status_t sc_engine_sku_put(sc_engine* engine, const sc_sku* sku, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        require_arg(sku, "sku");
        engine->engine->put_sku(sku->sku);
    });
}

sc_status_t sc_engine_sku_get(sc_engine* engine, const char* sku_id, sc_sku** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(sku_id, "sku_id");
        require_arg(out, "out");
        *out = sku_handle(engine->engine->get_sku(id));
    });
}

sc_status_t sc_engine_catalog_list(sc_engine* engine, sc_catalog** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        require_arg(out, "out");
        auto catalog = std::make_unique<sc_catalog>();
        for (auto& view : engine->engine->catalog()) {
            sc_sku& sku = catalog->skus.emplace_back();
            sku.sku = std::move(view.sku);
            sku.available = view.available;
        }
        *out = catalog.release();
    });
}

size_t sc_catalog_count(const sc_catalog* catalog) { return catalog ? catalog->skus.size() : 0; }

const sc_sku* sc_catalog_at(const sc_catalog* catalog, size_t index) {
    return element(catalog ? &catalog->skus : nullptr, index);
}

void sc_catalog_free(sc_catalog* catalog) { delete catalog; }

sc_status_t sc_engine_program_import(sc_engine* engine, const char* json, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string document = text_arg(json, "json");
        // Like every string argument: bad bytes are the argument's fault, not the document's.
        if (!sc::is_valid_utf8(document)) sc::fail(SC_ERR_INVALID_UTF8, "json is not valid UTF-8", "json");
        engine->engine->import_program(document);
    });
}

sc_status_t sc_engine_program_export(sc_engine* engine, char** json_out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        require_arg(json_out, "json_out");
        *json_out = new_string(engine->engine->export_program());
    });
}

}  // extern "C"
