// Flash sales: the checkout request's flash-sale choice, sales, slots and the slot report
// (socialcart/flashsale.h).
#include "capi/handles.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"
#include "program/program_document.hpp"

struct sc_flash_sale : sc::capi::Counted {
    sc::FlashSale sale;
};

// Slots are only lent by their list, so the list is the counted object.
struct sc_flash_slot {
    sc::FlashSlotView slot;
};

struct sc_flash_slots : sc::capi::Counted {
    std::vector<sc_flash_slot> items;
};

struct sc_flash_report : sc::capi::Counted {
    sc::FlashSlotReport report;
};

using namespace sc::capi;

namespace {

const sc::FlashSale* of(const sc_flash_sale* s) noexcept { return s ? &s->sale : nullptr; }
const sc::FlashSlotView* of(const sc_flash_slot* s) noexcept { return s ? &s->slot : nullptr; }
const sc::FlashSlotTime* daily(const sc_flash_sale* s, size_t index) noexcept {
    return element(s ? &s->sale.slots : nullptr, index);
}

int64_t figure(const sc::FlashSlotReport& r, int64_t which) noexcept {
    switch (which) {
        case SC_FLASH_REPORT_STOCK: return r.slot.stock;
        case SC_FLASH_REPORT_SOLD: return r.slot.sold;
        case SC_FLASH_REPORT_HELD: return r.slot.held;
        case SC_FLASH_REPORT_LEFT: return r.slot.left;
        case SC_FLASH_REPORT_ORDERS: return r.orders;
        case SC_FLASH_REPORT_ORDERS_PAID: return r.orders_paid;
        case SC_FLASH_REPORT_ORDERS_LAPSED: return r.orders_lapsed;
        case SC_FLASH_REPORT_ORDERS_CANCELLED: return r.orders_cancelled;
        case SC_FLASH_REPORT_SELL_OUT_MS: return r.sell_out_ms.value_or(-1);
        default: return 0;
    }
}

}  // namespace

extern "C" {

sc_status_t sc_checkout_request_set_flash_sale(sc_checkout_request* request, const char* sale_id,
                                             int64_t slot_starts_at_ms, int64_t quantity, sc_error** err) {
    return guard(err, [&] {
        require_arg(request, "request");
        sc::FlashChoice next;
        if (sale_id) {
            next.sale_id = sale_id;
            if (!sc::is_valid_utf8(next.sale_id)) sc::fail(SC_ERR_INVALID_UTF8, "sale_id is not valid UTF-8", "sale_id");
            sc::require_id(next.sale_id, "sale_id");
            if (quantity < 1) sc::fail(SC_ERR_INVALID_ARGUMENT, "quantity must be at least 1", "quantity");
            next.slot_starts_at = slot_starts_at_ms;
            next.quantity = quantity;
        }
        request->request.flash = std::move(next);
    });
}

const char* sc_checkout_request_flash_sale_id(const sc_checkout_request* request) {
    return request ? request->request.flash.sale_id.c_str() : "";
}
int64_t sc_checkout_request_flash_slot_starts_at_ms(const sc_checkout_request* request) {
    return request && !request->request.flash.sale_id.empty() ? request->request.flash.slot_starts_at : 0;
}
int64_t sc_checkout_request_flash_quantity(const sc_checkout_request* request) {
    return request && !request->request.flash.sale_id.empty() ? request->request.flash.quantity : 0;
}

sc_status_t sc_engine_flash_sale_put(sc_engine* engine, const char* json, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        std::string text = text_arg(json, "json");
        if (!sc::is_valid_utf8(text)) sc::fail(SC_ERR_INVALID_UTF8, "json is not valid UTF-8", "json");
        engine->engine->put_flash_sale(sc::parse_flash_sale_entry(text));
    });
}

sc_status_t sc_engine_flash_sale_get(sc_engine* engine, const char* sale_id, sc_flash_sale** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(sale_id, "sale_id");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_flash_sale>();
        handle->sale = engine->engine->flash_sale(id);
        *out = handle.release();
    });
}

