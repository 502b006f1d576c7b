/*
 * socialcart_jni_attribution: the JNI layer's share-to-earn capability past the link
 * (socialcart/attribution.h): opening a link, the sign-in carry-over, bindings, order
 * attributions, rewards, refusals and statistics. Conventions as in socialcart_jni.c; a
 * null byte[] (an id not given) becomes NULL, as everywhere.
 */
#include "socialcart_jni_internal.h"

/* ------------------------------------------------------------------------ */
/* Opens                                                                     */
/* ------------------------------------------------------------------------ */

/* user_id and device_id may be null (NULL: not given); the library wants at least one. */
JNIEXPORT jlong NATIVE(engineShareLinkOpen)(JNIEnv* env, jclass cls, jlong h, jbyteArray token_or_code,
                                            jbyteArray user_id, jbyteArray device_id,
                                            jbyteArray idempotency_key) {
    (void)cls;
    const jbyteArray in[4] = {token_or_code, user_id, device_id, idempotency_key};
    const char* const fields[4] = {"token", "user_id", "device_id", "idempotency_key"};
    arg_str a[4];
    if (!args_get(env, 4, in, fields, a)) return 0;
    sc_share_open* open = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_share_link_open(PTR(sc_engine, h), a[0].s, a[1].s, a[2].s, a[3].s, &open, &err);
    args_release(4, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(open);
}

ACC_STR(shareOpenId, sc_share_open_id, sc_share_open)
ACC_STR(shareOpenCode, sc_share_open_code, sc_share_open)
ACC_STR(shareOpenSharerId, sc_share_open_sharer_id, sc_share_open)
ACC_I64(shareOpenTarget, sc_share_open_target, sc_share_open)
ACC_STR(shareOpenTargetId, sc_share_open_target_id, sc_share_open)
ACC_STR(shareOpenChannel, sc_share_open_channel, sc_share_open)
ACC_STR(shareOpenUserId, sc_share_open_user_id, sc_share_open)
ACC_STR(shareOpenDeviceId, sc_share_open_device_id, sc_share_open)
ACC_I64(shareOpenOpenedAtMs, sc_share_open_opened_at_ms, sc_share_open)
ACC_STR(shareOpenOutcome, sc_share_open_outcome, sc_share_open)
ACC_BOOL(shareOpenIsBound, sc_share_open_is_bound, sc_share_open)
ACC_I64(shareOpenBoundUntilMs, sc_share_open_bound_until_ms, sc_share_open)
FREE_FN(shareOpenFree, sc_share_open_free, sc_share_open)

/* ------------------------------------------------------------------------ */
/* Bindings                                                                  */
/* ------------------------------------------------------------------------ */

/* want_out false passes NULL for `out` (the header allows it) and returns 0; otherwise 0
 * also means the user is not bound after the sign-in. */
JNIEXPORT jlong NATIVE(engineReferralSignIn)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                             jbyteArray device_id, jboolean want_out) {
    (void)cls;
    const jbyteArray in[2] = {user_id, device_id};
    const char* const fields[2] = {"user_id", "device_id"};
    arg_str a[2];
    if (!args_get(env, 2, in, fields, a)) return 0;
    sc_referral_binding* binding = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_referral_sign_in(PTR(sc_engine, h), a[0].s, a[1].s,
                                                want_out == JNI_TRUE ? &binding : NULL, &err);
    args_release(2, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(binding);
}

/* Exactly one of user_id and device_id is given (the other null); 0 when there is no live
 * binding. */
JNIEXPORT jlong NATIVE(engineReferralBinding)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                              jbyteArray device_id) {
    (void)cls;
    const jbyteArray in[2] = {user_id, device_id};
    const char* const fields[2] = {"user_id", "device_id"};
    arg_str a[2];
    if (!args_get(env, 2, in, fields, a)) return 0;
    sc_referral_binding* binding = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_referral_binding(PTR(sc_engine, h), a[0].s, a[1].s, &binding, &err);
    args_release(2, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(binding);
}

ACC_STR(referralBindingUserId, sc_referral_binding_user_id, sc_referral_binding)
ACC_STR(referralBindingDeviceId, sc_referral_binding_device_id, sc_referral_binding)
ACC_STR(referralBindingSharerId, sc_referral_binding_sharer_id, sc_referral_binding)
ACC_STR(referralBindingOpenId, sc_referral_binding_open_id, sc_referral_binding)
ACC_I64(referralBindingBoundAtMs, sc_referral_binding_bound_at_ms, sc_referral_binding)
ACC_I64(referralBindingExpiresAtMs, sc_referral_binding_expires_at_ms, sc_referral_binding)
FREE_FN(referralBindingFree, sc_referral_binding_free, sc_referral_binding)

/* ------------------------------------------------------------------------ */
/* Attributions and rewards                                                  */
/* ------------------------------------------------------------------------ */

/* 0 when the order was not credited to anyone. */
JNIEXPORT jlong NATIVE(engineOrderAttribution)(JNIEnv* env, jclass cls, jlong h, jbyteArray order_id) {
    (void)cls;
    arg_str o;
    if (!arg_get(env, order_id, "order_id", &o)) return 0;
    sc_order_attribution* attribution = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_order_attribution(PTR(sc_engine, h), o.s, &attribution, &err);
    arg_release(&o);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(attribution);
}

ACC_STR(orderAttributionOrderId, sc_order_attribution_order_id, sc_order_attribution)
ACC_STR(orderAttributionBuyerId, sc_order_attribution_buyer_id, sc_order_attribution)
ACC_STR(orderAttributionSharerId, sc_order_attribution_sharer_id, sc_order_attribution)
ACC_STR(orderAttributionCurrency, sc_order_attribution_currency, sc_order_attribution)
ACC_I64(orderAttributionPaid, sc_order_attribution_paid, sc_order_attribution)
ACC_I64(orderAttributionAttributedAtMs, sc_order_attribution_attributed_at_ms, sc_order_attribution)

/* The open that bound the buyer, borrowed from the attribution (read it, never free it). */
JNIEXPORT jlong NATIVE(orderAttributionOpen)(JNIEnv* env, jclass cls, jlong h) {
    (void)env;
    (void)cls;
    return HANDLE(sc_order_attribution_open(PTR(const sc_order_attribution, h)));
}

ACC_SIZE(orderAttributionRewardCount, sc_order_attribution_reward_count, sc_order_attribution)

/* The index-th reward, borrowed from the attribution (read it, never free it). */
JNIEXPORT jlong NATIVE(orderAttributionRewardAt)(JNIEnv* env, jclass cls, jlong h, jlong index) {
    (void)env;
    (void)cls;
    return HANDLE(sc_order_attribution_reward_at(PTR(const sc_order_attribution, h), to_size(index)));
}

FREE_FN(orderAttributionFree, sc_order_attribution_free, sc_order_attribution)

JNIEXPORT jlong NATIVE(engineReferralRewards)(JNIEnv* env, jclass cls, jlong h, jbyteArray sharer_id) {
    (void)cls;
    arg_str s;
    if (!arg_get(env, sharer_id, "sharer_id", &s)) return 0;
    sc_referral_rewards* rewards = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_referral_rewards(PTR(sc_engine, h), s.s, &rewards, &err);
    arg_release(&s);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(rewards);
}

ACC_SIZE(referralRewardsCount, sc_referral_rewards_count, sc_referral_rewards)

/* The index-th reward, borrowed from the list (read it, never free it). */
JNIEXPORT jlong NATIVE(referralRewardsAt)(JNIEnv* env, jclass cls, jlong h, jlong index) {
    (void)env;
    (void)cls;
    return HANDLE(sc_referral_rewards_at(PTR(const sc_referral_rewards, h), to_size(index)));
}

FREE_FN(referralRewardsFree, sc_referral_rewards_free, sc_referral_rewards)

ACC_STR(referralRewardOrderId, sc_referral_reward_order_id, sc_referral_reward)
ACC_STR(referralRewardSharerId, sc_referral_reward_sharer_id, sc_referral_reward)
ACC_STR(referralRewardBuyerId, sc_referral_reward_buyer_id, sc_referral_reward)
ACC_I64(referralRewardLevel, sc_referral_reward_level, sc_referral_reward)
ACC_I64(referralRewardKind, sc_referral_reward_kind, sc_referral_reward)
ACC_I64(referralRewardAmount, sc_referral_reward_amount, sc_referral_reward)
ACC_STR(referralRewardCouponCode, sc_referral_reward_coupon_code, sc_referral_reward)
ACC_I64(referralRewardClawedBack, sc_referral_reward_clawed_back, sc_referral_reward)
ACC_I64(referralRewardState, sc_referral_reward_state, sc_referral_reward)
ACC_I64(referralRewardCreatedAtMs, sc_referral_reward_created_at_ms, sc_referral_reward)
ACC_I64(referralRewardVestsAtMs, sc_referral_reward_vests_at_ms, sc_referral_reward)

/* ------------------------------------------------------------------------ */
/* Refusals and statistics                                                   */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(engineReferralRefusals)(JNIEnv* env, jclass cls, jlong h, jbyteArray sharer_id) {
    (void)cls;
    arg_str s;
    if (!arg_get(env, sharer_id, "sharer_id", &s)) return 0;
    sc_referral_refusals* refusals = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_referral_refusals(PTR(sc_engine, h), s.s, &refusals, &err);
    arg_release(&s);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(refusals);
}

ACC_SIZE(referralRefusalsCount, sc_referral_refusals_count, sc_referral_refusals)
ACC_STR_AT(referralRefusalsReason, sc_referral_refusals_reason, sc_referral_refusals)
ACC_STR_AT(referralRefusalsUserId, sc_referral_refusals_user_id, sc_referral_refusals)
ACC_STR_AT(referralRefusalsDeviceId, sc_referral_refusals_device_id, sc_referral_refusals)
ACC_STR_AT(referralRefusalsOpenId, sc_referral_refusals_open_id, sc_referral_refusals)
ACC_STR_AT(referralRefusalsOrderId, sc_referral_refusals_order_id, sc_referral_refusals)
ACC_I64_AT(referralRefusalsAtMs, sc_referral_refusals_at_ms, sc_referral_refusals)
FREE_FN(referralRefusalsFree, sc_referral_refusals_free, sc_referral_refusals)

/* The scope: sharer_id alone, target (an sc_share_target_t, passed through unchecked) with
 * target_id, or neither (null, 0, null) for every link. */
JNIEXPORT jlong NATIVE(engineReferralStats)(JNIEnv* env, jclass cls, jlong h, jbyteArray sharer_id, jint target,
                                            jbyteArray target_id) {
    (void)cls;
    const jbyteArray in[2] = {sharer_id, target_id};
    const char* const fields[2] = {"sharer_id", "target_id"};
    arg_str a[2];
    if (!args_get(env, 2, in, fields, a)) return 0;
    sc_referral_stats* stats = NULL;
    sc_error* err = NULL;
    sc_status_t st =
        sc_engine_referral_stats(PTR(sc_engine, h), a[0].s, (sc_share_target_t)target, a[1].s, &stats, &err);
    args_release(2, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(stats);
}

/* figure: an sc_referral_figure_t, passed through unchecked (one that is not reads 0). */
JNIEXPORT jlong NATIVE(referralStatsGet)(JNIEnv* env, jclass cls, jlong h, jint figure) {
    (void)env;
    (void)cls;
    return (jlong)sc_referral_stats_get(PTR(const sc_referral_stats, h), (sc_referral_figure_t)figure);
}

FREE_FN(referralStatsFree, sc_referral_stats_free, sc_referral_stats)
