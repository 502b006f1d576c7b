/*
 * socialcart_jni_points: the JNI layer's points capability (socialcart/points.h): the
 * program put, a member's balance, lots and paged history, adjustments (one or a batch),
 * sign-in, activities and the report. Points in the checkout request and the order's snapshot are
 * in socialcart_jni_pricing.c, in the quote in socialcart_jni.c, beside the rest of each.
 * Conventions as in socialcart_jni.c.
 */
#include "socialcart_jni_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

JNIEXPORT jstring NATIVE(pointsEntryKindName)(JNIEnv* env, jclass cls, jint kind) {
    (void)cls;
    return to_jstring(env, sc_points_entry_kind_name((sc_points_entry_kind_t)kind));
}

/* ------------------------------------------------------------------------ */
/* The program                                                               */
/* ------------------------------------------------------------------------ */

JNIEXPORT void NATIVE(enginePointsProgramPut)(JNIEnv* env, jclass cls, jlong h, jbyteArray json) {
    (void)cls;
    arg_str j;
    if (!arg_get(env, json, "json", &j)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_points_program_put(PTR(sc_engine, h), j.s, &err);
    arg_release(&j);
    if (st != SC_OK) throw_status(env, st, err);
}

/* ------------------------------------------------------------------------ */
/* Reading a member's points                                                 */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(enginePointsBalance)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id) {
    (void)cls;
    arg_str u;
    if (!arg_get(env, user_id, "user_id", &u)) return 0;
    sc_points_balance* balance = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_points_balance(PTR(sc_engine, h), u.s, &balance, &err);
    arg_release(&u);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(balance);
}

ACC_I64(pointsBalanceAvailable, sc_points_balance_available, sc_points_balance)
ACC_I64(pointsBalancePending, sc_points_balance_pending, sc_points_balance)
ACC_I64(pointsBalanceHeld, sc_points_balance_held, sc_points_balance)
ACC_I64(pointsBalanceDebt, sc_points_balance_debt, sc_points_balance)
ACC_I64(pointsBalanceTotal, sc_points_balance_total, sc_points_balance)
FREE_FN(pointsBalanceFree, sc_points_balance_free, sc_points_balance)

JNIEXPORT jlong NATIVE(enginePointsLots)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id) {
    (void)cls;
    arg_str u;
    if (!arg_get(env, user_id, "user_id", &u)) return 0;
    sc_points_lots* lots = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_points_lots(PTR(sc_engine, h), u.s, &lots, &err);
    arg_release(&u);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(lots);
}

ACC_SIZE(pointsLotsCount, sc_points_lots_count, sc_points_lots)
ACC_I64_AT(pointsLotId, sc_points_lot_id, sc_points_lots)
ACC_I64_AT(pointsLotEarned, sc_points_lot_earned, sc_points_lots)
ACC_I64_AT(pointsLotFree, sc_points_lot_free, sc_points_lots)
ACC_I64_AT(pointsLotHeld, sc_points_lot_held, sc_points_lots)
ACC_I64_AT(pointsLotEarnedAtMs, sc_points_lot_earned_at_ms, sc_points_lots)
ACC_I64_AT(pointsLotVestsAtMs, sc_points_lot_vests_at_ms, sc_points_lots)
ACC_BOOL_AT(pointsLotExpires, sc_points_lot_expires, sc_points_lots)
ACC_I64_AT(pointsLotExpiresAtMs, sc_points_lot_expires_at_ms, sc_points_lots)
FREE_FN(pointsLotsFree, sc_points_lots_free, sc_points_lots)

