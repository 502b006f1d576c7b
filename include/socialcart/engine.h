/**
 * @file socialcart/engine.h
 * Opening and closing an engine; sweeping deadlines and compacting the file.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_ENGINE_H
#define SOCIALCART_ENGINE_H

#include "errors.h"
#include "options.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Opens (creating if needed) the database at path and migrates it to the
 * library's schema. The file is marked as socialcart's (PRAGMA application_id);
 * a SQLite file of another application is refused before anything is written
 * to it, and left byte for byte as it was.
 * @param path a file path (UTF-8); ":memory:" for a private in-memory database.
 * @param options NULL for defaults; read during the call, may be freed after.
 * @param out receives the engine; close with sc_engine_close().
 * @return SC_ERR_INVALID_ARGUMENT / SC_ERR_INVALID_UTF8 for bad arguments,
 *         SC_ERR_SCHEMA_TOO_NEW when a newer library wrote the file,
 *         SC_ERR_STORAGE when it cannot be opened or belongs to another
 *         application (field "path"), SC_ERR_BUSY when another process held it
 *         locked past the busy timeout. Thread-safe.
 */
SC_API sc_status_t sc_engine_open(const char* path, const sc_options* options, sc_engine** out,
                                sc_error** err);

/**
 * Closes the engine. Accepts NULL. Call it once, when no other thread is using
 * the engine. Subscriptions stay valid objects but receive nothing more.
 */
SC_API void sc_engine_close(sc_engine* engine);

/**
 * Settles one page of deadlines that have passed: up to max_orders unpaid
 * orders whose payment window lapsed are cancelled (oldest deadline first) and
 * their holds released, with their events. This is housekeeping, not needed
 * for correctness: reads already see a lapsed order as cancelled and its stock
 * as free, and each write settles the orders it touches plus a few more. With
 * a tier program (socialcart/tiers.h) it also reviews up to max_orders members
 * whose tier period has ended, logging their tier changes (reads already see
 * the review), and settles up to max_orders group-buy groups whose deadline
 * has come (socialcart/groupbuy.h: each fails or is virtually filled, with
 * its events), and expires up to max_orders bargains whose deadline has come
 * (socialcart/bargain.h). Call it again while *more_out is true; each call is
 * one short transaction.
 * @param max_orders from 1 to 100000: orders settled, and members reviewed.
 * @param settled_out if not NULL, receives how many orders were settled.
 * @param more_out if not NULL, receives whether lapsed orders, members due
 *        for a tier review, groups or bargains past their deadline remain.
 * @return SC_ERR_INVALID_ARGUMENT for a NULL engine or max_orders out of range.
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_sweep(sc_engine* engine, size_t max_orders, int64_t* settled_out,
                                 bool* more_out, sc_error** err);

/**
 * Compacts one page: removes up to max_rows of the oldest events stamped
 * before the event retention (sc_options_set_event_retention_ms) and up to
 * max_rows idempotency records made before the idempotency retention. Events
 * go oldest first by sequence number, so what remains of the log has no gaps,
 * and the newest event always stays, however old, so sequence numbers never
 * go back (docs/events.md). The file keeps its size; freed pages are reused by later writes. Call it
 * again while *more_out is true.
 * @param max_rows from 1 to 100000.
 * @param events_removed_out, idempotency_removed_out, more_out may be NULL.
 * @return SC_ERR_INVALID_ARGUMENT for a NULL engine or max_rows out of range.
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_compact(sc_engine* engine, size_t max_rows, int64_t* events_removed_out,
                                   int64_t* idempotency_removed_out, bool* more_out, sc_error** err);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_ENGINE_H */
