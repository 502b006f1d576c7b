// Checkout, payment, cancellation, refunds, and the order snapshot.
#include "capi/handles.hpp"

using namespace sc::capi;

namespace {

// Hands the order to the host when it asked for it (out may be NULL).
void give_order(sc::Order order, sc_order** out) {
    if (out == nullptr) return;
    auto* handle = new sc_order;
    handle->order = std::move(order);
    *out = handle;
}

const sc::OrderLine* order_line(const sc_order* order, size_t index) {
    return element(order ? &order->order.lines : nullptr, index);
}

const sc::Refund* order_refund(const sc_order* order, size_t index) {
    return element(order ? &order->order.refunds : nullptr, index);
}

const sc::RefundPart* refund_part(const sc_order* order, size_t refund, size_t part) {
    const sc::Refund* r = order_refund(order, refund);
    return element(r ? &r->parts : nullptr, part);
}

}  // namespace

extern "C" {

const char* sc_order_state_name(sc_order_state_t state) {
    const auto bits = static_cast<int64_t>(enum_bits(state));
    if (bits < SC_ORDER_CREATED || bits > SC_ORDER_GROUP_FAILED) return "unknown";
    return sc::order_state_name(static_cast<sc_order_state_t>(bits));
}

sc_status_t sc_engine_checkout(sc_engine* engine, const char* user_id, const sc_checkout_request* request,
                             const char* idempotency_key, sc_order** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        const std::string key = text_arg(idempotency_key, "idempotency_key");
        require_arg(out, "out");
        give_order(engine->engine->checkout(user, request_or_default(request), key), out);
    });
}

sc_status_t sc_engine_order_get(sc_engine* engine, const char* order_id, sc_order** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(order_id, "order_id");
        require_arg(out, "out");
        give_order(engine->engine->order(id), out);
    });
}

sc_status_t sc_engine_order_pay(sc_engine* engine, const char* order_id, const char* payment_ref, int64_t amount_minor,
                              const char* idempotency_key, sc_order** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        give_order(engine->engine->pay(text_arg(order_id, "order_id"), text_arg(payment_ref, "payment_ref"),
                                       amount_minor, text_arg(idempotency_key, "idempotency_key")),
                   out);
    });
}

sc_status_t sc_engine_order_cancel(sc_engine* engine, const char* order_id, sc_order** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        give_order(engine->engine->cancel(text_arg(order_id, "order_id")), out);
    });
}

sc_status_t sc_engine_order_refund_line(sc_engine* engine, const char* order_id, size_t line_index, int64_t quantity,
                                      const char* idempotency_key, sc_order** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        give_order(engine->engine->refund_line(text_arg(order_id, "order_id"), line_index, quantity,
                                               text_arg(idempotency_key, "idempotency_key")),
                   out);
    });
}

sc_status_t sc_engine_order_refund_amount(sc_engine* engine, const char* order_id, int64_t amount_minor,
                                        const char* idempotency_key, sc_order** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        give_order(engine->engine->refund_amount(text_arg(order_id, "order_id"), amount_minor,
                                                 text_arg(idempotency_key, "idempotency_key")),
                   out);
    });
}

