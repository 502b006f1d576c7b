#pragma once
// Flash-sale slots and the orders placed in them (migration 13); a sale itself is stored as
// its JSON definition (store/definition_store.hpp). A slot's row carries the counter of its "flash_stock" holds
// (`stock_left`/`reserved`), moved only through store/hold_store.hpp.
#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc::store {

struct FlashSlotRow {
    int64_t starts_at = 0;
    int64_t stock = 0;
    int64_t stock_left = 0;   // not yet sold (paid)
    int64_t reserved = 0;     // held by unpaid orders, lapsed or not
    int64_t sold_out_at = 0;  // when the last unit was paid for; 0 until then
};

// A slot's id, the resource its holds name: "<sale id>@<start ms>".
std::string flash_slot_id(const std::string& sale_id, int64_t starts_at);
std::optional<FlashSlotRow> find_flash_slot(Connection& db, const std::string& slot_id);
// Makes the slot's row with `stock` units if it has none yet (a slot's stock is fixed by
// its first checkout).
void ensure_flash_slot(Connection& db, const std::string& slot_id, const std::string& sale_id, int64_t starts_at,
                       int64_t stock);
// Records the first moment no unit was left unsold; false if it was recorded before.
bool mark_flash_slot_sold_out(Connection& db, const std::string& slot_id, int64_t at);

struct FlashOrderRow {
    std::string order_id;
    std::string sale_id;
    std::string slot_id;
    int64_t quantity = 0;
};
void insert_flash_order(Connection& db, const FlashOrderRow& row, const std::string& user_id, int64_t day,
                        int64_t created_at);
std::optional<FlashOrderRow> flash_order(Connection& db, const std::string& order_id);
// The user's unpaid flash-sale orders (any sale) with their payment deadlines.
std::vector<std::pair<std::string, int64_t>> unpaid_flash_orders_of_user(Connection& db, const std::string& user_id);
// Units of the sale the user ordered on a local day in orders not cancelled.
int64_t user_flash_units_on_day(Connection& db, const std::string& user_id, const std::string& sale_id, int64_t day);

// A slot's orders by outcome as of `now`: an unpaid order past its deadline counts as
// lapsed even before a write has settled it.
struct FlashSlotOrders {
    int64_t orders = 0;
    int64_t paid = 0;       // paid, whatever was refunded since
    int64_t lapsed = 0;
    int64_t cancelled = 0;  // by the shopper or the host
    int64_t unpaid = 0;     // inside their payment window
};
FlashSlotOrders flash_slot_orders(Connection& db, const std::string& slot_id, int64_t now);

}  // namespace sc::store
