#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include "harness.h"

#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static pthread_mutex_t h_lock = PTHREAD_MUTEX_INITIALIZER;
static int64_t h_passed;
static int64_t h_failed;
static const char* h_current = "";

static void h_record(int ok) {
    pthread_mutex_lock(&h_lock);
    if (ok) {
        ++h_passed;
    } else {
        ++h_failed;
    }
    pthread_mutex_unlock(&h_lock);
}

int64_t h_failed_count(void) {
    int64_t n;
    pthread_mutex_lock(&h_lock);
    n = h_failed;
    pthread_mutex_unlock(&h_lock);
    return n;
}

static void h_fail_line(const char* file, int line, const char* fmt, ...) {
    va_list ap;
    pthread_mutex_lock(&h_lock);
    if (fmt[0] == ' ') {
        printf("     %s:%d [%s]:", file, line, h_current); /* detail of the failure above */
    } else {
        printf("FAIL %s:%d [%s]: ", file, line, h_current);
    }
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    pthread_mutex_unlock(&h_lock);
}

void h_note(const char* fmt, ...) {
    va_list ap;
    pthread_mutex_lock(&h_lock);
    printf("  note: ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    pthread_mutex_unlock(&h_lock);
}

int h_check(int ok, const char* file, int line, const char* expr) {
    h_record(ok);
    if (!ok) {
        h_fail_line(file, line, "CHECK(%s)", expr);
    }
    return ok;
}

int h_check_i64(int64_t got, int64_t want, const char* file, int line, const char* got_expr,
                const char* want_expr) {
    int ok = got == want;
    h_record(ok);
    if (!ok) {
        h_fail_line(file, line, "CHECK_EQ(%s, %s): got %" PRId64 ", want %" PRId64, got_expr,
                    want_expr, got, want);
    }
    return ok;
}

int h_check_str(const char* got, const char* want, const char* file, int line,
                const char* got_expr, const char* want_expr) {
    int ok;
    if (got == NULL || want == NULL) {
        ok = got == want;
    } else {
        ok = strcmp(got, want) == 0;
    }
    h_record(ok);
    if (!ok) {
        h_fail_line(file, line, "CHECK_STR(%s, %s): got %s%s%s, want %s%s%s", got_expr,
                    want_expr, got ? "\"" : "", got ? got : "NULL", got ? "\"" : "",
                    want ? "\"" : "", want ? want : "NULL", want ? "\"" : "");
    }
    return ok;
}

int h_check_status(sc_status_t got, sc_status_t want, const char* file, int line,
                   const char* expr) {
    int ok = got == want;
    h_record(ok);
    if (!ok) {
        h_fail_line(file, line, "%s: got %s, want %s", expr, sc_status_name(got),
                    sc_status_name(want));
    }
    return ok;
}

int h_check_ok(sc_status_t got, const sc_error* error, const char* file, int line,
               const char* expr) {
    int ok = got == SC_OK;
    h_record(ok);
    if (!ok) {
        const char* field = sc_error_field(error);
        h_fail_line(file, line, "%s: got %s (message \"%s\", field %s), want SC_OK", expr,
                    sc_status_name(got), sc_error_message(error), field ? field : "NULL");
    }
    return ok;
}

void h_expect_err(sc_status_t got, const sc_error* error, sc_status_t code, sc_status_t code2,
                  const char* field, const char* file, int line, const char* expr) {
    int status_ok = got == code || got == code2;
    h_record(status_ok);
    if (!status_ok) {
        const char* f = sc_error_field(error);
        if (code == code2) {
            h_fail_line(file, line, "%s: got %s (message \"%s\", field %s), want %s", expr,
                        sc_status_name(got), sc_error_message(error), f ? f : "NULL",
                        sc_status_name(code));
        } else {
            h_fail_line(file, line, "%s: got %s (message \"%s\", field %s), want %s or %s",
                        expr, sc_status_name(got), sc_error_message(error), f ? f : "NULL",
                        sc_status_name(code), sc_status_name(code2));
        }
    }
    if (got == SC_OK) {
        /* Nothing more to say about an error that was not reported. */
        return;
    }
    if (!h_check(error != NULL, file, line, "error object returned")) {
        h_fail_line(file, line, "  ... for %s", expr);
        return;
    }
    if (!h_check_i64(sc_error_code(error), got, file, line, "sc_error_code(E)", "status")) {
        h_fail_line(file, line, "  ... for %s", expr);
    }
    if (!h_check(sc_error_message(error) != NULL && sc_error_message(error)[0] != '\0', file,
                 line, "error message non-empty")) {
        h_fail_line(file, line, "  ... for %s", expr);
    }
    if (got == SC_ERR_INVALID_ARGUMENT || got == SC_ERR_INVALID_UTF8 ||
        got == SC_ERR_VALIDATION) {
        if (!h_check(!sc_error_retryable(error), file, line, "!sc_error_retryable(E)")) {
            h_fail_line(file, line, "  ... for %s", expr);
        }
    }
    if (field != NULL) {
        if (!h_check_str(sc_error_field(error), field, file, line, "sc_error_field(E)",
                         field)) {
            h_fail_line(file, line, "  ... for %s (message \"%s\")", expr,
                        sc_error_message(error));
        }
    }
}

int h_run(const h_test_case* tests, size_t count, int argc, char** argv) {
    size_t i;
    const char* filter = argc > 1 ? argv[1] : NULL;
    for (i = 0; i < count; ++i) {
        int64_t live_before;
        int64_t live_after;
        int64_t failed_before;
        if (filter != NULL && strstr(tests[i].name, filter) == NULL) {
            continue;
        }
        pthread_mutex_lock(&h_lock);
        h_current = tests[i].name;
        pthread_mutex_unlock(&h_lock);
        failed_before = h_failed_count();
        live_before = sc_live_object_count();
        tests[i].fn();
        live_after = sc_live_object_count();
        if (!h_check_i64(live_after, live_before, __FILE__, __LINE__,
                         "sc_live_object_count() at the end of the test",
                         "its value at the start")) {
            /* Already reported. */
        }
        printf("%s %s\n", h_failed_count() == failed_before ? "ok  " : "FAIL", tests[i].name);
        fflush(stdout);
    }
    printf("%" PRId64 " passed, %" PRId64 " failed\n", h_passed, h_failed);
    fflush(stdout);
    return h_failed == 0 ? 0 : 1;
}
