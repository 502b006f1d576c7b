#pragma once
// a × b / d for any int64 values, exact, without a 128-bit integer type. Proportional
// shares (refund units, basis points, allocation) need the full 128-bit product, and
// __int128 exists neither on 32-bit targets nor in MSVC, so the product is formed in two
// 64-bit halves and divided by long division in plain C++.
#include <cstdint>

namespace sc {

// An unsigned 128-bit value as two 64-bit halves.
struct U128 {
    uint64_t hi = 0;
    uint64_t lo = 0;
};

// The full product of two unsigned 64-bit values.
U128 mul_u64(uint64_t a, uint64_t b);

// n / d and n % d (d > 0); the quotient may need all 128 bits.
struct U128DivMod {
    U128 quotient;
    uint64_t remainder = 0;
};
U128DivMod divmod_u128(U128 n, uint64_t d);

// a × b / d rounded toward zero, as C++ integer division rounds, and the matching
// remainder (the sign of a × b, smaller than |d|). d must not be 0. A quotient that does
// not fit 64 bits fails with SC_ERR_OVERFLOW naming `what`.
struct MulDiv {
    int64_t quotient = 0;
    int64_t remainder = 0;
};
MulDiv mul_div(int64_t a, int64_t b, int64_t d, const char* what = "amount");

}  // namespace sc
