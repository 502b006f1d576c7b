#pragma once
// ISO 4217 currencies and their minor units. Money is a count of minor units, so a
// currency is usable only when ISO defines its minor unit: the active codes of List One
// with a number in the minor-unit column, fund codes included (CLF has 4 digits, UYI 0).
// Codes whose minor unit is "N.A." (gold XAU and the other metals, XDR, the bond-market
// units XBA–XBD, XSU, XUA, the testing code XTS and XXX) are refused, as are withdrawn
// codes (HRK, SLL, ZWL, ...) and anything else.
#include <optional>
#include <string_view>

namespace sc {

// The number of digits after the decimal point (CNY 2, JPY 0, BHD 3, CLF 4), or nothing
// when the code is not an accepted ISO 4217 currency.
std::optional<int> currency_minor_units(std::string_view code) noexcept;

// True for an accepted ISO 4217 code (see above).
bool is_currency_code(std::string_view code) noexcept;

}  // namespace sc
