/*
 * socialcart_jni_coupons: the JNI layer's coupon capability (socialcart/coupons.h):
 * issuing (claim, grant, promo code), revoking, a shopper's coupons, the report per
 * template. Conventions as in socialcart_jni.c.
 */
#include "socialcart_jni_internal.h"

JNIEXPORT jstring NATIVE(couponStateName)(JNIEnv* env, jclass cls, jint state) {
    (void)cls;
    return to_jstring(env, sc_coupon_state_name((sc_coupon_state_t)state));
}

/* ------------------------------------------------------------------------ */
/* Issuing and revoking                                                      */
/* ------------------------------------------------------------------------ */

typedef sc_status_t (*coupon_issue_fn)(sc_engine*, const char*, const char*, const char*,
                                       sc_coupon**, sc_error**);

/* Claim, grant and promo code take the same arguments; what names the template differs
 * (what_field: "template_id" or "promo_code"). Returns the coupon handle. */
static jlong coupon_issue(JNIEnv* env, coupon_issue_fn issue, jlong h, jbyteArray user_id,
                          jbyteArray what, const char* what_field, jbyteArray idempotency_key) {
    const jbyteArray in[3] = {user_id, what, idempotency_key};
    const char* const fields[3] = {"user_id", what_field, "idempotency_key"};
    arg_str a[3];
    if (!args_get(env, 3, in, fields, a)) return 0;
    sc_coupon* coupon = NULL;
    sc_error* err = NULL;
    sc_status_t st = issue(PTR(sc_engine, h), a[0].s, a[1].s, a[2].s, &coupon, &err);
    args_release(3, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(coupon);
}

JNIEXPORT jlong NATIVE(engineCouponClaim)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                          jbyteArray template_id, jbyteArray idempotency_key) {
    (void)cls;
    return coupon_issue(env, sc_engine_coupon_claim, h, user_id, template_id, "template_id",
                        idempotency_key);
}

JNIEXPORT jlong NATIVE(engineCouponGrant)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                          jbyteArray template_id, jbyteArray idempotency_key) {
    (void)cls;
    return coupon_issue(env, sc_engine_coupon_grant, h, user_id, template_id, "template_id",
                        idempotency_key);
}

JNIEXPORT jlong NATIVE(engineCouponExchangePoints)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                                   jbyteArray template_id, jbyteArray idempotency_key) {
    (void)cls;
    return coupon_issue(env, sc_engine_coupon_exchange_points, h, user_id, template_id, "template_id",
                        idempotency_key);
}

JNIEXPORT jlong NATIVE(engineCouponRedeemCode)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                               jbyteArray promo_code, jbyteArray idempotency_key) {
    (void)cls;
    return coupon_issue(env, sc_engine_coupon_redeem_code, h, user_id, promo_code, "promo_code",
                        idempotency_key);
}

/* want_out: false passes NULL for `out` (the header allows it) and returns 0. */
JNIEXPORT jlong NATIVE(engineCouponRevoke)(JNIEnv* env, jclass cls, jlong h, jbyteArray code,
                                           jboolean want_out) {
    (void)cls;
    arg_str c;
    if (!arg_get(env, code, "code", &c)) return 0;
    sc_coupon* coupon = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_coupon_revoke(PTR(sc_engine, h), c.s,
                                             want_out == JNI_TRUE ? &coupon : NULL, &err);
    arg_release(&c);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(coupon);
}

/* ------------------------------------------------------------------------ */
/* Reading coupons                                                           */
/* ------------------------------------------------------------------------ */

/* state: an sc_coupon_state_t or SC_COUPON_STATE_ANY (0), passed through unchecked. */
JNIEXPORT jlong NATIVE(engineCouponList)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                         jint state) {
    (void)cls;
    arg_str u;
    if (!arg_get(env, user_id, "user_id", &u)) return 0;
    sc_coupons* coupons = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_coupon_list_by_user(PTR(sc_engine, h), u.s, (sc_coupon_state_t)state,
                                                   &coupons, &err);
    arg_release(&u);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(coupons);
}

ACC_STR(couponCode, sc_coupon_code, sc_coupon)
ACC_STR(couponTemplateId, sc_coupon_template_id, sc_coupon)
ACC_STR(couponOwnerId, sc_coupon_owner_id, sc_coupon)
ACC_I64(couponState, sc_coupon_state, sc_coupon)
ACC_I64(couponValidFromMs, sc_coupon_valid_from_ms, sc_coupon)
ACC_I64(couponValidUntilMs, sc_coupon_valid_until_ms, sc_coupon)
ACC_I64(couponClaimedAtMs, sc_coupon_claimed_at_ms, sc_coupon)
ACC_STR(couponOrderId, sc_coupon_order_id, sc_coupon)
FREE_FN(couponFree, sc_coupon_free, sc_coupon)

ACC_SIZE(couponsCount, sc_coupons_count, sc_coupons)

/* The index-th coupon, borrowed from the list (read it, never free it). */
JNIEXPORT jlong NATIVE(couponsAt)(JNIEnv* env, jclass cls, jlong h, jlong index) {
    (void)env;
    (void)cls;
    return HANDLE(sc_coupons_at(PTR(const sc_coupons, h), to_size(index)));
}

FREE_FN(couponsFree, sc_coupons_free, sc_coupons)

/* ------------------------------------------------------------------------ */
/* Report                                                                    */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(engineCouponReport)(JNIEnv* env, jclass cls, jlong h) {
    (void)cls;
    sc_coupon_report* report = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_coupon_report(PTR(sc_engine, h), &report, &err);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(report);
}

ACC_SIZE(couponReportCount, sc_coupon_report_count, sc_coupon_report)
ACC_STR(couponReportCurrency, sc_coupon_report_currency, sc_coupon_report)
ACC_STR_AT(couponReportTemplateId, sc_coupon_report_template_id, sc_coupon_report)
ACC_I64_AT(couponReportTotalQuantity, sc_coupon_report_total_quantity, sc_coupon_report)
ACC_I64_AT(couponReportClaimed, sc_coupon_report_claimed, sc_coupon_report)
ACC_I64_AT(couponReportUsed, sc_coupon_report_used, sc_coupon_report)
ACC_I64_AT(couponReportReturned, sc_coupon_report_returned, sc_coupon_report)
ACC_I64_AT(couponReportHeld, sc_coupon_report_held, sc_coupon_report)
ACC_I64_AT(couponReportDiscountGiven, sc_coupon_report_discount_given, sc_coupon_report)
FREE_FN(couponReportFree, sc_coupon_report_free, sc_coupon_report)
