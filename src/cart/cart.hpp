#pragma once
// The cart's rules (FEATURES §2): lines, limits, per-line problems, guest merge.
#include "catalog/sku.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

struct CartLine {
    std::string sku_id;
    int64_t quantity = 0;
    bool selected = true;
    int64_t added_price = 0;  // list price per unit when the line was last added
    int64_t position = 0;     // keeps lines in the order they were first added
};

// A line with what the catalog says about it now.
struct CartLineView {
    CartLine line;
    std::optional<Sku> sku;  // absent only if the SKU vanished from the catalog
    int64_t available = -1;  // tracked stock available; -1 when untracked
    uint32_t problems = 0;   // SC_LINE_* flags
};

// Flags for what stops the line from being bought as it is.
uint32_t line_problems(const CartLine& line, const Sku& sku, int64_t available);

// The quantity a line may have after an add or a set: rejects what checkout would.
void check_line_quantity(const Sku& sku, int64_t quantity, int64_t available);

// Guest merge: quantities add, capped by the per-order maximum and by the stock
// available, never below 1 (an unservable line stays, flagged, rather than vanish).
int64_t merged_quantity(int64_t user_qty, int64_t guest_qty, const Sku& sku, int64_t available);

}  // namespace sc
