// The portable 128-bit arithmetic (core/wide.hpp) and overflow checks (core/checked.hpp).
// Known answers hold on every target; where the compiler has __int128 (64-bit GCC and
// Clang), every result is also compared with the __int128 code the library used before.
#include "core/basis_points.hpp"
#include "core/checked.hpp"
#include "core/wide.hpp"
#include "check_error.hpp"

#include <random>
#include <vector>

using namespace sc;

namespace {

// Values where carries, signs and limits change: around 0, 2^31, 2^32, 2^62 and the ends.
std::vector<int64_t> edge_values() {
    std::vector<int64_t> v = {0, 1, 2, 3, 7, 100, 9999, 10000, 10001};
    for (int64_t base : {int64_t{1} << 31, int64_t{1} << 32, int64_t{1} << 62}) {
        v.push_back(base - 1);
        v.push_back(base);
        v.push_back(base + 1);
    }
    v.push_back(INT64_MAX);
    v.push_back(INT64_MAX - 1);
    v.push_back(INT64_MAX / 2);
    v.push_back(INT64_MAX / 3);
    const size_t n = v.size();
    for (size_t i = 0; i < n; ++i)
        if (v[i] != 0) v.push_back(-v[i]);
    v.push_back(INT64_MIN);
    v.push_back(INT64_MIN + 1);
    return v;
}

// Full-range values, small values and values near the limits, mixed.
int64_t random_value(std::mt19937_64& rng) {
    const uint64_t r = rng();
    switch (r % 4) {
        case 0: return static_cast<int64_t>(rng());
        case 1: return static_cast<int64_t>(rng() % 2000001) - 1000000;
        case 2: return INT64_MAX - static_cast<int64_t>(rng() % 1000);
        default: return INT64_MIN + static_cast<int64_t>(rng() % 1000);
    }
}

}  // namespace

TEST_CASE("wide: the 128-bit product and quotient of known values") {
    const U128 max_squared = mul_u64(UINT64_MAX, UINT64_MAX);  // 2^128 - 2^65 + 1
    CHECK(max_squared.hi == UINT64_MAX - 1);
    CHECK(max_squared.lo == 1);
    const U128 carry = mul_u64(uint64_t{1} << 32, uint64_t{1} << 32);
    CHECK(carry.hi == 1);
    CHECK(carry.lo == 0);
    const U128DivMod back = divmod_u128(max_squared, UINT64_MAX);
    CHECK(back.quotient.hi == 0);
    CHECK(back.quotient.lo == UINT64_MAX);
    CHECK(back.remainder == 0);
    const U128DivMod whole = divmod_u128(max_squared, 1);
    CHECK(whole.quotient.hi == UINT64_MAX - 1);
    CHECK(whole.quotient.lo == 1);
}

TEST_CASE("wide: refund unit shares near INT64_MAX are exact") {
    // floor(net × units / quantity) for a line whose net is INT64_MAX, in thirds.
    CHECK(mul_div(INT64_MAX, 1, 3).quotient == 3074457345618258602);
    CHECK(mul_div(INT64_MAX, 1, 3).remainder == 1);
    CHECK(mul_div(INT64_MAX, 2, 3).quotient == 6148914691236517204);
    CHECK(mul_div(INT64_MAX, 2, 3).remainder == 2);
    CHECK(mul_div(INT64_MAX, 3, 3).quotient == INT64_MAX);
    // A quantity as large as the net: every unit is worth exactly one.
    CHECK(mul_div(INT64_MAX, INT64_MAX - 1, INT64_MAX).quotient == INT64_MAX - 1);
    CHECK(mul_div(INT64_MAX, INT64_MAX, INT64_MAX).quotient == INT64_MAX);
    CHECK(mul_div(INT64_MAX - 1, INT64_MAX, INT64_MAX).remainder == 0);
    // The shares of a unit-by-unit refund add up to the net.
    const int64_t net = INT64_MAX - 12345, quantity = 7;
    int64_t refunded = 0;
    for (int64_t units = 1; units <= quantity; ++units)
        refunded += mul_div(net, units, quantity).quotient - mul_div(net, units - 1, quantity).quotient;
    CHECK(refunded == net);
}

TEST_CASE("wide: basis points of amounts near the limits") {
    CHECK(apply_basis_points_down(INT64_MAX, 10000) == INT64_MAX);
    CHECK(apply_basis_points_down(INT64_MAX, 5000) == INT64_MAX / 2);
    CHECK(apply_basis_points_down(INT64_MIN, 10000) == INT64_MIN);
    CHECK(apply_basis_points_down(INT64_MAX, 1) == 922337203685477);
    CHECK(apply_basis_points_down(-12345, 1234) == -1523);  // toward zero, as before
}

