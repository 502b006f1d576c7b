/*
 * socialcart_jni_tiers: the JNI layer's member tiers capability (socialcart/tiers.h): the
 * tier program put, a member's tier with the figures of the member page, and the tier
 * report. The member price, the multiplied points and the tier's free shipping arrive in
 * the quote and the order's snapshot, read in socialcart_jni.c and socialcart_jni_pricing.c.
 * Conventions as in socialcart_jni.c.
 */
#include "socialcart_jni_internal.h"

/* ------------------------------------------------------------------------ */
/* The program                                                               */
/* ------------------------------------------------------------------------ */

JNIEXPORT void NATIVE(engineTierProgramPut)(JNIEnv* env, jclass cls, jlong h, jbyteArray json) {
    (void)cls;
    arg_str j;
    if (!arg_get(env, json, "json", &j)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_tier_program_put(PTR(sc_engine, h), j.s, &err);
    arg_release(&j);
    if (st != SC_OK) throw_status(env, st, err);
}

/* ------------------------------------------------------------------------ */
/* A member's tier                                                           */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(engineTierStatus)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id) {
    (void)cls;
    arg_str u;
    if (!arg_get(env, user_id, "user_id", &u)) return 0;
    sc_tier_status* status = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_tier_status(PTR(sc_engine, h), u.s, &status, &err);
    arg_release(&u);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(status);
}

ACC_STR(tierStatusTierId, sc_tier_status_tier_id, sc_tier_status)
ACC_STR(tierStatusTierName, sc_tier_status_tier_name, sc_tier_status)
ACC_I64(tierStatusRank, sc_tier_status_rank, sc_tier_status)
ACC_I64(tierStatusSinceMs, sc_tier_status_since_ms, sc_tier_status)
ACC_I64(tierStatusPeriodEndMs, sc_tier_status_period_end_ms, sc_tier_status)
ACC_I64(tierStatusFigure, sc_tier_status_figure, sc_tier_status)
ACC_STR(tierStatusNextTierId, sc_tier_status_next_tier_id, sc_tier_status)
ACC_I64(tierStatusToNext, sc_tier_status_to_next, sc_tier_status)
ACC_I64(tierStatusFigureAtPeriodEnd, sc_tier_status_figure_at_period_end, sc_tier_status)
ACC_STR(tierStatusTierAtPeriodEnd, sc_tier_status_tier_at_period_end, sc_tier_status)
ACC_BOOL(tierStatusCanKeep, sc_tier_status_can_keep, sc_tier_status)
ACC_I64(tierStatusToKeep, sc_tier_status_to_keep, sc_tier_status)
ACC_I64(tierStatusMemberPriceBps, sc_tier_status_member_price_bps, sc_tier_status)
ACC_I64(tierStatusPointsMultiplierBps, sc_tier_status_points_multiplier_bps, sc_tier_status)
ACC_BOOL(tierStatusHasFreeShippingOver, sc_tier_status_has_free_shipping_over, sc_tier_status)
ACC_I64(tierStatusFreeShippingOver, sc_tier_status_free_shipping_over, sc_tier_status)
FREE_FN(tierStatusFree, sc_tier_status_free, sc_tier_status)

/* ------------------------------------------------------------------------ */
/* Report                                                                    */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(engineTierReport)(JNIEnv* env, jclass cls, jlong h, jlong from_ms, jlong to_ms) {
    (void)cls;
    sc_tier_report* report = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_tier_report(PTR(sc_engine, h), (int64_t)from_ms, (int64_t)to_ms, &report, &err);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(report);
}

ACC_SIZE(tierReportCount, sc_tier_report_count, sc_tier_report)
ACC_STR_AT(tierReportTierId, sc_tier_report_tier_id, sc_tier_report)
ACC_I64_AT(tierReportMembers, sc_tier_report_members, sc_tier_report)
ACC_I64_AT(tierReportUpgrades, sc_tier_report_upgrades, sc_tier_report)
ACC_I64_AT(tierReportDowngrades, sc_tier_report_downgrades, sc_tier_report)
FREE_FN(tierReportFree, sc_tier_report_free, sc_tier_report)
