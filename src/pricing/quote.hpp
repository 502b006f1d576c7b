#pragma once
// Pricing: cart → quote (FEATURES §3). Today only step 1 (base price × quantity);
// item price rules, promotions, coupons, points and shipping add adjustments later.
// A quote is a pure function of its inputs.
#include "catalog/sku.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sc {

struct PricingInput {
    Sku sku;
    int64_t quantity = 0;
};

struct QuoteLine {
    std::string sku_id;
    std::string title;
    std::string merchant_id;
    int64_t quantity = 0;
    int64_t unit_price = 0;
    int64_t base = 0;  // unit_price × quantity
    int64_t net = 0;   // base after adjustments
};

struct Quote {
    std::string currency;
    std::vector<QuoteLine> lines;
    int64_t subtotal = 0;
    int64_t total = 0;
};

// currency: the catalog's; every SKU must be in it (SC_ERR_CURRENCY_MISMATCH).
Quote price_lines(const std::string& currency, const std::vector<PricingInput>& inputs);

}  // namespace sc
