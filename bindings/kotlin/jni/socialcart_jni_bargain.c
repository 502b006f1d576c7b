/*
 * socialcart_jni_bargain: the JNI layer's bargain capability (socialcart/bargain.h): the checkout
 * request's bargain, programs put and read, bargains opened, helped, read by id and of a shopper
 * with their helps, the bargain state's name and the program report. Conventions as in
 * socialcart_jni.c; the random source that draws the cuts is set with the options there.
 *
 * As for the group choice (socialcart_jni_groupbuy.c), the request's bargain getter is wrapped:
 * the tests read back what CheckoutRequest.withNative set on the C request.
 */
#include "socialcart_jni_internal.h"

JNIEXPORT jstring NATIVE(bargainStateName)(JNIEnv* env, jclass cls, jint state) {
    (void)cls;
    return to_jstring(env, sc_bargain_state_name((sc_bargain_state_t)state));
}

/* ------------------------------------------------------------------------ */
/* The checkout request's bargain                                            */
/* ------------------------------------------------------------------------ */

/* bargain_id may be null: back to the cart. */
JNIEXPORT void NATIVE(checkoutRequestSetBargain)(JNIEnv* env, jclass cls, jlong h, jbyteArray bargain_id) {
    (void)cls;
    arg_str a;
    if (!arg_get(env, bargain_id, "bargain_id", &a)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_checkout_request_set_bargain(PTR(sc_checkout_request, h), a.s, &err);
    arg_release(&a);
    if (st != SC_OK) throw_status(env, st, err);
}

ACC_STR(checkoutRequestBargainId, sc_checkout_request_bargain_id, sc_checkout_request)

/* ------------------------------------------------------------------------ */
/* Programs                                                                  */
/* ------------------------------------------------------------------------ */

JNIEXPORT void NATIVE(engineBargainProgramPut)(JNIEnv* env, jclass cls, jlong h, jbyteArray json) {
    (void)cls;
    arg_str j;
    if (!arg_get(env, json, "json", &j)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_bargain_program_put(PTR(sc_engine, h), j.s, &err);
    arg_release(&j);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT jlong NATIVE(engineBargainProgramGet)(JNIEnv* env, jclass cls, jlong h, jbyteArray program_id) {
    (void)cls;
    arg_str p;
    if (!arg_get(env, program_id, "program_id", &p)) return 0;
    sc_bargain_program* program = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_bargain_program_get(PTR(sc_engine, h), p.s, &program, &err);
    arg_release(&p);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(program);
}

ACC_STR(bargainProgramId, sc_bargain_program_id, sc_bargain_program)
ACC_STR(bargainProgramSkuId, sc_bargain_program_sku_id, sc_bargain_program)
ACC_I64(bargainProgramFloorPrice, sc_bargain_program_floor_price, sc_bargain_program)
ACC_I64(bargainProgramHelpers, sc_bargain_program_helpers, sc_bargain_program)
ACC_I64(bargainProgramLifetimeMinutes, sc_bargain_program_lifetime_minutes, sc_bargain_program)
ACC_I64(bargainProgramStartsAtMs, sc_bargain_program_starts_at_ms, sc_bargain_program)
ACC_I64(bargainProgramEndsAtMs, sc_bargain_program_ends_at_ms, sc_bargain_program)
FREE_FN(bargainProgramFree, sc_bargain_program_free, sc_bargain_program)

/* ------------------------------------------------------------------------ */
/* Bargains                                                                  */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(engineBargainOpen)(JNIEnv* env, jclass cls, jlong h, jbyteArray program_id,
                                          jbyteArray user_id, jbyteArray idempotency_key) {
    (void)cls;
    const jbyteArray in[3] = {program_id, user_id, idempotency_key};
    static const char* const fields[3] = {"program_id", "user_id", "idempotency_key"};
    arg_str a[3];
    if (!args_get(env, 3, in, fields, a)) return 0;
    sc_bargain* bargain = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_bargain_open(PTR(sc_engine, h), a[0].s, a[1].s, a[2].s, &bargain, &err);
    args_release(3, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(bargain);
}

/* The bargain after the help; the amount cut goes to amount_out[0] (a long[1]). */
JNIEXPORT jlong NATIVE(engineBargainHelp)(JNIEnv* env, jclass cls, jlong h, jbyteArray bargain_id,
                                          jbyteArray helper_user_id, jbyteArray idempotency_key,
                                          jlongArray amount_out) {
    (void)cls;
    const jbyteArray in[3] = {bargain_id, helper_user_id, idempotency_key};
    static const char* const fields[3] = {"bargain_id", "helper_user_id", "idempotency_key"};
    arg_str a[3];
    if (!args_get(env, 3, in, fields, a)) return 0;
    int64_t amount = 0;
    sc_bargain* bargain = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_bargain_help(PTR(sc_engine, h), a[0].s, a[1].s, a[2].s, &amount, &bargain, &err);
    args_release(3, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    if (amount_out != NULL) {
        jlong v = (jlong)amount;
        (*env)->SetLongArrayRegion(env, amount_out, 0, 1, &v);
        if ((*env)->ExceptionCheck(env)) {
            sc_bargain_free(bargain);
            return 0;
        }
    }
    return HANDLE(bargain);
}

JNIEXPORT jlong NATIVE(engineBargainGet)(JNIEnv* env, jclass cls, jlong h, jbyteArray bargain_id) {
    (void)cls;
    arg_str b;
    if (!arg_get(env, bargain_id, "bargain_id", &b)) return 0;
    sc_bargain* bargain = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_bargain_get(PTR(sc_engine, h), b.s, &bargain, &err);
    arg_release(&b);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(bargain);
}

/* A negative limit is out of range. */
JNIEXPORT jlong NATIVE(engineBargainsOfUser)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id, jlong limit) {
    (void)cls;
    arg_str u;
    if (!arg_get(env, user_id, "user_id", &u)) return 0;
    sc_bargains* bargains = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_bargains_of_user(PTR(sc_engine, h), u.s, to_size(limit), &bargains, &err);
    arg_release(&u);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(bargains);
}

ACC_SIZE(bargainsCount, sc_bargains_count, sc_bargains)

/* The index-th bargain, borrowed from the list (read it, never free it). */
JNIEXPORT jlong NATIVE(bargainsAt)(JNIEnv* env, jclass cls, jlong h, jlong index) {
    (void)env;
    (void)cls;
    return HANDLE(sc_bargains_at(PTR(const sc_bargains, h), to_size(index)));
}

FREE_FN(bargainsFree, sc_bargains_free, sc_bargains)

ACC_STR(bargainId, sc_bargain_id, sc_bargain)
ACC_STR(bargainProgramIdOf, sc_bargain_program_id_of, sc_bargain)
ACC_STR(bargainUserId, sc_bargain_user_id, sc_bargain)
ACC_STR(bargainSkuId, sc_bargain_sku_id, sc_bargain)
ACC_I64(bargainState, sc_bargain_state, sc_bargain)
ACC_I64(bargainStartPrice, sc_bargain_start_price, sc_bargain)
ACC_I64(bargainFloorPrice, sc_bargain_floor_price, sc_bargain)
ACC_I64(bargainPrice, sc_bargain_price, sc_bargain)
ACC_I64(bargainHelpersNeeded, sc_bargain_helpers_needed, sc_bargain)
ACC_I64(bargainOpenedAtMs, sc_bargain_opened_at_ms, sc_bargain)
ACC_I64(bargainDeadlineMs, sc_bargain_deadline_ms, sc_bargain)
ACC_I64(bargainEndedAtMs, sc_bargain_ended_at_ms, sc_bargain)
ACC_STR(bargainOrderId, sc_bargain_order_id, sc_bargain)
ACC_SIZE(bargainHelpCount, sc_bargain_help_count, sc_bargain)
ACC_STR_AT(bargainHelpUserId, sc_bargain_help_user_id, sc_bargain)
ACC_I64_AT(bargainHelpAmount, sc_bargain_help_amount, sc_bargain)
ACC_I64_AT(bargainHelpPriceAfter, sc_bargain_help_price_after, sc_bargain)
ACC_I64_AT(bargainHelpAtMs, sc_bargain_help_at_ms, sc_bargain)
/* Only for a bargain the caller owns (open, help, get), never one of a list. */
FREE_FN(bargainFree, sc_bargain_free, sc_bargain)

/* ------------------------------------------------------------------------ */
/* The program report                                                        */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(engineBargainReport)(JNIEnv* env, jclass cls, jlong h, jbyteArray program_id) {
    (void)cls;
    arg_str p;
    if (!arg_get(env, program_id, "program_id", &p)) return 0;
    sc_bargain_report* report = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_bargain_report(PTR(sc_engine, h), p.s, &report, &err);
    arg_release(&p);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(report);
}

/* figure: an sc_bargain_figure_t, passed through unchecked (one that is not reads 0). */
JNIEXPORT jlong NATIVE(bargainReportGet)(JNIEnv* env, jclass cls, jlong h, jint figure) {
    (void)env;
    (void)cls;
    return (jlong)sc_bargain_report_get(PTR(const sc_bargain_report, h), (sc_bargain_figure_t)figure);
}

FREE_FN(bargainReportFree, sc_bargain_report_free, sc_bargain_report)
