#pragma once
// When the points of one lot expire (FEATURES §5: a setting with three modes).
#include <cstdint>
#include <optional>

namespace sc {

enum class ExpiryMode {
    never,
    days_after_earning,  // periods days after the earn, to the millisecond
    end_of_month,        // the end of the month `periods` months after the earn's month
    end_of_year,         // the end of the year `periods` years after the earn's year
};

struct ExpiryPolicy {
    ExpiryMode mode = ExpiryMode::never;
    // days_after_earning: 1..36500; end_of_month: 0..1200 (0 is the earn's own month);
    // end_of_year: 0..100. Bounded so that no expiry can overflow or be absurd.
    int64_t periods = 0;

    static ExpiryPolicy never_expires() { return {}; }
    static ExpiryPolicy days(int64_t n) { return {ExpiryMode::days_after_earning, n}; }
    static ExpiryPolicy month_end(int64_t n) { return {ExpiryMode::end_of_month, n}; }
    static ExpiryPolicy year_end(int64_t n) { return {ExpiryMode::end_of_year, n}; }

    bool operator==(const ExpiryPolicy&) const = default;
};

const char* expiry_mode_name(ExpiryMode mode) noexcept;

// Throws Error(SC_ERR_INVALID_ARGUMENT, field "expiry") for periods out of range.
void validate(const ExpiryPolicy& policy);

// The first instant (UTC ms) at which a lot earned at `earned_at` is expired, or nullopt
// for never. An end of a period is exclusive: points earned in November with
// month_end(1) are spendable through 23:59:59.999 on 31 December and expire at
// 1 January 00:00:00.000 UTC.
std::optional<int64_t> lot_expiry(const ExpiryPolicy& policy, int64_t earned_at);

}  // namespace sc
