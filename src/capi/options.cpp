// sc_options: settings read by sc_engine_open.
#include "capi/handles.hpp"

using namespace sc::capi;

extern "C" {

sc_status_t sc_options_new(sc_options** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(out, "out");
        *out = new sc_options;
    });
}

void sc_options_free(sc_options* options) { delete options; }

sc_status_t sc_options_set_durability(sc_options* options, sc_durability_t durability, sc_error** err) {
    return guard(err, [&] {
        require_arg(options, "options");
        const auto bits = enum_bits(durability);
        if (bits != SC_DURABILITY_FULL && bits != SC_DURABILITY_NORMAL)
            sc::fail(SC_ERR_INVALID_ARGUMENT, "durability must be SC_DURABILITY_FULL or SC_DURABILITY_NORMAL",
                     "durability");
        options->durability = static_cast<sc_durability_t>(bits);
    });
}

sc_status_t sc_options_set_payment_window_ms(sc_options* options, int64_t window_ms, sc_error** err) {
    return guard(err, [&] {
        require_arg(options, "options");
        if (window_ms < 1000 || window_ms > 7LL * 24 * 3600 * 1000)
            sc::fail(SC_ERR_INVALID_ARGUMENT, "the payment window must be between 1 s and 7 days", "window_ms");
        options->payment_window_ms = window_ms;
    });
}

sc_status_t sc_options_set_busy_timeout_ms(sc_options* options, int64_t timeout_ms, sc_error** err) {
    return guard(err, [&] {
        require_arg(options, "options");
        if (timeout_ms < 0 || timeout_ms > 600000)
            sc::fail(SC_ERR_INVALID_ARGUMENT, "the busy timeout must be between 0 and 600000 ms", "timeout_ms");
        options->busy_timeout_ms = timeout_ms;
    });
}

sc_status_t sc_options_set_cache_size_kib(sc_options* options, int64_t kib, sc_error** err) {
    return guard(err, [&] {
        require_arg(options, "options");
        if (kib < 256 || kib > 1024 * 1024)
            sc::fail(SC_ERR_INVALID_ARGUMENT, "the cache size must be between 256 KiB and 1 GiB", "kib");
        options->cache_size_kib = kib;
    });
}

sc_status_t sc_options_set_read_connections(sc_options* options, int64_t count, sc_error** err) {
    return guard(err, [&] {
        require_arg(options, "options");
        if (count < 0 || count > 64)
            sc::fail(SC_ERR_INVALID_ARGUMENT, "the number of reader connections must be between 0 and 64", "count");
        options->read_connections = static_cast<int>(count);
    });
}

namespace {

void set_retention(sc_options* options, int64_t retention_ms, int64_t sc_options::*setting) {
    require_arg(options, "options");
    constexpr int64_t kHour = 3600LL * 1000;
    if (retention_ms < kHour || retention_ms > 100 * 365 * 24 * kHour)
        sc::fail(SC_ERR_INVALID_ARGUMENT, "the retention must be between 1 hour and 100 years", "retention_ms");
    options->*setting = retention_ms;
}

}  // namespace

sc_status_t sc_options_set_event_retention_ms(sc_options* options, int64_t retention_ms, sc_error** err) {
    return guard(err, [&] { set_retention(options, retention_ms, &sc_options::event_retention_ms); });
}

sc_status_t sc_options_set_idempotency_retention_ms(sc_options* options, int64_t retention_ms, sc_error** err) {
    return guard(err, [&] { set_retention(options, retention_ms, &sc_options::idempotency_retention_ms); });
}

sc_status_t sc_options_set_clock(sc_options* options, sc_clock_fn fn, void* user_data,
                               void (*user_data_free)(void*), sc_error** err) {
    return guard(err, [&] {
        require_arg(options, "options");
        if (fn == nullptr) sc::fail(SC_ERR_INVALID_ARGUMENT, "fn must not be NULL", "fn");
        options->clock = std::make_shared<ClockBox>(fn, user_data, user_data_free);
    });
}

sc_status_t sc_options_set_random(sc_options* options, sc_random_fn fn, void* user_data,
                                void (*user_data_free)(void*), sc_error** err) {
    return guard(err, [&] {
        require_arg(options, "options");
        if (fn == nullptr) sc::fail(SC_ERR_INVALID_ARGUMENT, "fn must not be NULL", "fn");
        options->random = std::make_shared<RandomBox>(fn, user_data, user_data_free);
    });
}

sc_status_t sc_options_set_log(sc_options* options, sc_log_fn fn, void* user_data, void (*user_data_free)(void*),
                             sc_error** err) {
    return guard(err, [&] {
        require_arg(options, "options");
        if (fn == nullptr) sc::fail(SC_ERR_INVALID_ARGUMENT, "fn must not be NULL", "fn");
        options->log = std::make_shared<LogBox>(fn, user_data, user_data_free);
    });
}

sc_status_t sc_options_set_log_level(sc_options* options, sc_log_level_t min_level, sc_error** err) {
    return guard(err, [&] {
        require_arg(options, "options");
        const auto bits = enum_bits(min_level);
        if (bits < SC_LOG_DEBUG || bits > SC_LOG_ERROR)
            sc::fail(SC_ERR_INVALID_ARGUMENT, "the level must be one of SC_LOG_DEBUG to SC_LOG_ERROR", "min_level");
        options->log_level = static_cast<sc_log_level_t>(bits);
    });
}

}  // extern "C"
