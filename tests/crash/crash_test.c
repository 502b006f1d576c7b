/* Crash test: a child process shops through the C ABI (cart add, checkout, pay, each
 * under an idempotency key) and reports each call that returned OK; the parent kills
 * it with SIGKILL after a random number of reports, at whatever point it is, then
 * reopens the file and checks that
 *   - every acknowledged call survived,
 *   - the call in flight, retried with its key, takes effect exactly once,
 *   - stock on hand and available stock add up, and the event log has no gaps.
 *
 *   sc_crash_test KILLS [SEED]
 *
 * Prints "N passed, N failed" (one check per kill) and exits non-zero on a failure. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <socialcart/socialcart.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define STOCK INT64_C(1000000)
#define NOW_MS INT64_C(1767225600000) /* fixed: nothing lapses during the test */
#define MAX_STEPS 64

typedef enum { STEP_ADD = 0, STEP_CHECKOUT = 1, STEP_PAY = 2 } step_kind;

static int failures = 0;

static void fail(int kill_no, const char* what, const char* detail) {
    printf("FAIL kill %d: %s%s%s\n", kill_no, what, detail ? ": " : "", detail ? detail : "");
    ++failures;
}

static int64_t fixed_clock(void* user_data) {
    (void)user_data;
    return NOW_MS;
}

static sc_engine* open_engine(const char* path) {
    sc_options* options = NULL;
    sc_engine* engine = NULL;
    sc_error* err = NULL;
    if (sc_options_new(&options, NULL) != SC_OK ||
        sc_options_set_clock(options, fixed_clock, NULL, NULL, NULL) != SC_OK ||
        sc_engine_open(path, options, &engine, &err) != SC_OK) {
        fprintf(stderr, "cannot open %s: %s\n", path, sc_error_message(err));
        sc_error_free(err);
        sc_options_free(options);
        return NULL;
    }
    sc_options_free(options);
    return engine;
}

static void key_of(char* out, size_t size, const char* what, int kill_no, int step) {
    snprintf(out, size, "%s-%d-%d", what, kill_no, step);
}

static void user_of(char* out, size_t size, int kill_no, int step) {
    snprintf(out, size, "u%d-%d", kill_no, step);
}

/* Runs step `step` of the shopping loop; on success fills order_id (checkout). */
static sc_status_t run_step(sc_engine* engine, int kill_no, int step, char* order_id, size_t order_size) {
    char user[64], key[64];
    sc_order* order = NULL;
    sc_status_t status;
    user_of(user, sizeof user, kill_no, step / 3);
    switch ((step_kind)(step % 3)) {
        case STEP_ADD:
            key_of(key, sizeof key, "add", kill_no, step / 3);
            return sc_engine_cart_add_once(engine, user, "tea", 1, key, NULL);
        case STEP_CHECKOUT:
            key_of(key, sizeof key, "checkout", kill_no, step / 3);
            status = sc_engine_checkout(engine, user, NULL, key, &order, NULL);
            if (status == SC_OK) snprintf(order_id, order_size, "%s", sc_order_id(order));
            sc_order_free(order);
            return status;
        case STEP_PAY:
            key_of(key, sizeof key, "pay", kill_no, step / 3);
            status = sc_engine_order_pay(engine, order_id, "psp", 6800, key, &order, NULL);
            sc_order_free(order);
            return status;
    }
    return SC_ERR_INTERNAL;
}

/* The child: shops until killed, writing one line per acknowledged call. */
static void child(const char* path, int kill_no, int out_fd) {
    sc_engine* engine = open_engine(path);
    char order_id[128] = "";
    int step;
    if (engine == NULL) _exit(2);
    for (step = 0; step < MAX_STEPS; ++step) {
        char line[256];
        int n;
        if (run_step(engine, kill_no, step, order_id, sizeof order_id) != SC_OK) _exit(3);
        n = snprintf(line, sizeof line, "%d %s\n", step, order_id);
        if (write(out_fd, line, (size_t)n) != n) _exit(4);
    }
    sc_engine_close(engine);
    _exit(0);
}

static int64_t sku_field(sc_engine* engine, int available) {
    sc_sku* sku = NULL;
    int64_t value = -1;
    if (sc_engine_sku_get(engine, "tea", &sku, NULL) == SC_OK)
        value = available ? sc_sku_stock_available(sku) : sc_sku_stock_on_hand(sku);
    sc_sku_free(sku);
    return value;
}

