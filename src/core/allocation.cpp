#include "core/allocation.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"

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

    std::vector<int128> remainders(weights.size());
    int64_t given = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        const int128 product = static_cast<int128>(total) * weights[i];
        parts[i] = static_cast<int64_t>(product / weight_sum);
        remainders[i] = product % weight_sum;
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
