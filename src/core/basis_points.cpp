#include "core/basis_points.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"

namespace sc {

int64_t apply_basis_points_down(int64_t amount, int64_t bps) {
    if (bps < 0 || bps > kBasisPointsWhole)
        fail(SC_ERR_INVALID_ARGUMENT, "basis points must be between 0 and 10000", "basis_points");
    const int128 product = static_cast<int128>(amount) * bps;
    return static_cast<int64_t>(product / kBasisPointsWhole);
}

}  // namespace sc
