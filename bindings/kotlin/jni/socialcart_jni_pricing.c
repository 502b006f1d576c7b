/*
 * socialcart_jni_pricing: the JNI layer's pricing capability (socialcart/checkout.h,
 * socialcart/rules.h, socialcart/order_pricing.h): the checkout request builder that
 * Engine.quote and Engine.checkout fill from a CheckoutRequest (coupons, shipping, points),
 * the rule puts, and the order's pricing snapshot (with the points it used and earned).
 * Conventions as in socialcart_jni.c.
 *
 * The request's getters (sc_checkout_request_coupon_choice and the like) are not
 * wrapped: the Kotlin value type holds what it asked for (tests/abi/binding_allowlist.txt).
 * The group choice's setter and getters are in socialcart_jni_groupbuy.c, the flash-sale
 * slot's in socialcart_jni_flashsale.c.
 */
#include "socialcart_jni_internal.h"

/* ------------------------------------------------------------------------ */
/* Checkout request                                                          */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(checkoutRequestNew)(JNIEnv* env, jclass cls) {
    (void)cls;
    sc_checkout_request* request = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_checkout_request_new(&request, &err);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(request);
}

FREE_FN(checkoutRequestFree, sc_checkout_request_free, sc_checkout_request)

/* choice: an sc_coupon_choice_t value, passed through unchecked (the library checks it). */
JNIEXPORT void NATIVE(checkoutRequestSetCouponChoice)(JNIEnv* env, jclass cls, jlong h, jint choice) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_checkout_request_set_coupon_choice(PTR(sc_checkout_request, h),
                                                           (sc_coupon_choice_t)choice, &err);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(checkoutRequestAddCoupon)(JNIEnv* env, jclass cls, jlong h, jbyteArray code) {
    (void)cls;
    arg_str c;
    if (!arg_get(env, code, "code", &c)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_checkout_request_add_coupon(PTR(sc_checkout_request, h), c.s, &err);
    arg_release(&c);
    if (st != SC_OK) throw_status(env, st, err);
}

/* shipping: an sc_shipping_method_t value, passed through unchecked. */
JNIEXPORT void NATIVE(checkoutRequestSetShipping)(JNIEnv* env, jclass cls, jlong h, jint shipping) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_checkout_request_set_shipping(PTR(sc_checkout_request, h),
                                                      (sc_shipping_method_t)shipping, &err);
    if (st != SC_OK) throw_status(env, st, err);
}

/* use: an sc_points_use_t value, passed through unchecked; points count with SC_POINTS_EXACTLY. */
JNIEXPORT void NATIVE(checkoutRequestSetPoints)(JNIEnv* env, jclass cls, jlong h, jint use, jlong points) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_checkout_request_set_points(PTR(sc_checkout_request, h), (sc_points_use_t)use,
                                                    (int64_t)points, &err);
    if (st != SC_OK) throw_status(env, st, err);
}

/* ------------------------------------------------------------------------ */
/* Rules                                                                     */
/* ------------------------------------------------------------------------ */

typedef sc_status_t (*rule_put_fn)(sc_engine*, const char*, sc_error**);

static void rule_put(JNIEnv* env, rule_put_fn put, jlong h, jbyteArray json) {
    arg_str j;
    if (!arg_get(env, json, "json", &j)) return;
    sc_error* err = NULL;
    sc_status_t st = put(PTR(sc_engine, h), j.s, &err);
    arg_release(&j);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(enginePromotionPut)(JNIEnv* env, jclass cls, jlong h, jbyteArray json) {
    (void)cls;
    rule_put(env, sc_engine_promotion_put, h, json);
}

JNIEXPORT void NATIVE(engineCouponTemplatePut)(JNIEnv* env, jclass cls, jlong h, jbyteArray json) {
    (void)cls;
    rule_put(env, sc_engine_coupon_template_put, h, json);
}

JNIEXPORT void NATIVE(engineShippingRulePut)(JNIEnv* env, jclass cls, jlong h, jbyteArray json) {
    (void)cls;
    rule_put(env, sc_engine_shipping_rule_put, h, json);
}

/* ------------------------------------------------------------------------ */
/* The order's pricing snapshot                                              */
/* ------------------------------------------------------------------------ */

ACC_I64(orderDiscount, sc_order_discount, sc_order)
ACC_I64(orderShipping, sc_order_shipping, sc_order)
ACC_I64(orderShippingMethod, sc_order_shipping_method, sc_order)
ACC_I64(orderPointsUsed, sc_order_points_used, sc_order)
ACC_I64(orderPointsAmount, sc_order_points_amount, sc_order)
ACC_I64(orderPointsEarned, sc_order_points_earned, sc_order)
ACC_SIZE_AT(orderLineAdjustmentCount, sc_order_line_adjustment_count, sc_order)
ACC_STR_AT2(orderLineAdjustmentKind, sc_order_line_adjustment_kind, sc_order)
ACC_STR_AT2(orderLineAdjustmentSource, sc_order_line_adjustment_source, sc_order)
ACC_I64_AT2(orderLineAdjustmentAmount, sc_order_line_adjustment_amount, sc_order)
ACC_SIZE(orderMerchantCount, sc_order_merchant_count, sc_order)
ACC_STR_AT(orderMerchantId, sc_order_merchant_id, sc_order)
ACC_I64_AT(orderMerchantSubtotal, sc_order_merchant_subtotal, sc_order)
ACC_I64_AT(orderMerchantDiscount, sc_order_merchant_discount, sc_order)
ACC_I64_AT(orderMerchantShippingFee, sc_order_merchant_shipping_fee, sc_order)
ACC_I64_AT(orderMerchantShippingWaived, sc_order_merchant_shipping_waived, sc_order)
ACC_STR_AT(orderMerchantShippingWaivedBy, sc_order_merchant_shipping_waived_by, sc_order)
ACC_I64_AT(orderMerchantShipping, sc_order_merchant_shipping, sc_order)
ACC_I64_AT(orderMerchantTotal, sc_order_merchant_total, sc_order)
ACC_I64_AT(orderMerchantPointsAmount, sc_order_merchant_points_amount, sc_order)
ACC_SIZE(orderPromotionCount, sc_order_promotion_count, sc_order)
ACC_STR_AT(orderPromotionId, sc_order_promotion_id, sc_order)
ACC_I64_AT(orderPromotionAmount, sc_order_promotion_amount, sc_order)
ACC_SIZE(orderCouponCount, sc_order_coupon_count, sc_order)
ACC_STR_AT(orderCouponCode, sc_order_coupon_code, sc_order)
ACC_STR_AT(orderCouponTemplateId, sc_order_coupon_template_id, sc_order)
ACC_I64_AT(orderCouponAmount, sc_order_coupon_amount, sc_order)
