/**
 * @file socialcart/coupons.h
 * Coupons: issuing copies of a template to shoppers (claim, operator grant,
 * public promo code), listing a shopper's coupons, and the report per template.
 * Templates themselves are defined in the program document or with
 * sc_engine_coupon_template_put() (socialcart/rules.h).
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_COUPONS_H
#define SOCIALCART_COUPONS_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Where a coupon is in its life (FEATURES §4). Values are stable. */
typedef enum sc_coupon_state_t {
    /** The shopper may use it (inside its validity). */
    SC_COUPON_AVAILABLE = 1,
    /** Held by an unpaid order until it is paid, cancelled or lapses. */
    SC_COUPON_HELD = 2,
    /** Its order was paid. A full refund may make it available again. */
    SC_COUPON_USED = 3,
    /** Its validity ended while it was available. */
    SC_COUPON_EXPIRED = 4,
    /** The operator withdrew it. */
    SC_COUPON_REVOKED = 5
} sc_coupon_state_t;

/** The state argument of sc_engine_coupon_list_by_user() that matches every state. */
#define SC_COUPON_STATE_ANY ((sc_coupon_state_t)0)

/**
 * The stable name of a coupon state, e.g. "held"; "unknown" otherwise.
 * @return a static string. Thread-safe.
 */
SC_API const char* sc_coupon_state_name(sc_coupon_state_t state);

/**
 * The shopper claims a copy of a template whose issue mode is "claim". The
 * template's total quantity and per-user limit hold exactly, also under
 * concurrent claims from several threads or processes.
 * @param idempotency_key a retry with the same key returns the same coupon and
 *        issues nothing more; the same key with another user or template is
 *        SC_ERR_IDEMPOTENCY_CONFLICT.
 * @param out receives the coupon; free with sc_coupon_free().
 * @return SC_ERR_NOT_FOUND (field "template_id"), SC_ERR_INVALID_STATE (field
 *         "template_id": the template is issued another way; field "user_id":
 *         outside the template's audience, e.g. a new-users coupon for a
 *         shopper with a paid order), SC_ERR_EXPIRED (field "template_id": its
 *         fixed validity has ended), SC_ERR_LIMIT_EXCEEDED (field "template_id":
 *         every copy is taken; field "user_id": the per-user limit).
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_coupon_claim(sc_engine* engine, const char* user_id,
                                        const char* template_id, const char* idempotency_key,
                                        sc_coupon** out, sc_error** err);

/**
 * The operator grants a copy of a template whose issue mode is "grant" (e.g. an
 * apology coupon). Limits, audience and errors as sc_engine_coupon_claim().
 * Thread-safe.
 */
SC_API sc_status_t sc_engine_coupon_grant(sc_engine* engine, const char* user_id,
                                        const char* template_id, const char* idempotency_key,
                                        sc_coupon** out, sc_error** err);

/**
 * The shopper types a public promo code such as "SPRING20" and receives a copy
 * of the template with that code (issue mode "promo_code"). Codes match
 * exactly, case included. Limits, audience and errors as
 * sc_engine_coupon_claim(), with SC_ERR_NOT_FOUND (field "promo_code") for a
 * code no template has. Thread-safe.
 */
SC_API sc_status_t sc_engine_coupon_redeem_code(sc_engine* engine, const char* user_id,
                                              const char* promo_code, const char* idempotency_key,
                                              sc_coupon** out, sc_error** err);

/**
 * The member exchanges points for a copy of a template whose issue mode is
 * "points": the template's points_cost is spent from the member's available
 * points (soonest-expiring first, docs/points.md) in the same transaction that
 * issues the coupon, so either both happen or neither. Limits, audience and
 * idempotency as sc_engine_coupon_claim(); a retry with the same key returns
 * the same coupon and spends nothing more.
 * @param out receives the coupon; free with sc_coupon_free().
 * @return the errors of sc_engine_coupon_claim(), and SC_ERR_INVALID_ARGUMENT
 *         (field "points": fewer available points than the cost; pending and
 *         held points do not count), SC_ERR_INVALID_STATE (field "points": the
 *         member owes points after a refund). Thread-safe.
 */
SC_API sc_status_t sc_engine_coupon_exchange_points(sc_engine* engine, const char* user_id,
                                                  const char* template_id, const char* idempotency_key,
                                                  sc_coupon** out, sc_error** err);