/* limit: passed through unchecked (the library checks 1..1000). */
JNIEXPORT jlong NATIVE(enginePointsHistory)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                            jbyteArray cursor, jlong limit) {
    (void)cls;
    const jbyteArray in[2] = {user_id, cursor};
    static const char* const fields[2] = {"user_id", "cursor"};
    arg_str a[2];
    if (!args_get(env, 2, in, fields, a)) return 0;
    sc_points_page* page = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_points_history(PTR(sc_engine, h), a[0].s, a[1].s, (int64_t)limit, &page, &err);
    args_release(2, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(page);
}

ACC_SIZE(pointsPageCount, sc_points_page_count, sc_points_page)

/* The index-th entry, borrowed from the page (read it, never free it). */
JNIEXPORT jlong NATIVE(pointsPageAt)(JNIEnv* env, jclass cls, jlong h, jlong index) {
    (void)env;
    (void)cls;
    return HANDLE(sc_points_page_at(PTR(const sc_points_page, h), to_size(index)));
}

ACC_STR(pointsPageNextCursor, sc_points_page_next_cursor, sc_points_page)
FREE_FN(pointsPageFree, sc_points_page_free, sc_points_page)

ACC_I64(pointsEntrySeq, sc_points_entry_seq, sc_points_entry)
ACC_I64(pointsEntryKind, sc_points_entry_kind, sc_points_entry)
ACC_I64(pointsEntryPoints, sc_points_entry_points, sc_points_entry)
ACC_I64(pointsEntryEffect, sc_points_entry_effect, sc_points_entry)
ACC_STR(pointsEntryReference, sc_points_entry_reference, sc_points_entry)
ACC_I64(pointsEntryAtMs, sc_points_entry_at_ms, sc_points_entry)
ACC_I64(pointsEntryVestsAtMs, sc_points_entry_vests_at_ms, sc_points_entry)
ACC_STR(pointsEntryReason, sc_points_entry_reason, sc_points_entry)
FREE_FN(pointsEntryFree, sc_points_entry_free, sc_points_entry)

/* ------------------------------------------------------------------------ */
/* Earning and correcting                                                    */
/* ------------------------------------------------------------------------ */

/* want_out: false passes NULL for `out` (the header allows it) and returns 0. */
JNIEXPORT jlong NATIVE(enginePointsAdjust)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id, jlong points,
                                           jbyteArray reason, jbyteArray idempotency_key, jboolean want_out) {
    (void)cls;
    const jbyteArray in[3] = {user_id, reason, idempotency_key};
    static const char* const fields[3] = {"user_id", "reason", "idempotency_key"};
    arg_str a[3];
    if (!args_get(env, 3, in, fields, a)) return 0;
    sc_points_entry* entry = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_points_adjust(PTR(sc_engine, h), a[0].s, (int64_t)points, a[1].s, a[2].s,
                                             want_out == JNI_TRUE ? &entry : NULL, &err);
    args_release(3, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(entry);
}

/* An item's argument: field "items[<index>].<name>" when it is refused (a NUL byte). */
static bool item_arg_get(JNIEnv* env, jobjectArray array, jsize index, const char* name, arg_str* a) {
    a->s = NULL;
    jbyteArray bytes = (jbyteArray)(*env)->GetObjectArrayElement(env, array, index);
    if ((*env)->ExceptionCheck(env)) return false;
    char field[64];
    snprintf(field, sizeof field, "items[%ld].%s", (long)index, name);
    bool ok = arg_get(env, bytes, field, a);
    if (bytes != NULL) (*env)->DeleteLocalRef(env, bytes); /* bounded: a batch may hold 10,000 items */
    return ok;
}

/* Throws the error of sc_points_batch_add() for the item at index, its field naming the item:
 * "user_id" becomes "items[3].user_id"; "batch" (SC_ERR_LIMIT_EXCEEDED: more than
 * SC_POINTS_BATCH_MAX items) becomes "items", the list as a whole. Frees the error. */
static void throw_item_status(JNIEnv* env, sc_status_t status, sc_error* err, jsize index) {
    if (err == NULL) {
        throw_status(env, status, NULL);
        return;
    }
    const char* f = sc_error_field(err);
    char field[96];
    if (f == NULL || f[0] == '\0') {
        snprintf(field, sizeof field, "items[%ld]", (long)index);
    } else if (strcmp(f, "batch") == 0) {
        snprintf(field, sizeof field, "items");
    } else {
        snprintf(field, sizeof field, "items[%ld].%s", (long)index, f);
    }
    throw_socialcart(env, (int)sc_error_code(err), sc_error_message(err), field, sc_error_retryable(err));
    sc_error_free(err);
}

/*
 * A batch of corrections as parallel arrays (item i: user_ids[i], points[i], reasons[i],
 * idempotency_keys[i]; a null element is a NULL char*), applied all or none. Builds the C
 * batch, applies it and frees it on every path; returns the entries appended. An item refused
 * while it is added throws with the field naming it ("items[3].user_id"); arrays of different
 * lengths, or a null array, are SC_ERR_INVALID_ARGUMENT (field "items").
 */
JNIEXPORT jlong NATIVE(enginePointsAdjustBatch)(JNIEnv* env, jclass cls, jlong h, jobjectArray user_ids,
                                                jlongArray points, jobjectArray reasons,
                                                jobjectArray idempotency_keys) {
    (void)cls;
    if (user_ids == NULL || points == NULL || reasons == NULL || idempotency_keys == NULL) {
        throw_socialcart(env, SC_ERR_INVALID_ARGUMENT, "the items' arrays must not be null", "items", false);
        return 0;
    }
    jsize n = (*env)->GetArrayLength(env, user_ids);
    if ((*env)->GetArrayLength(env, points) != n || (*env)->GetArrayLength(env, reasons) != n ||
        (*env)->GetArrayLength(env, idempotency_keys) != n) {
        throw_socialcart(env, SC_ERR_INVALID_ARGUMENT, "the items' arrays differ in length", "items", false);
        return 0;
    }
    jlong* pts = (jlong*)malloc(((size_t)n > 0 ? (size_t)n : 1) * sizeof *pts);
    if (pts == NULL) {
        throw_oom(env);
        return 0;
    }
    (*env)->GetLongArrayRegion(env, points, 0, n, pts);
    if ((*env)->ExceptionCheck(env)) {
        free(pts);
        return 0;
    }
    sc_points_batch* batch = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_points_batch_new(&batch, &err);
    if (st != SC_OK) {
        free(pts);
        throw_status(env, st, err);
        return 0;
    }
    bool added = true;
    for (jsize i = 0; i < n && added; i++) {
        arg_str u, r, k;
        if (!item_arg_get(env, user_ids, i, "user_id", &u)) {
            added = false;
        } else if (!item_arg_get(env, reasons, i, "reason", &r)) {
            arg_release(&u);
            added = false;
        } else if (!item_arg_get(env, idempotency_keys, i, "idempotency_key", &k)) {
            arg_release(&u);
            arg_release(&r);
            added = false;
        } else {
            st = sc_points_batch_add(batch, u.s, (int64_t)pts[i], r.s, k.s, &err);
            arg_release(&u);
            arg_release(&r);
            arg_release(&k);
            if (st != SC_OK) {
                throw_item_status(env, st, err, i);
                added = false;
            }
        }
    }
    free(pts);
    int64_t appended = 0;
    if (added) st = sc_engine_points_adjust_batch(PTR(sc_engine, h), batch, &appended, &err);
    sc_points_batch_free(batch);
    if (!added) return 0; /* an exception is pending */
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return (jlong)appended;
}

JNIEXPORT jlong NATIVE(enginePointsSignIn)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id) {
    (void)cls;
    arg_str u;
    if (!arg_get(env, user_id, "user_id", &u)) return 0;
    sc_sign_in* sign_in = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_points_sign_in(PTR(sc_engine, h), u.s, &sign_in, &err);
    arg_release(&u);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(sign_in);
}

