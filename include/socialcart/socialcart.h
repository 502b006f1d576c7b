/*
 * socialcart: an embeddable social-commerce engine.
 *
 * This header is the library's only stable surface. It compiles as C99 and as
 * C++ with -Wall -Wextra -pedantic -Werror.
 *
 * Conventions (they hold for every function below; docs/c-api.md explains them
 * with examples):
 *
 * Status and errors
 *   Every fallible function returns an sc_status (SC_OK == 0) and takes an
 *   optional last parameter `sc_error** err`. On failure, when err is not NULL,
 *   *err receives a new error object (code, message, field at fault, whether a
 *   retry may succeed) that the caller frees with sc_error_free(). On success
 *   *err is left untouched. A failing call changes nothing: no partial write.
 *
 * Ownership
 *   `const char*` arguments are UTF-8, borrowed for the duration of the call.
 *   Objects and `char*` strings returned through out-parameters are owned by the
 *   caller and freed with the matching sc_*_free(); every free function accepts
 *   NULL. `const char*` returned by accessors is borrowed from the object it was
 *   read from and stays valid until that object is freed.
 *
 * Accessors
 *   Functions that read a field of a snapshot (sc_cart_*, sc_order_*, ...) never
 *   fail: given NULL or an index out of range they return 0, false or NULL.
 *
 * Threads
 *   An sc_engine may be used from many threads at once. Snapshots (sc_sku read
 *   from the engine, sc_catalog, sc_cart, sc_quote, sc_order, sc_events,
 *   sc_error) are immutable: any thread may read them, one thread frees them.
 *   Builders (sc_options, an sc_sku being filled in) are not thread-safe: use
 *   each from one thread at a time.
 *
 * Idempotency
 *   Calls that a retry could repeat take an idempotency key: a non-empty id
 *   (NULL or "" is SC_ERR_INVALID_ARGUMENT, field "idempotency_key"). The same
 *   key with the same arguments returns the first result and changes nothing;
 *   with other arguments it is SC_ERR_IDEMPOTENCY_CONFLICT.
 *
 * Money and time
 *   Amounts are int64 counts of minor units (fen, cents) of the ISO 4217
 *   currency that the snapshot reports. Times are UTC milliseconds since the
 *   Unix epoch, read from the engine's clock.
 */
#ifndef SOCIALCART_H
#define SOCIALCART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#  if defined(SOCIALCART_BUILDING)
#    define SC_API __declspec(dllexport)
#  else
#    define SC_API __declspec(dllimport)
#  endif
#else
#  define SC_API __attribute__((visibility("default")))
#endif

#define SOCIALCART_VERSION_MAJOR 0
#define SOCIALCART_VERSION_MINOR 1
#define SOCIALCART_VERSION_PATCH 0
#define SOCIALCART_VERSION_STRING "0.1.0"

/**
 * The ABI generation of this header. Bindings compare it with sc_abi_version()
 * when they load; a mismatch means the header and the library disagree.
 */
#define SOCIALCART_ABI_VERSION 1

/* ------------------------------------------------------------------------ */
/* Status codes: the one list of error codes.                               */
/* ------------------------------------------------------------------------ */