/**
 * Reads a shopper's coupons as of now, in the order they were issued (oldest
 * first, also within one millisecond): a coupon held by an
 * order whose payment window has passed reads as available, an available one
 * past its validity as expired.
 * @param state one sc_coupon_state_t, or SC_COUPON_STATE_ANY.
 * @param out receives the list; free with sc_coupons_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "user_id", "state" or "out"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_coupon_list_by_user(sc_engine* engine, const char* user_id,
                                               sc_coupon_state_t state, sc_coupons** out,
                                               sc_error** err);

/**
 * The operator withdraws an available coupon (e.g. one issued by mistake); it
 * can no longer be held or used. Revoking a revoked coupon returns it
 * unchanged, so retries are safe.
 * @param out if not NULL, receives the coupon; free with sc_coupon_free().
 * @return SC_ERR_NOT_FOUND (field "code"), SC_ERR_INVALID_STATE for a coupon
 *         that is held (cancel its order first), used or expired. Thread-safe.
 */
SC_API sc_status_t sc_engine_coupon_revoke(sc_engine* engine, const char* code, sc_coupon** out,
                                         sc_error** err);

/*
 * Reading a coupon. Accessors never fail: NULL reads as 0 or NULL. Strings are
 * borrowed from the coupon.
 */

/** The coupon's code: unguessable, unique; what sc_checkout_request_add_coupon() takes. */
SC_API const char* sc_coupon_code(const sc_coupon* coupon);
/** The template it was issued from. */
SC_API const char* sc_coupon_template_id(const sc_coupon* coupon);
/** The shopper who owns it. */
SC_API const char* sc_coupon_owner_id(const sc_coupon* coupon);
/** Its state as of the read; 0 (not a state) for NULL. */
SC_API sc_coupon_state_t sc_coupon_state(const sc_coupon* coupon);
/** Start of its validity (UTC ms, inclusive). */
SC_API int64_t sc_coupon_valid_from_ms(const sc_coupon* coupon);
/** End of its validity (UTC ms, exclusive). */
SC_API int64_t sc_coupon_valid_until_ms(const sc_coupon* coupon);
/** When it was issued to the owner. */
SC_API int64_t sc_coupon_claimed_at_ms(const sc_coupon* coupon);
/** The order holding it while SC_COUPON_HELD; "" otherwise. */
SC_API const char* sc_coupon_order_id(const sc_coupon* coupon);
/** Frees a coupon. Accepts NULL. */
SC_API void sc_coupon_free(sc_coupon* coupon);

/** Number of coupons in the list. */
SC_API size_t sc_coupons_count(const sc_coupons* coupons);
/**
 * The index-th coupon, borrowed from the list: read it with the sc_coupon_*
 * accessors, do not free it. NULL out of range.
 */
SC_API const sc_coupon* sc_coupons_at(const sc_coupons* coupons, size_t index);
/** Frees a list and every coupon borrowed from it. Accepts NULL. */
SC_API void sc_coupons_free(sc_coupons* coupons);

/**
 * Reads the coupon report: one row per template, in template id order, with
 * the figures an operator judges a coupon campaign by (docs/pricing.md,
 * "Coupon report").
 * @param out receives the report; free with sc_coupon_report_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "engine" or "out"). Thread-safe.
 */
SC_API sc_status_t sc_engine_coupon_report(sc_engine* engine, sc_coupon_report** out,
                                         sc_error** err);
/** Number of rows (templates). */
SC_API size_t sc_coupon_report_count(const sc_coupon_report* report);
/** The currency of the money figures (the catalog's); "" for an empty report or catalog. */
SC_API const char* sc_coupon_report_currency(const sc_coupon_report* report);
/** The row's template id. */
SC_API const char* sc_coupon_report_template_id(const sc_coupon_report* report, size_t index);
/** Copies the template offers (its total quantity); -1 when unlimited. */
SC_API int64_t sc_coupon_report_total_quantity(const sc_coupon_report* report, size_t index);
/** Copies taken by shoppers: claimed, granted and redeemed from a promo code. */
SC_API int64_t sc_coupon_report_claimed(const sc_coupon_report* report, size_t index);
/** Times an order using one of its coupons was paid. */
SC_API int64_t sc_coupon_report_used(const sc_coupon_report* report, size_t index);
/** Times a full refund gave one back. */
SC_API int64_t sc_coupon_report_returned(const sc_coupon_report* report, size_t index);
/** Copies now held by unpaid orders whose payment window has not passed. */
SC_API int64_t sc_coupon_report_held(const sc_coupon_report* report, size_t index);
/** The discount its coupons now in state used gave (minor units). */
SC_API int64_t sc_coupon_report_discount_given(const sc_coupon_report* report, size_t index);
/** Frees a report. Accepts NULL. */
SC_API void sc_coupon_report_free(sc_coupon_report* report);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_COUPONS_H */
