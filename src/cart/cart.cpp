#include "cart/cart.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"

#include <algorithm>

namespace sc {

uint32_t line_problems(const CartLine& line, const Sku& sku, int64_t available) {
    uint32_t problems = SC_LINE_OK;
    if (!sku.active) problems |= SC_LINE_INACTIVE;
    if (sku.stock_on_hand && available < line.quantity) problems |= SC_LINE_OUT_OF_STOCK;
    if (sku.max_per_order && line.quantity > *sku.max_per_order) problems |= SC_LINE_OVER_MAX;
    if (line.added_price != sku.list_price) problems |= SC_LINE_PRICE_CHANGED;
    return problems;
}

void check_line_quantity(const Sku& sku, int64_t quantity, int64_t available) {
    if (quantity < 1) fail(SC_ERR_INVALID_ARGUMENT, "quantity must be at least 1", "quantity");
    if (!sku.active) fail(SC_ERR_SKU_INACTIVE, "SKU " + sku.id + " is not for sale", "sku_id");
    if (sku.max_per_order && quantity > *sku.max_per_order)
        fail(SC_ERR_LIMIT_EXCEEDED,
             "at most " + std::to_string(*sku.max_per_order) + " of " + sku.id + " per order", "quantity");
    if (sku.stock_on_hand && quantity > available)
        fail(SC_ERR_OUT_OF_STOCK, "only " + std::to_string(available) + " of " + sku.id + " available",
             "quantity");
}

int64_t merged_quantity(int64_t user_qty, int64_t guest_qty, const Sku& sku, int64_t available) {
    int64_t q = checked_add(user_qty, guest_qty, "quantity");
    if (sku.max_per_order) q = std::min(q, *sku.max_per_order);
    if (sku.stock_on_hand) q = std::min(q, available);
    return std::max<int64_t>(q, 1);
}

}  // namespace sc
