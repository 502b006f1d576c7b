/**
 * @file socialcart.h
 * socialcart: an embeddable social-commerce engine.
 *
 * This header is the library's only stable surface. It compiles as C99 and as
 * C++ with -Wall -Wextra -pedantic -Werror.
 *
 * Conventions (they hold for every function below; docs/c-api.md explains them
 * with examples):
 *
 * Status and errors
 *   Every fallible function returns an sc_status_t (SC_OK == 0) and takes an
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
 *   An sc_engine may be used from many threads at once. Reads (lookups, carts,
 *   quotes, the event log) run on reader connections of their own and never wait
 *   for a write; writes take turns. Snapshots (sc_sku read
 *   from the engine, sc_catalog, sc_cart, sc_quote, sc_order, sc_orders,
 *   sc_events, sc_error) are immutable: any thread may read them, one thread frees them.
 *   Builders (sc_options, an sc_sku being filled in) are not thread-safe: use
 *   each from one thread at a time.
 *
 * Text and limits
 *   Bytes that are not UTF-8 give SC_ERR_INVALID_UTF8; NULL, "" and the rules
 *   below give SC_ERR_INVALID_ARGUMENT; the error's field names the argument,
 *   and the message names the rule without repeating the text.
 *   - Ids (SKU, merchant, category, user, order and guest ids, payment
 *     references, idempotency keys): at most 128 bytes; no control characters
 *     (U+0000-U+001F, U+007F, U+0080-U+009F), no bidi marks, embeddings,
 *     overrides or isolates (U+061C, U+200E, U+200F, U+202A-U+202E,
 *     U+2066-U+2069), no zero-width characters (U+200B-U+200D, U+2060,
 *     U+FEFF).
 *   - Text (titles, the database path): at most 4096 bytes; no control
 *     characters and no bidi embeddings, overrides or isolates; any other
 *     Unicode is fine.
 *   - Currencies: an active ISO 4217 code with a minor unit (see
 *     sc_currency_minor_units()); codes without one, such as XAU, are refused.
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
 *   Unix epoch, read from the engine's clock. Time never goes backwards inside
 *   the engine: if the clock steps back, the engine keeps using the latest time
 *   it has seen (and never stamps a change before the file's latest event)
 *   until the clock catches up.
 */
#ifndef SOCIALCART_H
#define SOCIALCART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Marks the functions the library exports (the same names as the linker's
 * export list, src/capi/socialcart.map).
 */
#if defined(_WIN32)
#  if defined(SOCIALCART_BUILDING)
#    define SC_API __declspec(dllexport)
#  else
#    define SC_API __declspec(dllimport)
#  endif
#else
#  define SC_API __attribute__((visibility("default")))
#endif

/** The version of this header (SemVer); sc_version() gives the library's. */
#define SOCIALCART_VERSION_MAJOR 0
/** Minor version of this header. */
#define SOCIALCART_VERSION_MINOR 1
/** Patch version of this header. */
#define SOCIALCART_VERSION_PATCH 0
/** "MAJOR.MINOR.PATCH" of this header. */
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
typedef enum sc_status_t {
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
    /**
     * The database could not be read or written (I/O, corruption, disk full), or
     * the file is not a socialcart database (field "path"). When the failure hit
     * the commit, the outcome is unknown (the message says so): the change may be
     * in the file. Retry with the same idempotency key (for a cart add, use
     * sc_engine_cart_add_once) to complete the call or get its first result.
     * sc_error_retryable() is true for I/O errors and a full disk. After any
     * storage error the engine reopens its connections, so it never goes on
     * showing a state the file does not have.
     */
    SC_ERR_STORAGE = 17,
    /** The database was written by a newer library; upgrade the library. */
    SC_ERR_SCHEMA_TOO_NEW = 18,
    /** Memory could not be allocated. */
    SC_ERR_OUT_OF_MEMORY = 19,
    /** A bug in socialcart: please report it with the message. */
    SC_ERR_INTERNAL = 20
} sc_status_t;

/* ------------------------------------------------------------------------ */
/* Opaque types                                                             */
/* ------------------------------------------------------------------------ */

