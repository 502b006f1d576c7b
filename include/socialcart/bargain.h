/**
 * @file socialcart/bargain.h
 * Bargain (砍价, FEATURES §8): a program offers a SKU whose price a shopper's
 * friends cut. A shopper opens a bargain at the SKU's list price
 * (sc_engine_bargain_open()) and shares it (a share link targeting
 * SC_SHARE_TARGET_BARGAIN); each friend who helps (sc_engine_bargain_help())
 * cuts a random part of what remains above the program's floor, keeping at
 * least one minor unit per help still to come, so the H-th help lands exactly
 * on the floor. The draws come from the engine's random source
 * (sc_options_set_random()), so tests script them. The opener buys one unit at
 * the bargain's current price with a checkout whose request names the bargain
 * (sc_checkout_request_set_bargain()); the bargain is bought when that order
 * is paid. A bargain's deadline is the earlier of its opening + the program's
 * lifetime and the program's end; past it a bargain not bought is expired
 * (reads see it at once; writes and sc_engine_sweep() settle it).
 * docs/bargain.md describes every rule.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_BARGAIN_H
#define SOCIALCART_BARGAIN_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Where a bargain is in its life. Values are stable. */
typedef enum sc_bargain_state_t {
    SC_BARGAIN_OPEN = 1,          /**< friends' helps accrue */
    SC_BARGAIN_FLOOR_REACHED = 2, /**< the H-th help landed on the floor */
    SC_BARGAIN_BOUGHT = 3,        /**< an order at the bargained price was paid */
    SC_BARGAIN_EXPIRED = 4        /**< the deadline passed without a paid order */
} sc_bargain_state_t;

/** A figure of sc_bargain_report_get(). Values are stable. */
typedef enum sc_bargain_figure_t {
    SC_BARGAIN_FIGURE_OPENED = 1,
    SC_BARGAIN_FIGURE_COMPLETED = 2,              /**< reached the floor, bought afterwards or not */
    SC_BARGAIN_FIGURE_EXPIRED = 3,
    SC_BARGAIN_FIGURE_BOUGHT = 4,                 /**< paid */
    SC_BARGAIN_FIGURE_HELPS = 5,                  /**< over all the program's bargains */
    SC_BARGAIN_FIGURE_HELPERS_PER_COMPLETION = 6, /**< hundredths: helps × 100 / completed; 0 when none */
    SC_BARGAIN_FIGURE_CONVERSION_BPS = 7          /**< bought × 10000 / opened; 0 when none */
} sc_bargain_figure_t;

/* ------------------------------------------------------------------------ */
/* The checkout request                                                     */
/* ------------------------------------------------------------------------ */

/**
 * Makes the request a bargain checkout: the order is one unit of the
 * program's SKU at the bargain's current price, not the cart, which stays as
 * it is. The order keeps that price even if later helps lower the bargain's.
 * Coupons, points and shipping apply as to any checkout. sc_engine_checkout()
 * checks that the shopper opened the bargain (SC_ERR_INVALID_STATE, field
 * "bargain_id"), that it is not bought nor held by another unpaid order
 * (SC_ERR_INVALID_STATE) and not past its deadline (SC_ERR_EXPIRED); the
 * order's payment window ends by the bargain's deadline. A request names one
 * context: a cart, group-buy, flash-sale or bargain checkout (the checkout
 * refuses more with SC_ERR_INVALID_ARGUMENT, field "request").
 * @param bargain_id the bargain; NULL clears it (back to the cart).
 * @return SC_ERR_INVALID_ARGUMENT (field "request", or "bargain_id": empty
 *         or too long), SC_ERR_INVALID_UTF8 (field "bargain_id"); the request
 *         is unchanged on error. Not thread-safe on the same request.
 */
SC_API sc_status_t sc_checkout_request_set_bargain(sc_checkout_request* request, const char* bargain_id,
                                                 sc_error** err);
/** The bargain of a bargain checkout; "" for none or NULL. Borrowed. */
SC_API const char* sc_checkout_request_bargain_id(const sc_checkout_request* request);

/* ------------------------------------------------------------------------ */
/* Programs                                                                 */
/* ------------------------------------------------------------------------ */

