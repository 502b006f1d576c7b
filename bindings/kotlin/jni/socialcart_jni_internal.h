/*
 * What the files of the JNI layer share: the conventions of socialcart_jni.c
 * (read its header comment first), its string, error and argument helpers, and
 * the accessor generators. Private to bindings/kotlin/jni; nothing declared here
 * is exported from libsocialcart_jni.so (hidden visibility and socialcart_jni.map).
 */
#ifndef SOCIALCART_JNI_INTERNAL_H
#define SOCIALCART_JNI_INTERNAL_H

#include <jni.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <socialcart/socialcart.h>

#define NATIVE(name) JNICALL Java_socialcart_Native_##name
#define PTR(type, h) ((type*)(intptr_t)(h))
#define HANDLE(p) ((jlong)(intptr_t)(p))

/* A UTF-8 C string (NULL allowed) to a java.lang.String (NULL for NULL). On
 * failure an exception is pending and NULL is returned. */
jstring to_jstring(JNIEnv* env, const char* s);

/* Throws socialcart.SocialCartException. message/field are UTF-8 (may be NULL). */
void throw_socialcart(JNIEnv* env, int code, const char* message, const char* field, bool retryable);

/* Turns a failed call into a pending exception and frees the error. */
void throw_status(JNIEnv* env, sc_status_t status, sc_error* err);

/* Throws OutOfMemoryError unless an exception is already pending. */
void throw_oom(JNIEnv* env);

/* A borrowed argument string: NUL-terminated copy of a byte[]. */
typedef struct arg_str {
    char* s; /* NULL when the byte[] was null */
    char buf[192];
} arg_str;

/* Copies bytes into a. false (with an exception pending) on failure; a byte[]
 * holding a NUL byte is SC_ERR_INVALID_ARGUMENT with the given field. */
bool arg_get(JNIEnv* env, jbyteArray bytes, const char* field, arg_str* a);
void arg_release(arg_str* a);

/* Gets n arguments; on failure releases those already taken. */
bool args_get(JNIEnv* env, size_t n, const jbyteArray* bytes, const char* const* fields, arg_str* out);
void args_release(size_t n, arg_str* a);

/* Java long index/count to size_t: negative values become SIZE_MAX, which every
 * function treats as out of range. */
size_t to_size(jlong v);
jlong from_size(size_t v);

/* ------------------------------------------------------------------------ */
/* Accessor generators: each wraps one never-failing sc_* accessor.          */
/* ------------------------------------------------------------------------ */

#define ACC_STR(jname, cfn, ctype)                                                   \
    JNIEXPORT jstring NATIVE(jname)(JNIEnv * env, jclass cls, jlong h) {              \
        (void)cls;                                                                    \
        return to_jstring(env, cfn(PTR(const ctype, h)));                             \
    }
#define ACC_STR_AT(jname, cfn, ctype)                                                \
    JNIEXPORT jstring NATIVE(jname)(JNIEnv * env, jclass cls, jlong h, jlong i) {     \
        (void)cls;                                                                    \
        return to_jstring(env, cfn(PTR(const ctype, h), to_size(i)));                 \
    }
#define ACC_I64(jname, cfn, ctype)                                                   \
    JNIEXPORT jlong NATIVE(jname)(JNIEnv * env, jclass cls, jlong h) {                \
        (void)env;                                                                    \
        (void)cls;                                                                    \
        return (jlong)cfn(PTR(const ctype, h));                                       \
    }
#define ACC_I64_AT(jname, cfn, ctype)                                                \
    JNIEXPORT jlong NATIVE(jname)(JNIEnv * env, jclass cls, jlong h, jlong i) {       \
        (void)env;                                                                    \
        (void)cls;                                                                    \
        return (jlong)cfn(PTR(const ctype, h), to_size(i));                           \
    }
#define ACC_SIZE(jname, cfn, ctype)                                                  \
    JNIEXPORT jlong NATIVE(jname)(JNIEnv * env, jclass cls, jlong h) {                \
        (void)env;                                                                    \
        (void)cls;                                                                    \
        return from_size(cfn(PTR(const ctype, h)));                                   \
    }
#define ACC_SIZE_AT(jname, cfn, ctype)                                               \
    JNIEXPORT jlong NATIVE(jname)(JNIEnv * env, jclass cls, jlong h, jlong i) {       \
        (void)env;                                                                    \
        (void)cls;                                                                    \
        return from_size(cfn(PTR(const ctype, h), to_size(i)));                       \
    }
/* Two indexes: an element of an element (a line's adjustment). */
#define ACC_STR_AT2(jname, cfn, ctype)                                                       \
    JNIEXPORT jstring NATIVE(jname)(JNIEnv * env, jclass cls, jlong h, jlong i, jlong j) {    \
        (void)cls;                                                                            \
        return to_jstring(env, cfn(PTR(const ctype, h), to_size(i), to_size(j)));             \
    }
#define ACC_I64_AT2(jname, cfn, ctype)                                                       \
    JNIEXPORT jlong NATIVE(jname)(JNIEnv * env, jclass cls, jlong h, jlong i, jlong j) {      \
        (void)env;                                                                            \
        (void)cls;                                                                            \
        return (jlong)cfn(PTR(const ctype, h), to_size(i), to_size(j));                       \
    }
#define ACC_BOOL(jname, cfn, ctype)                                                  \
    JNIEXPORT jboolean NATIVE(jname)(JNIEnv * env, jclass cls, jlong h) {             \
        (void)env;                                                                    \
        (void)cls;                                                                    \
        return cfn(PTR(const ctype, h)) ? JNI_TRUE : JNI_FALSE;                       \
    }
#define ACC_BOOL_AT(jname, cfn, ctype)                                               \
    JNIEXPORT jboolean NATIVE(jname)(JNIEnv * env, jclass cls, jlong h, jlong i) {    \
        (void)env;                                                                    \
        (void)cls;                                                                    \
        return cfn(PTR(const ctype, h), to_size(i)) ? JNI_TRUE : JNI_FALSE;           \
    }
#define FREE_FN(jname, cfn, ctype)                                                   \
    JNIEXPORT void NATIVE(jname)(JNIEnv * env, jclass cls, jlong h) {                 \
        (void)env;                                                                    \
        (void)cls;                                                                    \
        cfn(PTR(ctype, h));                                                           \
    }

#endif /* SOCIALCART_JNI_INTERNAL_H */
