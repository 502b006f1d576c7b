/*
 * Concurrency: threads racing for the last units of a SKU (one shared engine,
 * then one engine per thread on the same file), and a second process working
 * on the same database file.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fixture.h"

#define RACERS 8
#define RACE_STOCK 5

typedef struct buy_result {
    int paid;
    int out_of_stock;
    int busy;
    int unexpected;
    int negative;
    sc_status_t unexpected_status;
    char unexpected_what[64];
    char unexpected_message[200];
} buy_result;

static void note_unexpected(buy_result* r, const char* what, sc_status_t st, sc_error* e) {
    r->unexpected++;
    r->unexpected_status = st;
    snprintf(r->unexpected_what, sizeof r->unexpected_what, "%s", what);
    snprintf(r->unexpected_message, sizeof r->unexpected_message, "%s", sc_error_message(e));
}

/*
 * Buys one unit at a time (set quantity 1, checkout, pay) until the SKU is out
 * of stock. SC_ERR_BUSY is retried (and counted: it should not happen within
 * the busy timeout). Uses no check macro, so it can run in a child process.
 */
static void buy_loop(sc_engine* engine, const char* user, const char* key_prefix,
                     const char* sku, int max_iterations, buy_result* r) {
    int iter;
    for (iter = 0; iter < max_iterations; ++iter) {
        sc_status_t st = SC_OK;
        sc_error* e = NULL;
        sc_order* order = NULL;
        sc_sku* s = NULL;
        char key[128];
        char pay_key[160];
        int tries;

        for (tries = 0; tries < 100; ++tries) {
            sc_error_free(e);
            e = NULL;
            st = sc_engine_cart_set_quantity(engine, user, sku, 1, &e);
            if (st != SC_ERR_BUSY) {
                break;
            }
            r->busy++;
        }
        if (st == SC_ERR_OUT_OF_STOCK) {
            r->out_of_stock = 1;
            sc_error_free(e);
            break;
        }
        if (st != SC_OK) {
            note_unexpected(r, "cart_set_quantity", st, e);
            sc_error_free(e);
            break;
        }

        snprintf(key, sizeof key, "%s-checkout-%d", key_prefix, iter);
        for (tries = 0; tries < 100; ++tries) {
            sc_error_free(e);
            e = NULL;
            st = sc_engine_checkout(engine, user, NULL, key, &order, &e);
            if (st != SC_ERR_BUSY) {
                break;
            }
            r->busy++;
        }
        if (st == SC_ERR_OUT_OF_STOCK) {
            r->out_of_stock = 1;
            sc_error_free(e);
            break;
        }
        if (st != SC_OK) {
            note_unexpected(r, "checkout", st, e);
            sc_error_free(e);
            break;
        }

        snprintf(pay_key, sizeof pay_key, "%s-pay-%d", key_prefix, iter);
        for (tries = 0; tries < 100; ++tries) {
            sc_error_free(e);
            e = NULL;
            st = sc_engine_order_pay(engine, sc_order_id(order), "psp", sc_order_total(order),
                                     pay_key, NULL, &e);
            if (st != SC_ERR_BUSY) {
                break;
            }
            r->busy++;
        }
        sc_order_free(order);
        if (st != SC_OK) {
            note_unexpected(r, "pay", st, e);
            sc_error_free(e);
            break;
        }
        r->paid++;

        st = sc_engine_sku_get(engine, sku, &s, &e);
        if (st == SC_OK) {
            if (sc_sku_stock_on_hand(s) < 0 || sc_sku_stock_available(s) < 0) {
                r->negative++;
            }
        } else if (st != SC_ERR_BUSY) {
            note_unexpected(r, "get_sku", st, e);
        }
        sc_sku_free(s);
        sc_error_free(e);
    }
}

