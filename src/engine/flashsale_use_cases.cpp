// Flash-sale use cases (FEATURES §8, docs/flash-sales.md): sales and the read side of their
// slots. Buying in a slot is a checkout (order_use_cases.cpp with a FlashChoice); holds,
// payment and lapses move the slot's stock through flashsale_steps.cpp.
#include "core/error.hpp"
#include "core/text.hpp"
#include "engine/engine.hpp"
#include "engine/flashsale_steps.hpp"
#include "engine/steps.hpp"
#include "store/definition_store.hpp"
#include "store/flashsale_store.hpp"

#include <algorithm>

namespace sc {

namespace {

constexpr int64_t kMaxSlotsListed = 100;

}  // namespace

void Engine::put_flash_sale(const FlashSale& sale) {
    validate_flash_sale(sale, "");
    write([&](Tx& tx) { steps::save_flash_sale(tx, sale, ""); });
}

FlashSale Engine::flash_sale(const std::string& sale_id) {
    require_id(sale_id, "sale_id");
    FlashSale out;
    read([&](Connection& db, int64_t) { out = steps::require_flash_sale(db, sale_id); });
    return out;
}

std::vector<FlashSale> Engine::flash_sales() {
    std::vector<FlashSale> out;
    read([&](Connection& db, int64_t) {
        out.clear();
        for (const auto& id : store::definition_ids(db, store::DefinitionTable::flash_sales)) out.push_back(steps::require_flash_sale(db, id));
    });
    return out;
}

std::vector<FlashSlotView> Engine::flash_slots(const std::string& sale_id, int64_t limit) {
    if (!sale_id.empty()) require_id(sale_id, "sale_id");
    if (limit < 1 || limit > kMaxSlotsListed)
        fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and " + std::to_string(kMaxSlotsListed), "limit");
    const auto count = static_cast<size_t>(limit);
    std::vector<FlashSlotView> out;
    read([&](Connection& db, int64_t now) {
        out.clear();
        std::vector<FlashSale> sales;
        if (!sale_id.empty()) sales.push_back(steps::require_flash_sale(db, sale_id));
        else
            for (const auto& id : store::definition_ids(db, store::DefinitionTable::flash_sales)) sales.push_back(steps::require_flash_sale(db, id));
        // Each sale's first `limit` slots hold the first `limit` of them all.
        for (const FlashSale& sale : sales)
            for (const FlashSlot& slot : flash_slots_from(sale, now, count))
                out.push_back(steps::flash_slot_view(db, sale, slot, now));
    });
    std::sort(out.begin(), out.end(), [](const FlashSlotView& a, const FlashSlotView& b) {
        return std::tie(a.starts_at, a.sale_id) < std::tie(b.starts_at, b.sale_id);
    });
    if (out.size() > count) out.resize(count);
    return out;
}

FlashSlotReport Engine::flash_slot_report(const std::string& sale_id, int64_t slot_starts_at) {
    require_id(sale_id, "sale_id");
    FlashSlotReport r;
    read([&](Connection& db, int64_t now) {
        const FlashSale sale = steps::require_flash_sale(db, sale_id);
        const auto slot = flash_slot_starting(sale, slot_starts_at);
        if (!slot) fail(SC_ERR_NOT_FOUND, "flash sale " + sale_id + " has no slot starting then", "slot_starts_at");
        r = FlashSlotReport{};
        r.slot = steps::flash_slot_view(db, sale, *slot, now);
        const auto orders = store::flash_slot_orders(db, store::flash_slot_id(sale_id, slot_starts_at), now);
        r.orders = orders.orders;
        r.orders_paid = orders.paid;
        r.orders_lapsed = orders.lapsed;
        r.orders_cancelled = orders.cancelled;
        if (r.slot.sold_out_at > 0) r.sell_out_ms = r.slot.sold_out_at - r.slot.starts_at;
    });
    return r;
}

}  // namespace sc
