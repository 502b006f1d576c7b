/**
 * @file socialcart/points.h
 * Points (FEATURES §5): the points program, a member's balance, lots and paged
 * history, operator adjustments, daily sign-in, activities under a daily cap,
 * and the liability report. Points pay at checkout through the checkout
 * request (sc_checkout_request_set_points(), socialcart/checkout.h); a paid
 * order earns points, pending for the program's return window; refunds reverse
 * and return them in proportion. docs/points.md states every rule.
 *
 * Every change is an entry of the member's append-only ledger; balances are
 * derived from the entries. Points are whole numbers (int64).
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_POINTS_H
#define SOCIALCART_POINTS_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The kind of a ledger entry. Values are stable. */
typedef enum sc_points_entry_kind_t {
    /** A new lot: an order's points (pending until vested), a sign-in, an activity. */
    SC_POINTS_EARN = 1,
    /** Points taken from available lots. */
    SC_POINTS_SPEND = 2,
    /** Points reserved for an unpaid order (no change to the balance). */
    SC_POINTS_HOLD = 3,
    /** A hold given back: the order was cancelled or its payment window lapsed. */
    SC_POINTS_RELEASE = 4,
    /** A hold made final: the order was paid. */
    SC_POINTS_COMMIT = 5,
    /** The rest of a lot past its expiry. */
    SC_POINTS_EXPIRE = 6,
    /** Earned points taken back by a refund. */
    SC_POINTS_REVERSE = 7,
    /** Spent points given back by a refund, into the lots they came from. */
    SC_POINTS_RETURN = 8,
    /** An operator's correction, with a reason; positive or negative. */
    SC_POINTS_ADJUST = 9
} sc_points_entry_kind_t;

/**
 * The stable name of an entry kind, e.g. "earn"; "unknown" otherwise.
 * @return a static string. Thread-safe.
 */
SC_API const char* sc_points_entry_kind_name(sc_points_entry_kind_t kind);

/**
 * Sets the points program: the "points" object of the program document
 * (earn rate, redeem rate, unit and cap, expiry mode, return window, sign-in
 * table, activities), read as strictly as the document. Replaces the program
 * as a whole; a program equal to the stored one changes nothing and appends
 * no event.
 * @param json UTF-8 JSON text of one object.
 * @return SC_ERR_VALIDATION naming the field ("redeem.max_share_bps"),
 *         SC_ERR_INVALID_ARGUMENT (field "engine" or "json"). Thread-safe.
 */
SC_API sc_status_t sc_engine_points_program_put(sc_engine* engine, const char* json, sc_error** err);

/**
 * Reads a member's balance as of now. Points held by an unpaid order whose
 * payment window has passed read as available.
 * @param out receives the balance; free with sc_points_balance_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "user_id" or "out"),
 *         SC_ERR_INVALID_UTF8. A member with no entries has a zero balance.
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_points_balance(sc_engine* engine, const char* user_id, sc_points_balance** out,
                                          sc_error** err);
/** Spendable now: vested, not expired, not held. */
SC_API int64_t sc_points_balance_available(const sc_points_balance* balance);
/** Earned by orders still inside their return window: not yet spendable. */
SC_API int64_t sc_points_balance_pending(const sc_points_balance* balance);
/** Reserved by unpaid orders. */
SC_API int64_t sc_points_balance_held(const sc_points_balance* balance);
/**
 * Points owed: reversed by a refund after they were spent. While above 0 the
 * member cannot spend, and points earned repay it first.
 */
SC_API int64_t sc_points_balance_debt(const sc_points_balance* balance);
/**
 * The sum of the ledger's entries: available + pending + held − debt (and
 * points past expiry that no entry has settled yet). Below 0 only through debt.
 */
SC_API int64_t sc_points_balance_total(const sc_points_balance* balance);
/** Frees a balance. Accepts NULL. */
SC_API void sc_points_balance_free(sc_points_balance* balance);

