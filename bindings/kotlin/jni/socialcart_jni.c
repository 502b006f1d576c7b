/*
 * socialcart_jni: the JNI layer of the Kotlin binding.
 *
 * It speaks only the C ABI of include/socialcart/socialcart.h. The native
 * methods of the Kotlin object `socialcart.Native` are defined in this file and,
 * by capability, in socialcart_jni_<capability>.c (pricing: the checkout request,
 * rules and the order's pricing snapshot; coupons; points; tiers; referral: share links;
 * attribution: opens, bindings, attributions, rewards, refusals and statistics; groupbuy: the
 * request's group choice, campaigns, groups and their seats, the campaign report; flashsale: the
 * request's flash-sale slot, sales, slots with their stock, the slot report; bargain: the
 * request's bargain, programs, bargains opened, helped and read with their helps, the program
 * report), which share
 * the helpers declared in socialcart_jni_internal.h. Every SC_API function of the headers is
 * called from one of these files, except the few tests/abi/binding_allowlist.txt
 * lets a binding leave unwrapped (run-tests.sh checks).
 *
 * Conventions
 *   - Handles cross JNI as jlong (the C pointer value); 0 is NULL.
 *   - Strings going in arrive as byte[] holding standard UTF-8 (the Kotlin side
 *     encodes with String.toByteArray(UTF_8)); this avoids JNI's "modified
 *     UTF-8", which encodes non-BMP characters as surrogate pairs. A null byte[]
 *     becomes a NULL char*. A byte[] with a NUL byte is rejected here with
 *     SC_ERR_INVALID_ARGUMENT (C would silently truncate it). Bytes are passed
 *     through unchanged, so invalid UTF-8 reaches the library's own check.
 *   - Strings coming out are decoded as standard UTF-8 with
 *     new String(byte[], StandardCharsets.UTF_8).
 *   - On failure a function frees the sc_error and throws
 *     socialcart.SocialCartException (built by Native.newException), then
 *     returns 0/NULL.
 *   - Snapshots are returned as handles; the Kotlin side copies them into data
 *     classes with the accessor functions below and frees them at once.
 */
#include "socialcart_jni_internal.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------ */
/* Cached JVM state                                                          */
/* ------------------------------------------------------------------------ */