const char* sc_order_id(const sc_order* order) { return order ? order->order.id.c_str() : nullptr; }
const char* sc_order_user_id(const sc_order* order) { return order ? order->order.user_id.c_str() : nullptr; }
sc_order_state_t sc_order_state(const sc_order* order) {
    return order ? order->order.state : static_cast<sc_order_state_t>(0);
}
sc_cancel_reason_t sc_order_cancel_reason(const sc_order* order) {
    return order ? order->order.cancel_reason : SC_CANCEL_NONE;
}
const char* sc_order_currency(const sc_order* order) { return order ? order->order.currency.c_str() : nullptr; }
int64_t sc_order_subtotal(const sc_order* order) { return order ? order->order.subtotal : 0; }
int64_t sc_order_total(const sc_order* order) { return order ? order->order.total : 0; }
int64_t sc_order_refunded(const sc_order* order) { return order ? order->order.refunded() : 0; }
int64_t sc_order_created_at_ms(const sc_order* order) { return order ? order->order.created_at : 0; }
int64_t sc_order_pay_deadline_ms(const sc_order* order) { return order ? order->order.pay_deadline : 0; }
int64_t sc_order_paid_at_ms(const sc_order* order) { return order ? order->order.paid_at : 0; }
const char* sc_order_payment_ref(const sc_order* order) {
    return order && order->order.payment_ref ? order->order.payment_ref->c_str() : nullptr;
}
size_t sc_order_line_count(const sc_order* order) { return order ? order->order.lines.size() : 0; }
const char* sc_order_line_sku_id(const sc_order* order, size_t index) {
    const auto* l = order_line(order, index);
    return l ? l->sku_id.c_str() : nullptr;
}
const char* sc_order_line_title(const sc_order* order, size_t index) {
    const auto* l = order_line(order, index);
    return l ? l->title.c_str() : nullptr;
}
const char* sc_order_line_merchant_id(const sc_order* order, size_t index) {
    const auto* l = order_line(order, index);
    return l ? l->merchant_id.c_str() : nullptr;
}
int64_t sc_order_line_quantity(const sc_order* order, size_t index) {
    const auto* l = order_line(order, index);
    return l ? l->quantity : 0;
}
int64_t sc_order_line_unit_price(const sc_order* order, size_t index) {
    const auto* l = order_line(order, index);
    return l ? l->unit_price : 0;
}
int64_t sc_order_line_base(const sc_order* order, size_t index) {
    const auto* l = order_line(order, index);
    return l ? l->base : 0;
}
int64_t sc_order_line_net(const sc_order* order, size_t index) {
    const auto* l = order_line(order, index);
    return l ? l->net : 0;
}
int64_t sc_order_line_refunded_quantity(const sc_order* order, size_t index) {
    const auto* l = order_line(order, index);
    return l ? l->refunded_quantity : 0;
}
int64_t sc_order_line_refunded_amount(const sc_order* order, size_t index) {
    const auto* l = order_line(order, index);
    return l ? l->refunded_amount : 0;
}
size_t sc_order_refund_count(const sc_order* order) { return order ? order->order.refunds.size() : 0; }
const char* sc_order_refund_id(const sc_order* order, size_t index) {
    const auto* r = order_refund(order, index);
    return r ? r->id.c_str() : nullptr;
}
int64_t sc_order_refund_amount(const sc_order* order, size_t index) {
    const auto* r = order_refund(order, index);
    return r ? r->amount : 0;
}
int64_t sc_order_refund_time_ms(const sc_order* order, size_t index) {
    const auto* r = order_refund(order, index);
    return r ? r->created_at : 0;
}
size_t sc_order_refund_line_count(const sc_order* order, size_t refund) {
    const auto* r = order_refund(order, refund);
    return r ? r->parts.size() : 0;
}
size_t sc_order_refund_line_index(const sc_order* order, size_t refund, size_t part) {
    const auto* p = refund_part(order, refund, part);
    return p ? p->line_index : 0;
}
int64_t sc_order_refund_line_quantity(const sc_order* order, size_t refund, size_t part) {
    const auto* p = refund_part(order, refund, part);
    return p ? p->quantity : 0;
}
int64_t sc_order_refund_line_amount(const sc_order* order, size_t refund, size_t part) {
    const auto* p = refund_part(order, refund, part);
    return p ? p->amount : 0;
}
void sc_order_free(sc_order* order) { delete order; }

sc_status_t sc_engine_order_get_by_checkout_key(sc_engine* engine, const char* user_id, const char* idempotency_key,
                                          sc_order** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string user = text_arg(user_id, "user_id");
        const std::string key = text_arg(idempotency_key, "idempotency_key");
        require_arg(out, "out");
        give_order(engine->engine->order_by_checkout_key(user, key), out);
    });
}

}  // extern "C"