/**
 * Reads a member's lots that still have points free or held, soonest expiry
 * first and never-expiring last (the order spending takes them in).
 * @param out receives the lots; free with sc_points_lots_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "user_id" or "out"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_points_lots(sc_engine* engine, const char* user_id, sc_points_lots** out,
                                       sc_error** err);
/** Number of lots. */
SC_API size_t sc_points_lots_count(const sc_points_lots* lots);
/** The lot's id: the seq of the entry that earned it. */
SC_API int64_t sc_points_lot_id(const sc_points_lots* lots, size_t index);
/** Points the lot was earned with. */
SC_API int64_t sc_points_lot_earned(const sc_points_lots* lots, size_t index);
/** Points free in it: pending before its vesting time, available after. */
SC_API int64_t sc_points_lot_free(const sc_points_lots* lots, size_t index);
/** Points of it held by unpaid orders. */
SC_API int64_t sc_points_lot_held(const sc_points_lots* lots, size_t index);
/** When it was earned (UTC ms). */
SC_API int64_t sc_points_lot_earned_at_ms(const sc_points_lots* lots, size_t index);
/** From when its points are spendable (UTC ms). */
SC_API int64_t sc_points_lot_vests_at_ms(const sc_points_lots* lots, size_t index);
/** Whether it expires; false also out of range. */
SC_API bool sc_points_lot_expires(const sc_points_lots* lots, size_t index);
/** When it expires (UTC ms, exclusive) if sc_points_lot_expires(); 0 otherwise. */
SC_API int64_t sc_points_lot_expires_at_ms(const sc_points_lots* lots, size_t index);
/** Frees the lots. Accepts NULL. */
SC_API void sc_points_lots_free(sc_points_lots* lots);

/**
 * Reads a page of a member's ledger, newest entry first.
 * @param cursor NULL or "" for the first page; otherwise the page's
 *        sc_points_page_next_cursor() from the same query.
 * @param limit entries per page, 1..1000.
 * @param out receives the page; free with sc_points_page_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "user_id", "cursor": not one this
 *         query returned, "limit" or "out"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_points_history(sc_engine* engine, const char* user_id, const char* cursor,
                                          int64_t limit, sc_points_page** out, sc_error** err);
/** Number of entries in the page. */
SC_API size_t sc_points_page_count(const sc_points_page* page);
/** The index-th entry, borrowed from the page: do not free it. NULL out of range. */
SC_API const sc_points_entry* sc_points_page_at(const sc_points_page* page, size_t index);
/** The cursor of the next page; "" on the last page. Borrowed. */
SC_API const char* sc_points_page_next_cursor(const sc_points_page* page);
/** Frees a page and every entry borrowed from it. Accepts NULL. */
SC_API void sc_points_page_free(sc_points_page* page);

/*
 * Reading an entry. Accessors never fail: NULL reads as 0 or NULL. Strings are
 * borrowed from the entry.
 */

/** Its position in the member's ledger, from 1. */
SC_API int64_t sc_points_entry_seq(const sc_points_entry* entry);
/** Its kind; 0 (not a kind) for NULL. */
SC_API sc_points_entry_kind_t sc_points_entry_kind(const sc_points_entry* entry);
/** The points it is about (> 0; an adjustment's signed correction). */
SC_API int64_t sc_points_entry_points(const sc_points_entry* entry);
/** What it did to the balance: the sum of every entry's effect is the balance total. */
SC_API int64_t sc_points_entry_effect(const sc_points_entry* entry);
/**
 * What it is about: "order:<id>", "refund:<id>", "signin:2026-12-01",
 * "activity:<name>:<reference>", "operator".
 */
SC_API const char* sc_points_entry_reference(const sc_points_entry* entry);
/** When it was made (UTC ms). */
SC_API int64_t sc_points_entry_at_ms(const sc_points_entry* entry);
/** An earn's vesting time (UTC ms); 0 for other kinds. */
SC_API int64_t sc_points_entry_vests_at_ms(const sc_points_entry* entry);
/** An adjustment's reason; "" for other kinds. */
SC_API const char* sc_points_entry_reason(const sc_points_entry* entry);
/** Frees an entry. Accepts NULL. */
SC_API void sc_points_entry_free(sc_points_entry* entry);

