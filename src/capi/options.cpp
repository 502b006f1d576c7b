// sc_options: settings read by sc_engine_open.
#include "capi/handles.hpp"

using namespace sc::capi;

extern "C" {

sc_status sc_options_new(sc_options** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(out, "out");
        *out = new sc_options;
    });
}

void sc_options_free(sc_options* options) { delete options; }

sc_status sc_options_set_durability(sc_options* options, sc_durability durability, sc_error** err) {
    return guard(err, [&] {
        require_arg(options, "options");
        const auto bits = enum_bits(durability);
        if (bits != SC_DURABILITY_FULL && bits != SC_DURABILITY_NORMAL)
            sc::fail(SC_ERR_INVALID_ARGUMENT, "durability must be SC_DURABILITY_FULL or SC_DURABILITY_NORMAL",
                     "durability");
        options->durability = static_cast<sc_durability>(bits);
    });
}

sc_status sc_options_set_payment_window_ms(sc_options* options, int64_t window_ms, sc_error** err) {
    return guard(err, [&] {
        require_arg(options, "options");
        if (window_ms < 1000 || window_ms > 7LL * 24 * 3600 * 1000)
            sc::fail(SC_ERR_INVALID_ARGUMENT, "the payment window must be between 1 s and 7 days", "window_ms");
        options->payment_window_ms = window_ms;
    });
}

sc_status sc_options_set_busy_timeout_ms(sc_options* options, int64_t timeout_ms, sc_error** err) {
    return guard(err, [&] {
        require_arg(options, "options");
        if (timeout_ms < 0 || timeout_ms > 600000)
            sc::fail(SC_ERR_INVALID_ARGUMENT, "the busy timeout must be between 0 and 600000 ms", "timeout_ms");
        options->busy_timeout_ms = timeout_ms;
    });
}

sc_status sc_options_set_clock(sc_options* options, sc_clock_fn fn, void* user_data,
                               void (*user_data_free)(void*), sc_error** err) {
    return guard(err, [&] {
        require_arg(options, "options");
        if (fn == nullptr) sc::fail(SC_ERR_INVALID_ARGUMENT, "fn must not be NULL", "fn");
        options->clock = std::make_shared<ClockBox>(fn, user_data, user_data_free);
    });
}

}  // extern "C"