/** Result of every fallible call. Values are stable; new codes are appended. */
typedef enum sc_status {
    SC_OK = 0,
    /** An argument is NULL where not allowed, empty, or out of range. */
    SC_ERR_INVALID_ARGUMENT = 1,
    /** A string argument is not valid UTF-8. */
    SC_ERR_INVALID_UTF8 = 2,
    /** The id names nothing the engine knows. */
    SC_ERR_NOT_FOUND = 3,
    /** The object is in a state where this call is not allowed. */
    SC_ERR_INVALID_STATE = 4,
    /** An amount or quantity would overflow 64 bits. */
    SC_ERR_OVERFLOW = 5,
    /** Amounts in different currencies were combined. */
    SC_ERR_CURRENCY_MISMATCH = 6,
    /** Not enough tracked stock is available. */
    SC_ERR_OUT_OF_STOCK = 7,
    /** A per-order or per-user limit would be exceeded. */
    SC_ERR_LIMIT_EXCEEDED = 8,
    /** The SKU is inactive and cannot be bought. */
    SC_ERR_SKU_INACTIVE = 9,
    /** Checkout found no selected cart line. */
    SC_ERR_CART_EMPTY = 10,
    /** The payment amount differs from the order total. */
    SC_ERR_AMOUNT_MISMATCH = 11,
    /** The refund asks for more than is left to refund. */
    SC_ERR_REFUND_EXCEEDS_PAID = 12,
    /** A deadline has passed (for example the order's payment window). */
    SC_ERR_EXPIRED = 13,
    /** An idempotency key was reused with different arguments. */
    SC_ERR_IDEMPOTENCY_CONFLICT = 14,
    /** A program document is invalid; the error's field names the place. */
    SC_ERR_VALIDATION = 15,
    /** The database stayed locked by another process; retry later. */
    SC_ERR_BUSY = 16,
    /** The database could not be read or written (I/O, corruption, disk full). */
    SC_ERR_STORAGE = 17,
    /** The database was written by a newer library; upgrade the library. */
    SC_ERR_SCHEMA_TOO_NEW = 18,
    /** Memory could not be allocated. */
    SC_ERR_OUT_OF_MEMORY = 19,
    /** A bug in socialcart: please report it with the message. */
    SC_ERR_INTERNAL = 20
} sc_status;

/* ------------------------------------------------------------------------ */
/* Opaque types                                                             */
/* ------------------------------------------------------------------------ */

typedef struct sc_error sc_error;
typedef struct sc_options sc_options;
typedef struct sc_engine sc_engine;
typedef struct sc_sku sc_sku;
typedef struct sc_catalog sc_catalog;
typedef struct sc_cart sc_cart;
typedef struct sc_quote sc_quote;
typedef struct sc_order sc_order;
typedef struct sc_events sc_events;
typedef struct sc_subscription sc_subscription;

/* ------------------------------------------------------------------------ */
/* Library                                                                  */
/* ------------------------------------------------------------------------ */

/**
 * The library's version, "MAJOR.MINOR.PATCH".
 * @return a static string; do not free. Thread-safe.
 */
SC_API const char* sc_version(void);

/**
 * The ABI generation the library was built with (SOCIALCART_ABI_VERSION).
 * Thread-safe.
 */
SC_API int32_t sc_abi_version(void);

/**
 * How many objects the library has handed out and not yet seen freed (engines,
 * snapshots, errors, options, subscriptions and returned strings). Tests use
 * it to catch leaks. Thread-safe.
 */
SC_API int64_t sc_live_object_count(void);

/**
 * The stable name of a status code, e.g. "SC_ERR_NOT_FOUND";
 * "SC_UNKNOWN_STATUS" for a value outside the list.
 * @return a static string; do not free. Thread-safe.
 */
SC_API const char* sc_status_name(sc_status status);

/**
 * Frees a string that the library returned through a `char**` out-parameter.
 * Accepts NULL. Thread-safe.
 */
SC_API void sc_string_free(char* s);

/**
 * Formats an amount for people: the currency code, a space, and the amount with
 * the currency's minor-unit digits, e.g. "CNY 68.00", "JPY 1200", "USD -0.05".
 * @param currency ISO 4217 code (three upper-case letters).
 * @param out receives a new string; free with sc_string_free().
 * @return SC_ERR_INVALID_ARGUMENT when currency or out is NULL or currency is
 *         not three upper-case letters. Thread-safe.
 */
SC_API sc_status sc_money_format(int64_t amount_minor, const char* currency, char** out,
                                 sc_error** err);

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */
/* ------------------------------------------------------------------------ */

/** The error's status code; SC_OK for NULL. Thread-safe. */
SC_API sc_status sc_error_code(const sc_error* error);

/**
 * A message for developers (English, no personal data).
 * @return borrowed from the error; "" for NULL. Thread-safe.
 */
