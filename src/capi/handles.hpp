#pragma once
// The C ABI's objects and the one place where C++ exceptions become sc_status_t codes.
// Every exported function funnels through guard(), so no exception crosses the ABI.
#include <socialcart/socialcart.h>

#include "core/error.hpp"
#include "engine/engine.hpp"

#include <atomic>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <type_traits>
#include <vector>

namespace sc::capi {

std::atomic<int64_t>& live_objects();

// Base of every object handed to the host, so leaked handles show in the count.
struct Counted {
    Counted() noexcept { live_objects().fetch_add(1, std::memory_order_relaxed); }
    Counted(const Counted&) noexcept : Counted() {}
    Counted& operator=(const Counted&) noexcept = default;
    ~Counted() { live_objects().fetch_sub(1, std::memory_order_relaxed); }
};

// A NULL where the API needs a pointer.
inline void require_arg(const void* p, const char* field) {
    if (p == nullptr) fail(SC_ERR_INVALID_ARGUMENT, std::string(field) + " must not be NULL", field);
}

// A C string argument as std::string; the engine checks its content (UTF-8, empty).
inline std::string text_arg(const char* s, const char* field) {
    require_arg(s, field);
    return std::string(s);
}

// The integer a C caller passed for an enum parameter. C may pass any int; in C++
// loading an enum outside its range is undefined, so the bits are copied, not loaded.
template <class Enum>
std::underlying_type_t<Enum> enum_bits(const Enum& value) noexcept {
    std::underlying_type_t<Enum> bits;
    static_assert(sizeof bits == sizeof value);
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

// A bool a foreign caller passed: a C `bool` holding anything but 0 or 1 (as a
// foreign-function call can pass) is undefined behaviour once loaded as a C++ bool, so
// the byte is copied and read as C reads truth: anything but zero is true. The copy is
// volatile because otherwise the compiler may assume it holds 0 or 1 (it came from a
// bool) and use the raw byte as the bool: clang 14 passed 2 on into SQLite that way.
inline bool bool_arg(const bool& value) noexcept {
    volatile unsigned char byte;
    static_assert(sizeof byte == sizeof value);
    std::memcpy(const_cast<unsigned char*>(&byte), &value, sizeof byte);
    return byte != 0;
}

// A malloc'd, counted copy for `char**` out-parameters (freed by sc_string_free).
char* new_string(const std::string& s);

// Fills *err (when asked for) from the engine's error and returns its code.
sc_status_t report_error(sc_error** err, const Error& e) noexcept;
// Fills *err (when asked for) from the exception in flight, which guard() has already
// found not to be an engine Error, and returns its code.
sc_status_t report_current_exception(sc_error** err) noexcept;

template <class F>
sc_status_t guard(sc_error** err, F&& body) noexcept {
    try {
        body();
        return SC_OK;
    } catch (const Error& e) {
        // The engine's own errors, by far the most common, are reported without the second
        // unwind that sorting them out of `catch (...)` by rethrowing would cost.
        return report_error(err, e);
    } catch (...) {
        return report_current_exception(err);
    }
}

// Accessors never fail: a NULL snapshot or an index out of range reads as 0 or NULL.
template <class T>
int64_t number(const T* item, int64_t T::*member) noexcept {
    return item ? item->*member : 0;
}
template <class T>
const char* text(const T* item, std::string T::*member) noexcept {
    return item ? (item->*member).c_str() : nullptr;
}

// Element `index` of a snapshot's vector, or nullptr (accessors never fail).
template <class T>
const T* element(const std::vector<T>* items, size_t index) noexcept {
    return items != nullptr && index < items->size() ? &(*items)[index] : nullptr;
}

// The host's clock, kept alive by the options and by every engine opened with them.
struct ClockBox {
    ClockBox(sc_clock_fn f, void* ud, void (*ud_free)(void*)) : fn(f), user_data(ud), user_data_free(ud_free) {}
    ClockBox(const ClockBox&) = delete;  // exactly one owner calls user_data_free
    ClockBox& operator=(const ClockBox&) = delete;
    sc_clock_fn fn;
    void* user_data;
    void (*user_data_free)(void*);
    ~ClockBox() {
        if (user_data_free) user_data_free(user_data);
    }
};

// The host's random source, kept alive like the clock.
struct RandomBox {
    RandomBox(sc_random_fn f, void* ud, void (*ud_free)(void*)) : fn(f), user_data(ud), user_data_free(ud_free) {}
    RandomBox(const RandomBox&) = delete;  // exactly one owner calls user_data_free
    RandomBox& operator=(const RandomBox&) = delete;
    sc_random_fn fn;
    void* user_data;
    void (*user_data_free)(void*);
    ~RandomBox() {
        if (user_data_free) user_data_free(user_data);
    }
};

// The host's log callback, kept alive like the clock.
struct LogBox {
    LogBox(sc_log_fn f, void* ud, void (*ud_free)(void*)) : fn(f), user_data(ud), user_data_free(ud_free) {}
    LogBox(const LogBox&) = delete;  // exactly one owner calls user_data_free
    LogBox& operator=(const LogBox&) = delete;
    sc_log_fn fn;
    void* user_data;
    void (*user_data_free)(void*);
    ~LogBox() {
        if (user_data_free) user_data_free(user_data);
    }
};

}  // namespace sc::capi

struct sc_error : sc::capi::Counted {
    sc_status_t code = SC_OK;
    std::string message;
    std::string field;  // empty: not about one field
    bool retryable = false;
};

struct sc_options : sc::capi::Counted {
    sc_durability_t durability = SC_DURABILITY_FULL;
    int64_t payment_window_ms = sc::kDefaultPaymentWindowMs;
    int64_t busy_timeout_ms = sc::StoreSettings{}.busy_timeout_ms;
    int64_t cache_size_kib = sc::StoreSettings{}.cache_size_kib;
    int read_connections = sc::StoreSettings{}.read_connections;
    int64_t event_retention_ms = sc::kDefaultRetentionMs;
    int64_t idempotency_retention_ms = sc::kDefaultRetentionMs;
    std::shared_ptr<sc::capi::ClockBox> clock;
    std::shared_ptr<sc::capi::RandomBox> random;
    std::shared_ptr<sc::capi::LogBox> log;
    sc_log_level_t log_level = SC_LOG_INFO;
};

struct sc_engine : sc::capi::Counted {
    std::unique_ptr<sc::Engine> engine;
};

// A catalog lends its SKUs (sc_catalog_at) without handing them out, so only SKUs
// the host owns are counted as live objects.
struct sc_sku {
    sc::Sku sku;
    int64_t available = 0;
    virtual ~sc_sku() = default;
};

namespace sc::capi {
struct OwnedSku final : sc_sku, Counted {};
}  // namespace sc::capi

struct sc_catalog : sc::capi::Counted {
    std::vector<sc_sku> skus;
    std::string next_cursor;  // "" for the last page and the whole catalog
};

struct sc_cart : sc::capi::Counted {
    sc::CartView view;
};

struct sc_checkout_request : sc::capi::Counted {
    sc::CheckoutRequest request;
};

namespace sc::capi {
// The request a NULL sc_checkout_request stands for: no coupons, delivery.
const sc::CheckoutRequest& request_or_default(const sc_checkout_request* request);
}  // namespace sc::capi

// A list lends its coupons (sc_coupons_at) without handing them out, so only coupons
// the host owns are counted as live objects.
struct sc_coupon {
    sc_coupon() = default;
    explicit sc_coupon(sc::CouponInstance c) : coupon(std::move(c)) {}
    sc_coupon(const sc_coupon&) = default;
    sc_coupon& operator=(const sc_coupon&) = default;
    virtual ~sc_coupon() = default;
    sc::CouponInstance coupon;
};

namespace sc::capi {
struct OwnedCoupon final : sc_coupon, Counted {};
}  // namespace sc::capi

struct sc_coupons : sc::capi::Counted {
    std::vector<sc_coupon> items;
};

struct sc_coupon_report : sc::capi::Counted {
    std::vector<sc::CouponReportRow> rows;
};

struct sc_quote : sc::capi::Counted {
    sc::Quote quote;
};

struct sc_order : sc::capi::Counted {
    sc::Order order;
};

// A page of orders lends them (sc_orders_at); they are freed with the page.
struct sc_orders : sc::capi::Counted {
    std::vector<sc_order> orders;
    std::string next_cursor;
};

struct sc_events : sc::capi::Counted {
    std::vector<sc::Event> items;
};

struct sc_subscription : sc::capi::Counted {
    std::shared_ptr<sc::EventHub> hub;
    uint64_t id = 0;
};
