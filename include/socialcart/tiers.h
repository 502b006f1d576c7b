/**
 * @file socialcart/tiers.h
 * Member tiers (FEATURES §6): the tier program, a member's tier with the
 * figures of the member page, and the operator's tier report. docs/tiers.md
 * states every rule.
 *
 * A member is in one tier of the program's ordered list by a qualifying
 * figure: minor units of goods paid over a rolling window (refunds
 * subtracted), or growth points earned over the member's lifetime (reversals
 * subtracted). A payment that crosses a threshold upgrades at once, in the
 * payment's transaction; a member goes down only at the end of an evaluation
 * period (a calendar month, quarter or year in UTC), when the engine next
 * touches the member or sc_engine_sweep() reaches them. The member's tier
 * prices every quote: the member price (step 2), the points multiplier on the
 * points an order earns, tier-only coupon templates (audience min_tier) and
 * the free-shipping threshold.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_TIERS_H
#define SOCIALCART_TIERS_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Sets the tier program: the "tiers" object of the program document (basis,
 * window_days, period, tiers with thresholds and benefits), read as strictly
 * as the document. Replaces the program as a whole; a program equal to the
 * stored one changes nothing and appends no event. Members whose tier the new
 * program no longer has are placed afresh by their figure when next touched.
 * @param json UTF-8 JSON text of one object.
 * @return SC_ERR_VALIDATION naming the field ("tiers[2].threshold"), also when a
 *         coupon template's audience min_tier names a rank the program has no
 *         tier for; SC_ERR_INVALID_ARGUMENT (field "engine" or "json").
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_tier_program_put(sc_engine* engine, const char* json, sc_error** err);

/**
 * Reads a member's tier as of now, with the figures of a member page. Reading
 * changes nothing: a period end that has passed reads as reviewed.
 * @param out receives the status; free with sc_tier_status_free().
 * @return SC_ERR_INVALID_STATE (field "tiers") before a tier program is set,
 *         SC_ERR_INVALID_ARGUMENT (field "user_id" or "out"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_tier_status(sc_engine* engine, const char* user_id, sc_tier_status** out,
                                       sc_error** err);
/** The member's tier id. Valid until the status is freed. */
SC_API const char* sc_tier_status_tier_id(const sc_tier_status* status);
/** The member's tier's name, for people. Valid until the status is freed. */
SC_API const char* sc_tier_status_tier_name(const sc_tier_status* status);
/** The tier's rank: its index in the program, 0 for the first tier. */
SC_API int64_t sc_tier_status_rank(const sc_tier_status* status);
/** When the member reached the tier (UTC ms). */
SC_API int64_t sc_tier_status_since_ms(const sc_tier_status* status);
/** When the current period ends and the tier is reviewed (UTC ms, exclusive). */
SC_API int64_t sc_tier_status_period_end_ms(const sc_tier_status* status);
/** The qualifying figure now (never below 0). */
SC_API int64_t sc_tier_status_figure(const sc_tier_status* status);
/** The tier above the member's; "" at the top. Valid until the status is freed. */
SC_API const char* sc_tier_status_next_tier_id(const sc_tier_status* status);
/** Paid (or earned) now, what reaches the next tier at once; 0 at the top. */
SC_API int64_t sc_tier_status_to_next(const sc_tier_status* status);
/** The figure the period end will review if nothing new happens. */
SC_API int64_t sc_tier_status_figure_at_period_end(const sc_tier_status* status);
/**
 * The tier the member holds after the period end if nothing new happens.
 * Valid until the status is freed.
 */
SC_API const char* sc_tier_status_tier_at_period_end(const sc_tier_status* status);
/**
 * Whether some amount paid now keeps the tier at the period end: false when
 * an amount paid now leaves the spend window before the period ends.
 */
SC_API bool sc_tier_status_can_keep(const sc_tier_status* status);
/** Paid now, what keeps the tier at the period end (0: kept already; 0 when it cannot be). */
SC_API int64_t sc_tier_status_to_keep(const sc_tier_status* status);
/** The tier's member price: basis points off the list price. */
SC_API int64_t sc_tier_status_member_price_bps(const sc_tier_status* status);
/** The tier's points multiplier in basis points (10000 is ×1). */
SC_API int64_t sc_tier_status_points_multiplier_bps(const sc_tier_status* status);
/** Whether the tier has a free-shipping threshold. */
SC_API bool sc_tier_status_has_free_shipping_over(const sc_tier_status* status);
/** The tier's free-shipping threshold (goods net at or above ships free); 0 without one. */
SC_API int64_t sc_tier_status_free_shipping_over(const sc_tier_status* status);
/** Frees a status. Accepts NULL. */
SC_API void sc_tier_status_free(sc_tier_status* status);

/**
 * Reads the tier report: per tier of the program, in the program's order, the
 * members placed in it now and the upgrades and downgrades into it made in
 * [from_ms, to_ms). A member is placed once the engine has touched them since
 * the program was set (a payment, a refund, points earned, a sweep); a period
 * end counts once sc_engine_sweep() or the member's next call has reviewed it.
 * @param out receives the report; free with sc_tier_report_free().
 * @return SC_ERR_INVALID_STATE (field "tiers") before a tier program is set,
 *         SC_ERR_INVALID_ARGUMENT (field "to_ms" when to_ms < from_ms, "out").
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_tier_report(sc_engine* engine, int64_t from_ms, int64_t to_ms, sc_tier_report** out,
                                       sc_error** err);
/** Number of rows: one per tier of the program. */
SC_API size_t sc_tier_report_count(const sc_tier_report* report);
/** The row's tier id; NULL out of range. Valid until the report is freed. */
SC_API const char* sc_tier_report_tier_id(const sc_tier_report* report, size_t index);
/** Members placed in the tier now; 0 out of range. */
SC_API int64_t sc_tier_report_members(const sc_tier_report* report, size_t index);
/** Upgrades into the tier in the period; 0 out of range. */
SC_API int64_t sc_tier_report_upgrades(const sc_tier_report* report, size_t index);
/** Downgrades into the tier in the period; 0 out of range. */
SC_API int64_t sc_tier_report_downgrades(const sc_tier_report* report, size_t index);
/** Frees a report. Accepts NULL. */
SC_API void sc_tier_report_free(sc_tier_report* report);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_TIERS_H */