/** A failure: code, message, field at fault, retryability; free with sc_error_free(). */
typedef struct sc_error sc_error;
/** Settings for sc_engine_open(); free with sc_options_free(). */
typedef struct sc_options sc_options;
/** An open database and the engine over it; close with sc_engine_close(). */
typedef struct sc_engine sc_engine;
/** A SKU being filled in, or read from the engine; free with sc_sku_free(). */
typedef struct sc_sku sc_sku;
/** A page of SKUs; free with sc_catalog_free(). */
typedef struct sc_catalog sc_catalog;
/** A snapshot of a user's cart; free with sc_cart_free(). */
typedef struct sc_cart sc_cart;
/** An exact price for the selected cart lines; free with sc_quote_free(). */
typedef struct sc_quote sc_quote;
/** A snapshot of an order; free with sc_order_free(). */
typedef struct sc_order sc_order;
/** A page of the event log; free with sc_events_free(). */
typedef struct sc_events sc_events;
/** A page of a user's orders; free with sc_orders_free(). */
typedef struct sc_orders sc_orders;
/** An event callback registration; free with sc_subscription_free(). */
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
SC_API const char* sc_status_name(sc_status_t status);

/**
 * Frees a string that the library returned through a `char**` out-parameter.
 * Accepts NULL. Thread-safe.
 */
SC_API void sc_string_free(char* s);

/**
 * Formats an amount for people: the currency code, a space, and the amount with
 * the currency's minor-unit digits, e.g. "CNY 68.00", "JPY 1200", "USD -0.05",
 * "CLF 1.2345".
 * @param currency an ISO 4217 code that sc_currency_minor_units() accepts.
 * @param out receives a new string; free with sc_string_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "currency" or "out") when currency or
 *         out is NULL or currency is not an accepted ISO 4217 code,
 *         SC_ERR_INVALID_UTF8 (field "currency") for bytes that are not UTF-8.
 *         Thread-safe.
 */
SC_API sc_status_t sc_money_format(int64_t amount_minor, const char* currency, char** out,
                                 sc_error** err);

/**
 * The number of minor-unit digits of a currency: how many decimal places one
 * unit of an amount stands for (CNY 2, USD 2, JPY 0, KRW 0, BHD 3, KWD 3,
 * CLF 4). Accepted are the active codes of ISO 4217 List One that have a minor
 * unit, fund codes included; codes whose minor unit ISO gives as "N.A." (XAU
 * and the other metals, XDR, XBA-XBD, XSU, XUA, XTS, XXX) and withdrawn codes
 * are refused, because an amount here is a count of minor units.
 * @param currency the code, three upper-case letters, e.g. "CNY".
 * @param digits_out receives the digits (0 to 4); untouched on failure.
 * @return SC_ERR_INVALID_ARGUMENT (field "currency") when currency is NULL or
 *         not an accepted code, SC_ERR_INVALID_UTF8 (field "currency") for bytes
 *         that are not UTF-8, SC_ERR_INVALID_ARGUMENT (field "digits_out") when
 *         digits_out is NULL. Thread-safe.
 */
SC_API sc_status_t sc_currency_minor_units(const char* currency, int32_t* digits_out, sc_error** err);

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */
/* ------------------------------------------------------------------------ */

/** The error's status code; SC_OK for NULL. Thread-safe. */
SC_API sc_status_t sc_error_code(const sc_error* error);

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
typedef enum sc_durability_t {
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
} sc_durability_t;

/**
 * The engine's clock: returns UTC milliseconds since the epoch. It is called on
 * the thread that made the engine call, never while a database transaction is
 * open, and must not call back into the engine. Calls on several threads may
 * overlap, so it must be thread-safe.
 */
typedef int64_t (*sc_clock_fn)(void* user_data);

/**
 * Creates an options object with every setting at its default.
 * @param out receives the object; free with sc_options_free().
 * @return SC_ERR_INVALID_ARGUMENT when out is NULL. Thread-safe.
 */
SC_API sc_status_t sc_options_new(sc_options** out, sc_error** err);

/** Frees options (and releases a clock's user_data). Accepts NULL. */
SC_API void sc_options_free(sc_options* options);