/**
 * Puts a program (one entry of the program document's "bargains.programs",
 * docs/bargain.md), replacing the program with its id. Putting the stored
 * program again changes nothing. Event bargain_program.put.
 * @param json the program: {"id", "sku_id", "floor_price" (≥ 0), "helpers"
 *        (1-100), "lifetime_minutes" (1-43200), "starts_at", "ends_at"}.
 * @return SC_ERR_VALIDATION (the field at fault: a setting out of range, a
 *         SKU that does not exist, "floor_price" when the SKU's list price
 *         less the floor is below the helpers; no field for text that is not
 *         a JSON object), SC_ERR_INVALID_ARGUMENT (field "json": NULL),
 *         SC_ERR_INVALID_UTF8 (field "json"). Thread-safe.
 */
SC_API sc_status_t sc_engine_bargain_program_put(sc_engine* engine, const char* json, sc_error** err);

/**
 * Reads a program.
 * @param out receives it; free with sc_bargain_program_free().
 * @return SC_ERR_NOT_FOUND (field "program_id"), SC_ERR_INVALID_ARGUMENT
 *         (field "program_id" or "out"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_bargain_program_get(sc_engine* engine, const char* program_id,
                                               sc_bargain_program** out, sc_error** err);

/* Accessors never fail: NULL reads as 0 or NULL; strings are borrowed. */
/** The program's id. */
SC_API const char* sc_bargain_program_id(const sc_bargain_program* program);
/** The SKU its bargains buy. */
SC_API const char* sc_bargain_program_sku_id(const sc_bargain_program* program);
/** Where the H-th help lands (minor units of the catalog's currency). */
SC_API int64_t sc_bargain_program_floor_price(const sc_bargain_program* program);
/** H: the helps that take a bargain to the floor. */
SC_API int64_t sc_bargain_program_helpers(const sc_bargain_program* program);
/** A bargain's life from its opening, in minutes. */
SC_API int64_t sc_bargain_program_lifetime_minutes(const sc_bargain_program* program);
/** When bargains may start opening (UTC ms). */
SC_API int64_t sc_bargain_program_starts_at_ms(const sc_bargain_program* program);
/** When the program ends: no bargain opens after it nor outlives it (UTC ms). */
SC_API int64_t sc_bargain_program_ends_at_ms(const sc_bargain_program* program);
/** Frees a program. Accepts NULL. */
SC_API void sc_bargain_program_free(sc_bargain_program* program);

/* ------------------------------------------------------------------------ */
/* Bargains                                                                 */
/* ------------------------------------------------------------------------ */

/**
 * Opens a bargain of the program for the shopper at the SKU's list price.
 * A retry with the same key returns the first bargain. Event bargain.opened.
 * @param out receives the bargain; free with sc_bargain_free().
 * @return SC_ERR_NOT_FOUND (field "program_id"), SC_ERR_INVALID_STATE (field
 *         "program_id": before the program's window, or the SKU's list price
 *         now leaves less than one minor unit per helper above the floor; or
 *         the shopper already has a live bargain of the program),
 *         SC_ERR_EXPIRED (field "program_id": after the window),
 *         SC_ERR_IDEMPOTENCY_CONFLICT, SC_ERR_INVALID_ARGUMENT (field
 *         "program_id", "user_id", "idempotency_key" or "out"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_bargain_open(sc_engine* engine, const char* program_id, const char* user_id,
                                        const char* idempotency_key, sc_bargain** out, sc_error** err);

/**
 * A friend helps: cuts the bargain's price by a random amount (one draw of
 * the random source, made before the call touches the database; a retry
 * draws again but changes nothing). A retry with the same key returns the
 * first result. Events bargain.helped and, with the H-th help,
 * bargain.floor_reached.
 * @param amount_out if not NULL, receives the amount cut.
 * @param out if not NULL, receives the bargain after the help; free with
 *        sc_bargain_free().
 * @return SC_ERR_NOT_FOUND (field "bargain_id"), SC_ERR_INVALID_STATE (field
 *         "user_id": the opener, or a friend who already helped; field
 *         "bargain_id": the floor is reached or it was bought),
 *         SC_ERR_EXPIRED (field "bargain_id"), SC_ERR_IDEMPOTENCY_CONFLICT,
 *         SC_ERR_INVALID_ARGUMENT (field "bargain_id", "helper_user_id" or
 *         "idempotency_key"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_bargain_help(sc_engine* engine, const char* bargain_id, const char* helper_user_id,
                                        const char* idempotency_key, int64_t* amount_out, sc_bargain** out,
                                        sc_error** err);

/**
 * Reads a bargain as of now: past its deadline a bargain not bought reads
 * expired before a write settles it.
 * @param out receives it; free with sc_bargain_free().
 * @return SC_ERR_NOT_FOUND (field "bargain_id"), SC_ERR_INVALID_ARGUMENT
 *         (field "bargain_id" or "out"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_bargain_get(sc_engine* engine, const char* bargain_id, sc_bargain** out,
                                       sc_error** err);

/**
 * Lists the bargains a shopper opened, newest first, as of now.
 * @param limit from 1 to 100.
 * @param out receives the list; free with sc_bargains_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "user_id", "limit" or "out"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_bargains_of_user(sc_engine* engine, const char* user_id, size_t limit,
                                            sc_bargains** out, sc_error** err);

/** How many bargains the list holds. */
SC_API size_t sc_bargains_count(const sc_bargains* bargains);
/** A bargain, borrowed from the list; NULL past the end. */
SC_API const sc_bargain* sc_bargains_at(const sc_bargains* bargains, size_t index);
/** Frees a list and every bargain borrowed from it. Accepts NULL. */
SC_API void sc_bargains_free(sc_bargains* bargains);