SC_API const char* sc_error_message(const sc_error* error);

/**
 * The argument or document field at fault, e.g. "quantity" or
 * "skus[2].list_price"; NULL when the error is not about one field.
 * @return borrowed from the error. Thread-safe.
 */
SC_API const char* sc_error_field(const sc_error* error);

/**
 * Whether the same call may succeed if retried unchanged (true for SC_ERR_BUSY).
 * false for NULL. Thread-safe.
 */
SC_API bool sc_error_retryable(const sc_error* error);

/** Frees an error. Accepts NULL. */
SC_API void sc_error_free(sc_error* error);

/* ------------------------------------------------------------------------ */
/* Options                                                                  */
/* ------------------------------------------------------------------------ */

/** What a commit waits for before it returns. */
typedef enum sc_durability {
    /**
     * Default. Each commit reaches the disk before the call returns: a power
     * cut loses nothing that was reported as done.
     */
    SC_DURABILITY_FULL = 0,
    /**
     * Commits return once written to the OS; a power cut (not an app crash)
     * may lose the last few commits, never corrupt the file. Faster.
     */
    SC_DURABILITY_NORMAL = 1
} sc_durability;

/**
 * The engine's clock: returns UTC milliseconds since the epoch. It is called on
 * the thread that made the engine call, never while a database transaction is
 * open, and must not call back into the engine.
 */
typedef int64_t (*sc_clock_fn)(void* user_data);

/**
 * Creates an options object with every setting at its default.
 * @param out receives the object; free with sc_options_free().
 * @return SC_ERR_INVALID_ARGUMENT when out is NULL. Thread-safe.
 */
SC_API sc_status sc_options_new(sc_options** out, sc_error** err);

/** Frees options (and releases a clock's user_data). Accepts NULL. */
SC_API void sc_options_free(sc_options* options);

/**
 * Sets the durability (default SC_DURABILITY_FULL).
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or an unknown value.
 *         Not thread-safe on the same options.
 */
SC_API sc_status sc_options_set_durability(sc_options* options, sc_durability durability,
                                           sc_error** err);

/**
 * Sets how long an unpaid order holds its stock (default 15 minutes).
 * @param window_ms from 1000 (1 s) to 604800000 (7 days).
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or a value out of range.
 *         Not thread-safe on the same options.
 */
SC_API sc_status sc_options_set_payment_window_ms(sc_options* options, int64_t window_ms,
                                                  sc_error** err);

/**
 * Sets how long a write waits for another process's lock before the engine
 * retries and finally reports SC_ERR_BUSY (default 5000 ms).
 * @param timeout_ms from 0 to 600000.
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or a value out of range.
 *         Not thread-safe on the same options.
 */
SC_API sc_status sc_options_set_busy_timeout_ms(sc_options* options, int64_t timeout_ms,
                                                sc_error** err);

/**
 * Replaces the system clock. The options own user_data from now on and call
 * user_data_free (if not NULL) when the last engine opened with them closes or
 * when the options are freed or given another clock, whichever is last.
 * @param fn the clock. It cannot report failure: a clock that cannot tell the
 *        time should return its last good reading.
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or fn. On failure user_data
 *         is not taken: user_data_free is not called and stays the caller's job.
 * Not thread-safe on the same options.
 */
SC_API sc_status sc_options_set_clock(sc_options* options, sc_clock_fn fn, void* user_data,
                                      void (*user_data_free)(void* user_data), sc_error** err);

/* ------------------------------------------------------------------------ */
/* Engine                                                                   */
/* ------------------------------------------------------------------------ */

/**
 * Opens (creating if needed) the database at path and migrates it to the
 * library's schema.
 * @param path a file path (UTF-8); ":memory:" for a private in-memory database.
 * @param options NULL for defaults; read during the call, may be freed after.
 * @param out receives the engine; close with sc_engine_close().
 * @return SC_ERR_INVALID_ARGUMENT / SC_ERR_INVALID_UTF8 for bad arguments,
 *         SC_ERR_SCHEMA_TOO_NEW when a newer library wrote the file,
 *         SC_ERR_STORAGE when it cannot be opened, SC_ERR_BUSY when another
 *         process held it locked past the busy timeout. Thread-safe.
 */
