#include "catalog/sku.hpp"

#include "core/error.hpp"
#include "core/money.hpp"
#include "core/text.hpp"

namespace sc {

void validate_sku(const Sku& sku, const std::string& p) {
    require_id(sku.id, p + "id");
    require_id(sku.merchant_id, p + "merchant_id");
    require_text(sku.title, p + "title");
    if (!is_currency_code(sku.currency))
        fail(SC_ERR_INVALID_ARGUMENT, "must be an active ISO 4217 code with a minor unit, such as CNY", p + "currency");
    if (sku.list_price < 0) fail(SC_ERR_INVALID_ARGUMENT, "must not be negative", p + "list_price");
    for (size_t i = 0; i < sku.categories.size(); ++i)
        require_id(sku.categories[i], p + "categories[" + std::to_string(i) + "]");
    if (sku.stock_on_hand && *sku.stock_on_hand < 0)
        fail(SC_ERR_INVALID_ARGUMENT, "must not be negative", p + "stock");
    if (sku.max_per_order && *sku.max_per_order < 1)
        fail(SC_ERR_INVALID_ARGUMENT, "must be at least 1", p + "max_per_order");
}

int64_t stock_available(const Sku& sku, int64_t held) {
    if (!sku.stock_on_hand) return 0;
    const int64_t available = *sku.stock_on_hand - held;
    return available > 0 ? available : 0;
}

}  // namespace sc