static JavaVM* g_vm;
static jclass g_native_class;        /* socialcart.Native */
static jmethodID g_new_exception;    /* Native.newException(ILString;String;Z)Throwable */
static jclass g_string_class;        /* java.lang.String */
static jmethodID g_string_ctor;      /* String(byte[], Charset) */
static jobject g_utf8;               /* StandardCharsets.UTF_8 */

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM* vm, void* reserved) {
    (void)reserved;
    JNIEnv* env = NULL;
    if ((*vm)->GetEnv(vm, (void**)&env, JNI_VERSION_1_6) != JNI_OK) return JNI_ERR;
    g_vm = vm;

    jclass local = (*env)->FindClass(env, "socialcart/Native");
    if (local == NULL) return JNI_ERR;
    g_native_class = (jclass)(*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    g_new_exception = (*env)->GetStaticMethodID(
        env, g_native_class, "newException",
        "(ILjava/lang/String;Ljava/lang/String;Z)Ljava/lang/Throwable;");
    if (g_new_exception == NULL) return JNI_ERR;

    local = (*env)->FindClass(env, "java/lang/String");
    if (local == NULL) return JNI_ERR;
    g_string_class = (jclass)(*env)->NewGlobalRef(env, local);
    (*env)->DeleteLocalRef(env, local);
    g_string_ctor = (*env)->GetMethodID(env, g_string_class, "<init>",
                                        "([BLjava/nio/charset/Charset;)V");
    if (g_string_ctor == NULL) return JNI_ERR;

    local = (*env)->FindClass(env, "java/nio/charset/StandardCharsets");
    if (local == NULL) return JNI_ERR;
    jfieldID utf8_field =
        (*env)->GetStaticFieldID(env, local, "UTF_8", "Ljava/nio/charset/Charset;");
    if (utf8_field == NULL) return JNI_ERR;
    jobject utf8 = (*env)->GetStaticObjectField(env, local, utf8_field);
    if (utf8 == NULL) return JNI_ERR;
    g_utf8 = (*env)->NewGlobalRef(env, utf8);
    (*env)->DeleteLocalRef(env, utf8);
    (*env)->DeleteLocalRef(env, local);
    if (g_native_class == NULL || g_string_class == NULL || g_utf8 == NULL) return JNI_ERR;
    return JNI_VERSION_1_6;
}

/* The JNIEnv of the current thread, attaching it when the library calls us on a
 * thread the JVM does not know. *attached tells the caller to detach. */
static JNIEnv* current_env(bool* attached) {
    JNIEnv* env = NULL;
    *attached = false;
    jint rc = (*g_vm)->GetEnv(g_vm, (void**)&env, JNI_VERSION_1_6);
    if (rc == JNI_OK) return env;
    if (rc != JNI_EDETACHED) return NULL;
#ifdef __ANDROID__
    if ((*g_vm)->AttachCurrentThread(g_vm, &env, NULL) != JNI_OK) return NULL;
#else
    if ((*g_vm)->AttachCurrentThread(g_vm, (void**)&env, NULL) != JNI_OK) return NULL;
#endif
    *attached = true;
    return env;
}

static void release_env(bool attached) {
    if (attached) (*g_vm)->DetachCurrentThread(g_vm);
}

/* ------------------------------------------------------------------------ */
/* Strings                                                                   */
/* ------------------------------------------------------------------------ */

/* A UTF-8 C string (NULL allowed) to a java.lang.String (NULL for NULL). On
 * failure an exception is pending and NULL is returned. */
jstring to_jstring(JNIEnv* env, const char* s) {
    if (s == NULL) return NULL;
    size_t n = strlen(s);
    if (n > (size_t)INT32_MAX) {
        jclass oom = (*env)->FindClass(env, "java/lang/OutOfMemoryError");
        if (oom != NULL) (*env)->ThrowNew(env, oom, "string too long for Java");
        return NULL;
    }
    jbyteArray bytes = (*env)->NewByteArray(env, (jsize)n);
    if (bytes == NULL) return NULL;
    (*env)->SetByteArrayRegion(env, bytes, 0, (jsize)n, (const jbyte*)s);
    jstring str = (jstring)(*env)->NewObject(env, g_string_class, g_string_ctor, bytes, g_utf8);
    (*env)->DeleteLocalRef(env, bytes);
    return str;
}

/* Throws socialcart.SocialCartException. message/field are UTF-8 (may be NULL). */
void throw_socialcart(JNIEnv* env, int code, const char* message, const char* field,
                             bool retryable) {
    if ((*env)->ExceptionCheck(env)) return;
    jstring jmessage = to_jstring(env, message != NULL ? message : "");
    if (jmessage == NULL) return;
    jstring jfield = NULL;
    if (field != NULL) {
        jfield = to_jstring(env, field);
        if (jfield == NULL) return;
    }
    jobject ex = (*env)->CallStaticObjectMethod(env, g_native_class, g_new_exception, (jint)code,
                                                jmessage, jfield, retryable ? JNI_TRUE : JNI_FALSE);
    if ((*env)->ExceptionCheck(env)) return;
    if (ex != NULL) (*env)->Throw(env, (jthrowable)ex);
}

/* Turns a failed call into a pending exception and frees the error. */
void throw_status(JNIEnv* env, sc_status_t status, sc_error* err) {
    if (err != NULL) {
        throw_socialcart(env, (int)sc_error_code(err), sc_error_message(err),
                         sc_error_field(err), sc_error_retryable(err));
        sc_error_free(err);
    } else {
        /* The library could not allocate the error object: report the status. */
        throw_socialcart(env, (int)status, sc_status_name(status), NULL, false);
    }
}

void throw_oom(JNIEnv* env) {
    if ((*env)->ExceptionCheck(env)) return;
    jclass oom = (*env)->FindClass(env, "java/lang/OutOfMemoryError");
    if (oom != NULL) (*env)->ThrowNew(env, oom, "socialcart_jni: out of memory");
}

void arg_release(arg_str* a) {
    if (a->s != NULL && a->s != a->buf) free(a->s);
    a->s = NULL;
}

/* Copies bytes into a. false (with an exception pending) on failure. */
bool arg_get(JNIEnv* env, jbyteArray bytes, const char* field, arg_str* a) {
    a->s = NULL;
    if (bytes == NULL) return true;
    jsize n = (*env)->GetArrayLength(env, bytes);
    char* p = (size_t)n < sizeof a->buf ? a->buf : (char*)malloc((size_t)n + 1);
    if (p == NULL) {
        throw_oom(env);
        return false;
    }
    (*env)->GetByteArrayRegion(env, bytes, 0, n, (jbyte*)p);
    p[n] = '\0';
    a->s = p;
    if ((*env)->ExceptionCheck(env)) {
        arg_release(a);
        return false;
    }
    if (memchr(p, '\0', (size_t)n) != NULL) {
        arg_release(a);
        throw_socialcart(env, SC_ERR_INVALID_ARGUMENT, "string contains a NUL character", field,
                         false);
        return false;
    }
    return true;
}

/* Gets n arguments; on failure releases those already taken. */
bool args_get(JNIEnv* env, size_t n, const jbyteArray* bytes, const char* const* fields,
                     arg_str* out) {
    for (size_t i = 0; i < n; i++) {
        if (!arg_get(env, bytes[i], fields[i], &out[i])) {
            for (size_t j = 0; j < i; j++) arg_release(&out[j]);
            return false;
        }
    }
    return true;
}

void args_release(size_t n, arg_str* a) {
    for (size_t i = 0; i < n; i++) arg_release(&a[i]);
}

/* Java long index/count to size_t: negative values become SIZE_MAX, which every
 * function treats as out of range. */
size_t to_size(jlong v) {
    return v < 0 ? SIZE_MAX : (size_t)v;
}

jlong from_size(size_t v) {
    return v > (size_t)INT64_MAX ? (jlong)INT64_MAX : (jlong)v;
}

/* ------------------------------------------------------------------------ */
/* Library                                                                   */
/* ------------------------------------------------------------------------ */

JNIEXPORT jstring NATIVE(version)(JNIEnv* env, jclass cls) {
    (void)cls;
    return to_jstring(env, sc_version());
}

JNIEXPORT jint NATIVE(abiVersion)(JNIEnv* env, jclass cls) {
    (void)env;
    (void)cls;
    return (jint)sc_abi_version();
}

/* The ABI generation of the header this JNI library was compiled against. */
JNIEXPORT jint NATIVE(headerAbiVersion)(JNIEnv* env, jclass cls) {
    (void)env;
    (void)cls;
    return (jint)SOCIALCART_ABI_VERSION;
}

JNIEXPORT jlong NATIVE(liveObjectCount)(JNIEnv* env, jclass cls) {
    (void)env;
    (void)cls;
    return (jlong)sc_live_object_count();
}

JNIEXPORT jstring NATIVE(statusName)(JNIEnv* env, jclass cls, jint status) {
    (void)cls;
    return to_jstring(env, sc_status_name((sc_status_t)status));
}

JNIEXPORT jstring NATIVE(orderStateName)(JNIEnv* env, jclass cls, jint state) {
    (void)cls;
    return to_jstring(env, sc_order_state_name((sc_order_state_t)state));
}

JNIEXPORT jstring NATIVE(moneyFormat)(JNIEnv* env, jclass cls, jlong amount, jbyteArray currency) {
    (void)cls;
    arg_str c;
    if (!arg_get(env, currency, "currency", &c)) return NULL;
    char* out = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_money_format((int64_t)amount, c.s, &out, &err);
    arg_release(&c);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return NULL;
    }
    jstring result = to_jstring(env, out);
    sc_string_free(out);
    return result;
}

JNIEXPORT jint NATIVE(currencyMinorUnits)(JNIEnv* env, jclass cls, jbyteArray currency) {
    (void)cls;
    arg_str c;
    if (!arg_get(env, currency, "currency", &c)) return 0;
    int32_t digits = 0;
    sc_error* err = NULL;
    sc_status_t st = sc_currency_minor_units(c.s, &digits, &err);
    arg_release(&c);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return (jint)digits;
}

/* ------------------------------------------------------------------------ */
/* Options                                                                   */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(optionsNew)(JNIEnv* env, jclass cls) {
    (void)cls;
    sc_options* opts = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_options_new(&opts, &err);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(opts);
}

FREE_FN(optionsFree, sc_options_free, sc_options)

JNIEXPORT void NATIVE(optionsSetDurability)(JNIEnv* env, jclass cls, jlong h, jint durability) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_options_set_durability(PTR(sc_options, h), (sc_durability_t)durability, &err);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(optionsSetPaymentWindowMs)(JNIEnv* env, jclass cls, jlong h, jlong ms) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_options_set_payment_window_ms(PTR(sc_options, h), (int64_t)ms, &err);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(optionsSetBusyTimeoutMs)(JNIEnv* env, jclass cls, jlong h, jlong ms) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_options_set_busy_timeout_ms(PTR(sc_options, h), (int64_t)ms, &err);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(optionsSetCacheSizeKib)(JNIEnv* env, jclass cls, jlong h, jlong kib) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_options_set_cache_size_kib(PTR(sc_options, h), (int64_t)kib, &err);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(optionsSetReadConnections)(JNIEnv* env, jclass cls, jlong h, jlong count) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_options_set_read_connections(PTR(sc_options, h), (int64_t)count, &err);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(optionsSetEventRetentionMs)(JNIEnv* env, jclass cls, jlong h, jlong ms) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_options_set_event_retention_ms(PTR(sc_options, h), (int64_t)ms, &err);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(optionsSetIdempotencyRetentionMs)(JNIEnv* env, jclass cls, jlong h, jlong ms) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_options_set_idempotency_retention_ms(PTR(sc_options, h), (int64_t)ms, &err);
    if (st != SC_OK) throw_status(env, st, err);
}

