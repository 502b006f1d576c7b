// sc_engine: open, close, sweep, and the event log.
#include "capi/handles.hpp"

#include "core/text.hpp"

using namespace sc::capi;

namespace {

sc::EngineConfig config_from(const char* path, const sc_options* options) {
    sc::EngineConfig config;
    config.store.path = path;
    if (options == nullptr) return config;
    config.store.durability = options->durability;
    config.store.busy_timeout_ms = options->busy_timeout_ms;
    config.store.cache_size_kib = options->cache_size_kib;
    config.store.read_connections = options->read_connections;
    config.payment_window_ms = options->payment_window_ms;
    config.event_retention_ms = options->event_retention_ms;
    config.idempotency_retention_ms = options->idempotency_retention_ms;
    if (auto clock = options->clock) config.clock = [clock] { return clock->fn(clock->user_data); };
    if (auto random = options->random) config.random = [random] { return random->fn(random->user_data); };
    if (auto log = options->log)
        config.log = [log](sc_log_level_t level, const std::string& message) {
            log->fn(log->user_data, level, message.c_str());
        };
    config.log_level = options->log_level;
    return config;
}

// A page size of a housekeeping call.
int64_t page_limit(size_t limit, const char* field) {
    if (limit < 1 || limit > 100000) sc::fail(SC_ERR_INVALID_ARGUMENT, "must be between 1 and 100000", field);
    return static_cast<int64_t>(limit);
}

// Owns the host's user_data; dies (calling user_data_free) when the hub lets go of the
// callback, which is after any call in progress has returned.
struct EventCallbackOwner {
    EventCallbackOwner(sc_event_fn f, void* ud, void (*ud_free)(void*)) : fn(f), user_data(ud), user_data_free(ud_free) {}
    EventCallbackOwner(const EventCallbackOwner&) = delete;
    EventCallbackOwner& operator=(const EventCallbackOwner&) = delete;
    sc_event_fn fn;
    void* user_data;
    void (*user_data_free)(void*);
    ~EventCallbackOwner() {
        if (user_data_free) user_data_free(user_data);
    }
};

}  // namespace

extern "C" {

sc_status_t sc_engine_open(const char* path, const sc_options* options, sc_engine** out, sc_error** err) {
    return guard(err, [&] {
        const std::string file = text_arg(path, "path");
        require_arg(out, "out");
        sc::require_text(file, "path");
        auto handle = std::make_unique<sc_engine>();
        handle->engine = std::make_unique<sc::Engine>(config_from(file.c_str(), options));
        *out = handle.release();
    });
}

void sc_engine_close(sc_engine* engine) { delete engine; }

sc_status_t sc_engine_sweep(sc_engine* engine, size_t max_orders, int64_t* settled_out, bool* more_out,
                          sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const sc::SweepResult result = engine->engine->sweep(page_limit(max_orders, "max_orders"));
        if (settled_out) *settled_out = result.settled;
        if (more_out) *more_out = result.more;
    });
}

sc_status_t sc_engine_compact(sc_engine* engine, size_t max_rows, int64_t* events_removed_out,
                            int64_t* idempotency_removed_out, bool* more_out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const sc::CompactResult result = engine->engine->compact(page_limit(max_rows, "max_rows"));
        if (events_removed_out) *events_removed_out = result.events_removed;
        if (idempotency_removed_out) *idempotency_removed_out = result.idempotency_removed;
        if (more_out) *more_out = result.more;
    });
}

sc_status_t sc_engine_events_read(sc_engine* engine, int64_t after_seq, size_t limit, sc_events** out,
                                sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        require_arg(out, "out");
        if (limit < 1 || limit > 10000) sc::fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and 10000", "limit");
        auto batch = std::make_unique<sc_events>();
        batch->items = engine->engine->events(after_seq, static_cast<int64_t>(limit));
        *out = batch.release();
    });
}

sc_status_t sc_engine_events_read_type(sc_engine* engine, const char* type, int64_t after_seq, size_t limit,
                                     sc_events** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string event_type = text_arg(type, "type");
        require_arg(out, "out");
        if (limit < 1 || limit > 10000) sc::fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and 10000", "limit");
        auto batch = std::make_unique<sc_events>();
        batch->items = engine->engine->events_of_type(event_type, after_seq, static_cast<int64_t>(limit));
        *out = batch.release();
    });
}

sc_status_t sc_engine_events_latest_seq(sc_engine* engine, int64_t* seq_out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        require_arg(seq_out, "seq_out");
        *seq_out = engine->engine->latest_event_seq();
    });
}

size_t sc_events_count(const sc_events* events) { return events ? events->items.size() : 0; }

int64_t sc_events_seq(const sc_events* events, size_t index) {
    const auto* e = element(events ? &events->items : nullptr, index);
    return e ? e->seq : 0;
}

const char* sc_events_type(const sc_events* events, size_t index) {
    const auto* e = element(events ? &events->items : nullptr, index);
    return e ? e->type.c_str() : nullptr;
}

const char* sc_events_subject_id(const sc_events* events, size_t index) {
    const auto* e = element(events ? &events->items : nullptr, index);
    return e ? e->subject_id.c_str() : nullptr;
}

int64_t sc_events_time_ms(const sc_events* events, size_t index) {
    const auto* e = element(events ? &events->items : nullptr, index);
    return e ? e->time_ms : 0;
}

const char* sc_events_payload(const sc_events* events, size_t index) {
    const auto* e = element(events ? &events->items : nullptr, index);
    return e ? e->payload.c_str() : nullptr;
}

void sc_events_free(sc_events* events) { delete events; }

sc_status_t sc_engine_events_subscribe(sc_engine* engine, sc_event_fn fn, void* user_data,
                              void (*user_data_free)(void*), sc_subscription** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        if (fn == nullptr) sc::fail(SC_ERR_INVALID_ARGUMENT, "fn must not be NULL", "fn");
        require_arg(out, "out");
        auto subscription = std::make_unique<sc_subscription>();
        auto owner = std::make_shared<EventCallbackOwner>(fn, user_data, user_data_free);
        subscription->hub = engine->engine->hub();
        subscription->id = subscription->hub->add([owner](const std::vector<sc::Event>& events) {
            sc_events batch;
            batch.items = events;
            owner->fn(owner->user_data, &batch);
        });
        *out = subscription.release();
    });
}

void sc_subscription_free(sc_subscription* subscription) {
    if (subscription == nullptr) return;
    subscription->hub->remove(subscription->id);
    delete subscription;
}

}  // extern "C"