/**
 * Sets the durability (default SC_DURABILITY_FULL).
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or an unknown value.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_durability(sc_options* options, sc_durability_t durability,
                                           sc_error** err);

/**
 * Sets how long an unpaid order holds its stock (default 15 minutes).
 * @param window_ms from 1000 (1 s) to 604800000 (7 days).
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or a value out of range.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_payment_window_ms(sc_options* options, int64_t window_ms,
                                                  sc_error** err);

/**
 * Sets how long a write waits for another process's lock before the engine
 * retries and finally reports SC_ERR_BUSY (default 5000 ms).
 * @param timeout_ms from 0 to 600000.
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or a value out of range.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_busy_timeout_ms(sc_options* options, int64_t timeout_ms,
                                                sc_error** err);

/**
 * Sets the page cache of each of the engine's database connections (default
 * 8192 KiB). A cache that holds the hot part of the indexes keeps the cost of
 * a call flat as the file grows; memory is taken only as pages are used.
 * @param kib from 256 to 1048576 (1 GiB).
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or a value out of range.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_cache_size_kib(sc_options* options, int64_t kib, sc_error** err);

/**
 * Sets how many reader connections the engine may open (default 4). Reads
 * use them beside the writer and wait only when all are busy; 0 makes reads
 * share the writer's connection (and wait for writes), for the smallest
 * memory footprint. A ":memory:" database always reads through its writer.
 * @param count from 0 to 64.
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or a value out of range.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_read_connections(sc_options* options, int64_t count, sc_error** err);

/**
 * Sets how long events are kept: sc_engine_compact() removes older ones
 * (default 30 days). Events inside the window can always be read.
 * @param retention_ms from 3600000 (1 hour) to 3153600000000 (100 years).
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or a value out of range.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_event_retention_ms(sc_options* options, int64_t retention_ms,
                                                   sc_error** err);

/**
 * Sets how long idempotency keys are remembered: sc_engine_compact() forgets
 * older ones (default 30 days). A retry with the same key inside the window
 * returns the first result; after it, the key is new again.
 * @param retention_ms from 3600000 (1 hour) to 3153600000000 (100 years).
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or a value out of range.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_idempotency_retention_ms(sc_options* options, int64_t retention_ms,
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
SC_API sc_status_t sc_options_set_clock(sc_options* options, sc_clock_fn fn, void* user_data,
                                      void (*user_data_free)(void* user_data), sc_error** err);

/** How much a log message matters. Values are stable. */
typedef enum sc_log_level_t {
    /** Detail for tracing the engine's work. */
    SC_LOG_DEBUG = 0,
    /** Normal events worth a line (e.g. "settled 8 lapsed orders"). */
    SC_LOG_INFO = 1,
    /** Trouble the engine handled itself (e.g. a busy database it retried). */
    SC_LOG_WARNING = 2,
    /** A failure reported to the caller that is the storage's, not the call's
     *  (an I/O or corruption error: SC_ERR_STORAGE). */
    SC_LOG_ERROR = 3
} sc_log_level_t;

/**
 * Receives the engine's log messages: UTF-8, English, for developers; they never
 * contain personal data (user ids, names) or document text. The message is borrowed
 * for the duration of the call. It runs on the thread of the engine call that made
 * the message, after that call has left the database: never while a transaction is
 * open or an engine lock is held. Calls from several threads may overlap, so it must
 * be thread-safe. It must not call back into the engine and should return quickly.
 */
typedef void (*sc_log_fn)(void* user_data, sc_log_level_t level, const char* message);

/**
 * Sets the log callback (by default the engine logs nothing). The options own
 * user_data from now on and call user_data_free (if not NULL) when the last engine
 * opened with them closes or when the options are freed or given another log
 * callback, whichever is last.
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or fn. On failure user_data is
 *         not taken: user_data_free is not called and stays the caller's job.
 * Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_log(sc_options* options, sc_log_fn fn, void* user_data,
                                    void (*user_data_free)(void* user_data), sc_error** err);

/**
 * Sets the least level that reaches the log callback (default SC_LOG_INFO);
 * messages below it are not even made.
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or an unknown level.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_log_level(sc_options* options, sc_log_level_t min_level,
                                          sc_error** err);

/* ------------------------------------------------------------------------ */
/* Engine                                                                   */
/* ------------------------------------------------------------------------ */

