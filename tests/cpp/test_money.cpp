#include "core/basis_points.hpp"
#include "core/checked.hpp"
#include "core/money.hpp"
#include "support.hpp"

#include <climits>

using namespace sc;

TEST_CASE("money adds and multiplies exactly, and refuses to overflow") {
    const Money a = Money::of(6800, "CNY");
    CHECK(a.plus(Money::of(3950, "CNY")) == Money::of(10750, "CNY"));
    CHECK(a.minus(Money::of(6801, "CNY")).minor == -1);
    CHECK(a.times(3).minor == 20400);
    CHECK_SC_ERROR(Money::of(INT64_MAX, "CNY").plus(Money::of(1, "CNY")), SC_ERR_OVERFLOW);
    CHECK_SC_ERROR(Money::of(INT64_MIN, "CNY").minus(Money::of(1, "CNY")), SC_ERR_OVERFLOW);
    CHECK_SC_ERROR(Money::of(INT64_MAX / 2 + 1, "CNY").times(2), SC_ERR_OVERFLOW);
}

TEST_CASE("money in different currencies does not mix") {
    CHECK_SC_ERROR(Money::of(1, "CNY").plus(Money::of(1, "USD")), SC_ERR_CURRENCY_MISMATCH);
    CHECK_SC_ERROR_FIELD(Money::of(1, "cny"), SC_ERR_INVALID_ARGUMENT, "currency");
    CHECK_SC_ERROR(Money::of(1, "RMB1"), SC_ERR_INVALID_ARGUMENT);
}

TEST_CASE("money formats with the currency's minor-unit digits") {
    CHECK(format_money(6800, "CNY") == "CNY 68.00");
    CHECK(format_money(5, "USD") == "USD 0.05");
    CHECK(format_money(-5, "USD") == "USD -0.05");
    CHECK(format_money(1200, "JPY") == "JPY 1200");
    CHECK(format_money(1234, "KWD") == "KWD 1.234");
    CHECK(format_money(INT64_MIN, "CNY") == "CNY -92233720368547758.08");
    CHECK(format_money(12345, "CLF") == "CLF 1.2345");
    CHECK(format_money(-1, "UYW") == "UYW -0.0001");
    CHECK(format_money(1200, "KRW") == "KRW 1200");
    CHECK(format_money(1500, "BHD") == "BHD 1.500");
    CHECK_SC_ERROR_FIELD(format_money(1, "ZZZ"), SC_ERR_INVALID_ARGUMENT, "currency");
}

TEST_CASE("currencies are the ISO 4217 codes with a minor unit") {
    const std::pair<const char*, int> known[] = {{"CNY", 2}, {"JPY", 0}, {"KRW", 0}, {"BHD", 3}, {"KWD", 3},
                                                 {"CLF", 4}, {"USD", 2}, {"EUR", 2}, {"AED", 2}, {"ZWG", 2},
                                                 {"UYI", 0}, {"UYW", 4}, {"VND", 0}, {"TND", 3}, {"XOF", 0}};
    // Not a structured binding: CAPTURE is a lambda, and clang 14 cannot capture those.
    for (const auto& entry : known) {
        const char* code = entry.first;
        CAPTURE(code);
        CHECK(currency_minor_units(code) == entry.second);
        CHECK(is_currency_code(code));
    }
    // No minor unit (metals, SDR, test and "no currency" codes), withdrawn, or not a code.
    for (const char* code : {"XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XSU", "XUA", "XTS", "XXX", "HRK", "ZWL",
                             "ZZZ", "cny", "CN", "CNYY", ""}) {
        CAPTURE(code);
        CHECK_FALSE(currency_minor_units(code).has_value());
    }
    CHECK_SC_ERROR_FIELD(Money::of(1, "ZZZ"), SC_ERR_INVALID_ARGUMENT, "currency");
}

TEST_CASE("basis points round toward zero and never overflow") {
    CHECK(apply_basis_points_down(999, 1000) == 99);  // 10 % of 9.99 is 0.999 → 0.99
    CHECK(apply_basis_points_down(10000, 10000) == 10000);
    CHECK(apply_basis_points_down(INT64_MAX, 5000) == INT64_MAX / 2);
    CHECK(apply_basis_points_down(1, 9999) == 0);
    CHECK_SC_ERROR(apply_basis_points_down(100, 10001), SC_ERR_INVALID_ARGUMENT);
    CHECK_SC_ERROR(apply_basis_points_down(100, -1), SC_ERR_INVALID_ARGUMENT);
}

TEST_CASE("checked arithmetic names what overflowed") {
    try {
        checked_mul(INT64_MAX, 2, "line amount");
        FAIL("no overflow reported");
    } catch (const Error& e) {
        CHECK(e.code() == SC_ERR_OVERFLOW);
        CHECK(std::string(e.what()).find("line amount") != std::string::npos);
    }
}

TEST_CASE("every status code has a stable name") {
    for (int code = SC_OK; code <= SC_STATUS_LAST; ++code)
        CHECK(std::string(status_name(static_cast<sc_status_t>(code))) != "SC_UNKNOWN_STATUS");
    CHECK(std::string(status_name(SC_ERR_NOT_FOUND)) == "SC_ERR_NOT_FOUND");
    CHECK(std::string(status_name(static_cast<sc_status_t>(SC_STATUS_LAST + 1))) == "SC_UNKNOWN_STATUS");
}
