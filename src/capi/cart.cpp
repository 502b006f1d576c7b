// The cart.
#include "capi/handles.hpp"

using namespace sc::capi;

namespace {

const sc::CartLineView* cart_line(const sc_cart* cart, size_t index) {
    return element(cart ? &cart->view.lines : nullptr, index);
}

}  // namespace

extern "C" {

sc_status_t sc_engine_cart_add(sc_engine* engine, const char* user_id, const char* sku_id, int64_t quantity,
                             sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        engine->engine->cart_add(text_arg(user_id, "user_id"), text_arg(sku_id, "sku_id"), quantity);
    });
}

sc_status_t sc_engine_cart_add_once(sc_engine* engine, const char* user_id, const char* sku_id, int64_t quantity,
                                  const char* idempotency_key, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        engine->engine->cart_add(text_arg(user_id, "user_id"), text_arg(sku_id, "sku_id"), quantity,
                                 text_arg(idempotency_key, "idempotency_key"));
    });
}

sc_status_t sc_engine_cart_set_quantity(sc_engine* engine, const char* user_id, const char* sku_id, int64_t quantity,
                                      sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        engine->engine->cart_set_quantity(text_arg(user_id, "user_id"), text_arg(sku_id, "sku_id"), quantity);
    });
}

sc_status_t sc_engine_cart_remove(sc_engine* engine, const char* user_id, const char* sku_id, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        engine->engine->cart_remove(text_arg(user_id, "user_id"), text_arg(sku_id, "sku_id"));
    });
}

sc_status_t sc_engine_cart_select(sc_engine* engine, const char* user_id, const char* sku_id, bool selected,
                                sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        engine->engine->cart_select(text_arg(user_id, "user_id"), text_arg(sku_id, "sku_id"), bool_arg(selected));
    });
}

sc_status_t sc_engine_cart_clear(sc_engine* engine, const char* user_id, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        engine->engine->cart_clear(text_arg(user_id, "user_id"));
    });
}

sc_status_t sc_engine_cart_merge_guest(sc_engine* engine, const char* user_id, const char* guest_id,
                                       sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        engine->engine->cart_merge_guest(user, text_arg(guest_id, "guest_id"));
    });
}

sc_status_t sc_engine_cart_get(sc_engine* engine, const char* user_id, sc_cart** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        require_arg(out, "out");
        auto cart = std::make_unique<sc_cart>();
        cart->view = engine->engine->cart(user);
        *out = cart.release();
    });
}

const char* sc_cart_user_id(const sc_cart* cart) { return cart ? cart->view.user_id.c_str() : nullptr; }
const char* sc_cart_currency(const sc_cart* cart) { return cart ? cart->view.currency.c_str() : nullptr; }
size_t sc_cart_line_count(const sc_cart* cart) { return cart ? cart->view.lines.size() : 0; }
const char* sc_cart_line_sku_id(const sc_cart* cart, size_t index) {
    const auto* l = cart_line(cart, index);
    return l ? l->line.sku_id.c_str() : nullptr;
}
const char* sc_cart_line_title(const sc_cart* cart, size_t index) {
    const auto* l = cart_line(cart, index);
    return l && l->sku ? l->sku->title.c_str() : nullptr;
}
int64_t sc_cart_line_quantity(const sc_cart* cart, size_t index) {
    const auto* l = cart_line(cart, index);
    return l ? l->line.quantity : 0;
}
bool sc_cart_line_selected(const sc_cart* cart, size_t index) {
    const auto* l = cart_line(cart, index);
    return l && l->line.selected;
}
int64_t sc_cart_line_unit_price(const sc_cart* cart, size_t index) {
    const auto* l = cart_line(cart, index);
    return l && l->sku ? l->sku->list_price : 0;
}
int64_t sc_cart_line_added_price(const sc_cart* cart, size_t index) {
    const auto* l = cart_line(cart, index);
    return l ? l->line.added_price : 0;
}
int64_t sc_cart_line_available(const sc_cart* cart, size_t index) {
    const auto* l = cart_line(cart, index);
    return l ? l->available : 0;
}
uint32_t sc_cart_line_problems(const sc_cart* cart, size_t index) {
    const auto* l = cart_line(cart, index);
    return l ? l->problems : uint32_t{SC_LINE_OK};
}
void sc_cart_free(sc_cart* cart) { delete cart; }
}  // extern "C"
