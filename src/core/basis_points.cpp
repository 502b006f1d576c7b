#include "core/basis_points.hpp"

#include "core/error.hpp"
#include "core/wide.hpp"

namespace sc {

int64_t apply_basis_points_down(int64_t amount, int64_t bps) {
    if (bps < 0 || bps > kBasisPointsWhole)
        fail(SC_ERR_INVALID_ARGUMENT, "basis points must be between 0 and 10000", "basis_points");
    return mul_div(amount, bps, kBasisPointsWhole, "basis points share").quotient;
}

}  // namespace sc
