#pragma once
// Flash-sale steps shared by the checkout, payment and read use cases
// (docs/flash-sales.md). Each runs inside its caller's transaction or read.
#include "engine/engine.hpp"
#include "flashsale/flash_sale.hpp"

#include <string>

namespace sc::steps {

// Saves a sale (unchanged: no write, no event). Its SKU must exist; errors name
// `<prefix>field`.
void save_flash_sale(Tx& tx, const FlashSale& sale, const std::string& prefix);

// The sale or SC_ERR_NOT_FOUND (field: sale_id).
FlashSale require_flash_sale(Connection& db, const std::string& sale_id);

// A flash-sale checkout's line (the sale's SKU) and its sale price offer, for a quote or a
// checkout. Reads only.
void add_flash_line(Connection& db, PricingRequest& request, const FlashChoice& choice, bool check_stock);

struct FlashCheckout {
    FlashSale sale;
    FlashSlot slot;
    std::string slot_id;
};

// Before the order is stored: every rule of buying in the slot (FEATURES §8), with the
// shopper's lapsed flash-sale orders settled first. Throws with the rule's status and field.
FlashCheckout prepare_flash_checkout(Tx& tx, const std::string& user_id, const FlashChoice& choice);

// After the order is stored: the slot's stock hold (SC_ERR_OUT_OF_STOCK when the slot has
// not that many units left), the order's record and their events.
void hold_flash_stock(Tx& tx, const FlashCheckout& checkout, const Order& order, int64_t quantity);

// At payment, after the holds were committed: the slot sells out with its last unit.
void pay_flash_order(Tx& tx, const Order& order);

// The slot as a shopper sees it at `now`.
FlashSlotView flash_slot_view(Connection& db, const FlashSale& sale, const FlashSlot& slot, int64_t now);

}  // namespace sc::steps
