/*
 * socialcart_jni_groupbuy: the JNI layer's group-buy capability (socialcart/groupbuy.h): the
 * checkout request's group choice, campaigns put and read, groups read by id, by order, open in
 * a campaign and of a shopper, their seats, the group state's name and the campaign report.
 * Conventions as in socialcart_jni.c.
 *
 * Unlike the request's other getters (socialcart_jni_pricing.c), the group choice's three are
 * wrapped: the tests read back what CheckoutRequest.withNative set on the C request.
 */
#include "socialcart_jni_internal.h"

JNIEXPORT jstring NATIVE(groupStateName)(JNIEnv* env, jclass cls, jint state) {
    (void)cls;
    return to_jstring(env, sc_group_state_name((sc_group_state_t)state));
}

/* ------------------------------------------------------------------------ */
/* The checkout request's group choice                                       */
/* ------------------------------------------------------------------------ */

/* mode: an sc_group_mode_t value, passed through unchecked (the library checks it); id may be
 * null (SC_GROUP_MODE_NONE wants NULL, the others refuse it with field "id"). */
JNIEXPORT void NATIVE(checkoutRequestSetGroup)(JNIEnv* env, jclass cls, jlong h, jint mode, jbyteArray id,
                                               jlong quantity) {
    (void)cls;
    arg_str a;
    if (!arg_get(env, id, "id", &a)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_checkout_request_set_group(PTR(sc_checkout_request, h), (sc_group_mode_t)mode, a.s,
                                                   (int64_t)quantity, &err);
    arg_release(&a);
    if (st != SC_OK) throw_status(env, st, err);
}

ACC_I64(checkoutRequestGroupMode, sc_checkout_request_group_mode, sc_checkout_request)
ACC_STR(checkoutRequestGroupTarget, sc_checkout_request_group_target, sc_checkout_request)
ACC_I64(checkoutRequestGroupQuantity, sc_checkout_request_group_quantity, sc_checkout_request)

/* ------------------------------------------------------------------------ */
/* Campaigns                                                                 */
/* ------------------------------------------------------------------------ */

JNIEXPORT void NATIVE(engineGroupbuyCampaignPut)(JNIEnv* env, jclass cls, jlong h, jbyteArray json) {
    (void)cls;
    arg_str j;
    if (!arg_get(env, json, "json", &j)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_groupbuy_campaign_put(PTR(sc_engine, h), j.s, &err);
    arg_release(&j);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT jlong NATIVE(engineGroupbuyCampaignGet)(JNIEnv* env, jclass cls, jlong h, jbyteArray campaign_id) {
    (void)cls;
    arg_str c;
    if (!arg_get(env, campaign_id, "campaign_id", &c)) return 0;
    sc_groupbuy_campaign* campaign = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_groupbuy_campaign_get(PTR(sc_engine, h), c.s, &campaign, &err);
    arg_release(&c);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(campaign);
}

ACC_STR(groupbuyCampaignId, sc_groupbuy_campaign_id, sc_groupbuy_campaign)
ACC_STR(groupbuyCampaignSkuId, sc_groupbuy_campaign_sku_id, sc_groupbuy_campaign)
ACC_I64(groupbuyCampaignGroupPrice, sc_groupbuy_campaign_group_price, sc_groupbuy_campaign)
ACC_I64(groupbuyCampaignGroupSize, sc_groupbuy_campaign_group_size, sc_groupbuy_campaign)
ACC_I64(groupbuyCampaignLifetimeMinutes, sc_groupbuy_campaign_lifetime_minutes, sc_groupbuy_campaign)
ACC_I64(groupbuyCampaignStartsAtMs, sc_groupbuy_campaign_starts_at_ms, sc_groupbuy_campaign)
ACC_I64(groupbuyCampaignEndsAtMs, sc_groupbuy_campaign_ends_at_ms, sc_groupbuy_campaign)
ACC_I64(groupbuyCampaignLeaderPricing, sc_groupbuy_campaign_leader_pricing, sc_groupbuy_campaign)
ACC_I64(groupbuyCampaignLeaderPrice, sc_groupbuy_campaign_leader_price, sc_groupbuy_campaign)
ACC_I64(groupbuyCampaignMaxUnitsPerOrder, sc_groupbuy_campaign_max_units_per_order, sc_groupbuy_campaign)
ACC_I64(groupbuyCampaignMaxUnitsPerUser, sc_groupbuy_campaign_max_units_per_user, sc_groupbuy_campaign)
ACC_I64(groupbuyCampaignStock, sc_groupbuy_campaign_stock, sc_groupbuy_campaign)
ACC_BOOL(groupbuyCampaignNewUsersOnly, sc_groupbuy_campaign_new_users_only, sc_groupbuy_campaign)
ACC_I64(groupbuyCampaignVirtualFillMinMembers, sc_groupbuy_campaign_virtual_fill_min_members, sc_groupbuy_campaign)
FREE_FN(groupbuyCampaignFree, sc_groupbuy_campaign_free, sc_groupbuy_campaign)

/* ------------------------------------------------------------------------ */
/* Groups                                                                    */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(engineGroupGet)(JNIEnv* env, jclass cls, jlong h, jbyteArray group_id) {
    (void)cls;
    arg_str g;
    if (!arg_get(env, group_id, "group_id", &g)) return 0;
    sc_group* group = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_group_get(PTR(sc_engine, h), g.s, &group, &err);
    arg_release(&g);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(group);
}

/* 0 when the order is not a group order. */
JNIEXPORT jlong NATIVE(engineOrderGroup)(JNIEnv* env, jclass cls, jlong h, jbyteArray order_id) {
    (void)cls;
    arg_str o;
    if (!arg_get(env, order_id, "order_id", &o)) return 0;
    sc_group* group = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_order_group(PTR(sc_engine, h), o.s, &group, &err);
    arg_release(&o);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(group);
}

typedef sc_status_t (*groups_fn)(sc_engine*, const char*, size_t, sc_groups**, sc_error**);

/* A list of groups by an id (a campaign's or a shopper's); a negative limit is out of range. */
static jlong groups_of(JNIEnv* env, groups_fn list, jlong h, jbyteArray id, const char* field, jlong limit) {
    arg_str a;
    if (!arg_get(env, id, field, &a)) return 0;
    sc_groups* groups = NULL;
    sc_error* err = NULL;
    sc_status_t st = list(PTR(sc_engine, h), a.s, to_size(limit), &groups, &err);
    arg_release(&a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(groups);
}

JNIEXPORT jlong NATIVE(engineGroupsOpen)(JNIEnv* env, jclass cls, jlong h, jbyteArray campaign_id, jlong limit) {
    (void)cls;
    return groups_of(env, sc_engine_groups_open, h, campaign_id, "campaign_id", limit);
}

JNIEXPORT jlong NATIVE(engineGroupsOfUser)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id, jlong limit) {
    (void)cls;
    return groups_of(env, sc_engine_groups_of_user, h, user_id, "user_id", limit);
}

ACC_SIZE(groupsCount, sc_groups_count, sc_groups)

/* The index-th group, borrowed from the list (read it, never free it). */
JNIEXPORT jlong NATIVE(groupsAt)(JNIEnv* env, jclass cls, jlong h, jlong index) {
    (void)env;
    (void)cls;
    return HANDLE(sc_groups_at(PTR(const sc_groups, h), to_size(index)));
}

FREE_FN(groupsFree, sc_groups_free, sc_groups)

ACC_STR(groupId, sc_group_id, sc_group)
ACC_STR(groupCampaignId, sc_group_campaign_id, sc_group)
ACC_STR(groupLeaderUserId, sc_group_leader_user_id, sc_group)
ACC_I64(groupState, sc_group_state, sc_group)
ACC_I64(groupSize, sc_group_size, sc_group)
ACC_I64(groupPaidMembers, sc_group_paid_members, sc_group)
ACC_I64(groupSeatsLeft, sc_group_seats_left, sc_group)
ACC_I64(groupVirtualMembers, sc_group_virtual_members, sc_group)
ACC_I64(groupCreatedAtMs, sc_group_created_at_ms, sc_group)
ACC_I64(groupOpenedAtMs, sc_group_opened_at_ms, sc_group)
ACC_I64(groupDeadlineMs, sc_group_deadline_ms, sc_group)
ACC_I64(groupEndedAtMs, sc_group_ended_at_ms, sc_group)
ACC_SIZE(groupSeatCount, sc_group_seat_count, sc_group)
ACC_STR_AT(groupSeatOrderId, sc_group_seat_order_id, sc_group)
ACC_STR_AT(groupSeatUserId, sc_group_seat_user_id, sc_group)
ACC_I64_AT(groupSeatPosition, sc_group_seat_position, sc_group)
ACC_I64_AT(groupSeatQuantity, sc_group_seat_quantity, sc_group)
ACC_I64_AT(groupSeatState, sc_group_seat_state, sc_group)
ACC_I64_AT(groupSeatPaidAtMs, sc_group_seat_paid_at_ms, sc_group)
FREE_FN(groupFree, sc_group_free, sc_group)

/* ------------------------------------------------------------------------ */
/* The campaign report                                                       */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(engineGroupbuyReport)(JNIEnv* env, jclass cls, jlong h, jbyteArray campaign_id) {
    (void)cls;
    arg_str c;
    if (!arg_get(env, campaign_id, "campaign_id", &c)) return 0;
    sc_group_report* report = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_groupbuy_report(PTR(sc_engine, h), c.s, &report, &err);
    arg_release(&c);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(report);
}

/* figure: an sc_group_figure_t, passed through unchecked (one that is not reads 0). */
JNIEXPORT jlong NATIVE(groupReportGet)(JNIEnv* env, jclass cls, jlong h, jint figure) {
    (void)env;
    (void)cls;
    return (jlong)sc_group_report_get(PTR(const sc_group_report, h), (sc_group_figure_t)figure);
}

FREE_FN(groupReportFree, sc_group_report_free, sc_group_report)
