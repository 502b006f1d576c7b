#include "core/wide.hpp"

#include "core/error.hpp"

#include <string>

namespace sc {

namespace {

constexpr uint64_t kLow32 = 0xffffffffu;
constexpr uint64_t kSignBit = uint64_t{1} << 63;

// |v| as unsigned; INT64_MIN becomes 2^63 without signed overflow.
uint64_t magnitude(int64_t v) {
    return v < 0 ? uint64_t{0} - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
}

// The int64 whose magnitude is m and whose sign is negative when `negative`; the caller
// has checked that it fits (m <= 2^63 - 1, or m <= 2^63 when negative).
int64_t with_sign(uint64_t m, bool negative) {
    if (!negative) return static_cast<int64_t>(m);
    if (m == kSignBit) return INT64_MIN;
    return -static_cast<int64_t>(m);
}

}  // namespace

U128 mul_u64(uint64_t a, uint64_t b) {
    // Schoolbook multiplication in 32-bit digits: each partial product fits 64 bits, and
    // `middle` (at most 3 × (2^32 - 1)) collects the carries into the high half.
    const uint64_t a_lo = a & kLow32, a_hi = a >> 32;
    const uint64_t b_lo = b & kLow32, b_hi = b >> 32;
    const uint64_t lo_lo = a_lo * b_lo;
    const uint64_t lo_hi = a_lo * b_hi;
    const uint64_t hi_lo = a_hi * b_lo;
    const uint64_t hi_hi = a_hi * b_hi;
    const uint64_t middle = (lo_lo >> 32) + (lo_hi & kLow32) + (hi_lo & kLow32);
    U128 r;
    r.lo = (lo_lo & kLow32) | (middle << 32);
    r.hi = hi_hi + (lo_hi >> 32) + (hi_lo >> 32) + (middle >> 32);
    return r;
}

U128DivMod divmod_u128(U128 n, uint64_t d) {
    U128DivMod r;
    if (n.hi == 0) {  // the common case: the product fit 64 bits
        r.quotient.lo = n.lo / d;
        r.remainder = n.lo % d;
        return r;
    }
    r.quotient.hi = n.hi / d;
    uint64_t rem = n.hi % d;
    // Long division of (rem, n.lo) by d, one bit at a time. rem < d holds before each
    // step, so 2 × rem + bit < 2d: one subtraction suffices, and when the shift carries
    // out of 64 bits the true value is >= 2^64 > d, so the wrapped subtraction is exact.
    for (int bit = 63; bit >= 0; --bit) {
        const bool carry = (rem & kSignBit) != 0;
        rem = (rem << 1) | ((n.lo >> bit) & 1u);
        if (carry || rem >= d) {
            rem -= d;
            r.quotient.lo |= uint64_t{1} << bit;
        }
    }
    r.remainder = rem;
    return r;
}

MulDiv mul_div(int64_t a, int64_t b, int64_t d, const char* what) {
    if (d == 0) fail(SC_ERR_INTERNAL, std::string(what) + ": division by zero");
    const bool product_negative = a != 0 && b != 0 && ((a < 0) != (b < 0));
    const bool quotient_negative = product_negative != (d < 0);
    const U128DivMod q = divmod_u128(mul_u64(magnitude(a), magnitude(b)), magnitude(d));
    const uint64_t limit = quotient_negative ? kSignBit : kSignBit - 1;
    if (q.quotient.hi != 0 || q.quotient.lo > limit)
        fail(SC_ERR_OVERFLOW, std::string(what) + " overflows 64 bits");
    MulDiv r;
    r.quotient = with_sign(q.quotient.lo, quotient_negative && q.quotient.lo != 0);
    // |remainder| < |d| <= 2^63, so it always fits.
    r.remainder = with_sign(q.remainder, product_negative && q.remainder != 0);
    return r;
}

}  // namespace sc