SC_API sc_status sc_engine_open(const char* path, const sc_options* options, sc_engine** out,
                                sc_error** err);

/**
 * Closes the engine. Accepts NULL. Call it once, when no other thread is using
 * the engine. Subscriptions stay valid objects but receive nothing more.
 */
SC_API void sc_engine_close(sc_engine* engine);

/**
 * Settles every deadline that has passed: unpaid orders whose payment window
 * lapsed are cancelled and their holds released. Every other call settles what
 * it touches lazily, so this is for housekeeping, not for correctness.
 * @param settled_out if not NULL, receives how many orders were settled.
 * Thread-safe.
 */
SC_API sc_status sc_engine_sweep(sc_engine* engine, int64_t* settled_out, sc_error** err);

/* ------------------------------------------------------------------------ */
/* Catalog                                                                  */
/* ------------------------------------------------------------------------ */

/**
 * Creates a SKU definition to fill in and pass to sc_engine_put_sku(). Stock is
 * untracked, there is no per-order maximum, and the SKU is active until the
 * setters say otherwise.
 * @param currency ISO 4217 code.
 * @param list_price in minor units, >= 0.
 * @param out receives the SKU; free with sc_sku_free().
 * @return SC_ERR_INVALID_ARGUMENT (field names the argument) for NULL, empty or
 *         out-of-range arguments, SC_ERR_INVALID_UTF8 for bad text. Thread-safe.
 */
SC_API sc_status sc_sku_new(const char* id, const char* merchant_id, const char* title,
                            const char* currency, int64_t list_price, sc_sku** out,
                            sc_error** err);

/**
 * Tracks stock for the SKU, with on_hand units (>= 0) in the warehouse.
 * @return SC_ERR_INVALID_ARGUMENT for NULL or a negative count.
 *         Not thread-safe on the same SKU.
 */
SC_API sc_status sc_sku_set_stock(sc_sku* sku, int64_t on_hand, sc_error** err);

/**
 * Limits how many units one order may hold (>= 1).
 * @return SC_ERR_INVALID_ARGUMENT for NULL or a value < 1.
 *         Not thread-safe on the same SKU.
 */
SC_API sc_status sc_sku_set_max_per_order(sc_sku* sku, int64_t max_quantity, sc_error** err);

/**
 * Marks the SKU active (buyable) or inactive.
 * @return SC_ERR_INVALID_ARGUMENT for NULL. Not thread-safe on the same SKU.
 */
SC_API sc_status sc_sku_set_active(sc_sku* sku, bool active, sc_error** err);

/**
 * Adds a category id (ignored if already present).
 * @return SC_ERR_INVALID_ARGUMENT / SC_ERR_INVALID_UTF8 for a bad id.
 *         Not thread-safe on the same SKU.
 */
SC_API sc_status sc_sku_add_category(sc_sku* sku, const char* category_id, sc_error** err);

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
SC_API sc_status sc_engine_put_sku(sc_engine* engine, const sc_sku* sku, sc_error** err);

/**
 * Reads one SKU, with its stock available now.
 * @param out receives the SKU; free with sc_sku_free().
 * @return SC_ERR_NOT_FOUND for an unknown id. Thread-safe.
 */
SC_API sc_status sc_engine_get_sku(sc_engine* engine, const char* sku_id, sc_sku** out,
                                   sc_error** err);

/**
 * Reads the whole catalog, ordered by SKU id.
 * @param out receives the catalog; free with sc_catalog_free(). Thread-safe.
 */
SC_API sc_status sc_engine_catalog(sc_engine* engine, sc_catalog** out, sc_error** err);

/** The number of SKUs in the catalog snapshot. */
SC_API size_t sc_catalog_count(const sc_catalog* catalog);
/**
 * The index-th SKU, borrowed from the catalog: do not free it. Borrowed SKUs are
 * not counted by sc_live_object_count().
 */
