/**
 * @file socialcart/cart.h
 * The cart: one per user id, kept in the database.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_CART_H
#define SOCIALCART_CART_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Problems the engine sees on a cart line (bit flags). */
enum {
    SC_LINE_OK = 0,
    /** The SKU is no longer buyable. */
    SC_LINE_INACTIVE = 1 << 0,
    /** Tracked stock available is below the line's quantity. */
    SC_LINE_OUT_OF_STOCK = 1 << 1,
    /** The quantity is above the SKU's per-order maximum. */
    SC_LINE_OVER_MAX = 1 << 2,
    /** The list price differs from the price when the line was added. */
    SC_LINE_PRICE_CHANGED = 1 << 3
};

/**
 * Adds quantity units of a SKU to the user's cart, merging into the line of the
 * same SKU; the line becomes selected and remembers the current price. Not
 * idempotent by nature: a host that retries should use
 * sc_engine_cart_add_once() or sc_engine_cart_set_quantity(), which are.
 * @return SC_ERR_INVALID_ARGUMENT (quantity < 1), SC_ERR_NOT_FOUND (SKU),
 *         SC_ERR_SKU_INACTIVE, SC_ERR_LIMIT_EXCEEDED (over the per-order
 *         maximum), SC_ERR_OUT_OF_STOCK, SC_ERR_OVERFLOW. Thread-safe.
 */
SC_API sc_status_t sc_engine_cart_add(sc_engine* engine, const char* user_id, const char* sku_id,
                                    int64_t quantity, sc_error** err);

/**
 * sc_engine_cart_add() under an idempotency key: the first call adds, a retry
 * with the same key and arguments adds nothing more and succeeds. Use it where
 * a call may be retried without knowing whether it happened (a network retry,
 * or an SC_ERR_STORAGE whose outcome is unknown).
 * @return as sc_engine_cart_add(); SC_ERR_INVALID_ARGUMENT for a missing key,
 *         SC_ERR_IDEMPOTENCY_CONFLICT when the key was used for other
 *         arguments. Thread-safe.
 */
SC_API sc_status_t sc_engine_cart_add_once(sc_engine* engine, const char* user_id, const char* sku_id,
                                         int64_t quantity, const char* idempotency_key, sc_error** err);

/**
 * Sets the quantity of the line for sku_id (creating it if absent).
 * @return as sc_engine_cart_add(). Thread-safe.
 */
SC_API sc_status_t sc_engine_cart_set_quantity(sc_engine* engine, const char* user_id,
                                             const char* sku_id, int64_t quantity,
                                             sc_error** err);

/**
 * Removes the line for sku_id.
 * @return SC_ERR_NOT_FOUND when the cart has no such line. Thread-safe.
 */
SC_API sc_status_t sc_engine_cart_remove(sc_engine* engine, const char* user_id,
                                       const char* sku_id, sc_error** err);

/**
 * Ticks or unticks the line for sku_id; only selected lines go to checkout.
 * @return SC_ERR_NOT_FOUND when the cart has no such line. Thread-safe.
 */
SC_API sc_status_t sc_engine_cart_select(sc_engine* engine, const char* user_id,
                                       const char* sku_id, bool selected, sc_error** err);

/** Empties the user's cart (an empty cart is not an error). Thread-safe. */
SC_API sc_status_t sc_engine_cart_clear(sc_engine* engine, const char* user_id, sc_error** err);

/**
 * Moves a guest's cart into the user's cart at sign-in. Like every cart call, the
 * first id is the cart's owner (user_id); the guest's cart (guest_id) is the source. Quantities of the same
 * SKU add up, capped by the per-order maximum and the stock available (never
 * below 1: a line that cannot be served shows a problem instead of vanishing).
 * The guest cart is emptied.
 * @return SC_ERR_INVALID_ARGUMENT (field "guest_id") when guest_id equals
 *         user_id. Thread-safe.
 */
SC_API sc_status_t sc_engine_cart_merge_guest(sc_engine* engine, const char* user_id,
                                            const char* guest_id, sc_error** err);

/**
 * Reads the user's cart with the problems of each line (an unknown user has an
 * empty cart).
 * @param out receives the cart; free with sc_cart_free(). Thread-safe.
 */
SC_API sc_status_t sc_engine_cart_get(sc_engine* engine, const char* user_id, sc_cart** out,
                                    sc_error** err);

/** The cart's owner. */
SC_API const char* sc_cart_user_id(const sc_cart* cart);
/** The catalog's currency ("" while the catalog is empty). */
SC_API const char* sc_cart_currency(const sc_cart* cart);
/** Number of lines, in the order they were first added. */
SC_API size_t sc_cart_line_count(const sc_cart* cart);
/** The line's SKU id. */
SC_API const char* sc_cart_line_sku_id(const sc_cart* cart, size_t index);
/** The SKU's current title. */
SC_API const char* sc_cart_line_title(const sc_cart* cart, size_t index);
/** Units on the line (>= 1). */
SC_API int64_t sc_cart_line_quantity(const sc_cart* cart, size_t index);
/** Whether the line goes to checkout. */
SC_API bool sc_cart_line_selected(const sc_cart* cart, size_t index);
/** The SKU's current list price per unit. */
SC_API int64_t sc_cart_line_unit_price(const sc_cart* cart, size_t index);
/** The list price per unit when the line was last added. */
SC_API int64_t sc_cart_line_added_price(const sc_cart* cart, size_t index);
/** Tracked stock available now; -1 when the SKU's stock is untracked. */
SC_API int64_t sc_cart_line_available(const sc_cart* cart, size_t index);
/** SC_LINE_* flags; SC_LINE_OK when the line can be bought as it is. */
SC_API uint32_t sc_cart_line_problems(const sc_cart* cart, size_t index);
/** Frees a cart. Accepts NULL. */
SC_API void sc_cart_free(sc_cart* cart);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_CART_H */
