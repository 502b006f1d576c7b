/**
 * @file socialcart/events.h
 * The event log: reading it from a cursor and subscribing to it.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_EVENTS_H
#define SOCIALCART_EVENTS_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Reads up to limit events with a sequence number greater than after_seq, in
 * order. Start with after_seq 0; continue from the last seq read.
 * @param limit from 1 to 10000.
 * @param out receives the events; free with sc_events_free().
 * @return SC_ERR_INVALID_ARGUMENT for after_seq < 0 or limit out of range.
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_events_read(sc_engine* engine, int64_t after_seq, size_t limit,
                                       sc_events** out, sc_error** err);

/**
 * Reads up to limit events of one type (e.g. "order.paid") with a sequence number
 * greater than after_seq, in order; continue from the last seq read. An unknown
 * type has no events.
 * @param limit from 1 to 10000.
 * @param out receives the events; free with sc_events_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "type", "after_seq" or "limit"),
 *         SC_ERR_INVALID_UTF8. Thread-safe.
 */
SC_API sc_status_t sc_engine_events_read_type(sc_engine* engine, const char* type, int64_t after_seq,
                                            size_t limit, sc_events** out, sc_error** err);

/**
 * The sequence number of the latest event in the log; 0 when the log is empty.
 * A host that only wants what happens from now on starts reading after it.
 * @param seq_out receives the number.
 * @return SC_ERR_INVALID_ARGUMENT for a NULL engine or seq_out. Thread-safe.
 */
SC_API sc_status_t sc_engine_events_latest_seq(sc_engine* engine, int64_t* seq_out, sc_error** err);

/** Number of events in the batch. */
SC_API size_t sc_events_count(const sc_events* events);
/** The event's sequence number (increasing, gap-free within one database). */
SC_API int64_t sc_events_seq(const sc_events* events, size_t index);
/** The event type, e.g. "order.paid" (docs/events.md lists them). */
SC_API const char* sc_events_type(const sc_events* events, size_t index);
/** The id of the object the event is about (an order, SKU or user id). */
SC_API const char* sc_events_subject_id(const sc_events* events, size_t index);
/** When it happened, by the engine's clock. */
SC_API int64_t sc_events_time_ms(const sc_events* events, size_t index);
/** The event's details as a JSON object. */
SC_API const char* sc_events_payload(const sc_events* events, size_t index);
/** Frees an event batch. Accepts NULL. */
SC_API void sc_events_free(sc_events* events);

/**
 * Receives the events of one engine call, after its transaction committed and
 * outside every engine lock, in sequence order. It runs on the thread of an
 * engine call that wrote: the calling thread when one thread writes at a time;
 * when several threads write at once, whichever of them is delivering passes
 * on the others' batches too, so a callback may run on another writer's
 * thread. It may call the engine; a call that writes from inside it has its
 * events delivered after the current batch has reached every subscriber. A
 * slow callback delays only the thread delivering, never another engine call.
 * The batch is borrowed for the duration of the callback. Changes made by
 * another process or another engine handle are not delivered: read those with
 * sc_engine_events_read().
 */
typedef void (*sc_event_fn)(void* user_data, const sc_events* events);

/**
 * Subscribes to the engine's events.
 * @param user_data_free if not NULL, called with user_data when the
 *        subscription is freed.
 * @param out receives the subscription; sc_subscription_free() ends it.
 * @return SC_ERR_INVALID_ARGUMENT for a NULL engine, fn or out. On failure
 *         user_data is not taken: user_data_free is not called. Thread-safe.
 */
SC_API sc_status_t sc_engine_events_subscribe(sc_engine* engine, sc_event_fn fn, void* user_data,
                                     void (*user_data_free)(void* user_data),
                                     sc_subscription** out, sc_error** err);

/**
 * Ends a subscription: once it returns, the callback is not called again
 * (unless it is called from inside that callback, which ends it after the
 * callback returns). Accepts NULL. May be called after the engine is closed.
 */
SC_API void sc_subscription_free(sc_subscription* subscription);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_EVENTS_H */