/**
 * The operator corrects a member's points, with a reason. Positive: a new lot,
 * available at once, expiring by the program's expiry mode; it repays debt
 * first. Negative: taken from the available points as a spend would be, never
 * beyond them.
 * @param points ≠ 0.
 * @param reason required text, kept on the entry.
 * @param idempotency_key a retry with the same key returns the same entry and
 *        changes nothing; the same key with another correction is
 *        SC_ERR_IDEMPOTENCY_CONFLICT.
 * @param out if not NULL, receives the entry; free with sc_points_entry_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "user_id", "reason",
 *         "idempotency_key"; field "points": 0, or a debit beyond the available
 *         points), SC_ERR_INVALID_STATE (field "points": a debit while the member
 *         owes points), SC_ERR_INVALID_UTF8, SC_ERR_OVERFLOW. Thread-safe.
 */
SC_API sc_status_t sc_engine_points_adjust(sc_engine* engine, const char* user_id, int64_t points,
                                         const char* reason, const char* idempotency_key,
                                         sc_points_entry** out, sc_error** err);

/** The most items one sc_points_batch holds. */
#define SC_POINTS_BATCH_MAX 10000

/**
 * Creates an empty batch of corrections for sc_engine_points_adjust_batch():
 * e.g. a campaign bonus for a list of members, applied all or none.
 * @param out receives the batch; free with sc_points_batch_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "out"). Thread-safe; a batch itself
 *         is not: fill it from one thread at a time.
 */
SC_API sc_status_t sc_points_batch_new(sc_points_batch** out, sc_error** err);

/**
 * Adds one correction, with the arguments and rules of sc_engine_points_adjust().
 * The arguments are checked here; the ledger checks the rest when the batch is
 * applied. Strings are copied.
 * @return SC_ERR_INVALID_ARGUMENT (field "batch", "user_id", "points" (0),
 *         "reason" or "idempotency_key"), SC_ERR_INVALID_UTF8,
 *         SC_ERR_LIMIT_EXCEEDED (field "batch": SC_POINTS_BATCH_MAX items). A
 *         refused item leaves the batch as it was.
 */
SC_API sc_status_t sc_points_batch_add(sc_points_batch* batch, const char* user_id, int64_t points,
                                       const char* reason, const char* idempotency_key, sc_error** err);

/** Number of items in the batch; 0 for NULL. */
SC_API size_t sc_points_batch_count(const sc_points_batch* batch);

/** Frees a batch. Accepts NULL. */
SC_API void sc_points_batch_free(sc_points_batch* batch);

/**
 * Applies every correction of the batch in one transaction, in the order they
 * were added: all of them or, when one is refused, none. Each item is
 * idempotent under its key exactly as sc_engine_points_adjust() (they share
 * keys), so retrying a batch whose outcome is unknown appends nothing more,
 * and two items with one key and the same correction make one entry. Every
 * entry logs its event. The writer's lock is held while the batch runs: keep
 * batches to a few thousand items where other writes must stay quick.
 * @param appended if not NULL, receives the entries appended (items applied
 *        before under their keys append none).
 * @return SC_ERR_INVALID_ARGUMENT (field "engine" or "batch"; field "items":
 *         the batch is empty), and an item's error with the field naming the
 *         item, e.g. "items[3].points" (a debit beyond the member's available
 *         points) or "items[0].idempotency_key" (SC_ERR_IDEMPOTENCY_CONFLICT).
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_points_adjust_batch(sc_engine* engine, const sc_points_batch* batch,
                                                 int64_t* appended, sc_error** err);

/**
 * The member signs in for today (the UTC day of the engine's clock) and earns
 * the points of the sign-in table for the day of the streak: a missed day
 * starts the streak again at day 1, and so does the day after the table's last.
 * Once per day: signing in again that day returns the same result with
 * sc_sign_in_first() false and earns nothing.
 * @param out receives the result; free with sc_sign_in_free().
 * @return SC_ERR_INVALID_STATE (field "sign_in": the program has no sign-in
 *         table), SC_ERR_INVALID_ARGUMENT (field "user_id" or "out"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_points_sign_in(sc_engine* engine, const char* user_id, sc_sign_in** out,
                                          sc_error** err);
/** The day signed in, "YYYY-MM-DD" (UTC). Borrowed. */
SC_API const char* sc_sign_in_date(const sc_sign_in* sign_in);
/** The day of the streak, from 1. */
SC_API int64_t sc_sign_in_streak(const sc_sign_in* sign_in);
/** The points that day earned. */
SC_API int64_t sc_sign_in_points(const sc_sign_in* sign_in);
/** False when the member had already signed in that day (nothing was earned now). */
SC_API bool sc_sign_in_first(const sc_sign_in* sign_in);
/** Frees a sign-in result. Accepts NULL. */
SC_API void sc_sign_in_free(sc_sign_in* sign_in);