/* Checks the file after kill `kill_no`, whose child acknowledged steps 0..acked-1. */
static void verify(const char* path, int kill_no, int acked, char orders[][128], int64_t* paid_total,
                   int64_t* pending_total) {
    sc_engine* engine = open_engine(path);
    int step;
    int64_t after_seq = 0, expected_seq = 0;
    if (engine == NULL) {
        fail(kill_no, "reopen", NULL);
        return;
    }
    /* Every acknowledged pay is there. */
    for (step = 2; step < acked; step += 3) {
        sc_order* order = NULL;
        if (sc_engine_order_get(engine, orders[step], &order, NULL) != SC_OK ||
            sc_order_state(order) != SC_ORDER_PAID)
            fail(kill_no, "an acknowledged payment is missing", orders[step]);
        sc_order_free(order);
    }
    /* The call in flight, retried with its key, completes exactly once. */
    if (acked < MAX_STEPS) {
        char order_id[128];
        snprintf(order_id, sizeof order_id, "%s", acked > 0 ? orders[acked - 1] : "");
        if (run_step(engine, kill_no, acked, order_id, sizeof order_id) != SC_OK)
            fail(kill_no, "the retry of the call in flight failed", NULL);
        if (acked % 3 == STEP_CHECKOUT) *pending_total += 1;
        if (acked % 3 == STEP_PAY) {
            *pending_total -= 1;
            *paid_total += 1;
        }
    }
    /* Stock adds up: one unit per paid order left the warehouse, one per unpaid order is held. */
    if (sku_field(engine, 0) != STOCK - *paid_total) fail(kill_no, "stock on hand does not add up", NULL);
    if (sku_field(engine, 1) != STOCK - *paid_total - *pending_total)
        fail(kill_no, "available stock does not add up", NULL);
    /* The event log has no gaps. */
    for (;;) {
        sc_events* events = NULL;
        size_t i, n;
        if (sc_engine_events_read(engine, after_seq, 1000, &events, NULL) != SC_OK) {
            fail(kill_no, "events cannot be read", NULL);
            break;
        }
        n = sc_events_count(events);
        for (i = 0; i < n; ++i) {
            if (sc_events_seq(events, i) != ++expected_seq) fail(kill_no, "the event log has a gap", NULL);
            after_seq = sc_events_seq(events, i);
        }
        sc_events_free(events);
        if (n == 0) break;
    }
    sc_engine_close(engine);
}

int main(int argc, char** argv) {
    const int kills = argc > 1 ? atoi(argv[1]) : 30;
    unsigned long long seed = argc > 2 ? strtoull(argv[2], NULL, 10) : 20261201ULL;
    char path[] = "/tmp/sc_crash_XXXXXX";
    int fd = mkstemp(path);
    int64_t paid_total = 0, pending_total = 0;
    int k, failed_kills = 0;
    if (fd < 0) return 2;
    close(fd);
    unlink(path);
    {
        sc_engine* engine = open_engine(path);
        sc_sku* sku = NULL;
        if (engine == NULL || sc_sku_new("tea", "m1", "Tea", "CNY", 6800, &sku, NULL) != SC_OK ||
            sc_sku_set_stock(sku, STOCK, NULL) != SC_OK || sc_engine_sku_put(engine, sku, NULL) != SC_OK)
            return 2;
        sc_sku_free(sku);
        sc_engine_close(engine);
    }
    printf("crash test: %d kills, seed %llu, file %s\n", kills, seed, path);
    for (k = 0; k < kills; ++k) {
        static char orders[MAX_STEPS][128];
        int pipe_fds[2];
        pid_t pid;
        int target, acked = 0, status = 0, failures_before = failures;
        FILE* in;
        char line[256];
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        target = 1 + (int)((seed >> 33) % (MAX_STEPS - 4));
        memset(orders, 0, sizeof orders);
        if (pipe(pipe_fds) != 0) return 2;
        fflush(stdout);
        pid = fork();
        if (pid < 0) return 2;
        if (pid == 0) {
            close(pipe_fds[0]);
            child(path, k, pipe_fds[1]);
        }
        close(pipe_fds[1]);
        in = fdopen(pipe_fds[0], "r");
        while (fgets(line, sizeof line, in) != NULL) {
            int step = -1;
            char order_id[128] = "";
            if (sscanf(line, "%d %127s", &step, order_id) < 1 || step != acked) {
                fail(k, "garbled report", line);
                break;
            }
            snprintf(orders[step], sizeof orders[step], "%s", order_id);
            if (++acked == target) kill(pid, SIGKILL); /* lines already written still count */
        }
        fclose(in);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (!(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
            fail(k, "the child failed before it was killed", NULL);
        /* What the acknowledged steps did, before the retry of the one in flight. */
        paid_total += acked / 3;
        pending_total += (acked % 3 == 2 ? 1 : 0);
        verify(path, k, acked, orders, &paid_total, &pending_total);
        if (failures == failures_before)
            printf("ok   kill %d after %d acknowledged call(s)\n", k, acked);
        else
            ++failed_kills;
    }
    for (k = 0; k < 3; ++k) {
        char name[300];
        snprintf(name, sizeof name, "%s%s", path, k == 0 ? "" : (k == 1 ? "-wal" : "-shm"));
        unlink(name);
    }
    printf("%d passed, %d failed\n", kills - failed_kills, failed_kills);
    return failures == 0 ? 0 : 1;
}