/* A host callback object: a global reference to a Kotlin object and the method the
 * library calls on it (the clock's `now`, the random source's `next`, the log's `log`).
 * The library owns it from a successful set call and frees it with jni_target_free. */
typedef struct jni_target {
    jobject target;
    jmethodID method;
} jni_target;

/* A new target for obj.name(sig), or NULL with a Java exception pending. */
static jni_target* jni_target_new(JNIEnv* env, jobject obj, const char* name, const char* sig) {
    jclass obj_class = (*env)->GetObjectClass(env, obj);
    jmethodID method = (*env)->GetMethodID(env, obj_class, name, sig);
    (*env)->DeleteLocalRef(env, obj_class);
    if (method == NULL) return NULL; /* NoSuchMethodError pending */
    jni_target* t = (jni_target*)malloc(sizeof *t);
    if (t == NULL) {
        throw_oom(env);
        return NULL;
    }
    t->target = (*env)->NewGlobalRef(env, obj);
    t->method = method;
    if (t->target == NULL) {
        free(t);
        throw_oom(env);
        return NULL;
    }
    return t;
}

/* Frees a target; called by the library (any thread) or after a refused set call. */
static void jni_target_free(void* user_data) {
    jni_target* t = (jni_target*)user_data;
    if (t == NULL) return;
    bool attached;
    JNIEnv* env = current_env(&attached);
    if (env != NULL) (*env)->DeleteGlobalRef(env, t->target);
    release_env(attached);
    free(t);
}

/* The clock: `fun now(): Long`. */
static int64_t jni_clock_now(void* user_data) {
    jni_target* c = (jni_target*)user_data;
    bool attached;
    JNIEnv* env = current_env(&attached);
    if (env == NULL) return 0;
    jlong v = (*env)->CallLongMethod(env, c->target, c->method);
    if ((*env)->ExceptionCheck(env)) {
        /* ClockAdapter catches everything; this is a last line of defence. */
        (*env)->ExceptionDescribe(env);
        (*env)->ExceptionClear(env);
        v = 0;
    }
    release_env(attached);
    return (int64_t)v;
}

/* clock == null passes a NULL function (which the library rejects). */
JNIEXPORT void NATIVE(optionsSetClock)(JNIEnv* env, jclass cls, jlong h, jobject clock) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st;
    if (clock == NULL) {
        st = sc_options_set_clock(PTR(sc_options, h), NULL, NULL, NULL, &err);
    } else {
        jni_target* c = jni_target_new(env, clock, "now", "()J");
        if (c == NULL) return;
        st = sc_options_set_clock(PTR(sc_options, h), jni_clock_now, c, jni_target_free, &err);
        if (st != SC_OK) jni_target_free(c); /* the library did not take user_data */
    }
    if (st != SC_OK) throw_status(env, st, err);
}

/* The random source: `fun next(): Long`, its bits read as an unsigned 64-bit draw. It runs on
 * the thread of the help call, which the JVM may not know (the thread is then attached). */
static uint64_t jni_random_next(void* user_data) {
    jni_target* r = (jni_target*)user_data;
    bool attached;
    JNIEnv* env = current_env(&attached);
    if (env == NULL) return 0;
    jlong v = (*env)->CallLongMethod(env, r->target, r->method);
    if ((*env)->ExceptionCheck(env)) {
        /* RandomAdapter catches everything; this is a last line of defence. */
        (*env)->ExceptionDescribe(env);
        (*env)->ExceptionClear(env);
        v = 0;
    }
    release_env(attached);
    return (uint64_t)v;
}

/* random == null passes a NULL function (which the library rejects). */
JNIEXPORT void NATIVE(optionsSetRandom)(JNIEnv* env, jclass cls, jlong h, jobject random) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st;
    if (random == NULL) {
        st = sc_options_set_random(PTR(sc_options, h), NULL, NULL, NULL, &err);
    } else {
        jni_target* r = jni_target_new(env, random, "next", "()J");
        if (r == NULL) return;
        st = sc_options_set_random(PTR(sc_options, h), jni_random_next, r, jni_target_free, &err);
        if (st != SC_OK) jni_target_free(r); /* the library did not take user_data */
    }
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(optionsSetLogLevel)(JNIEnv* env, jclass cls, jlong h, jint level) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_options_set_log_level(PTR(sc_options, h), (sc_log_level_t)level, &err);
    if (st != SC_OK) throw_status(env, st, err);
}

/* The log callback: `fun log(level: Int, message: String)`. It may run on any thread
 * that makes an engine call, so the thread is attached when the JVM does not know it. */
static void jni_log_message(void* user_data, sc_log_level_t level, const char* message) {
    jni_target* l = (jni_target*)user_data;
    bool attached;
    JNIEnv* env = current_env(&attached);
    if (env == NULL) return;
    /* A log line must never disturb the call that made it: an exception already
     * pending on this thread (none is expected) is left alone. */
    if (!(*env)->ExceptionCheck(env) && (*env)->PushLocalFrame(env, 4) == 0) {
        jstring text = to_jstring(env, message);
        if (text != NULL) (*env)->CallVoidMethod(env, l->target, l->method, (jint)level, text);
        if ((*env)->ExceptionCheck(env)) {
            /* LogAdapter catches everything; this is a last line of defence. */
            (*env)->ExceptionDescribe(env);
            (*env)->ExceptionClear(env);
        }
        (*env)->PopLocalFrame(env, NULL);
    }
    release_env(attached);
}

/* sink == null passes a NULL function (which the library rejects). */
JNIEXPORT void NATIVE(optionsSetLog)(JNIEnv* env, jclass cls, jlong h, jobject sink) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st;
    if (sink == NULL) {
        st = sc_options_set_log(PTR(sc_options, h), NULL, NULL, NULL, &err);
    } else {
        jni_target* l = jni_target_new(env, sink, "log", "(ILjava/lang/String;)V");
        if (l == NULL) return;
        st = sc_options_set_log(PTR(sc_options, h), jni_log_message, l, jni_target_free, &err);
        if (st != SC_OK) jni_target_free(l); /* the library did not take user_data */
    }
    if (st != SC_OK) throw_status(env, st, err);
}

