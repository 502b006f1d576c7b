#include "pricing/quote.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"

namespace sc {

Quote price_lines(const std::string& currency, const std::vector<PricingInput>& inputs) {
    Quote quote;
    quote.currency = currency;
    for (const auto& in : inputs) {
        if (in.sku.currency != currency)
            fail(SC_ERR_CURRENCY_MISMATCH, "SKU " + in.sku.id + " is priced in " + in.sku.currency +
                                               ", the catalog in " + currency);
        QuoteLine line;
        line.sku_id = in.sku.id;
        line.title = in.sku.title;
        line.merchant_id = in.sku.merchant_id;
        line.quantity = in.quantity;
        line.unit_price = in.sku.list_price;
        line.base = checked_mul(in.sku.list_price, in.quantity, "line amount");
        line.net = line.base;
        quote.subtotal = checked_add(quote.subtotal, line.base, "subtotal");
        quote.total = checked_add(quote.total, line.net, "total");
        quote.lines.push_back(std::move(line));
    }
    return quote;
}

}  // namespace sc
