#pragma once
// Percentages as integer basis points (1 bp = 0.01 %), applied with a stated rounding.
#include <cstdint>

namespace sc {

constexpr int64_t kBasisPointsWhole = 10000;

// amount × bps / 10000, rounded toward zero (a percent discount never rounds up).
// The product is formed exactly in 128 bits (core/wide.hpp), so it cannot overflow; the result fits whenever
// bps <= 10000.
int64_t apply_basis_points_down(int64_t amount, int64_t bps);

}  // namespace sc
