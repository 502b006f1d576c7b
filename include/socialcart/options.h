/**
 * @file socialcart/options.h
 * Settings for sc_engine_open(): durability, clock, random source, windows,
 * retention, logging.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_OPTIONS_H
#define SOCIALCART_OPTIONS_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a commit waits for before it returns. */
typedef enum sc_durability_t {
    /**
     * Default. Each commit reaches the disk before the call returns: a power
     * cut loses nothing that was reported as done.
     */
    SC_DURABILITY_FULL = 0,
    /**
     * Commits return once written to the OS; a power cut (not an app crash)
     * may lose the last few commits, never corrupt the file. Faster.
     */
    SC_DURABILITY_NORMAL = 1
} sc_durability_t;

/**
 * The engine's clock: returns UTC milliseconds since the epoch. It is called on
 * the thread that made the engine call, never while a database transaction is
 * open, and must not call back into the engine. Calls on several threads may
 * overlap, so it must be thread-safe.
 */
typedef int64_t (*sc_clock_fn)(void* user_data);

/**
 * Creates an options object with every setting at its default.
 * @param out receives the object; free with sc_options_free().
 * @return SC_ERR_INVALID_ARGUMENT when out is NULL. Thread-safe.
 */
SC_API sc_status_t sc_options_new(sc_options** out, sc_error** err);

/** Frees options (and releases a clock's user_data). Accepts NULL. */
SC_API void sc_options_free(sc_options* options);

/**
 * Sets the durability (default SC_DURABILITY_FULL).
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or an unknown value.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_durability(sc_options* options, sc_durability_t durability,
                                           sc_error** err);

/**
 * Sets how long an unpaid order holds its stock (default 15 minutes).
 * @param window_ms from 1000 (1 s) to 604800000 (7 days).
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or a value out of range.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_payment_window_ms(sc_options* options, int64_t window_ms,
                                                  sc_error** err);

/**
 * Sets how long a write waits for another process's lock before the engine
 * retries and finally reports SC_ERR_BUSY (default 5000 ms).
 * @param timeout_ms from 0 to 600000.
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or a value out of range.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_busy_timeout_ms(sc_options* options, int64_t timeout_ms,
                                                sc_error** err);

/**
 * Sets the page cache of each of the engine's database connections (default
 * 8192 KiB). A cache that holds the hot part of the indexes keeps the cost of
 * a call flat as the file grows; memory is taken only as pages are used.
 * @param kib from 256 to 1048576 (1 GiB).
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or a value out of range.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_cache_size_kib(sc_options* options, int64_t kib, sc_error** err);

/**
 * Sets how many reader connections the engine may open (default 4). Reads
 * use them beside the writer and wait only when all are busy; 0 makes reads
 * share the writer's connection (and wait for writes), for the smallest
 * memory footprint. A ":memory:" database always reads through its writer.
 * @param count from 0 to 64.
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or a value out of range.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_read_connections(sc_options* options, int64_t count, sc_error** err);

/**
 * Sets how long events are kept: sc_engine_compact() removes older ones
 * (default 30 days). Events inside the window can always be read.
 * @param retention_ms from 3600000 (1 hour) to 3153600000000 (100 years).
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or a value out of range.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_event_retention_ms(sc_options* options, int64_t retention_ms,
                                                   sc_error** err);

/**
 * Sets how long idempotency keys are remembered: sc_engine_compact() forgets
 * older ones (default 30 days). A retry with the same key inside the window
 * returns the first result; after it, the key is new again.
 * @param retention_ms from 3600000 (1 hour) to 3153600000000 (100 years).
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or a value out of range.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_idempotency_retention_ms(sc_options* options, int64_t retention_ms,
                                                         sc_error** err);

/**
 * Replaces the system clock. The options own user_data from now on and call
 * user_data_free (if not NULL) when the last engine opened with them closes or
 * when the options are freed or given another clock, whichever is last.
 * @param fn the clock. It cannot report failure: a clock that cannot tell the
 *        time should return its last good reading.
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or fn. On failure user_data
 *         is not taken: user_data_free is not called and stays the caller's job.
 * Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_clock(sc_options* options, sc_clock_fn fn, void* user_data,
                                      void (*user_data_free)(void* user_data), sc_error** err);

/**
 * A source of random 64-bit draws (the bargain cut, socialcart/bargain.h):
 * each call returns a fresh uniform draw. It is called once per
 * sc_engine_bargain_help() on the thread that made that call, before any
 * database transaction opens, and must not call back into the engine. Calls
 * on several threads may overlap, so it must be thread-safe.
 */
typedef uint64_t (*sc_random_fn)(void* user_data);

/**
 * Replaces the engine's random source (by default OpenSSL's RAND), so that
 * tests and replays can script the bargain cuts. The options own user_data
 * from now on and call user_data_free (if not NULL) when the last engine
 * opened with them closes or when the options are freed or given another
 * random source, whichever is last.
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or fn. On failure user_data
 *         is not taken: user_data_free is not called and stays the caller's job.
 * Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_random(sc_options* options, sc_random_fn fn, void* user_data,
                                       void (*user_data_free)(void* user_data), sc_error** err);

/** How much a log message matters. Values are stable. */
typedef enum sc_log_level_t {
    /** Detail for tracing the engine's work. */
    SC_LOG_DEBUG = 0,
    /** Normal events worth a line (e.g. "settled 8 lapsed orders"). */
    SC_LOG_INFO = 1,
    /** Trouble the engine handled itself (e.g. a busy database it retried). */
    SC_LOG_WARNING = 2,
    /** A failure reported to the caller that is the storage's, not the call's
     *  (an I/O or corruption error: SC_ERR_STORAGE). */
    SC_LOG_ERROR = 3
} sc_log_level_t;

/**
 * Receives the engine's log messages: UTF-8, English, for developers; they never
 * contain personal data (user ids, names) or document text. The message is borrowed
 * for the duration of the call. It runs on the thread of the engine call that made
 * the message, after that call has left the database: never while a transaction is
 * open or an engine lock is held. Calls from several threads may overlap, so it must
 * be thread-safe. It must not call back into the engine and should return quickly.
 */
typedef void (*sc_log_fn)(void* user_data, sc_log_level_t level, const char* message);

/**
 * Sets the log callback (by default the engine logs nothing). The options own
 * user_data from now on and call user_data_free (if not NULL) when the last engine
 * opened with them closes or when the options are freed or given another log
 * callback, whichever is last.
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or fn. On failure user_data is
 *         not taken: user_data_free is not called and stays the caller's job.
 * Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_log(sc_options* options, sc_log_fn fn, void* user_data,
                                    void (*user_data_free)(void* user_data), sc_error** err);

/**
 * Sets the least level that reaches the log callback (default SC_LOG_INFO);
 * messages below it are not even made.
 * @return SC_ERR_INVALID_ARGUMENT for NULL options or an unknown level.
 *         Not thread-safe on the same options.
 */
SC_API sc_status_t sc_options_set_log_level(sc_options* options, sc_log_level_t min_level,
                                          sc_error** err);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_OPTIONS_H */
