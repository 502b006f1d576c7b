#pragma once
// Money: an int64 count of minor units with its ISO 4217 currency. Arithmetic is
// checked: overflow and currency mismatch are errors, never silent.
#include "core/currency.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace sc {

struct Money {
    int64_t minor = 0;
    std::string currency;

    static Money of(int64_t minor, std::string currency);  // validates the code
    static Money zero(std::string currency) { return of(0, std::move(currency)); }

    Money plus(const Money& other) const;
    Money minus(const Money& other) const;
    Money times(int64_t quantity) const;

    bool operator==(const Money&) const = default;
};

// "CNY 68.00", "JPY 1200", "USD -0.05", "CLF 1.2345": the currency's minor-unit digits.
// Throws Error(SC_ERR_INVALID_ARGUMENT, field "currency") for a code that is not accepted.
std::string format_money(int64_t minor, std::string_view currency);

}  // namespace sc