static const char* const RACE_PROGRAM =
    "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":["
    "{\"id\":\"limited\",\"merchant_id\":\"m1\",\"title\":\"Limited\",\"list_price\":999,"
    "\"stock\":5}]}";

typedef struct racer {
    pthread_t thread;
    sc_engine* engine;
    int index;
    buy_result result;
} racer;

/* Which racer the current thread is (NULL for other threads). */
static pthread_key_t racer_key;
static pthread_once_t racer_key_once = PTHREAD_ONCE_INIT;
static void racer_key_make(void) { (void)pthread_key_create(&racer_key, NULL); }

/* What the subscriptions saw, across threads. */
typedef struct race_watch {
    pthread_mutex_t lock;
    int deliveries;
    int paid_events;
    int wrong_thread;
    int stop;              /* monitor: stop polling */
    int monitor_reads;
    int monitor_bad;       /* on_hand < 0, available < 0 or > on_hand, on_hand went up */
    int monitor_errors;
    sc_status_t monitor_last_error;
    sc_engine* monitor_engine;
} race_watch;

typedef struct race_sub {
    race_watch* watch;
    racer* owner; /* the only thread that may receive this handle's events; NULL: any racer */
} race_sub;

static void race_cb(void* user_data, const sc_events* events) {
    race_sub* sub = (race_sub*)user_data;
    racer* me = (racer*)pthread_getspecific(racer_key);
    size_t i;
    int paid = 0;
    for (i = 0; i < sc_events_count(events); ++i) {
        const char* t = sc_events_type(events, i);
        if (t != NULL && strcmp(t, "order.paid") == 0) {
            ++paid;
        }
    }
    pthread_mutex_lock(&sub->watch->lock);
    sub->watch->deliveries++;
    sub->watch->paid_events += paid;
    if (me == NULL || (sub->owner != NULL && sub->owner != me)) {
        sub->watch->wrong_thread++;
    }
    pthread_mutex_unlock(&sub->watch->lock);
}

static void* racer_main(void* arg) {
    racer* r = (racer*)arg;
    char user[32];
    char prefix[32];
    (void)pthread_setspecific(racer_key, r);
    snprintf(user, sizeof user, "racer-%d", r->index);
    snprintf(prefix, sizeof prefix, "race-%d", r->index);
    buy_loop(r->engine, user, prefix, "limited", 100, &r->result);
    return NULL;
}

/* Polls the SKU while the racers run: stock never goes negative or up. */
static void* monitor_main(void* arg) {
    race_watch* w = (race_watch*)arg;
    int64_t last_on_hand = INT64_MAX;
    for (;;) {
        sc_sku* s = NULL;
        int stop;
        sc_status_t st;
        pthread_mutex_lock(&w->lock);
        stop = w->stop;
        pthread_mutex_unlock(&w->lock);
        /* At least one read, even when the racers were quicker. */
        if (stop && w->monitor_reads + w->monitor_errors > 0) {
            break;
        }
        st = sc_engine_sku_get(w->monitor_engine, "limited", &s, NULL);
        if (st != SC_OK) {
            pthread_mutex_lock(&w->lock);
            w->monitor_errors++;
            w->monitor_last_error = st;
            pthread_mutex_unlock(&w->lock);
        } else {
            int64_t on_hand = sc_sku_stock_on_hand(s);
            int64_t avail = sc_sku_stock_available(s);
            pthread_mutex_lock(&w->lock);
            w->monitor_reads++;
            if (on_hand < 0 || avail < 0 || avail > on_hand || on_hand > last_on_hand) {
                w->monitor_bad++;
            }
            pthread_mutex_unlock(&w->lock);
            last_on_hand = on_hand;
        }
        sc_sku_free(s);
    }
    return NULL;
}

static void run_race(int engine_per_thread) {
    fixture fx;
    racer racers[RACERS];
    race_sub subs[RACERS];
    sc_subscription* subscriptions[RACERS];
    int clock_freed[RACERS];
    race_watch watch;
    pthread_t monitor;
    int i;
    int paid = 0;
    int busy = 0;
    int negative = 0;
    int unexpected = 0;
    int out_of_stock = 0;

    pthread_once(&racer_key_once, racer_key_make);
    fx_open_file(&fx);
    fx_import(&fx, RACE_PROGRAM);
    memset(racers, 0, sizeof racers);
    memset(subscriptions, 0, sizeof subscriptions);
    memset(&watch, 0, sizeof watch);
    pthread_mutex_init(&watch.lock, NULL);
    watch.monitor_engine = fx.engine;
    for (i = 0; i < RACERS; ++i) {
        clock_freed[i] = 0;
        racers[i].index = i;
        racers[i].engine = engine_per_thread ? fx_open_handle(&fx, &clock_freed[i]) : fx.engine;
        subs[i].watch = &watch;
        subs[i].owner = engine_per_thread ? &racers[i] : NULL;
        /* One subscription on the shared engine, or one per handle. */
        if (engine_per_thread || i == 0) {
            CHECK_OK(sc_engine_events_subscribe(racers[i].engine, race_cb, &subs[i], NULL,
                                         &subscriptions[i], &E));
        }
    }
    CHECK_EQ(pthread_create(&monitor, NULL, monitor_main, &watch), 0);
    for (i = 0; i < RACERS; ++i) {
        CHECK_EQ(pthread_create(&racers[i].thread, NULL, racer_main, &racers[i]), 0);
    }
    for (i = 0; i < RACERS; ++i) {
        pthread_join(racers[i].thread, NULL);
        paid += racers[i].result.paid;
        busy += racers[i].result.busy;
        negative += racers[i].result.negative;
        unexpected += racers[i].result.unexpected;
        out_of_stock += racers[i].result.out_of_stock;
        if (racers[i].result.unexpected) {
            h_note("racer %d: unexpected %s from %s: %s", i,
                   sc_status_name(racers[i].result.unexpected_status),
                   racers[i].result.unexpected_what, racers[i].result.unexpected_message);
        }
    }
    pthread_mutex_lock(&watch.lock);
    watch.stop = 1;
    pthread_mutex_unlock(&watch.lock);
    pthread_join(monitor, NULL);
    for (i = 0; i < RACERS; ++i) {
        sc_subscription_free(subscriptions[i]);
    }
    if (engine_per_thread) {
        for (i = 0; i < RACERS; ++i) {
            sc_engine_close(racers[i].engine);
            CHECK_EQ(clock_freed[i], 1);
        }
    }
    CHECK_EQ(paid, RACE_STOCK);
    CHECK_EQ(unexpected, 0);
    CHECK_EQ(negative, 0);
    CHECK_EQ(busy, 0);
    CHECK_EQ(out_of_stock, RACERS);
    CHECK(watch.monitor_reads > 0);
    if (!CHECK_EQ(watch.monitor_errors, 0)) {
        h_note("monitor: sc_engine_sku_get failed with %s", sc_status_name(watch.monitor_last_error));
    }
    CHECK_EQ(watch.monitor_bad, 0);
    /* Every paid order was delivered once, on the thread that made the call. */
    CHECK_EQ(watch.paid_events, RACE_STOCK);
    CHECK_EQ(watch.wrong_thread, 0);
    CHECK(watch.deliveries >= RACE_STOCK);
    CHECK_EQ(sku_on_hand(fx.engine, "limited"), 0);
    CHECK_EQ(sku_available(fx.engine, "limited"), 0);
    CHECK_EQ(events_count_type(fx.engine, 0, "order.paid"), RACE_STOCK);
    events_check_gap_free(fx.engine);
    pthread_mutex_destroy(&watch.lock);
    fx_close(&fx);
}

void test_race_shared_engine(void) { run_race(0); }

void test_race_engine_per_thread(void) { run_race(1); }

/* The child's side of test_second_process: exits with the number paid, or 100+ on error. */
static void child_main(const char* path) {
    sc_options* opts = NULL;
    sc_engine* engine = NULL;
    buy_result r;
    memset(&r, 0, sizeof r);
    if (sc_options_new(&opts, NULL) != SC_OK ||
        sc_options_set_clock(opts, test_clock_now, test_clock_new(T0_MS, NULL, NULL),
                             test_clock_release, NULL) != SC_OK ||
        sc_engine_open(path, opts, &engine, NULL) != SC_OK) {
        _exit(101);
    }
    sc_options_free(opts);
    buy_loop(engine, "child-user", "child", "limited", 50, &r);
    sc_engine_close(engine);
    if (r.unexpected) {
        fprintf(stderr, "child: unexpected %s from %s: %s\n",
                sc_status_name(r.unexpected_status), r.unexpected_what, r.unexpected_message);
        _exit(102);
    }
    if (r.negative) {
        _exit(103);
    }
    if (r.busy) {
        _exit(104);
    }
    if (!r.out_of_stock) {
        _exit(105);
    }
    _exit(r.paid);
}

/* Must run before any test creates a thread. */
void test_second_process(void) {
    static const char* const program =
        "{\"format\":\"socialcart.program/1\",\"currency\":\"CNY\",\"skus\":["
        "{\"id\":\"limited\",\"merchant_id\":\"m1\",\"title\":\"Limited\",\"list_price\":999,"
        "\"stock\":10}]}";
    char path[256];
    sc_engine* engine = NULL;
    sc_options* opts = NULL;
    int freed = 0;
    pid_t pid;
    int status = 0;
    int child_paid = -1;
    buy_result r;

    tmpdb_make(path, sizeof path);
    CHECK_OK(sc_options_new(&opts, &E));
    CHECK_OK(sc_options_set_clock(opts, test_clock_now, test_clock_new(T0_MS, NULL, &freed),
                                  test_clock_release, &E));
    CHECK_OK(sc_engine_open(path, opts, &engine, &E));
    CHECK_OK(sc_engine_program_import(engine, program, &E));
    sc_engine_close(engine);
    engine = NULL;

    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid == 0) {
        child_main(path);
    }
    if (!CHECK(pid > 0)) {
        sc_options_free(opts);
        tmpdb_remove(path);
        return;
    }
    /* The parent works on the same file at the same time. */
    memset(&r, 0, sizeof r);
    CHECK_OK(sc_engine_open(path, opts, &engine, &E));
    sc_options_free(opts);
    buy_loop(engine, "parent-user", "parent", "limited", 50, &r);
    CHECK(waitpid(pid, &status, 0) == pid);
    if (CHECK(WIFEXITED(status))) {
        child_paid = WEXITSTATUS(status);
        if (!CHECK(child_paid < 100)) {
            h_note("child process failed with exit code %d", child_paid);
        }
    }
    if (r.unexpected) {
        h_note("parent: unexpected %s from %s: %s", sc_status_name(r.unexpected_status),
               r.unexpected_what, r.unexpected_message);
    }
    CHECK_EQ(r.unexpected, 0);
    CHECK_EQ(r.negative, 0);
    CHECK_EQ(r.busy, 0);
    CHECK_EQ(r.out_of_stock, 1);
    /* Stock and paid orders agree: on hand + units paid == initial. */
    CHECK_EQ(r.paid + child_paid, 10);
    CHECK_EQ(sku_on_hand(engine, "limited"), 0);
    CHECK_EQ(sku_available(engine, "limited"), 0);
    CHECK_EQ(sku_on_hand(engine, "limited") + events_count_type(engine, 0, "order.paid"), 10);
    /* One event log, gap-free across both processes. */
    events_check_gap_free(engine);
    sc_engine_close(engine);
    CHECK_EQ(freed, 1);
    tmpdb_remove(path);
}