TEST_CASE("wide: signs round toward zero as C++ division does") {
    CHECK(mul_div(-7, 1, 2).quotient == -3);
    CHECK(mul_div(-7, 1, 2).remainder == -1);
    CHECK(mul_div(7, 1, -2).quotient == -3);
    CHECK(mul_div(7, 1, -2).remainder == 1);
    CHECK(mul_div(-7, -1, -2).quotient == -3);
    CHECK(mul_div(INT64_MIN, 1, 1).quotient == INT64_MIN);
    CHECK(mul_div(INT64_MIN, -1, -1).quotient == INT64_MIN);
    CHECK(mul_div(INT64_MIN, INT64_MIN, INT64_MIN).quotient == INT64_MIN);
    CHECK(mul_div(INT64_MIN, 10000, 10000).quotient == INT64_MIN);
    CHECK(mul_div(-1, 0, 5).quotient == 0);
}

TEST_CASE("wide: a quotient beyond 64 bits is an overflow, never a wrapped value") {
    CHECK_SC_ERROR(mul_div(INT64_MIN, -1, 1), SC_ERR_OVERFLOW);
    CHECK_SC_ERROR(mul_div(INT64_MAX, INT64_MAX, 1), SC_ERR_OVERFLOW);
    CHECK_SC_ERROR(mul_div(INT64_MAX, 2, 1), SC_ERR_OVERFLOW);
    CHECK_SC_ERROR(mul_div(INT64_MIN, INT64_MIN, -1), SC_ERR_OVERFLOW);
    CHECK_SC_ERROR(mul_div(1, 1, 0), SC_ERR_INTERNAL);
}

TEST_CASE("checked: the portable overflow tests agree with the compiler's") {
    std::mt19937_64 rng(20261201);
    std::vector<std::pair<int64_t, int64_t>> pairs;
    const auto edges = edge_values();
    for (int64_t a : edges)
        for (int64_t b : edges) pairs.emplace_back(a, b);
    for (int i = 0; i < 200000; ++i) pairs.emplace_back(random_value(rng), random_value(rng));
    for (const auto& [a, b] : pairs) {
        int64_t r = 0;
        REQUIRE(portable::add_overflows(a, b) == __builtin_add_overflow(a, b, &r));
        REQUIRE(portable::sub_overflows(a, b) == __builtin_sub_overflow(a, b, &r));
        REQUIRE(portable::mul_overflows(a, b) == __builtin_mul_overflow(a, b, &r));
    }
}

#ifdef __SIZEOF_INT128__
TEST_CASE("wide: the same results as the __int128 arithmetic it replaced") {
    __extension__ typedef __int128 int128;
    __extension__ typedef unsigned __int128 uint128;
    std::mt19937_64 rng(20261202);
    const auto edges = edge_values();
    std::vector<int64_t> values = edges;
    for (int i = 0; i < 300; ++i) values.push_back(random_value(rng));
    int64_t compared = 0, overflows = 0;
    for (int64_t a : values) {
        for (int64_t b : values) {
            const uint128 up = static_cast<uint128>(static_cast<uint64_t>(a)) * static_cast<uint64_t>(b);
            const U128 p = mul_u64(static_cast<uint64_t>(a), static_cast<uint64_t>(b));
            REQUIRE(p.hi == static_cast<uint64_t>(up >> 64));
            REQUIRE(p.lo == static_cast<uint64_t>(up));
            for (int64_t d : {b, a, int64_t{3}, int64_t{10000}, int64_t{-7}, INT64_MAX, INT64_MIN}) {
                if (d == 0) continue;
                const int128 product = static_cast<int128>(a) * b;
                const int128 q = product / d;
                if (q > INT64_MAX || q < INT64_MIN) {
                    CHECK_SC_ERROR(mul_div(a, b, d), SC_ERR_OVERFLOW);
                    ++overflows;
                    continue;
                }
                const MulDiv r = mul_div(a, b, d);
                REQUIRE(r.quotient == static_cast<int64_t>(q));
                REQUIRE(r.remainder == static_cast<int64_t>(product % d));
                ++compared;
            }
        }
    }
    CHECK(compared > 100000);
    CHECK(overflows > 1000);
}
#endif