SC_API const sc_sku* sc_catalog_at(const sc_catalog* catalog, size_t index);
/** Frees a catalog and every SKU borrowed from it. Accepts NULL. */
SC_API void sc_catalog_free(sc_catalog* catalog);

/* ------------------------------------------------------------------------ */
/* Program document (JSON): docs/program-document.md                        */
/* ------------------------------------------------------------------------ */

/**
 * Validates a program document and applies it in one transaction: all of it or
 * nothing. SKUs in it are created or replaced; SKUs not in it are kept.
 * @return SC_ERR_VALIDATION with the field at fault (e.g.
 *         "skus[2].list_price"; no field when the text is not a JSON object),
 *         SC_ERR_INVALID_UTF8 (field "json") for bytes that are not UTF-8,
 *         SC_ERR_CURRENCY_MISMATCH when the catalog already uses another
 *         currency. Thread-safe.
 */
SC_API sc_status sc_engine_import_program(sc_engine* engine, const char* json, sc_error** err);

/**
 * Exports the catalog as a program document that sc_engine_import_program()
 * accepts.
 * @param json_out receives the document; free with sc_string_free().
 * Thread-safe.
 */
SC_API sc_status sc_engine_export_program(sc_engine* engine, char** json_out, sc_error** err);

/* ------------------------------------------------------------------------ */
/* Cart: one per user id, kept in the database.                             */
/* ------------------------------------------------------------------------ */

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
 * sc_engine_cart_set_quantity(), which is.
 * @return SC_ERR_INVALID_ARGUMENT (quantity < 1), SC_ERR_NOT_FOUND (SKU),
 *         SC_ERR_SKU_INACTIVE, SC_ERR_LIMIT_EXCEEDED (over the per-order
 *         maximum), SC_ERR_OUT_OF_STOCK, SC_ERR_OVERFLOW. Thread-safe.
 */
SC_API sc_status sc_engine_cart_add(sc_engine* engine, const char* user_id, const char* sku_id,
                                    int64_t quantity, sc_error** err);

/**
 * Sets the quantity of the line for sku_id (creating it if absent).
 * @return as sc_engine_cart_add(). Thread-safe.
 */
SC_API sc_status sc_engine_cart_set_quantity(sc_engine* engine, const char* user_id,
                                             const char* sku_id, int64_t quantity,
                                             sc_error** err);

/**
 * Removes the line for sku_id.
 * @return SC_ERR_NOT_FOUND when the cart has no such line. Thread-safe.
 */
SC_API sc_status sc_engine_cart_remove(sc_engine* engine, const char* user_id,
                                       const char* sku_id, sc_error** err);

/**
 * Ticks or unticks the line for sku_id; only selected lines go to checkout.
 * @return SC_ERR_NOT_FOUND when the cart has no such line. Thread-safe.
 */
SC_API sc_status sc_engine_cart_select(sc_engine* engine, const char* user_id,
                                       const char* sku_id, bool selected, sc_error** err);

/** Empties the user's cart (an empty cart is not an error). Thread-safe. */
SC_API sc_status sc_engine_cart_clear(sc_engine* engine, const char* user_id, sc_error** err);

/**
 * Moves a guest's cart into a user's cart at sign-in. Quantities of the same
 * SKU add up, capped by the per-order maximum and the stock available (never
 * below 1: a line that cannot be served shows a problem instead of vanishing).
 * The guest cart is emptied.
 * @return SC_ERR_INVALID_ARGUMENT (field "guest_id") when guest_id equals
 *         user_id. Thread-safe.
 */
SC_API sc_status sc_engine_cart_merge(sc_engine* engine, const char* guest_id,
                                      const char* user_id, sc_error** err);

/**
 * Reads the user's cart with the problems of each line (an unknown user has an
 * empty cart).
 * @param out receives the cart; free with sc_cart_free(). Thread-safe.
 */
