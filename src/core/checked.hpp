#pragma once
// Checked 64-bit integer arithmetic: money and quantities never wrap, they fail.
#include "core/error.hpp"

#include <cstdint>
#include <limits>
#include <string>

namespace sc {

// Overflow tests by comparison against the limits, for compilers without GCC's and
// Clang's overflow builtins (MSVC). Always compiled, so the tests compare them with the
// builtins on every build. Products of two int64 values that need more than 64 bits go
// through core/wide.hpp, which needs no 128-bit type either.
namespace portable {

inline bool add_overflows(int64_t a, int64_t b) {
    return b > 0 ? a > std::numeric_limits<int64_t>::max() - b : a < std::numeric_limits<int64_t>::min() - b;
}

inline bool sub_overflows(int64_t a, int64_t b) {
    return b < 0 ? a > std::numeric_limits<int64_t>::max() + b : a < std::numeric_limits<int64_t>::min() + b;
}

// Compares |a| with the largest magnitude that |b| allows for the product's sign.
inline bool mul_overflows(int64_t a, int64_t b) {
    if (a == 0 || b == 0) return false;
    const bool negative = (a < 0) != (b < 0);
    const uint64_t ua = a < 0 ? uint64_t{0} - static_cast<uint64_t>(a) : static_cast<uint64_t>(a);
    const uint64_t ub = b < 0 ? uint64_t{0} - static_cast<uint64_t>(b) : static_cast<uint64_t>(b);
    const uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
    return ua > limit / ub;
}

}  // namespace portable

// GCC and Clang check in one instruction; elsewhere the comparisons above decide.
#if defined(__GNUC__) || defined(__clang__)
#define SC_CHECKED_OP(op, sym)                                                   \
    inline bool op##_overflow(int64_t a, int64_t b, int64_t* r) { return __builtin_##op##_overflow(a, b, r); }
#else
#define SC_CHECKED_OP(op, sym)                                                   \
    inline bool op##_overflow(int64_t a, int64_t b, int64_t* r) {                \
        if (portable::op##_overflows(a, b)) return true;                         \
        *r = a sym b;                                                            \
        return false;                                                            \
    }
#endif
SC_CHECKED_OP(add, +)
SC_CHECKED_OP(sub, -)
SC_CHECKED_OP(mul, *)
#undef SC_CHECKED_OP

inline int64_t checked_add(int64_t a, int64_t b, const char* what = "amount") {
    int64_t r = 0;
    if (add_overflow(a, b, &r)) fail(SC_ERR_OVERFLOW, std::string(what) + " overflows 64 bits");
    return r;
}

inline int64_t checked_sub(int64_t a, int64_t b, const char* what = "amount") {
    int64_t r = 0;
    if (sub_overflow(a, b, &r)) fail(SC_ERR_OVERFLOW, std::string(what) + " overflows 64 bits");
    return r;
}

inline int64_t checked_mul(int64_t a, int64_t b, const char* what = "amount") {
    int64_t r = 0;
    if (mul_overflow(a, b, &r)) fail(SC_ERR_OVERFLOW, std::string(what) + " overflows 64 bits");
    return r;
}

}  // namespace sc
