/**
 * @file socialcart/quote.h
 * The quote: what checkout would charge for the selected lines now.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_QUOTE_H
#define SOCIALCART_QUOTE_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Prices the selected lines of the user's cart. A pure function of cart,
 * catalog and clock. No selected line gives an empty quote with totals 0.
 * @param out receives the quote; free with sc_quote_free().
 * @return SC_ERR_OVERFLOW when a total would not fit in 64 bits. Thread-safe.
 */
SC_API sc_status_t sc_engine_quote(sc_engine* engine, const char* user_id, sc_quote** out,
                                 sc_error** err);

/** The quote's currency ("" while the catalog is empty). */
SC_API const char* sc_quote_currency(const sc_quote* quote);
/** Number of priced lines. */
SC_API size_t sc_quote_line_count(const sc_quote* quote);
/** The line's SKU id. */
SC_API const char* sc_quote_line_sku_id(const sc_quote* quote, size_t index);
/** Units on the line. */
SC_API int64_t sc_quote_line_quantity(const sc_quote* quote, size_t index);
/** List price per unit. */
SC_API int64_t sc_quote_line_unit_price(const sc_quote* quote, size_t index);
/** Unit price times quantity. */
SC_API int64_t sc_quote_line_base(const sc_quote* quote, size_t index);
/** What the line costs after every adjustment. */
SC_API int64_t sc_quote_line_net(const sc_quote* quote, size_t index);
/** Sum of the lines' base amounts. */
SC_API int64_t sc_quote_subtotal(const sc_quote* quote);
/** What the shopper would pay. */
SC_API int64_t sc_quote_total(const sc_quote* quote);
/** Frees a quote. Accepts NULL. */
SC_API void sc_quote_free(sc_quote* quote);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_QUOTE_H */
