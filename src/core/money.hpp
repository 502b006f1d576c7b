#pragma once
// Money: an int64 count of minor units with its ISO 4217 currency. Arithmetic is
// checked: overflow and currency mismatch are errors, never silent.
#include <cstdint>
#include <string>
#include <string_view>

namespace sc {

// True for three upper-case ASCII letters (the shape of an ISO 4217 code).
bool is_currency_code(std::string_view code) noexcept;

// Digits after the decimal point for the currency (2 unless listed otherwise).
int currency_exponent(std::string_view code) noexcept;

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

// "CNY 68.00", "JPY 1200", "USD -0.05".
std::string format_money(int64_t minor, std::string_view currency);

}  // namespace sc
