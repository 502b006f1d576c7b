#pragma once
// Checked 64-bit integer arithmetic: money and quantities never wrap, they fail.
#include "core/error.hpp"

#include <cstdint>
#include <string>

namespace sc {

// 128-bit intermediates for products of two int64 values (proportional shares).
__extension__ typedef __int128 int128;

inline int64_t checked_add(int64_t a, int64_t b, const char* what = "amount") {
    int64_t r = 0;
    if (__builtin_add_overflow(a, b, &r)) fail(SC_ERR_OVERFLOW, std::string(what) + " overflows 64 bits");
    return r;
}

inline int64_t checked_sub(int64_t a, int64_t b, const char* what = "amount") {
    int64_t r = 0;
    if (__builtin_sub_overflow(a, b, &r)) fail(SC_ERR_OVERFLOW, std::string(what) + " overflows 64 bits");
    return r;
}

inline int64_t checked_mul(int64_t a, int64_t b, const char* what = "amount") {
    int64_t r = 0;
    if (__builtin_mul_overflow(a, b, &r)) fail(SC_ERR_OVERFLOW, std::string(what) + " overflows 64 bits");
    return r;
}

}  // namespace sc
