#include "core/money.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"

#include <array>

namespace sc {

bool is_currency_code(std::string_view code) noexcept {
    if (code.size() != 3) return false;
    for (char c : code)
        if (c < 'A' || c > 'Z') return false;
    return true;
}

int currency_exponent(std::string_view code) noexcept {
    struct Exp { std::string_view code; int digits; };
    // The ISO 4217 currencies whose minor unit is not 1/100.
    static constexpr std::array<Exp, 21> kNonDecimal2{{
        {"BHD", 3}, {"BIF", 0}, {"CLP", 0}, {"DJF", 0}, {"GNF", 0}, {"IQD", 3}, {"ISK", 0},
        {"JOD", 3}, {"JPY", 0}, {"KMF", 0}, {"KRW", 0}, {"KWD", 3}, {"LYD", 3}, {"OMR", 3},
        {"PYG", 0}, {"RWF", 0}, {"TND", 3}, {"UGX", 0}, {"VND", 0}, {"VUV", 0}, {"XAF", 0},
    }};
    for (const auto& e : kNonDecimal2)
        if (e.code == code) return e.digits;
    return 2;
}

Money Money::of(int64_t minor, std::string currency) {
    if (!is_currency_code(currency))
        fail(SC_ERR_INVALID_ARGUMENT, "currency must be an ISO 4217 code such as CNY", "currency");
    return Money{minor, std::move(currency)};
}

static void require_same_currency(const Money& a, const Money& b) {
    if (a.currency != b.currency)
        fail(SC_ERR_CURRENCY_MISMATCH, "cannot combine " + a.currency + " with " + b.currency);
}

Money Money::plus(const Money& other) const {
    require_same_currency(*this, other);
    return Money{checked_add(minor, other.minor), currency};
}

Money Money::minus(const Money& other) const {
    require_same_currency(*this, other);
    return Money{checked_sub(minor, other.minor), currency};
}

Money Money::times(int64_t quantity) const {
    return Money{checked_mul(minor, quantity), currency};
}

std::string format_money(int64_t minor, std::string_view currency) {
    const int digits = currency_exponent(currency);
    // Work on the magnitude as unsigned so INT64_MIN formats too.
    const bool negative = minor < 0;
    uint64_t magnitude = negative ? uint64_t(0) - static_cast<uint64_t>(minor) : static_cast<uint64_t>(minor);
    uint64_t scale = 1;
    for (int i = 0; i < digits; ++i) scale *= 10;
    std::string out(currency);
    out += ' ';
    if (negative) out += '-';
    out += std::to_string(magnitude / scale);
    if (digits > 0) {
        std::string frac = std::to_string(magnitude % scale);
        out += '.';
        out.append(static_cast<size_t>(digits) - frac.size(), '0');
        out += frac;
    }
    return out;
}

}  // namespace sc
