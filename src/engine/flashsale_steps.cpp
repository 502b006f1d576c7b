#include "engine/flashsale_steps.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "engine/steps.hpp"
#include "program/flash_sale_json.hpp"
#include "program/strict_json.hpp"
#include "store/catalog_store.hpp"
#include "store/definition_store.hpp"
#include "store/flashsale_store.hpp"
#include "store/hold_store.hpp"
#include "store/parsed_by_text.hpp"

namespace sc::steps {

namespace {

void require_choice(const FlashChoice& choice) {
    require_id(choice.sale_id, "sale_id");
    if (choice.quantity < 1) fail(SC_ERR_INVALID_ARGUMENT, "quantity must be at least 1", "quantity");
}

FlashSlot require_slot(const FlashSale& sale, int64_t starts_at) {
    const auto slot = flash_slot_starting(sale, starts_at);
    if (!slot) fail(SC_ERR_NOT_FOUND, "flash sale " + sale.id + " has no slot starting then", "slot_starts_at");
    return *slot;
}

}  // namespace

void save_flash_sale(Tx& tx, const FlashSale& sale, const std::string& prefix) {
    if (!store::find_sku(tx.db, sale.sku_id))
        fail(SC_ERR_VALIDATION, prefix + "sku_id: names no SKU", prefix + "sku_id");
    const std::string definition = flash_sale_json(sale).dump();
    if (store::find_definition(tx.db, store::DefinitionTable::flash_sales, sale.id) == definition) return;
    store::save_definition(tx.db, store::DefinitionTable::flash_sales, sale.id, sale.sku_id, definition);
    tx.emit(NewEvent{"flash_sale.put", sale.id, nlohmann::json::parse(definition)});
}

FlashSale require_flash_sale(Connection& db, const std::string& sale_id) {
    const auto definition = store::find_definition(db, store::DefinitionTable::flash_sales, sale_id);
    if (!definition) fail(SC_ERR_NOT_FOUND, "no flash sale " + sale_id, "sale_id");
    // Read by every flash-sale checkout: parsed once per text, as campaigns are.
    static store::ParsedByText<FlashSale> parsed;
    return parsed.get(*definition,
                      [](const std::string& text) { return parse_flash_sale_json(parse_strict_json(text), ""); });
}

void add_flash_line(Connection& db, PricingRequest& request, const FlashChoice& choice, bool check_stock) {
    require_choice(choice);
    const FlashSale sale = require_flash_sale(db, choice.sale_id);
    require_slot(sale, choice.slot_starts_at);
    Sku sku = require_sku(db, sale.sku_id);
    if (check_stock) check_line_quantity(sku, choice.quantity, available_stock(db, sku, request.now));
    request.item_offers.push_back(ItemPriceOffer{sku.id, sale.sale_price, ItemPriceKind::flash_sale, sale.id});
    request.lines.push_back(PricingInput{std::move(sku), choice.quantity});
}

FlashCheckout prepare_flash_checkout(Tx& tx, const std::string& user_id, const FlashChoice& choice) {
    require_choice(choice);
    FlashCheckout out;
    out.sale = require_flash_sale(tx.db, choice.sale_id);
    out.slot = require_slot(out.sale, choice.slot_starts_at);
    out.slot_id = store::flash_slot_id(out.sale.id, out.slot.starts_at);
    const FlashSale& sale = out.sale;
    if (tx.now < out.slot.starts_at)
        fail(SC_ERR_INVALID_STATE, "the flash-sale slot has not started", "slot_starts_at");
    if (tx.now >= out.slot.ends_at) fail(SC_ERR_EXPIRED, "the flash-sale slot has ended", "slot_starts_at");
    if (choice.quantity > sale.max_units_per_order)
        fail(SC_ERR_LIMIT_EXCEEDED, "at most " + std::to_string(sale.max_units_per_order) + " per flash-sale order",
             "quantity");
    // One unpaid flash-sale order at a time: a lapsed one is settled, a live one blocks.
    for (const auto& [order_id, deadline] : store::unpaid_flash_orders_of_user(tx.db, user_id)) {
        Order unpaid = require_order(tx.db, order_id);
        if (tx.now >= deadline) cancel_order(tx, unpaid, SC_CANCEL_PAYMENT_LAPSED);
        else fail(SC_ERR_INVALID_STATE, "the shopper has an unpaid flash-sale order", "user_id");
    }
    const int64_t day = flash_local_day(sale, out.slot.starts_at);
    if (checked_add(store::user_flash_units_on_day(tx.db, user_id, sale.id, day), choice.quantity, "units") >
        sale.max_units_per_user_per_day)
        fail(SC_ERR_LIMIT_EXCEEDED,
             "at most " + std::to_string(sale.max_units_per_user_per_day) + " units of this flash sale a day",
             "quantity");
    return out;
}

void hold_flash_stock(Tx& tx, const FlashCheckout& checkout, const Order& order, int64_t quantity) {
    store::ensure_flash_slot(tx.db, checkout.slot_id, checkout.sale.id, checkout.slot.starts_at,
                             checkout.sale.stock_per_slot);
    const Hold hold{new_id("hold"), order.id, "flash_stock", checkout.slot_id, quantity, HoldState::held,
                    order.pay_deadline};
    place_hold(tx, hold, SC_ERR_OUT_OF_STOCK, "the flash-sale slot has not that many units left");
    nlohmann::json payload = hold_payload(hold);
    payload["expires_at"] = hold.expires_at;
    tx.emit(NewEvent{"hold.placed", order.id, std::move(payload)});
    store::insert_flash_order(tx.db, store::FlashOrderRow{order.id, checkout.sale.id, checkout.slot_id, quantity},
                              order.user_id, flash_local_day(checkout.sale, checkout.slot.starts_at), tx.now);
    tx.emit(NewEvent{"flash_sale.ordered", checkout.sale.id,
                     {{"sale_id", checkout.sale.id}, {"slot_starts_at", checkout.slot.starts_at},
                      {"order_id", order.id}, {"user_id", order.user_id}, {"quantity", quantity},
                      {"unit_price", checkout.sale.sale_price}}});
}

void pay_flash_order(Tx& tx, const Order& order) {
    const auto row = store::flash_order(tx.db, order.id);
    if (!row || !store::mark_flash_slot_sold_out(tx.db, row->slot_id, tx.now)) return;
    const auto slot = store::find_flash_slot(tx.db, row->slot_id);
    if (!slot) fail(SC_ERR_INTERNAL, "a flash-sale order's slot has no row");
    tx.emit(NewEvent{"flash_slot.sold_out", row->sale_id,
                     {{"sale_id", row->sale_id}, {"slot_starts_at", slot->starts_at}, {"stock", slot->stock},
                      {"sell_out_ms", tx.now - slot->starts_at}}});
}

FlashSlotView flash_slot_view(Connection& db, const FlashSale& sale, const FlashSlot& slot, int64_t now) {
    FlashSlotView v;
    v.sale_id = sale.id;
    v.sku_id = sale.sku_id;
    v.sale_price = sale.sale_price;
    v.starts_at = slot.starts_at;
    v.ends_at = slot.ends_at;
    const std::string id = store::flash_slot_id(sale.id, slot.starts_at);
    const auto row = store::find_flash_slot(db, id);
    if (!row) {
        v.stock = v.left = sale.stock_per_slot;
        return v;
    }
    v.stock = row->stock;
    v.sold = row->stock - row->stock_left;
    v.held = row->reserved > 0 ? row->reserved - store::lapsed_held_quantity(db, "flash_stock", id, now) : 0;
    v.left = row->stock_left - v.held;
    v.sold_out_at = row->sold_out_at;
    return v;
}

}  // namespace sc::steps