SC_API sc_status sc_engine_cart_get(sc_engine* engine, const char* user_id, sc_cart** out,
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

/* ------------------------------------------------------------------------ */
/* Quote: what checkout would charge for the selected lines now.           */
/* ------------------------------------------------------------------------ */

/**
 * Prices the selected lines of the user's cart. A pure function of cart,
 * catalog and clock. No selected line gives an empty quote with totals 0.
 * @param out receives the quote; free with sc_quote_free().
 * @return SC_ERR_OVERFLOW when a total would not fit in 64 bits. Thread-safe.
 */
SC_API sc_status sc_engine_quote(sc_engine* engine, const char* user_id, sc_quote** out,
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

/* ------------------------------------------------------------------------ */
/* Orders                                                                   */
/* ------------------------------------------------------------------------ */

/** Where an order is in its life. Values are stable. */
typedef enum sc_order_state {
    /** Placed, holds in force, waiting for payment until the deadline. */
    SC_ORDER_CREATED = 1,
    /** Paid in full; nothing refunded. */
    SC_ORDER_PAID = 2,
    /** Paid, and part of it refunded. */
    SC_ORDER_PARTIALLY_REFUNDED = 3,
    /** Paid, and all of it refunded. */
    SC_ORDER_REFUNDED = 4,
    /** Cancelled before payment (see sc_order_cancel_reason()). */
    SC_ORDER_CANCELLED = 5
} sc_order_state;

/** Why an order was cancelled. */
typedef enum sc_cancel_reason {
    /** The order is not cancelled. */
    SC_CANCEL_NONE = 0,
    /** sc_engine_order_cancel() was called. */
    SC_CANCEL_REQUESTED = 1,
    /** The payment window lapsed. */
    SC_CANCEL_PAYMENT_LAPSED = 2
} sc_cancel_reason;

/**
 * The stable name of an order state, e.g. "paid"; "unknown" otherwise.
 * @return a static string. Thread-safe.
 */
SC_API const char* sc_order_state_name(sc_order_state state);

/**
 * Turns the user's selected cart lines into an order: re-prices them, stores a
 * snapshot of every line, holds tracked stock until the payment deadline, and
 * removes the ordered lines from the cart. All in one transaction.
 * @param idempotency_key a retry with the same key returns the same order and
 *        changes nothing; the same key for another user is
 *        SC_ERR_IDEMPOTENCY_CONFLICT.
 * @param out receives the order; free with sc_order_free().
 * @return SC_ERR_CART_EMPTY (field "user_id"), SC_ERR_SKU_INACTIVE (field
 *         "sku_id"), SC_ERR_OUT_OF_STOCK and SC_ERR_LIMIT_EXCEEDED (field
 *         "quantity"); the message names the SKU at fault. SC_ERR_OVERFLOW.
 *         Thread-safe.
 */
SC_API sc_status sc_engine_checkout(sc_engine* engine, const char* user_id,
                                    const char* idempotency_key, sc_order** out, sc_error** err);

/**
 * Reads an order (settling its payment deadline first).
 * @param out receives the order; free with sc_order_free().
 * @return SC_ERR_NOT_FOUND for an unknown id. Thread-safe.
 */
SC_API sc_status sc_engine_order_get(sc_engine* engine, const char* order_id, sc_order** out,
                                     sc_error** err);

/**
 * Records the payment of an order: commits its holds (stock leaves the
 * warehouse) and moves it to SC_ORDER_PAID.
 * @param payment_ref the payment provider's reference (non-empty).
 * @param amount_minor must equal the order total; any other amount (zero and
 *        negative ones included) is SC_ERR_AMOUNT_MISMATCH.
 * @param idempotency_key a retry with the same key and arguments returns the
 *        paid order again; other arguments are SC_ERR_IDEMPOTENCY_CONFLICT.
 * @param out if not NULL, receives the order; free with sc_order_free().
 * @return SC_ERR_NOT_FOUND, SC_ERR_AMOUNT_MISMATCH, SC_ERR_EXPIRED (the payment
 *         window lapsed: the deadline, not this call, cancelled the order, and
 *         every later pay gets SC_ERR_EXPIRED too), SC_ERR_INVALID_STATE (paid,
 *         refunded or cancelled on request). Thread-safe.
 */
SC_API sc_status sc_engine_order_pay(sc_engine* engine, const char* order_id,
                                     const char* payment_ref, int64_t amount_minor,
                                     const char* idempotency_key, sc_order** out,
                                     sc_error** err);

/**
 * Cancels an unpaid order and releases its holds. Cancelling a cancelled order
 * returns it unchanged, so retries are safe.
 * @param out if not NULL, receives the order; free with sc_order_free().
 * @return SC_ERR_NOT_FOUND, SC_ERR_INVALID_STATE for a paid order.
 *         Thread-safe.
 */
SC_API sc_status sc_engine_order_cancel(sc_engine* engine, const char* order_id,
                                        sc_order** out, sc_error** err);

/**
 * Refunds quantity units of one order line. The amount is the units' share of
 * what the line paid, so refunding every unit returns exactly the line's net.
 * @param line_index the line's position in the order (from 0).
 * @param idempotency_key a retry with the same key and arguments refunds
 *        nothing more and returns the order; other arguments are
 *        SC_ERR_IDEMPOTENCY_CONFLICT.
 * @param out if not NULL, receives the order; free with sc_order_free().
 * @return SC_ERR_INVALID_STATE (never paid), SC_ERR_INVALID_ARGUMENT (line
 *         index, quantity < 1), SC_ERR_REFUND_EXCEEDS_PAID (more units than are
 *         left, the line's amount already refunded, or the order fully
 *         refunded). Thread-safe.
 */
SC_API sc_status sc_engine_order_refund_line(sc_engine* engine, const char* order_id,
                                             size_t line_index, int64_t quantity,
                                             const char* idempotency_key, sc_order** out,
                                             sc_error** err);

/**
 * Refunds an amount of the order, spread over its lines in proportion to what
 * each has left to refund (largest-remainder method, exact to the minor unit).
 * @param amount_minor from 1 to what is left to refund.
 * @return as sc_engine_order_refund_line(). Thread-safe.
 */
SC_API sc_status sc_engine_order_refund_amount(sc_engine* engine, const char* order_id,
                                               int64_t amount_minor,
                                               const char* idempotency_key, sc_order** out,
                                               sc_error** err);

/** The order id. */
SC_API const char* sc_order_id(const sc_order* order);
/** The shopper. */
SC_API const char* sc_order_user_id(const sc_order* order);
/** The state; 0 (not a state) for NULL. */
SC_API sc_order_state sc_order_state_of(const sc_order* order);
/** Why it was cancelled (SC_CANCEL_NONE unless cancelled). */
SC_API sc_cancel_reason sc_order_cancel_reason(const sc_order* order);
/** The order's currency. */
SC_API const char* sc_order_currency(const sc_order* order);
/** Sum of the lines' base amounts. */
SC_API int64_t sc_order_subtotal(const sc_order* order);
/** What the shopper pays. */
SC_API int64_t sc_order_total(const sc_order* order);
/** Sum of all refunds so far. */
SC_API int64_t sc_order_refunded(const sc_order* order);
/** When the order was placed. */
SC_API int64_t sc_order_created_at_ms(const sc_order* order);
/** When an unpaid order lapses. */
SC_API int64_t sc_order_pay_deadline_ms(const sc_order* order);
/** When it was paid; 0 when unpaid. */
SC_API int64_t sc_order_paid_at_ms(const sc_order* order);
/** The payment provider's reference; NULL when unpaid. */
SC_API const char* sc_order_payment_ref(const sc_order* order);
/** Number of lines. */
SC_API size_t sc_order_line_count(const sc_order* order);
/** The line's SKU id. */
SC_API const char* sc_order_line_sku_id(const sc_order* order, size_t index);
/** The SKU's title at checkout. */
SC_API const char* sc_order_line_title(const sc_order* order, size_t index);
/** The SKU's merchant at checkout. */
SC_API const char* sc_order_line_merchant_id(const sc_order* order, size_t index);
/** Units bought. */
SC_API int64_t sc_order_line_quantity(const sc_order* order, size_t index);
/** List price per unit at checkout. */
SC_API int64_t sc_order_line_unit_price(const sc_order* order, size_t index);
/** Unit price times quantity. */
SC_API int64_t sc_order_line_base(const sc_order* order, size_t index);
/** What the line paid (refunds of the line are bounded by it). */
SC_API int64_t sc_order_line_net(const sc_order* order, size_t index);
/** Units refunded so far. */
SC_API int64_t sc_order_line_refunded_quantity(const sc_order* order, size_t index);
/** Amount refunded from the line so far. */
SC_API int64_t sc_order_line_refunded_amount(const sc_order* order, size_t index);
/** Number of refunds, oldest first. */
SC_API size_t sc_order_refund_count(const sc_order* order);
/** The index-th refund's id. */
SC_API const char* sc_order_refund_id(const sc_order* order, size_t index);
/** The index-th refund's amount. */
SC_API int64_t sc_order_refund_amount(const sc_order* order, size_t index);
/** Frees an order. Accepts NULL. */
SC_API void sc_order_free(sc_order* order);

/* ------------------------------------------------------------------------ */
/* Event log: every state change appends one event.                        */
/* ------------------------------------------------------------------------ */

/**
 * Reads up to limit events with a sequence number greater than after_seq, in
 * order. Start with after_seq 0; continue from the last seq read.
 * @param limit from 1 to 10000.
 * @param out receives the events; free with sc_events_free().
 * @return SC_ERR_INVALID_ARGUMENT for after_seq < 0 or limit out of range.
 *         Thread-safe.
 */
SC_API sc_status sc_engine_events_read(sc_engine* engine, int64_t after_seq, size_t limit,
                                       sc_events** out, sc_error** err);

/** Number of events in the batch. */
SC_API size_t sc_events_count(const sc_events* events);
/** The event's sequence number (increasing, gap-free within one database). */
SC_API int64_t sc_events_seq(const sc_events* events, size_t index);
/** The event type, e.g. "order.paid" (docs/events.md lists them). */
SC_API const char* sc_events_type(const sc_events* events, size_t index);
/** The id of the object the event is about (an order, SKU or user id). */
SC_API const char* sc_events_subject_id(const sc_events* events, size_t index);
/** When it happened, by the engine's clock. */
SC_API int64_t sc_events_time_ms(const sc_events* events, size_t index);
/** The event's details as a JSON object. */
SC_API const char* sc_events_payload(const sc_events* events, size_t index);
/** Frees an event batch. Accepts NULL. */
SC_API void sc_events_free(sc_events* events);

/**
 * Receives the events of one engine call, after its transaction committed. It
 * runs on the thread that made the call, in sequence order, and may call the
 * engine from that thread; it must not block on another thread that is using
 * the same engine. The batch is borrowed for the duration of the callback.
 * Changes made by another process or another engine handle are not delivered:
 * read those with sc_engine_events_read().
 */
typedef void (*sc_event_fn)(void* user_data, const sc_events* events);

/**
 * Subscribes to the engine's events.
 * @param user_data_free if not NULL, called with user_data when the
 *        subscription is freed.
 * @param out receives the subscription; sc_subscription_free() ends it.
 * @return SC_ERR_INVALID_ARGUMENT for a NULL engine, fn or out. On failure
 *         user_data is not taken: user_data_free is not called. Thread-safe.
 */
SC_API sc_status sc_engine_subscribe(sc_engine* engine, sc_event_fn fn, void* user_data,
                                     void (*user_data_free)(void* user_data),
                                     sc_subscription** out, sc_error** err);

/**
 * Ends a subscription: once it returns, the callback is not called again
 * (unless it is called from inside that callback, which ends it after the
 * callback returns). Accepts NULL. May be called after the engine is closed.
 */
SC_API void sc_subscription_free(sc_subscription* subscription);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_H */