ACC_STR(signInDate, sc_sign_in_date, sc_sign_in)
ACC_I64(signInStreak, sc_sign_in_streak, sc_sign_in)
ACC_I64(signInPoints, sc_sign_in_points, sc_sign_in)
ACC_BOOL(signInFirst, sc_sign_in_first, sc_sign_in)
FREE_FN(signInFree, sc_sign_in_free, sc_sign_in)

/* want_out: false passes NULL for `out` (the header allows it) and returns 0. */
JNIEXPORT jlong NATIVE(enginePointsActivity)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                             jbyteArray activity, jbyteArray reference,
                                             jbyteArray idempotency_key, jboolean want_out) {
    (void)cls;
    const jbyteArray in[4] = {user_id, activity, reference, idempotency_key};
    static const char* const fields[4] = {"user_id", "activity", "reference", "idempotency_key"};
    arg_str a[4];
    if (!args_get(env, 4, in, fields, a)) return 0;
    sc_points_entry* entry = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_points_activity(PTR(sc_engine, h), a[0].s, a[1].s, a[2].s, a[3].s,
                                               want_out == JNI_TRUE ? &entry : NULL, &err);
    args_release(4, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(entry);
}

/* ------------------------------------------------------------------------ */
/* Report                                                                    */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(enginePointsReport)(JNIEnv* env, jclass cls, jlong h, jlong from_ms, jlong to_ms) {
    (void)cls;
    sc_points_report* report = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_points_report(PTR(sc_engine, h), (int64_t)from_ms, (int64_t)to_ms, &report, &err);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(report);
}

ACC_I64(pointsReportMembers, sc_points_report_members, sc_points_report)
ACC_I64(pointsReportAvailable, sc_points_report_available, sc_points_report)
ACC_I64(pointsReportPending, sc_points_report_pending, sc_points_report)
ACC_I64(pointsReportHeld, sc_points_report_held, sc_points_report)
ACC_I64(pointsReportDebt, sc_points_report_debt, sc_points_report)
ACC_I64(pointsReportLiabilityPoints, sc_points_report_liability_points, sc_points_report)
ACC_I64(pointsReportLiabilityAmount, sc_points_report_liability_amount, sc_points_report)
ACC_STR(pointsReportCurrency, sc_points_report_currency, sc_points_report)
ACC_I64(pointsReportEarned, sc_points_report_earned, sc_points_report)
ACC_I64(pointsReportSpent, sc_points_report_spent, sc_points_report)
ACC_I64(pointsReportExpired, sc_points_report_expired, sc_points_report)
ACC_I64(pointsReportReversed, sc_points_report_reversed, sc_points_report)
ACC_I64(pointsReportReturned, sc_points_report_returned, sc_points_report)
ACC_I64(pointsReportAdjusted, sc_points_report_adjusted, sc_points_report)
FREE_FN(pointsReportFree, sc_points_report_free, sc_points_report)