const char* sc_flash_sale_id(const sc_flash_sale* s) { return text(of(s), &sc::FlashSale::id); }
const char* sc_flash_sale_sku_id(const sc_flash_sale* s) { return text(of(s), &sc::FlashSale::sku_id); }
int64_t sc_flash_sale_price(const sc_flash_sale* s) { return number(of(s), &sc::FlashSale::sale_price); }
int64_t sc_flash_sale_starts_at_ms(const sc_flash_sale* s) { return number(of(s), &sc::FlashSale::starts_at); }
int64_t sc_flash_sale_ends_at_ms(const sc_flash_sale* s) { return number(of(s), &sc::FlashSale::ends_at); }
int64_t sc_flash_sale_utc_offset_minutes(const sc_flash_sale* s) {
    return number(of(s), &sc::FlashSale::utc_offset_minutes);
}
int64_t sc_flash_sale_stock_per_slot(const sc_flash_sale* s) { return number(of(s), &sc::FlashSale::stock_per_slot); }
int64_t sc_flash_sale_max_units_per_order(const sc_flash_sale* s) {
    return number(of(s), &sc::FlashSale::max_units_per_order);
}
int64_t sc_flash_sale_max_units_per_user_per_day(const sc_flash_sale* s) {
    return number(of(s), &sc::FlashSale::max_units_per_user_per_day);
}
size_t sc_flash_sale_slot_count(const sc_flash_sale* s) { return s ? s->sale.slots.size() : 0; }
int64_t sc_flash_sale_slot_start_minute(const sc_flash_sale* s, size_t index) {
    const sc::FlashSlotTime* t = daily(s, index);
    return t ? t->start_minute : -1;
}
int64_t sc_flash_sale_slot_minutes(const sc_flash_sale* s, size_t index) {
    const sc::FlashSlotTime* t = daily(s, index);
    return t ? t->minutes : 0;
}
void sc_flash_sale_free(sc_flash_sale* s) { delete s; }

sc_status_t sc_engine_flash_slots(sc_engine* engine, const char* sale_id, size_t limit, sc_flash_slots** out,
                                sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        std::string id;
        if (sale_id) {  // NULL: every sale's slots
            id = sale_id;
            sc::require_id(id, "sale_id");
        }
        if (limit < 1 || limit > 100) sc::fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and 100", "limit");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_flash_slots>();
        for (auto& v : engine->engine->flash_slots(id, static_cast<int64_t>(limit)))
            handle->items.push_back(sc_flash_slot{std::move(v)});
        *out = handle.release();
    });
}

size_t sc_flash_slots_count(const sc_flash_slots* slots) { return slots ? slots->items.size() : 0; }
const sc_flash_slot* sc_flash_slots_at(const sc_flash_slots* slots, size_t index) {
    return element(slots ? &slots->items : nullptr, index);
}
void sc_flash_slots_free(sc_flash_slots* slots) { delete slots; }

const char* sc_flash_slot_sale_id(const sc_flash_slot* s) { return text(of(s), &sc::FlashSlotView::sale_id); }
const char* sc_flash_slot_sku_id(const sc_flash_slot* s) { return text(of(s), &sc::FlashSlotView::sku_id); }
int64_t sc_flash_slot_sale_price(const sc_flash_slot* s) { return number(of(s), &sc::FlashSlotView::sale_price); }
int64_t sc_flash_slot_starts_at_ms(const sc_flash_slot* s) { return number(of(s), &sc::FlashSlotView::starts_at); }
int64_t sc_flash_slot_ends_at_ms(const sc_flash_slot* s) { return number(of(s), &sc::FlashSlotView::ends_at); }
int64_t sc_flash_slot_stock(const sc_flash_slot* s) { return number(of(s), &sc::FlashSlotView::stock); }
int64_t sc_flash_slot_sold(const sc_flash_slot* s) { return number(of(s), &sc::FlashSlotView::sold); }
int64_t sc_flash_slot_held(const sc_flash_slot* s) { return number(of(s), &sc::FlashSlotView::held); }
int64_t sc_flash_slot_left(const sc_flash_slot* s) { return number(of(s), &sc::FlashSlotView::left); }
int64_t sc_flash_slot_sold_out_at_ms(const sc_flash_slot* s) { return number(of(s), &sc::FlashSlotView::sold_out_at); }

sc_status_t sc_engine_flash_report(sc_engine* engine, const char* sale_id, int64_t slot_starts_at_ms,
                                 sc_flash_report** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(sale_id, "sale_id");
        require_arg(out, "out");
        auto handle = std::make_unique<sc_flash_report>();
        handle->report = engine->engine->flash_slot_report(id, slot_starts_at_ms);
        *out = handle.release();
    });
}

int64_t sc_flash_report_get(const sc_flash_report* report, sc_flash_figure_t which) {
    return report ? figure(report->report, static_cast<int64_t>(enum_bits(which))) : 0;
}
void sc_flash_report_free(sc_flash_report* report) { delete report; }

}  // extern "C"
