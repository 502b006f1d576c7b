/*
 * socialcart_jni_referral: the JNI layer's share links capability (socialcart/referral.h):
 * the referral program put, the keys that sign and verify links (generate, install, trust,
 * retire, list), making a link and verifying a token or short code. Conventions as in
 * socialcart_jni.c.
 */
#include "socialcart_jni_internal.h"

JNIEXPORT jstring NATIVE(shareTargetName)(JNIEnv* env, jclass cls, jint target) {
    (void)cls;
    return to_jstring(env, sc_share_target_name((sc_share_target_t)target));
}

/* ------------------------------------------------------------------------ */
/* The program                                                               */
/* ------------------------------------------------------------------------ */

JNIEXPORT void NATIVE(engineReferralProgramPut)(JNIEnv* env, jclass cls, jlong h, jbyteArray json) {
    (void)cls;
    arg_str j;
    if (!arg_get(env, json, "json", &j)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_referral_program_put(PTR(sc_engine, h), j.s, &err);
    arg_release(&j);
    if (st != SC_OK) throw_status(env, st, err);
}

/* ------------------------------------------------------------------------ */
/* Keys                                                                      */
/* ------------------------------------------------------------------------ */

/* want_out (here and below): false passes NULL for `out` (the header allows it) and
 * returns 0. */
typedef sc_status_t (*share_key_fn)(sc_engine*, const char*, sc_share_key**, sc_error**);

/* Generate and retire take a key id alone. */
static jlong share_key_call(JNIEnv* env, share_key_fn call, jlong h, jbyteArray key_id, jboolean want_out) {
    arg_str k;
    if (!arg_get(env, key_id, "key_id", &k)) return 0;
    sc_share_key* key = NULL;
    sc_error* err = NULL;
    sc_status_t st = call(PTR(sc_engine, h), k.s, want_out == JNI_TRUE ? &key : NULL, &err);
    arg_release(&k);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(key);
}

JNIEXPORT jlong NATIVE(engineShareKeyGenerate)(JNIEnv* env, jclass cls, jlong h, jbyteArray key_id,
                                               jboolean want_out) {
    (void)cls;
    return share_key_call(env, sc_engine_share_key_generate, h, key_id, want_out);
}

typedef sc_status_t (*share_key_add_fn)(sc_engine*, const char*, const char*, sc_share_key**, sc_error**);

/* Install and trust take a key id and a PEM (pem_field: "private_pem" or "public_pem"). */
static jlong share_key_add(JNIEnv* env, share_key_add_fn add, jlong h, jbyteArray key_id, jbyteArray pem,
                           const char* pem_field, jboolean want_out) {
    const jbyteArray in[2] = {key_id, pem};
    const char* const fields[2] = {"key_id", pem_field};
    arg_str a[2];
    if (!args_get(env, 2, in, fields, a)) return 0;
    sc_share_key* key = NULL;
    sc_error* err = NULL;
    sc_status_t st = add(PTR(sc_engine, h), a[0].s, a[1].s, want_out == JNI_TRUE ? &key : NULL, &err);
    args_release(2, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(key);
}

JNIEXPORT jlong NATIVE(engineShareKeyInstall)(JNIEnv* env, jclass cls, jlong h, jbyteArray key_id,
                                              jbyteArray private_pem, jboolean want_out) {
    (void)cls;
    return share_key_add(env, sc_engine_share_key_install, h, key_id, private_pem, "private_pem", want_out);
}

JNIEXPORT jlong NATIVE(engineShareKeyTrust)(JNIEnv* env, jclass cls, jlong h, jbyteArray key_id,
                                            jbyteArray public_pem, jboolean want_out) {
    (void)cls;
    return share_key_add(env, sc_engine_share_key_trust, h, key_id, public_pem, "public_pem", want_out);
}

JNIEXPORT jlong NATIVE(engineShareKeyRetire)(JNIEnv* env, jclass cls, jlong h, jbyteArray key_id,
                                             jboolean want_out) {
    (void)cls;
    return share_key_call(env, sc_engine_share_key_retire, h, key_id, want_out);
}

JNIEXPORT jlong NATIVE(engineShareKeys)(JNIEnv* env, jclass cls, jlong h) {
    (void)cls;
    sc_share_keys* keys = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_share_keys(PTR(sc_engine, h), &keys, &err);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(keys);
}

ACC_STR(shareKeyId, sc_share_key_id, sc_share_key)
ACC_STR(shareKeyPublicPem, sc_share_key_public_pem, sc_share_key)
ACC_BOOL(shareKeyCanSign, sc_share_key_can_sign, sc_share_key)
ACC_BOOL(shareKeyIsSigning, sc_share_key_is_signing, sc_share_key)
ACC_I64(shareKeyAddedAtMs, sc_share_key_added_at_ms, sc_share_key)
ACC_BOOL(shareKeyIsRetired, sc_share_key_is_retired, sc_share_key)
ACC_I64(shareKeyRetiredAtMs, sc_share_key_retired_at_ms, sc_share_key)
FREE_FN(shareKeyFree, sc_share_key_free, sc_share_key)

ACC_SIZE(shareKeysCount, sc_share_keys_count, sc_share_keys)

/* The index-th key, borrowed from the list (read it, never free it). */
JNIEXPORT jlong NATIVE(shareKeysAt)(JNIEnv* env, jclass cls, jlong h, jlong index) {
    (void)env;
    (void)cls;
    return HANDLE(sc_share_keys_at(PTR(const sc_share_keys, h), to_size(index)));
}

FREE_FN(shareKeysFree, sc_share_keys_free, sc_share_keys)

/* ------------------------------------------------------------------------ */
/* Links                                                                     */
/* ------------------------------------------------------------------------ */

/* target: an sc_share_target_t, passed through unchecked (the library refuses others). */
JNIEXPORT jlong NATIVE(engineShareLinkCreate)(JNIEnv* env, jclass cls, jlong h, jbyteArray sharer_id,
                                              jint target, jbyteArray target_id, jbyteArray channel,
                                              jbyteArray idempotency_key) {
    (void)cls;
    const jbyteArray in[4] = {sharer_id, target_id, channel, idempotency_key};
    const char* const fields[4] = {"sharer_id", "target_id", "channel", "idempotency_key"};
    arg_str a[4];
    if (!args_get(env, 4, in, fields, a)) return 0;
    sc_share_link* link = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_share_link_create(PTR(sc_engine, h), a[0].s, (sc_share_target_t)target, a[1].s,
                                                 a[2].s, a[3].s, &link, &err);
    args_release(4, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(link);
}

JNIEXPORT jlong NATIVE(engineShareLinkResolve)(JNIEnv* env, jclass cls, jlong h, jbyteArray token_or_code) {
    (void)cls;
    arg_str t;
    if (!arg_get(env, token_or_code, "token", &t)) return 0;
    sc_share_link* link = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_share_link_resolve(PTR(sc_engine, h), t.s, &link, &err);
    arg_release(&t);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(link);
}

ACC_STR(shareLinkToken, sc_share_link_token, sc_share_link)
ACC_STR(shareLinkCode, sc_share_link_code, sc_share_link)
ACC_STR(shareLinkDisplayCode, sc_share_link_display_code, sc_share_link)
ACC_STR(shareLinkUrl, sc_share_link_url, sc_share_link)
ACC_STR(shareLinkKeyId, sc_share_link_key_id, sc_share_link)
ACC_STR(shareLinkSharerId, sc_share_link_sharer_id, sc_share_link)
ACC_I64(shareLinkTarget, sc_share_link_target, sc_share_link)
ACC_STR(shareLinkTargetId, sc_share_link_target_id, sc_share_link)
ACC_STR(shareLinkChannel, sc_share_link_channel, sc_share_link)
ACC_I64(shareLinkIssuedAtMs, sc_share_link_issued_at_ms, sc_share_link)
ACC_I64(shareLinkExpiresAtMs, sc_share_link_expires_at_ms, sc_share_link)
FREE_FN(shareLinkFree, sc_share_link_free, sc_share_link)
