#pragma once
// A SKU as the catalog defines it (FEATURES §1).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

struct Sku {
    std::string id;
    std::string merchant_id;
    std::string title;
    std::string currency;
    int64_t list_price = 0;
    std::vector<std::string> categories;
    std::optional<int64_t> stock_on_hand;   // absent: stock is not tracked
    std::optional<int64_t> max_per_order;   // absent: no per-order maximum
    bool active = true;

    bool operator==(const Sku&) const = default;
};

// Checks every field; errors name the field as `<field_prefix><name>`, so a program
// document reports "skus[2].list_price" and the API reports "list_price".
void validate_sku(const Sku& sku, const std::string& field_prefix = {});

// Units that can still be promised: on hand less those held by unpaid orders.
int64_t stock_available(const Sku& sku, int64_t held);

}  // namespace sc
