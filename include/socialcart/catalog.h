/**
 * @file socialcart/catalog.h
 * SKUs: building, putting and reading them; paged catalog listings.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_CATALOG_H
#define SOCIALCART_CATALOG_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Creates a SKU definition to fill in and pass to sc_engine_sku_put(). Stock is
 * untracked, there is no per-order maximum, and the SKU is active until the
 * setters say otherwise.
 * @param id, merchant_id ids; title text (see "Text and limits" above).
 * @param currency an ISO 4217 code that sc_currency_minor_units() accepts.
 * @param list_price in minor units, >= 0.
 * @param out receives the SKU; free with sc_sku_free().
 * @return SC_ERR_INVALID_ARGUMENT (field names the argument) for NULL, empty or
 *         out-of-range arguments, SC_ERR_INVALID_UTF8 for bad text. Thread-safe.
 */
SC_API sc_status_t sc_sku_new(const char* id, const char* merchant_id, const char* title,
                            const char* currency, int64_t list_price, sc_sku** out,
                            sc_error** err);

/**
 * Tracks stock for the SKU, with on_hand units (>= 0) in the warehouse.
 * @return SC_ERR_INVALID_ARGUMENT for NULL or a negative count.
 *         Not thread-safe on the same SKU.
 */
SC_API sc_status_t sc_sku_set_stock(sc_sku* sku, int64_t on_hand, sc_error** err);

/**
 * Limits how many units one order may hold (>= 1).
 * @return SC_ERR_INVALID_ARGUMENT for NULL or a value < 1.
 *         Not thread-safe on the same SKU.
 */
SC_API sc_status_t sc_sku_set_max_per_order(sc_sku* sku, int64_t max_quantity, sc_error** err);

/**
 * Marks the SKU active (buyable) or inactive.
 * @return SC_ERR_INVALID_ARGUMENT for NULL. Not thread-safe on the same SKU.
 */
SC_API sc_status_t sc_sku_set_active(sc_sku* sku, bool active, sc_error** err);

/**
 * Adds a category id (ignored if already present).
 * @return SC_ERR_INVALID_ARGUMENT / SC_ERR_INVALID_UTF8 for a bad id.
 *         Not thread-safe on the same SKU.
 */
SC_API sc_status_t sc_sku_add_category(sc_sku* sku, const char* category_id, sc_error** err);

/** Frees a SKU. Accepts NULL. */
SC_API void sc_sku_free(sc_sku* sku);

/** SKU accessors: borrowed strings, never fail (see Accessors above). */
SC_API const char* sc_sku_id(const sc_sku* sku);
/** The merchant that sells the SKU. */
SC_API const char* sc_sku_merchant_id(const sc_sku* sku);
/** The title shown to shoppers. */
SC_API const char* sc_sku_title(const sc_sku* sku);
/** ISO 4217 code of the list price. */
SC_API const char* sc_sku_currency(const sc_sku* sku);
/** The list price in minor units. */
SC_API int64_t sc_sku_list_price(const sc_sku* sku);
/** Whether stock is tracked. */
SC_API bool sc_sku_stock_tracked(const sc_sku* sku);
/** Units on hand (0 when untracked; see sc_sku_stock_tracked()). */
SC_API int64_t sc_sku_stock_on_hand(const sc_sku* sku);
/**
 * Units on hand less those held by unpaid orders, as of the read (the same as
 * on hand for a SKU that was never stored); -1 when stock is untracked, as for
 * sc_cart_line_available().
 */
SC_API int64_t sc_sku_stock_available(const sc_sku* sku);
/** The per-order maximum; 0 when there is none. */
SC_API int64_t sc_sku_max_per_order(const sc_sku* sku);
/** Whether the SKU can be bought. */
SC_API bool sc_sku_active(const sc_sku* sku);
/** How many categories the SKU is in. */
SC_API size_t sc_sku_category_count(const sc_sku* sku);
/** The index-th category id. */
SC_API const char* sc_sku_category_at(const sc_sku* sku, size_t index);

/**
 * Creates or replaces a SKU. Replacing changes no existing order (orders keep
 * their own snapshot); the stock on hand becomes the SKU's new count.
 * @return SC_ERR_INVALID_ARGUMENT for NULL, or (field "stock") for stock on
 *         hand below the units that unpaid orders hold; SC_ERR_CURRENCY_MISMATCH
 *         when the catalog already uses another currency. Thread-safe.
 */
SC_API sc_status_t sc_engine_sku_put(sc_engine* engine, const sc_sku* sku, sc_error** err);

/**
 * Reads one SKU, with its stock available now.
 * @param out receives the SKU; free with sc_sku_free().
 * @return SC_ERR_NOT_FOUND for an unknown id. Thread-safe.
 */
SC_API sc_status_t sc_engine_sku_get(sc_engine* engine, const char* sku_id, sc_sku** out,
                                   sc_error** err);

/**
 * Reads the whole catalog, ordered by SKU id.
 * @param out receives the catalog; free with sc_catalog_free(). Thread-safe.
 */
SC_API sc_status_t sc_engine_catalog_list(sc_engine* engine, sc_catalog** out, sc_error** err);

/** The number of SKUs in the catalog snapshot. */
SC_API size_t sc_catalog_count(const sc_catalog* catalog);
/**
 * The index-th SKU, borrowed from the catalog: do not free it. Borrowed SKUs are
 * not counted by sc_live_object_count().
 */
SC_API const sc_sku* sc_catalog_at(const sc_catalog* catalog, size_t index);
/** Frees a catalog and every SKU borrowed from it. Accepts NULL. */
SC_API void sc_catalog_free(sc_catalog* catalog);

/*
 * Paged reads. A page holds up to `limit` items (1 to 1000) and an opaque cursor
 * for the next page: pass NULL or "" for the first page and then the cursor the
 * last page returned, unchanged; "" means there is no next page. Pages are keyset
 * pages: items added or changed while a host pages never repeat or skip an item
 * that sorts before the cursor. A cursor belongs to its query (the same arguments)
 * and its database file; any other text, or a cursor of another query, is
 * SC_ERR_INVALID_ARGUMENT with field "cursor". Cursors stay valid across engine
 * restarts.
 */

/**
 * Reads one page of a merchant's SKUs, ordered by SKU id, each with its stock
 * available now (as sc_engine_catalog_list() reports it). An unknown merchant has no
 * SKUs.
 * @param cursor NULL or "" for the first page, else sc_catalog_next_cursor() of
 *        the previous page.
 * @param limit from 1 to 1000.
 * @param out receives the page; free with sc_catalog_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "merchant_id", "cursor" or "limit"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_catalog_list_by_merchant(sc_engine* engine, const char* merchant_id,
                                               const char* cursor, size_t limit,
                                               sc_catalog** out, sc_error** err);

/**
 * Reads one page of the SKUs in a category, ordered by SKU id, as
 * sc_engine_catalog_list_by_merchant() does.
 * @return SC_ERR_INVALID_ARGUMENT (field "category_id", "cursor" or "limit"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_catalog_list_by_category(sc_engine* engine, const char* category_id,
                                               const char* cursor, size_t limit,
                                               sc_catalog** out, sc_error** err);

/**
 * The cursor of the page after this one; "" when there is none (and always for
 * sc_engine_catalog_list(), which reads everything). Borrowed from the catalog; NULL
 * for NULL.
 */
SC_API const char* sc_catalog_next_cursor(const sc_catalog* catalog);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_CATALOG_H */