static int64_t monotonic_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static sc_engine* open_with_busy_timeout(const char* path, int64_t timeout_ms, int* freed) {
    sc_options* opts = NULL;
    sc_engine* engine = NULL;
    CHECK_OK(sc_options_new(&opts, &E));
    CHECK_OK(sc_options_set_clock(opts, test_clock_now, test_clock_new(T0_MS, NULL, freed),
                                  test_clock_release, &E));
    CHECK_OK(sc_options_set_busy_timeout_ms(opts, timeout_ms, &E));
    CHECK_OK(sc_engine_open(path, opts, &engine, &E));
    sc_options_free(opts);
    return engine;
}

/*
 * SC_ERR_BUSY: another process holds the database's write lock. The child
 * takes the lock SQLite's WAL mode uses for writers (byte 120 of the -shm
 * file) with fcntl, without calling the library. Must run before any thread.
 */
void test_busy_other_process(void) {
    fixture fx;
    char shm[300];
    int to_child[2];
    int to_parent[2];
    pid_t pid;
    char c = '0';
    int status = 0;
    sc_engine* slow = NULL;
    int slow_freed = 0;
    sc_engine* quick = NULL;
    int quick_freed = 0;

    fx_open_file(&fx);
    fx_import_standard(&fx);
    fx_track_user(&fx, "u1");
    CHECK_OK(sc_engine_cart_add(fx.engine, "u1", "tea", 1, &E));
    snprintf(shm, sizeof shm, "%s-shm", fx.path);
    if (access(shm, F_OK) != 0) {
        h_note("no -shm file (not in WAL mode?): SC_ERR_BUSY untested");
        fx_close(&fx);
        return;
    }
    if (!CHECK(pipe(to_child) == 0 && pipe(to_parent) == 0)) {
        fx_close(&fx);
        return;
    }
    /* Opening migrates in a write transaction: open the other handles first. */
    quick = open_with_busy_timeout(fx.path, 0, &quick_freed);
    slow = open_with_busy_timeout(fx.path, 300, &slow_freed);
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    if (pid == 0) {
        struct flock lk;
        int fd = open(shm, O_RDWR);
        char ok = '0';
        char ignored;
        memset(&lk, 0, sizeof lk);
        lk.l_type = F_WRLCK;
        lk.l_whence = SEEK_SET;
        lk.l_start = 120;
        lk.l_len = 1;
        if (fd >= 0 && fcntl(fd, F_SETLK, &lk) == 0) {
            ok = '1';
        }
        if (write(to_parent[1], &ok, 1) != 1) {
            _exit(1);
        }
        /* Hold the lock until the parent says so (or goes away). */
        if (read(to_child[0], &ignored, 1) < 0) {
            _exit(1);
        }
        _exit(0);
    }
    if (!CHECK(pid > 0)) {
        sc_engine_close(quick);
        sc_engine_close(slow);
        fx_close(&fx);
        return;
    }
    CHECK(read(to_parent[0], &c, 1) == 1);
    if (CHECK(c == '1')) {
        /* busy timeout 0: reported at once, retryable, nothing changed. */
        char* before;
        sc_error* e = NULL;
        sc_status_t st;
        sc_cart* cart = NULL;
        sc_engine* never = NULL;
        int never_freed = 0;
        sc_options* opts = NULL;
        before = fx_fingerprint(&fx);
        /* Opening needs the write lock too. */
        CHECK_OK(sc_options_new(&opts, &E));
        CHECK_OK(sc_options_set_clock(opts, test_clock_now,
                                      test_clock_new(T0_MS, NULL, &never_freed),
                                      test_clock_release, &E));
        CHECK_OK(sc_options_set_busy_timeout_ms(opts, 0, &E));
        st = sc_engine_open(fx.path, opts, &never, &e);
        h_expect_err(st, e, SC_ERR_BUSY, SC_ERR_BUSY, NULL, __FILE__, __LINE__,
                     "sc_engine_open while another process holds the write lock");
        CHECK(sc_error_retryable(e));
        CHECK(never == NULL);
        sc_error_free(e);
        e = NULL;
        sc_options_free(opts);
        CHECK_EQ(never_freed, 1);
        sc_engine_close(never);

        st = sc_engine_cart_add(quick, "u1", "tea", 1, &e);
        h_expect_err(st, e, SC_ERR_BUSY, SC_ERR_BUSY, NULL, __FILE__, __LINE__,
                     "sc_engine_cart_add while another process holds the write lock");
        CHECK(sc_error_retryable(e));
        sc_error_free(e);
        e = NULL;
        EXPECT_ERR(SC_ERR_BUSY, NULL, sc_engine_program_import(quick, STANDARD_PROGRAM, &E));
        CHECK_STATUS(sc_engine_cart_clear(quick, "u1", NULL), SC_ERR_BUSY);
        fx_expect_same(&fx, before, __FILE__, __LINE__, "writes while locked");
        /* Readers are not blocked. */
        CHECK_OK(sc_engine_cart_get(quick, "u1", &cart, &E));
        CHECK_EQ(sc_cart_line_quantity(cart, 0), 1);
        sc_cart_free(cart);

        /* A longer busy timeout waits (real time) before giving up. */
        {
            int64_t t0 = monotonic_ms();
            int64_t elapsed;
            EXPECT_ERR(SC_ERR_BUSY, NULL, sc_engine_cart_add(slow, "u1", "tea", 1, &E));
            elapsed = monotonic_ms() - t0;
            CHECK(elapsed >= 250);
            CHECK(elapsed < 10000);
        }
    }
    /* Release the lock; the same call now succeeds. */
    CHECK(write(to_child[1], "x", 1) == 1);
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(to_child[0]);
    close(to_child[1]);
    close(to_parent[0]);
    close(to_parent[1]);
    sc_engine_close(quick);
    CHECK_EQ(quick_freed, 1);
    if (slow != NULL) {
        CHECK_OK(sc_engine_cart_add(slow, "u1", "tea", 1, &E));
        sc_engine_close(slow);
        CHECK_EQ(slow_freed, 1);
        {
            sc_cart* cart = NULL;
            CHECK_OK(sc_engine_cart_get(fx.engine, "u1", &cart, &E));
            CHECK_EQ(sc_cart_line_quantity(cart, 0), 2);
            sc_cart_free(cart);
        }
    }
    fx_close(&fx);
}