/**
 * The host reports an activity of the points program (a share, a review) and
 * the member earns its points, at most the activity's daily cap times per UTC
 * day.
 * @param activity the activity's name in the program, e.g. "share".
 * @param reference what was shared or reviewed, e.g. a SKU id; kept on the entry.
 * @param idempotency_key a retry with the same key returns the same entry and
 *        earns nothing more; the same key for another activity or reference is
 *        SC_ERR_IDEMPOTENCY_CONFLICT.
 * @param out if not NULL, receives the earn entry; free with sc_points_entry_free().
 * @return SC_ERR_NOT_FOUND (field "activity": not in the program),
 *         SC_ERR_LIMIT_EXCEEDED (field "activity": today's cap is reached),
 *         SC_ERR_INVALID_ARGUMENT (field "user_id", "activity", "reference" or
 *         "idempotency_key"), SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_points_activity(sc_engine* engine, const char* user_id, const char* activity,
                                           const char* reference, const char* idempotency_key,
                                           sc_points_entry** out, sc_error** err);

/**
 * Reads the points report: the liability now over every member (available,
 * pending, held, debt; the points members may still spend and their value at
 * the redeem rate) and the points earned, spent, expired, reversed, returned
 * and adjusted by entries made in [from_ms, to_ms).
 * @param out receives the report; free with sc_points_report_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "to_ms": before from_ms; field
 *         "engine" or "out"). Thread-safe.
 */
SC_API sc_status_t sc_engine_points_report(sc_engine* engine, int64_t from_ms, int64_t to_ms,
                                         sc_points_report** out, sc_error** err);
/** Members with a ledger. */
SC_API int64_t sc_points_report_members(const sc_points_report* report);
/** Σ available points. */
SC_API int64_t sc_points_report_available(const sc_points_report* report);
/** Σ pending points. */
SC_API int64_t sc_points_report_pending(const sc_points_report* report);
/** Σ held points. */
SC_API int64_t sc_points_report_held(const sc_points_report* report);
/** Σ debt. */
SC_API int64_t sc_points_report_debt(const sc_points_report* report);
/** available + pending + held: the points members may still spend. */
SC_API int64_t sc_points_report_liability_points(const sc_points_report* report);
/** Their value at the redeem rate, rounded down (minor units). */
SC_API int64_t sc_points_report_liability_amount(const sc_points_report* report);
/** The currency of liability_amount (the catalog's); "" before the first SKU. */
SC_API const char* sc_points_report_currency(const sc_points_report* report);
/** In the period: points earned. */
SC_API int64_t sc_points_report_earned(const sc_points_report* report);
/** In the period: points spent (spends and committed holds). */
SC_API int64_t sc_points_report_spent(const sc_points_report* report);
/** In the period: points expired. */
SC_API int64_t sc_points_report_expired(const sc_points_report* report);
/** In the period: earned points reversed by refunds. */
SC_API int64_t sc_points_report_reversed(const sc_points_report* report);
/** In the period: spent points returned by refunds. */
SC_API int64_t sc_points_report_returned(const sc_points_report* report);
/** In the period: the signed sum of adjustments. */
SC_API int64_t sc_points_report_adjusted(const sc_points_report* report);
/** Frees a report. Accepts NULL. */
SC_API void sc_points_report_free(sc_points_report* report);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_POINTS_H */
