#include "core/money.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"

namespace sc {

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
    const auto digits = currency_minor_units(currency);
    if (!digits) fail(SC_ERR_INVALID_ARGUMENT, "currency must be an ISO 4217 code such as CNY", "currency");
    // Work on the magnitude as unsigned so INT64_MIN formats too.
    const bool negative = minor < 0;
    uint64_t magnitude = negative ? uint64_t(0) - static_cast<uint64_t>(minor) : static_cast<uint64_t>(minor);
    uint64_t scale = 1;
    for (int i = 0; i < *digits; ++i) scale *= 10;
    std::string out(currency);
    out += ' ';
    if (negative) out += '-';
    out += std::to_string(magnitude / scale);
    if (*digits > 0) {
        std::string frac = std::to_string(magnitude % scale);
        out += '.';
        out.append(static_cast<size_t>(*digits) - frac.size(), '0');
        out += frac;
    }
    return out;
}

}  // namespace sc