/**
 * Opens (creating if needed) the database at path and migrates it to the
 * library's schema. The file is marked as socialcart's (PRAGMA application_id);
 * a SQLite file of another application is refused before anything is written
 * to it, and left byte for byte as it was.
 * @param path a file path (UTF-8); ":memory:" for a private in-memory database.
 * @param options NULL for defaults; read during the call, may be freed after.
 * @param out receives the engine; close with sc_engine_close().
 * @return SC_ERR_INVALID_ARGUMENT / SC_ERR_INVALID_UTF8 for bad arguments,
 *         SC_ERR_SCHEMA_TOO_NEW when a newer library wrote the file,
 *         SC_ERR_STORAGE when it cannot be opened or belongs to another
 *         application (field "path"), SC_ERR_BUSY when another process held it
 *         locked past the busy timeout. Thread-safe.
 */
SC_API sc_status_t sc_engine_open(const char* path, const sc_options* options, sc_engine** out,
                                sc_error** err);

/**
 * Closes the engine. Accepts NULL. Call it once, when no other thread is using
 * the engine. Subscriptions stay valid objects but receive nothing more.
 */
SC_API void sc_engine_close(sc_engine* engine);

/**
 * Settles one page of deadlines that have passed: up to max_orders unpaid
 * orders whose payment window lapsed are cancelled (oldest deadline first) and
 * their holds released, with their events. This is housekeeping, not needed
 * for correctness: reads already see a lapsed order as cancelled and its stock
 * as free, and each write settles the orders it touches plus a few more. Call
 * it again while *more_out is true; each call is one short transaction.
 * @param max_orders from 1 to 100000.
 * @param settled_out if not NULL, receives how many orders were settled.
 * @param more_out if not NULL, receives whether lapsed orders remain.
 * @return SC_ERR_INVALID_ARGUMENT for a NULL engine or max_orders out of range.
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_sweep(sc_engine* engine, size_t max_orders, int64_t* settled_out,
                                 bool* more_out, sc_error** err);

/**
 * Compacts one page: removes up to max_rows of the oldest events stamped
 * before the event retention (sc_options_set_event_retention_ms) and up to
 * max_rows idempotency records made before the idempotency retention. Events
 * go oldest first by sequence number, so what remains of the log has no gaps.
 * The file keeps its size; freed pages are reused by later writes. Call it
 * again while *more_out is true.
 * @param max_rows from 1 to 100000.
 * @param events_removed_out, idempotency_removed_out, more_out may be NULL.
 * @return SC_ERR_INVALID_ARGUMENT for a NULL engine or max_rows out of range.
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_compact(sc_engine* engine, size_t max_rows, int64_t* events_removed_out,
                                   int64_t* idempotency_removed_out, bool* more_out, sc_error** err);

/* ------------------------------------------------------------------------ */
/* Catalog                                                                  */
/* ------------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------------ */
/* Program document (JSON): docs/program-document.md                        */
/* ------------------------------------------------------------------------ */

/**
 * Validates a program document and applies it in one transaction: all of it or
 * nothing. SKUs in it are created or replaced; SKUs not in it are kept. The
 * document is read strictly (docs/program-document.md): unknown fields,
 * duplicate keys, numbers too large to represent, nesting deeper than 32
 * levels and ids or text that break the rules of "Text and limits" above are
 * refused. Error messages name the field and the rule and never repeat text
 * from the document.
 * @param json the document, NUL-terminated UTF-8.
 * @return SC_ERR_INVALID_ARGUMENT for a NULL engine or json,
 *         SC_ERR_VALIDATION with the field at fault (e.g.
 *         "skus[2].list_price"; no field when the text is not a JSON object),
 *         SC_ERR_INVALID_UTF8 (field "json") for bytes that are not UTF-8,
 *         SC_ERR_CURRENCY_MISMATCH when the catalog already uses another
 *         currency. Thread-safe.
 */
SC_API sc_status_t sc_engine_program_import(sc_engine* engine, const char* json, sc_error** err);