/* ------------------------------------------------------------------------ */
/* Engine                                                                    */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(engineOpen)(JNIEnv* env, jclass cls, jbyteArray path, jlong options) {
    (void)cls;
    arg_str p;
    if (!arg_get(env, path, "path", &p)) return 0;
    sc_engine* engine = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_open(p.s, PTR(const sc_options, options), &engine, &err);
    arg_release(&p);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(engine);
}

FREE_FN(engineClose, sc_engine_close, sc_engine)

/* A new long[] holding n values; NULL with an exception pending on failure.
 * The housekeeping calls return their several out values this way. */
static jlongArray to_jlong_array(JNIEnv* env, const jlong* values, jsize n) {
    jlongArray out = (*env)->NewLongArray(env, n);
    if (out == NULL) return NULL; /* OutOfMemoryError pending */
    (*env)->SetLongArrayRegion(env, out, 0, n, values);
    return out;
}

/* Returns {settled, more ? 1 : 0}. */
JNIEXPORT jlongArray NATIVE(engineSweep)(JNIEnv* env, jclass cls, jlong h, jlong max_orders) {
    (void)cls;
    int64_t settled = 0;
    bool more = false;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_sweep(PTR(sc_engine, h), to_size(max_orders), &settled, &more, &err);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return NULL;
    }
    const jlong values[2] = {(jlong)settled, more ? 1 : 0};
    return to_jlong_array(env, values, 2);
}

/* Returns {events_removed, idempotency_removed, more ? 1 : 0}. */
JNIEXPORT jlongArray NATIVE(engineCompact)(JNIEnv* env, jclass cls, jlong h, jlong max_rows) {
    (void)cls;
    int64_t events_removed = 0;
    int64_t idempotency_removed = 0;
    bool more = false;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_compact(PTR(sc_engine, h), to_size(max_rows), &events_removed,
                                     &idempotency_removed, &more, &err);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return NULL;
    }
    const jlong values[3] = {(jlong)events_removed, (jlong)idempotency_removed, more ? 1 : 0};
    return to_jlong_array(env, values, 3);
}