/** The bargain's id ("brg_..."): the target of its invite link. */
SC_API const char* sc_bargain_id(const sc_bargain* bargain);
/** Its program. */
SC_API const char* sc_bargain_program_id_of(const sc_bargain* bargain);
/** The shopper who opened it: the only one who may buy it. */
SC_API const char* sc_bargain_user_id(const sc_bargain* bargain);
/** The SKU it buys. */
SC_API const char* sc_bargain_sku_id(const sc_bargain* bargain);
/** Its state; 0 for NULL. */
SC_API sc_bargain_state_t sc_bargain_state(const sc_bargain* bargain);
/** The SKU's list price when it opened. */
SC_API int64_t sc_bargain_start_price(const sc_bargain* bargain);
/** The program's floor when it opened. */
SC_API int64_t sc_bargain_floor_price(const sc_bargain* bargain);
/** The price now: the start price less every help. */
SC_API int64_t sc_bargain_price(const sc_bargain* bargain);
/** H: the helps that take it to the floor. */
SC_API int64_t sc_bargain_helpers_needed(const sc_bargain* bargain);
/** When it opened (UTC ms). */
SC_API int64_t sc_bargain_opened_at_ms(const sc_bargain* bargain);
/** When it expires unless bought (UTC ms). */
SC_API int64_t sc_bargain_deadline_ms(const sc_bargain* bargain);
/** When it was bought or expired (UTC ms); 0 before. */
SC_API int64_t sc_bargain_ended_at_ms(const sc_bargain* bargain);
/** The paid order that bought it; "" before. */
SC_API const char* sc_bargain_order_id(const sc_bargain* bargain);
/** The helps it got, in the order they landed. */
SC_API size_t sc_bargain_help_count(const sc_bargain* bargain);
/** The friend of the index-th help; NULL past the end. */
SC_API const char* sc_bargain_help_user_id(const sc_bargain* bargain, size_t index);
/** What it cut (≥ 1); 0 past the end. */
SC_API int64_t sc_bargain_help_amount(const sc_bargain* bargain, size_t index);
/** The bargain's price once it landed; 0 past the end. */
SC_API int64_t sc_bargain_help_price_after(const sc_bargain* bargain, size_t index);
/** When it landed (UTC ms); 0 past the end. */
SC_API int64_t sc_bargain_help_at_ms(const sc_bargain* bargain, size_t index);
/** Frees a bargain. Accepts NULL. */
SC_API void sc_bargain_free(sc_bargain* bargain);

/** Stable names ("floor_reached"); "unknown" outside the enum. Never NULL. Thread-safe. */
SC_API const char* sc_bargain_state_name(sc_bargain_state_t state);

/* ------------------------------------------------------------------------ */
/* The program report                                                       */
/* ------------------------------------------------------------------------ */

/**
 * Reads a program's figures as of now.
 * @param out receives them; free with sc_bargain_report_free().
 * @return SC_ERR_NOT_FOUND (field "program_id"), SC_ERR_INVALID_ARGUMENT
 *         (field "program_id" or "out"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_bargain_report(sc_engine* engine, const char* program_id, sc_bargain_report** out,
                                          sc_error** err);
/** A figure; 0 for NULL or a figure that is not one. */
SC_API int64_t sc_bargain_report_get(const sc_bargain_report* report, sc_bargain_figure_t figure);
/** Frees a report. Accepts NULL. */
SC_API void sc_bargain_report_free(sc_bargain_report* report);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_BARGAIN_H */
