#include "core/allocation.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/wide.hpp"

#include <algorithm>
#include <numeric>

namespace sc {

std::vector<int64_t> allocate_largest_remainder(int64_t total, const std::vector<int64_t>& weights) {
    if (total < 0) fail(SC_ERR_INVALID_ARGUMENT, "cannot allocate a negative total", "total");
    int64_t weight_sum = 0;
    for (int64_t w : weights) {
        if (w < 0) fail(SC_ERR_INVALID_ARGUMENT, "allocation weights must not be negative", "weights");
        weight_sum = checked_add(weight_sum, w, "allocation weight");
    }
    std::vector<int64_t> parts(weights.size(), 0);
    if (total == 0) return parts;
    if (weight_sum == 0) fail(SC_ERR_INVALID_ARGUMENT, "nothing to allocate over", "weights");

    // Remainders are below weight_sum, so they fit 64 bits; the quotients are at most total.
    std::vector<int64_t> remainders(weights.size());
    int64_t given = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        const MulDiv share = mul_div(total, weights[i], weight_sum, "allocation share");
        parts[i] = share.quotient;
        remainders[i] = share.remainder;
        given += parts[i];
    }
    std::vector<size_t> order(weights.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
    // The floors leave fewer than weights.size() units over, one for each of the first.
    for (size_t k = 0; given < total; ++k, ++given) parts[order[k]] += 1;
    return parts;
}

}  // namespace sc