/* ------------------------------------------------------------------------ */
/* SKUs and catalog                                                          */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(skuNew)(JNIEnv* env, jclass cls, jbyteArray id, jbyteArray merchant_id,
                               jbyteArray title, jbyteArray currency, jlong list_price) {
    (void)cls;
    const jbyteArray in[4] = {id, merchant_id, title, currency};
    static const char* const fields[4] = {"id", "merchant_id", "title", "currency"};
    arg_str a[4];
    if (!args_get(env, 4, in, fields, a)) return 0;
    sc_sku* sku = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_sku_new(a[0].s, a[1].s, a[2].s, a[3].s, (int64_t)list_price, &sku, &err);
    args_release(4, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(sku);
}

JNIEXPORT void NATIVE(skuSetStock)(JNIEnv* env, jclass cls, jlong h, jlong on_hand) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_sku_set_stock(PTR(sc_sku, h), (int64_t)on_hand, &err);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(skuSetMaxPerOrder)(JNIEnv* env, jclass cls, jlong h, jlong max_quantity) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_sku_set_max_per_order(PTR(sc_sku, h), (int64_t)max_quantity, &err);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(skuSetActive)(JNIEnv* env, jclass cls, jlong h, jboolean active) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_sku_set_active(PTR(sc_sku, h), active == JNI_TRUE, &err);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(skuAddCategory)(JNIEnv* env, jclass cls, jlong h, jbyteArray category) {
    (void)cls;
    arg_str c;
    if (!arg_get(env, category, "category_id", &c)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_sku_add_category(PTR(sc_sku, h), c.s, &err);
    arg_release(&c);
    if (st != SC_OK) throw_status(env, st, err);
}

FREE_FN(skuFree, sc_sku_free, sc_sku)
ACC_STR(skuId, sc_sku_id, sc_sku)
ACC_STR(skuMerchantId, sc_sku_merchant_id, sc_sku)
ACC_STR(skuTitle, sc_sku_title, sc_sku)
ACC_STR(skuCurrency, sc_sku_currency, sc_sku)
ACC_I64(skuListPrice, sc_sku_list_price, sc_sku)
ACC_BOOL(skuStockTracked, sc_sku_stock_tracked, sc_sku)
ACC_I64(skuStockOnHand, sc_sku_stock_on_hand, sc_sku)
ACC_I64(skuStockAvailable, sc_sku_stock_available, sc_sku)
ACC_I64(skuMaxPerOrder, sc_sku_max_per_order, sc_sku)
ACC_BOOL(skuActive, sc_sku_active, sc_sku)
ACC_SIZE(skuCategoryCount, sc_sku_category_count, sc_sku)
ACC_STR_AT(skuCategoryAt, sc_sku_category_at, sc_sku)

JNIEXPORT void NATIVE(enginePutSku)(JNIEnv* env, jclass cls, jlong h, jlong sku) {
    (void)cls;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_sku_put(PTR(sc_engine, h), PTR(const sc_sku, sku), &err);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT jlong NATIVE(engineGetSku)(JNIEnv* env, jclass cls, jlong h, jbyteArray sku_id) {
    (void)cls;
    arg_str id;
    if (!arg_get(env, sku_id, "sku_id", &id)) return 0;
    sc_sku* sku = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_sku_get(PTR(sc_engine, h), id.s, &sku, &err);
    arg_release(&id);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(sku);
}

JNIEXPORT jlong NATIVE(engineCatalog)(JNIEnv* env, jclass cls, jlong h) {
    (void)cls;
    sc_catalog* catalog = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_catalog_list(PTR(sc_engine, h), &catalog, &err);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(catalog);
}

ACC_SIZE(catalogCount, sc_catalog_count, sc_catalog)

/* A SKU borrowed from the catalog: valid until catalogFree; never free it. */
JNIEXPORT jlong NATIVE(catalogAt)(JNIEnv* env, jclass cls, jlong h, jlong index) {
    (void)env;
    (void)cls;
    return HANDLE(sc_catalog_at(PTR(const sc_catalog, h), to_size(index)));
}

FREE_FN(catalogFree, sc_catalog_free, sc_catalog)
ACC_STR(catalogNextCursor, sc_catalog_next_cursor, sc_catalog)

/* A page of the catalog by merchant (by_category false) or by category. */
static jlong catalog_page(JNIEnv* env, jlong h, bool by_category, jbyteArray key, jbyteArray cursor,
                          jlong limit) {
    const jbyteArray in[2] = {key, cursor};
    static const char* const merchant_fields[2] = {"merchant_id", "cursor"};
    static const char* const category_fields[2] = {"category_id", "cursor"};
    arg_str a[2];
    if (!args_get(env, 2, in, by_category ? category_fields : merchant_fields, a)) return 0;
    sc_catalog* catalog = NULL;
    sc_error* err = NULL;
    sc_status_t st = by_category
                       ? sc_engine_catalog_list_by_category(PTR(sc_engine, h), a[0].s, a[1].s, to_size(limit),
                                                       &catalog, &err)
                       : sc_engine_catalog_list_by_merchant(PTR(sc_engine, h), a[0].s, a[1].s, to_size(limit),
                                                       &catalog, &err);
    args_release(2, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(catalog);
}

JNIEXPORT jlong NATIVE(engineCatalogByMerchant)(JNIEnv* env, jclass cls, jlong h, jbyteArray merchant_id,
                                                jbyteArray cursor, jlong limit) {
    (void)cls;
    return catalog_page(env, h, false, merchant_id, cursor, limit);
}

JNIEXPORT jlong NATIVE(engineCatalogByCategory)(JNIEnv* env, jclass cls, jlong h, jbyteArray category_id,
                                                jbyteArray cursor, jlong limit) {
    (void)cls;
    return catalog_page(env, h, true, category_id, cursor, limit);
}

/* ------------------------------------------------------------------------ */
/* Program document                                                          */
/* ------------------------------------------------------------------------ */

JNIEXPORT void NATIVE(engineImportProgram)(JNIEnv* env, jclass cls, jlong h, jbyteArray json) {
    (void)cls;
    arg_str j;
    if (!arg_get(env, json, "json", &j)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_program_import(PTR(sc_engine, h), j.s, &err);
    arg_release(&j);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT jstring NATIVE(engineExportProgram)(JNIEnv* env, jclass cls, jlong h) {
    (void)cls;
    char* json = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_program_export(PTR(sc_engine, h), &json, &err);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return NULL;
    }
    jstring result = to_jstring(env, json);
    sc_string_free(json);
    return result;
}

/* ------------------------------------------------------------------------ */
/* Cart                                                                      */
/* ------------------------------------------------------------------------ */

static const char* const USER_SKU_FIELDS[2] = {"user_id", "sku_id"};

JNIEXPORT void NATIVE(engineCartAdd)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                     jbyteArray sku_id, jlong quantity) {
    (void)cls;
    const jbyteArray in[2] = {user_id, sku_id};
    arg_str a[2];
    if (!args_get(env, 2, in, USER_SKU_FIELDS, a)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_cart_add(PTR(sc_engine, h), a[0].s, a[1].s, (int64_t)quantity, &err);
    args_release(2, a);
    if (st != SC_OK) throw_status(env, st, err);
}

static const char* const USER_SKU_KEY_FIELDS[3] = {"user_id", "sku_id", "idempotency_key"};

JNIEXPORT void NATIVE(engineCartAddOnce)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                         jbyteArray sku_id, jlong quantity, jbyteArray key) {
    (void)cls;
    const jbyteArray in[3] = {user_id, sku_id, key};
    arg_str a[3];
    if (!args_get(env, 3, in, USER_SKU_KEY_FIELDS, a)) return;
    sc_error* err = NULL;
    sc_status_t st =
        sc_engine_cart_add_once(PTR(sc_engine, h), a[0].s, a[1].s, (int64_t)quantity, a[2].s, &err);
    args_release(3, a);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(engineCartSetQuantity)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                             jbyteArray sku_id, jlong quantity) {
    (void)cls;
    const jbyteArray in[2] = {user_id, sku_id};
    arg_str a[2];
    if (!args_get(env, 2, in, USER_SKU_FIELDS, a)) return;
    sc_error* err = NULL;
    sc_status_t st =
        sc_engine_cart_set_quantity(PTR(sc_engine, h), a[0].s, a[1].s, (int64_t)quantity, &err);
    args_release(2, a);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(engineCartRemove)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                        jbyteArray sku_id) {
    (void)cls;
    const jbyteArray in[2] = {user_id, sku_id};
    arg_str a[2];
    if (!args_get(env, 2, in, USER_SKU_FIELDS, a)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_cart_remove(PTR(sc_engine, h), a[0].s, a[1].s, &err);
    args_release(2, a);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(engineCartSelect)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                        jbyteArray sku_id, jboolean selected) {
    (void)cls;
    const jbyteArray in[2] = {user_id, sku_id};
    arg_str a[2];
    if (!args_get(env, 2, in, USER_SKU_FIELDS, a)) return;
    sc_error* err = NULL;
    sc_status_t st =
        sc_engine_cart_select(PTR(sc_engine, h), a[0].s, a[1].s, selected == JNI_TRUE, &err);
    args_release(2, a);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(engineCartClear)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id) {
    (void)cls;
    arg_str u;
    if (!arg_get(env, user_id, "user_id", &u)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_cart_clear(PTR(sc_engine, h), u.s, &err);
    arg_release(&u);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT void NATIVE(engineCartMergeGuest)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                            jbyteArray guest_id) {
    (void)cls;
    const jbyteArray in[2] = {user_id, guest_id};
    static const char* const fields[2] = {"user_id", "guest_id"};
    arg_str a[2];
    if (!args_get(env, 2, in, fields, a)) return;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_cart_merge_guest(PTR(sc_engine, h), a[0].s, a[1].s, &err);
    args_release(2, a);
    if (st != SC_OK) throw_status(env, st, err);
}

JNIEXPORT jlong NATIVE(engineCartGet)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id) {
    (void)cls;
    arg_str u;
    if (!arg_get(env, user_id, "user_id", &u)) return 0;
    sc_cart* cart = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_cart_get(PTR(sc_engine, h), u.s, &cart, &err);
    arg_release(&u);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(cart);
}

ACC_STR(cartUserId, sc_cart_user_id, sc_cart)
ACC_STR(cartCurrency, sc_cart_currency, sc_cart)
ACC_SIZE(cartLineCount, sc_cart_line_count, sc_cart)
ACC_STR_AT(cartLineSkuId, sc_cart_line_sku_id, sc_cart)
ACC_STR_AT(cartLineTitle, sc_cart_line_title, sc_cart)
ACC_I64_AT(cartLineQuantity, sc_cart_line_quantity, sc_cart)
ACC_BOOL_AT(cartLineSelected, sc_cart_line_selected, sc_cart)
ACC_I64_AT(cartLineUnitPrice, sc_cart_line_unit_price, sc_cart)
ACC_I64_AT(cartLineAddedPrice, sc_cart_line_added_price, sc_cart)
ACC_I64_AT(cartLineAvailable, sc_cart_line_available, sc_cart)
ACC_I64_AT(cartLineProblems, sc_cart_line_problems, sc_cart)
FREE_FN(cartFree, sc_cart_free, sc_cart)

/* ------------------------------------------------------------------------ */
/* Quote                                                                     */
/* ------------------------------------------------------------------------ */

/* request: an sc_checkout_request handle (checkoutRequestNew), or 0 for the defaults. */
JNIEXPORT jlong NATIVE(engineQuote)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                    jlong request) {
    (void)cls;
    arg_str u;
    if (!arg_get(env, user_id, "user_id", &u)) return 0;
    sc_quote* quote = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_quote(PTR(sc_engine, h), u.s, PTR(const sc_checkout_request, request),
                                     &quote, &err);
    arg_release(&u);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(quote);
}

ACC_STR(quoteCurrency, sc_quote_currency, sc_quote)
ACC_SIZE(quoteLineCount, sc_quote_line_count, sc_quote)
ACC_STR_AT(quoteLineSkuId, sc_quote_line_sku_id, sc_quote)
ACC_I64_AT(quoteLineQuantity, sc_quote_line_quantity, sc_quote)
ACC_I64_AT(quoteLineUnitPrice, sc_quote_line_unit_price, sc_quote)
ACC_I64_AT(quoteLineBase, sc_quote_line_base, sc_quote)
ACC_I64_AT(quoteLineNet, sc_quote_line_net, sc_quote)
ACC_I64(quoteSubtotal, sc_quote_subtotal, sc_quote)
ACC_I64(quoteTotal, sc_quote_total, sc_quote)
ACC_I64(quoteDiscount, sc_quote_discount, sc_quote)
ACC_I64(quoteShipping, sc_quote_shipping, sc_quote)
ACC_I64(quoteSaved, sc_quote_saved, sc_quote)
ACC_I64(quotePointsUsed, sc_quote_points_used, sc_quote)
ACC_I64(quotePointsAmount, sc_quote_points_amount, sc_quote)
ACC_I64(quotePointsMax, sc_quote_points_max, sc_quote)
ACC_I64(quotePointsToEarn, sc_quote_points_to_earn, sc_quote)
ACC_STR_AT(quoteLineMerchantId, sc_quote_line_merchant_id, sc_quote)

JNIEXPORT jlong NATIVE(quoteLineAdjustmentCount)(JNIEnv* env, jclass cls, jlong h, jlong line) {
    (void)env;
    (void)cls;
    return from_size(sc_quote_line_adjustment_count(PTR(const sc_quote, h), to_size(line)));
}

JNIEXPORT jstring NATIVE(quoteLineAdjustmentKind)(JNIEnv* env, jclass cls, jlong h, jlong line, jlong adjustment) {
    (void)cls;
    return to_jstring(env, sc_quote_line_adjustment_kind(PTR(const sc_quote, h), to_size(line), to_size(adjustment)));
}

JNIEXPORT jstring NATIVE(quoteLineAdjustmentSource)(JNIEnv* env, jclass cls, jlong h, jlong line, jlong adjustment) {
    (void)cls;
    return to_jstring(env, sc_quote_line_adjustment_source(PTR(const sc_quote, h), to_size(line), to_size(adjustment)));
}

JNIEXPORT jlong NATIVE(quoteLineAdjustmentAmount)(JNIEnv* env, jclass cls, jlong h, jlong line, jlong adjustment) {
    (void)env;
    (void)cls;
    return (jlong)sc_quote_line_adjustment_amount(PTR(const sc_quote, h), to_size(line), to_size(adjustment));
}

ACC_SIZE(quoteMerchantCount, sc_quote_merchant_count, sc_quote)
ACC_STR_AT(quoteMerchantId, sc_quote_merchant_id, sc_quote)
ACC_I64_AT(quoteMerchantSubtotal, sc_quote_merchant_subtotal, sc_quote)
ACC_I64_AT(quoteMerchantDiscount, sc_quote_merchant_discount, sc_quote)
ACC_I64_AT(quoteMerchantShippingFee, sc_quote_merchant_shipping_fee, sc_quote)
ACC_I64_AT(quoteMerchantShippingWaived, sc_quote_merchant_shipping_waived, sc_quote)
ACC_STR_AT(quoteMerchantShippingWaivedBy, sc_quote_merchant_shipping_waived_by, sc_quote)
ACC_I64_AT(quoteMerchantShipping, sc_quote_merchant_shipping, sc_quote)
ACC_I64_AT(quoteMerchantTotal, sc_quote_merchant_total, sc_quote)
ACC_I64_AT(quoteMerchantPointsAmount, sc_quote_merchant_points_amount, sc_quote)
ACC_SIZE(quotePromotionCount, sc_quote_promotion_count, sc_quote)
ACC_STR_AT(quotePromotionId, sc_quote_promotion_id, sc_quote)
ACC_I64_AT(quotePromotionAmount, sc_quote_promotion_amount, sc_quote)
ACC_SIZE(quoteCouponCount, sc_quote_coupon_count, sc_quote)
ACC_STR_AT(quoteCouponCode, sc_quote_coupon_code, sc_quote)
ACC_STR_AT(quoteCouponTemplateId, sc_quote_coupon_template_id, sc_quote)
ACC_I64_AT(quoteCouponAmount, sc_quote_coupon_amount, sc_quote)
ACC_SIZE(quoteGiftCount, sc_quote_gift_count, sc_quote)
ACC_STR_AT(quoteGiftPromotionId, sc_quote_gift_promotion_id, sc_quote)
ACC_STR_AT(quoteGiftSkuId, sc_quote_gift_sku_id, sc_quote)
ACC_I64_AT(quoteGiftQuantity, sc_quote_gift_quantity, sc_quote)
ACC_SIZE(quoteExplanationCount, sc_quote_explanation_count, sc_quote)
ACC_STR_AT(quoteExplanationCode, sc_quote_explanation_code, sc_quote)
ACC_STR_AT(quoteExplanationTemplateId, sc_quote_explanation_template_id, sc_quote)
ACC_STR_AT(quoteExplanationReason, sc_quote_explanation_reason, sc_quote)
ACC_I64_AT(quoteExplanationMissing, sc_quote_explanation_missing, sc_quote)
ACC_STR_AT(quoteExplanationConflicting, sc_quote_explanation_conflicting, sc_quote)
FREE_FN(quoteFree, sc_quote_free, sc_quote)

/* ------------------------------------------------------------------------ */
/* Orders                                                                    */
/* ------------------------------------------------------------------------ */

/* request: an sc_checkout_request handle (checkoutRequestNew), or 0 for the defaults. */
JNIEXPORT jlong NATIVE(engineCheckout)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                       jlong request, jbyteArray idempotency_key) {
    (void)cls;
    const jbyteArray in[2] = {user_id, idempotency_key};
    static const char* const fields[2] = {"user_id", "idempotency_key"};
    arg_str a[2];
    if (!args_get(env, 2, in, fields, a)) return 0;
    sc_order* order = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_checkout(PTR(sc_engine, h), a[0].s,
                                        PTR(const sc_checkout_request, request), a[1].s, &order,
                                        &err);
    args_release(2, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(order);
}

JNIEXPORT jlong NATIVE(engineOrderGet)(JNIEnv* env, jclass cls, jlong h, jbyteArray order_id) {
    (void)cls;
    arg_str id;
    if (!arg_get(env, order_id, "order_id", &id)) return 0;
    sc_order* order = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_order_get(PTR(sc_engine, h), id.s, &order, &err);
    arg_release(&id);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(order);
}

/* The order-changing calls take want_out: false passes NULL for `out` (the
 * header allows it) and returns 0. */
JNIEXPORT jlong NATIVE(engineOrderPay)(JNIEnv* env, jclass cls, jlong h, jbyteArray order_id,
                                       jbyteArray payment_ref, jlong amount,
                                       jbyteArray idempotency_key, jboolean want_out) {
    (void)cls;
    const jbyteArray in[3] = {order_id, payment_ref, idempotency_key};
    static const char* const fields[3] = {"order_id", "payment_ref", "idempotency_key"};
    arg_str a[3];
    if (!args_get(env, 3, in, fields, a)) return 0;
    sc_order* order = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_order_pay(PTR(sc_engine, h), a[0].s, a[1].s, (int64_t)amount, a[2].s,
                                       want_out == JNI_TRUE ? &order : NULL, &err);
    args_release(3, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(order);
}

JNIEXPORT jlong NATIVE(engineOrderCancel)(JNIEnv* env, jclass cls, jlong h, jbyteArray order_id,
                                          jboolean want_out) {
    (void)cls;
    arg_str id;
    if (!arg_get(env, order_id, "order_id", &id)) return 0;
    sc_order* order = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_order_cancel(PTR(sc_engine, h), id.s,
                                          want_out == JNI_TRUE ? &order : NULL, &err);
    arg_release(&id);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(order);
}

JNIEXPORT jlong NATIVE(engineOrderRefundLine)(JNIEnv* env, jclass cls, jlong h,
                                              jbyteArray order_id, jlong line_index,
                                              jlong quantity, jbyteArray idempotency_key,
                                              jboolean want_out) {
    (void)cls;
    const jbyteArray in[2] = {order_id, idempotency_key};
    static const char* const fields[2] = {"order_id", "idempotency_key"};
    arg_str a[2];
    if (!args_get(env, 2, in, fields, a)) return 0;
    sc_order* order = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_order_refund_line(PTR(sc_engine, h), a[0].s, to_size(line_index),
                                               (int64_t)quantity, a[1].s,
                                               want_out == JNI_TRUE ? &order : NULL, &err);
    args_release(2, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(order);
}

JNIEXPORT jlong NATIVE(engineOrderRefundAmount)(JNIEnv* env, jclass cls, jlong h,
                                                jbyteArray order_id, jlong amount,
                                                jbyteArray idempotency_key, jboolean want_out) {
    (void)cls;
    const jbyteArray in[2] = {order_id, idempotency_key};
    static const char* const fields[2] = {"order_id", "idempotency_key"};
    arg_str a[2];
    if (!args_get(env, 2, in, fields, a)) return 0;
    sc_order* order = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_order_refund_amount(PTR(sc_engine, h), a[0].s, (int64_t)amount,
                                                 a[1].s, want_out == JNI_TRUE ? &order : NULL,
                                                 &err);
    args_release(2, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(order);
}

ACC_STR(orderId, sc_order_id, sc_order)
ACC_STR(orderUserId, sc_order_user_id, sc_order)
ACC_I64(orderStateOf, sc_order_state, sc_order)
ACC_I64(orderCancelReason, sc_order_cancel_reason, sc_order)
ACC_STR(orderCurrency, sc_order_currency, sc_order)
ACC_I64(orderSubtotal, sc_order_subtotal, sc_order)
ACC_I64(orderTotal, sc_order_total, sc_order)
ACC_I64(orderRefunded, sc_order_refunded, sc_order)
ACC_I64(orderCreatedAtMs, sc_order_created_at_ms, sc_order)
ACC_I64(orderPayDeadlineMs, sc_order_pay_deadline_ms, sc_order)
ACC_I64(orderPaidAtMs, sc_order_paid_at_ms, sc_order)
ACC_STR(orderPaymentRef, sc_order_payment_ref, sc_order)
ACC_SIZE(orderLineCount, sc_order_line_count, sc_order)
ACC_STR_AT(orderLineSkuId, sc_order_line_sku_id, sc_order)
ACC_STR_AT(orderLineTitle, sc_order_line_title, sc_order)
ACC_STR_AT(orderLineMerchantId, sc_order_line_merchant_id, sc_order)
ACC_I64_AT(orderLineQuantity, sc_order_line_quantity, sc_order)
ACC_I64_AT(orderLineUnitPrice, sc_order_line_unit_price, sc_order)
ACC_I64_AT(orderLineBase, sc_order_line_base, sc_order)
ACC_I64_AT(orderLineNet, sc_order_line_net, sc_order)
ACC_I64_AT(orderLineRefundedQuantity, sc_order_line_refunded_quantity, sc_order)
ACC_I64_AT(orderLineRefundedAmount, sc_order_line_refunded_amount, sc_order)
ACC_SIZE(orderRefundCount, sc_order_refund_count, sc_order)
ACC_STR_AT(orderRefundId, sc_order_refund_id, sc_order)
ACC_I64_AT(orderRefundAmount, sc_order_refund_amount, sc_order)
ACC_I64_AT(orderRefundTimeMs, sc_order_refund_time_ms, sc_order)

JNIEXPORT jlong NATIVE(orderRefundLineCount)(JNIEnv* env, jclass cls, jlong h, jlong refund) {
    (void)env;
    (void)cls;
    return from_size(sc_order_refund_line_count(PTR(const sc_order, h), to_size(refund)));
}

JNIEXPORT jlong NATIVE(orderRefundLineIndex)(JNIEnv* env, jclass cls, jlong h, jlong refund, jlong part) {
    (void)env;
    (void)cls;
    return from_size(sc_order_refund_line_index(PTR(const sc_order, h), to_size(refund), to_size(part)));
}

JNIEXPORT jlong NATIVE(orderRefundLineQuantity)(JNIEnv* env, jclass cls, jlong h, jlong refund, jlong part) {
    (void)env;
    (void)cls;
    return (jlong)sc_order_refund_line_quantity(PTR(const sc_order, h), to_size(refund), to_size(part));
}

JNIEXPORT jlong NATIVE(orderRefundLineAmount)(JNIEnv* env, jclass cls, jlong h, jlong refund, jlong part) {
    (void)env;
    (void)cls;
    return (jlong)sc_order_refund_line_amount(PTR(const sc_order, h), to_size(refund), to_size(part));
}

FREE_FN(orderFree, sc_order_free, sc_order)

JNIEXPORT jlong NATIVE(engineOrderByCheckoutKey)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id,
                                                 jbyteArray idempotency_key) {
    (void)cls;
    const jbyteArray in[2] = {user_id, idempotency_key};
    static const char* const fields[2] = {"user_id", "idempotency_key"};
    arg_str a[2];
    if (!args_get(env, 2, in, fields, a)) return 0;
    sc_order* order = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_order_get_by_checkout_key(PTR(sc_engine, h), a[0].s, a[1].s, &order, &err);
    args_release(2, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(order);
}

JNIEXPORT jlong NATIVE(engineOrdersOfUser)(JNIEnv* env, jclass cls, jlong h, jbyteArray user_id, jint state,
                                           jlong from_ms, jlong to_ms, jbyteArray cursor, jlong limit) {
    (void)cls;
    const jbyteArray in[2] = {user_id, cursor};
    static const char* const fields[2] = {"user_id", "cursor"};
    arg_str a[2];
    if (!args_get(env, 2, in, fields, a)) return 0;
    sc_orders* orders = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_order_list_by_user(PTR(sc_engine, h), a[0].s, (sc_order_state_t)state, (int64_t)from_ms,
                                            (int64_t)to_ms, a[1].s, to_size(limit), &orders, &err);
    args_release(2, a);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(orders);
}

ACC_SIZE(ordersCount, sc_orders_count, sc_orders)

/* An order borrowed from the page: valid until ordersFree; never free it. */
JNIEXPORT jlong NATIVE(ordersAt)(JNIEnv* env, jclass cls, jlong h, jlong index) {
    (void)env;
    (void)cls;
    return HANDLE(sc_orders_at(PTR(const sc_orders, h), to_size(index)));
}

ACC_STR(ordersNextCursor, sc_orders_next_cursor, sc_orders)
FREE_FN(ordersFree, sc_orders_free, sc_orders)

/* ------------------------------------------------------------------------ */
/* Events                                                                    */
/* ------------------------------------------------------------------------ */

JNIEXPORT jlong NATIVE(engineEventsRead)(JNIEnv* env, jclass cls, jlong h, jlong after_seq,
                                         jlong limit) {
    (void)cls;
    sc_events* events = NULL;
    sc_error* err = NULL;
    sc_status_t st =
        sc_engine_events_read(PTR(sc_engine, h), (int64_t)after_seq, to_size(limit), &events, &err);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(events);
}

JNIEXPORT jlong NATIVE(engineEventsReadType)(JNIEnv* env, jclass cls, jlong h, jbyteArray type,
                                             jlong after_seq, jlong limit) {
    (void)cls;
    arg_str t;
    if (!arg_get(env, type, "type", &t)) return 0;
    sc_events* events = NULL;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_events_read_type(PTR(sc_engine, h), t.s, (int64_t)after_seq, to_size(limit),
                                              &events, &err);
    arg_release(&t);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(events);
}

JNIEXPORT jlong NATIVE(engineEventsLatestSeq)(JNIEnv* env, jclass cls, jlong h) {
    (void)cls;
    int64_t seq = 0;
    sc_error* err = NULL;
    sc_status_t st = sc_engine_events_latest_seq(PTR(sc_engine, h), &seq, &err);
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return (jlong)seq;
}

ACC_SIZE(eventsCount, sc_events_count, sc_events)
ACC_I64_AT(eventsSeq, sc_events_seq, sc_events)
ACC_STR_AT(eventsType, sc_events_type, sc_events)
ACC_STR_AT(eventsSubjectId, sc_events_subject_id, sc_events)
ACC_I64_AT(eventsTimeMs, sc_events_time_ms, sc_events)
ACC_STR_AT(eventsPayload, sc_events_payload, sc_events)
FREE_FN(eventsFree, sc_events_free, sc_events)

/* A subscription's user_data: a global reference to a Kotlin EventSink with
 * `fun onEvents(events: Long)`, released in user_data_free. */
typedef struct jni_sink {
    jobject target;
    jmethodID on_events;
} jni_sink;

static void jni_sink_deliver(void* user_data, const sc_events* events) {
    jni_sink* s = (jni_sink*)user_data;
    bool attached;
    JNIEnv* env = current_env(&attached);
    if (env == NULL) return;
    if ((*env)->PushLocalFrame(env, 16) == 0) {
        (*env)->CallVoidMethod(env, s->target, s->on_events, HANDLE(events));
        if ((*env)->ExceptionCheck(env)) {
            /* EventSink catches everything; never let an exception escape
             * into the library or into the caller's JNI frame. */
            (*env)->ExceptionDescribe(env);
            (*env)->ExceptionClear(env);
        }
        (*env)->PopLocalFrame(env, NULL);
    } else {
        (*env)->ExceptionClear(env);
    }
    release_env(attached);
}

static void jni_sink_free(void* user_data) {
    jni_sink* s = (jni_sink*)user_data;
    if (s == NULL) return;
    bool attached;
    JNIEnv* env = current_env(&attached);
    if (env != NULL) (*env)->DeleteGlobalRef(env, s->target);
    release_env(attached);
    free(s);
}

/* sink == null passes a NULL callback (which the library rejects). */
JNIEXPORT jlong NATIVE(engineSubscribe)(JNIEnv* env, jclass cls, jlong h, jobject sink) {
    (void)cls;
    sc_subscription* sub = NULL;
    sc_error* err = NULL;
    sc_status_t st;
    if (sink == NULL) {
        st = sc_engine_events_subscribe(PTR(sc_engine, h), NULL, NULL, NULL, &sub, &err);
    } else {
        jclass sink_class = (*env)->GetObjectClass(env, sink);
        jmethodID on_events = (*env)->GetMethodID(env, sink_class, "onEvents", "(J)V");
        (*env)->DeleteLocalRef(env, sink_class);
        if (on_events == NULL) return 0;
        jni_sink* s = (jni_sink*)malloc(sizeof *s);
        if (s == NULL) {
            throw_oom(env);
            return 0;
        }
        s->target = (*env)->NewGlobalRef(env, sink);
        s->on_events = on_events;
        if (s->target == NULL) {
            free(s);
            throw_oom(env);
            return 0;
        }
        st = sc_engine_events_subscribe(PTR(sc_engine, h), jni_sink_deliver, s, jni_sink_free, &sub, &err);
        if (st != SC_OK) {
            /* The header does not say whether a failed subscribe calls
             * user_data_free; it says nothing was created, so we free. */
            (*env)->DeleteGlobalRef(env, s->target);
            free(s);
        }
    }
    if (st != SC_OK) {
        throw_status(env, st, err);
        return 0;
    }
    return HANDLE(sub);
}

FREE_FN(subscriptionFree, sc_subscription_free, sc_subscription)