/**
 * Exports the catalog as a program document that sc_engine_program_import()
 * accepts.
 * @param json_out receives the document; free with sc_string_free().
 * Thread-safe.
 */
SC_API sc_status_t sc_engine_program_export(sc_engine* engine, char** json_out, sc_error** err);

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

/* ------------------------------------------------------------------------ */
/* Quote: what checkout would charge for the selected lines now.           */
/* ------------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------------ */
/* Orders                                                                   */
/* ------------------------------------------------------------------------ */

/** Where an order is in its life. Values are stable. */
typedef enum sc_order_state_t {
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
} sc_order_state_t;

/** Why an order was cancelled. */
typedef enum sc_cancel_reason_t {
    /** The order is not cancelled. */
    SC_CANCEL_NONE = 0,
    /** sc_engine_order_cancel() was called. */
    SC_CANCEL_REQUESTED = 1,
    /** The payment window lapsed. */
    SC_CANCEL_PAYMENT_LAPSED = 2
} sc_cancel_reason_t;

/**
 * The stable name of an order state, e.g. "paid"; "unknown" otherwise.
 * @return a static string. Thread-safe.
 */
SC_API const char* sc_order_state_name(sc_order_state_t state);

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
SC_API sc_status_t sc_engine_checkout(sc_engine* engine, const char* user_id,
                                    const char* idempotency_key, sc_order** out, sc_error** err);

/**
 * Reads an order (settling its payment deadline first).
 * @param out receives the order; free with sc_order_free().
 * @return SC_ERR_NOT_FOUND for an unknown id. Thread-safe.
 */
