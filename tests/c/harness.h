/*
 * A tiny test framework for the C API tests: checks that count, print the
 * failing file:line and expression, and a runner that ends with one line
 * "N passed, N failed". Checks may be made from any thread.
 *
 * Convention: inside CHECK_OK / EXPECT_ERR*, the call names its error
 * out-parameter `&E`; the macro declares E, inspects it and frees it.
 */
#ifndef SC_TEST_HARNESS_H
#define SC_TEST_HARNESS_H

#include <stddef.h>
#include <stdint.h>

#include "socialcart/socialcart.h"

typedef void (*h_test_fn)(void);

typedef struct h_test_case {
    const char* name;
    h_test_fn fn;
} h_test_case;

/* Runs the tests whose name contains argv[1] (all when absent); returns the exit code. */
int h_run(const h_test_case* tests, size_t count, int argc, char** argv);

/* Returns ok; records a check. */
int h_check(int ok, const char* file, int line, const char* expr);
int h_check_i64(int64_t got, int64_t want, const char* file, int line, const char* got_expr,
                const char* want_expr);
int h_check_str(const char* got, const char* want, const char* file, int line,
                const char* got_expr, const char* want_expr);
int h_check_status(sc_status_t got, sc_status_t want, const char* file, int line,
                   const char* expr);
/* A call that should succeed; prints the error when it did not. */
int h_check_ok(sc_status_t got, const sc_error* error, const char* file, int line,
               const char* expr);
/*
 * A call that should fail with `code` (or `code2`): the status, a non-NULL error
 * with that code and a non-empty message, and the field when `field` is not NULL.
 */
void h_expect_err(sc_status_t got, const sc_error* error, sc_status_t code, sc_status_t code2,
                  const char* field, const char* file, int line, const char* expr);
/* Prints a note (not a check). */
void h_note(const char* fmt, ...);

int64_t h_failed_count(void);

#define CHECK(e) h_check(!!(e), __FILE__, __LINE__, #e)
#define CHECK_EQ(a, b) h_check_i64((int64_t)(a), (int64_t)(b), __FILE__, __LINE__, #a, #b)
#define CHECK_STR(a, b) h_check_str((a), (b), __FILE__, __LINE__, #a, #b)
#define CHECK_STATUS(call, want) h_check_status((call), (want), __FILE__, __LINE__, #call)

#define CHECK_OK(call)                                            \
    do {                                                          \
        sc_error* E = NULL;                                       \
        sc_status_t S_ = (call);                                    \
        h_check_ok(S_, E, __FILE__, __LINE__, #call);             \
        sc_error_free(E);                                         \
    } while (0)

#define EXPECT_ERR(code, field, call)                                              \
    do {                                                                           \
        sc_error* E = NULL;                                                        \
        sc_status_t S_ = (call);                                                     \
        h_expect_err(S_, E, (code), (code), (field), __FILE__, __LINE__, #call);   \
        sc_error_free(E);                                                          \
    } while (0)

/* For calls where the header allows either of two codes. */
#define EXPECT_ERR2(code, code2, field, call)                                      \
    do {                                                                           \
        sc_error* E = NULL;                                                        \
        sc_status_t S_ = (call);                                                     \
        h_expect_err(S_, E, (code), (code2), (field), __FILE__, __LINE__, #call);  \
        sc_error_free(E);                                                          \
    } while (0)

#endif
