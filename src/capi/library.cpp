// Library-wide functions: version, ABI, live objects, strings, money, errors.
#include "capi/handles.hpp"

#include "core/money.hpp"
#include "core/utf8.hpp"

#include <SQLiteCpp/Exception.h>

#include <cstdlib>

namespace sc::capi {

std::atomic<int64_t>& live_objects() {
    static std::atomic<int64_t> count{0};
    return count;
}

char* new_string(const std::string& s) {
    auto* out = static_cast<char*>(std::malloc(s.size() + 1));
    if (out == nullptr) throw std::bad_alloc();
    std::memcpy(out, s.c_str(), s.size() + 1);
    live_objects().fetch_add(1, std::memory_order_relaxed);
    return out;
}

static sc_status_t report(sc_error** err, sc_status_t code, const char* message, const std::string& field,
                        bool retryable) noexcept {
    if (err == nullptr) return code;
    try {
        auto* e = new sc_error;
        e->code = code;
        e->message = message;
        e->field = field;
        e->retryable = retryable;
        *err = e;
    } catch (...) {
        *err = nullptr;  // no memory left even for the error: the code still says what happened
    }
    return code;
}

sc_status_t report_error(sc_error** err, const Error& e) noexcept {
    return report(err, e.code(), e.what(), e.field(), e.retryable());
}

sc_status_t report_current_exception(sc_error** err) noexcept {
    try {
        throw;
    } catch (const std::bad_alloc&) {
        return report(err, SC_ERR_OUT_OF_MEMORY, "out of memory", {}, true);
    } catch (const SQLite::Exception& e) {
        try {
            rethrow_sqlite(e);
        } catch (const Error& converted) {
            return report(err, converted.code(), converted.what(), {}, converted.retryable());
        }
    } catch (const std::exception& e) {
        return report(err, SC_ERR_INTERNAL, e.what(), {}, false);
    } catch (...) {
        return report(err, SC_ERR_INTERNAL, "unknown exception", {}, false);
    }
}

}  // namespace sc::capi

using namespace sc::capi;

extern "C" {

const char* sc_version(void) { return SOCIALCART_VERSION_STRING; }

int32_t sc_abi_version(void) { return SOCIALCART_ABI_VERSION; }

int64_t sc_live_object_count(void) { return live_objects().load(); }

const char* sc_status_name(sc_status_t status) {
    const auto bits = static_cast<int64_t>(enum_bits(status));
    if (bits < SC_OK || bits > SC_STATUS_LAST) return "SC_UNKNOWN_STATUS";
    return sc::status_name(static_cast<sc_status_t>(bits));
}

void sc_string_free(char* s) {
    if (s == nullptr) return;
    std::free(s);
    live_objects().fetch_sub(1, std::memory_order_relaxed);
}

// The currency argument's minor-unit digits; the errors every currency argument gives.
static int currency_arg(const char* currency) {
    const std::string code = text_arg(currency, "currency");
    if (!sc::is_valid_utf8(code)) sc::fail(SC_ERR_INVALID_UTF8, "currency is not valid UTF-8", "currency");
    const auto digits = sc::currency_minor_units(code);
    if (!digits) sc::fail(SC_ERR_INVALID_ARGUMENT, "currency must be an ISO 4217 code such as CNY", "currency");
    return *digits;
}

sc_status_t sc_money_format(int64_t amount_minor, const char* currency, char** out, sc_error** err) {
    return guard(err, [&] {
        currency_arg(currency);
        require_arg(out, "out");
        *out = new_string(sc::format_money(amount_minor, currency));
    });
}

sc_status_t sc_currency_minor_units(const char* currency, int32_t* digits_out, sc_error** err) {
    return guard(err, [&] {
        const int digits = currency_arg(currency);
        require_arg(digits_out, "digits_out");
        *digits_out = digits;
    });
}

sc_status_t sc_error_code(const sc_error* error) { return error ? error->code : SC_OK; }

const char* sc_error_message(const sc_error* error) { return error ? error->message.c_str() : ""; }

const char* sc_error_field(const sc_error* error) {
    return error && !error->field.empty() ? error->field.c_str() : nullptr;
}

bool sc_error_retryable(const sc_error* error) { return error && error->retryable; }

void sc_error_free(sc_error* error) { delete error; }

}  // extern "C"