SC_API sc_status_t sc_engine_order_get(sc_engine* engine, const char* order_id, sc_order** out,
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
SC_API sc_status_t sc_engine_order_pay(sc_engine* engine, const char* order_id,
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
SC_API sc_status_t sc_engine_order_cancel(sc_engine* engine, const char* order_id,
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
SC_API sc_status_t sc_engine_order_refund_line(sc_engine* engine, const char* order_id,
                                             size_t line_index, int64_t quantity,
                                             const char* idempotency_key, sc_order** out,
                                             sc_error** err);

/**
 * Refunds an amount of the order, spread over its lines in proportion to what
 * each has left to refund (largest-remainder method, exact to the minor unit).
 * @param amount_minor from 1 to what is left to refund.
 * @return as sc_engine_order_refund_line(). Thread-safe.
 */
SC_API sc_status_t sc_engine_order_refund_amount(sc_engine* engine, const char* order_id,
                                               int64_t amount_minor,
                                               const char* idempotency_key, sc_order** out,
                                               sc_error** err);

/** The order id. */
SC_API const char* sc_order_id(const sc_order* order);
/** The shopper. */
SC_API const char* sc_order_user_id(const sc_order* order);
/** The state; 0 (not a state) for NULL. */
SC_API sc_order_state_t sc_order_state(const sc_order* order);
/** Why it was cancelled (SC_CANCEL_NONE unless cancelled). */
SC_API sc_cancel_reason_t sc_order_cancel_reason(const sc_order* order);
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
/** When the index-th refund was made. */
SC_API int64_t sc_order_refund_time_ms(const sc_order* order, size_t index);
/** How many lines the index-th refund took from (its parts, by line index). */
SC_API size_t sc_order_refund_line_count(const sc_order* order, size_t refund);
/** The order line (sc_order_line_*) of a part of the refund-th refund. */
SC_API size_t sc_order_refund_line_index(const sc_order* order, size_t refund, size_t part);
/** Units the part refunded (0 for a refund by amount). */
SC_API int64_t sc_order_refund_line_quantity(const sc_order* order, size_t refund, size_t part);
/** Amount the part took from its line; a refund's parts add up to its amount. */
SC_API int64_t sc_order_refund_line_amount(const sc_order* order, size_t refund, size_t part);
/** Frees an order. Accepts NULL. */
SC_API void sc_order_free(sc_order* order);

/**
 * Finds the order that the user's checkout with this idempotency key made, as of
 * now (an unpaid order whose payment window lapsed reads as cancelled), so an app
 * that lost the response of sc_engine_checkout() can ask whether it happened.
 * Keys are remembered for the idempotency retention
 * (sc_options_set_idempotency_retention_ms) until sc_engine_compact() forgets them.
 * @param out receives the order; free with sc_order_free().
 * @return SC_ERR_NOT_FOUND (field "idempotency_key") when no checkout of this user
 *         used the key; SC_ERR_INVALID_ARGUMENT / SC_ERR_INVALID_UTF8 for bad ids.
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_order_get_by_checkout_key(sc_engine* engine, const char* user_id,
                                                 const char* idempotency_key, sc_order** out,
                                                 sc_error** err);

/** The state argument of sc_engine_order_list_by_user() that matches every state. */
#define SC_ORDER_STATE_ANY ((sc_order_state_t)0)

/**
 * Reads one page of a shopper's orders, newest first (by creation time, then id),
 * each as of now. Paged as described above sc_engine_catalog_list_by_merchant().
 * @param state one sc_order_state_t, or SC_ORDER_STATE_ANY. The state is the one a
 *        read sees now: a lapsed unpaid order counts as SC_ORDER_CANCELLED.
 * @param from_ms, to_ms only orders created in [from_ms, to_ms); pass 0 and
 *        INT64_MAX for all. 0 <= from_ms <= to_ms.
 * @param cursor NULL or "" for the first page, else sc_orders_next_cursor().
 * @param limit from 1 to 1000.
 * @param out receives the page; free with sc_orders_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "user_id", "state", "from_ms", "to_ms",
 *         "cursor" or "limit"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_order_list_by_user(sc_engine* engine, const char* user_id,
                                          sc_order_state_t state, int64_t from_ms, int64_t to_ms,
                                          const char* cursor, size_t limit, sc_orders** out,
                                          sc_error** err);

/** Number of orders on the page. */
SC_API size_t sc_orders_count(const sc_orders* orders);
/**
 * The index-th order, borrowed from the page: read it with the sc_order_*
 * accessors, do not free it.
 */
SC_API const sc_order* sc_orders_at(const sc_orders* orders, size_t index);
/** The cursor of the next page; "" when there is none. Borrowed; NULL for NULL. */
SC_API const char* sc_orders_next_cursor(const sc_orders* orders);
/** Frees a page and every order borrowed from it. Accepts NULL. */
SC_API void sc_orders_free(sc_orders* orders);

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
SC_API sc_status_t sc_engine_events_read(sc_engine* engine, int64_t after_seq, size_t limit,
                                       sc_events** out, sc_error** err);

/**
 * Reads up to limit events of one type (e.g. "order.paid") with a sequence number
 * greater than after_seq, in order; continue from the last seq read. An unknown
 * type has no events.
 * @param limit from 1 to 10000.
 * @param out receives the events; free with sc_events_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "type", "after_seq" or "limit"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_events_read_type(sc_engine* engine, const char* type, int64_t after_seq,
                                            size_t limit, sc_events** out, sc_error** err);

/**
 * The sequence number of the latest event in the log; 0 when the log is empty.
 * A host that only wants what happens from now on starts reading after it.
 * @param seq_out receives the number.
 * @return SC_ERR_INVALID_ARGUMENT for a NULL engine or seq_out. Thread-safe.
 */
SC_API sc_status_t sc_engine_events_latest_seq(sc_engine* engine, int64_t* seq_out, sc_error** err);

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
 * Receives the events of one engine call, after its transaction committed and
 * outside every engine lock, in sequence order. It runs on the thread of an
 * engine call that wrote: the calling thread when one thread writes at a time;
 * when several threads write at once, whichever of them is delivering passes
 * on the others' batches too, so a callback may run on another writer's
 * thread. It may call the engine; a call that writes from inside it has its
 * events delivered after the current batch has reached every subscriber. A
 * slow callback delays only the thread delivering, never another engine call.
 * The batch is borrowed for the duration of the callback. Changes made by
 * another process or another engine handle are not delivered: read those with
 * sc_engine_events_read().
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
SC_API sc_status_t sc_engine_events_subscribe(sc_engine* engine, sc_event_fn fn, void* user_data,
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
