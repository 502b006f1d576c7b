#include "core/allocation.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/wide.hpp"

#include <algorithm>
#include <numeric>

namespace sc {

std::vector<int64_t> allocate_largest_remainder(int64_t total, const std::vector<int64_t>& weights) {
    std::vector<int64_t> parts(weights.size(), 0);
    AllocationScratch scratch;
    allocate_largest_remainder(total, weights, parts, scratch);
    return parts;
}

void allocate_largest_remainder(int64_t total, std::span<const int64_t> weights, std::span<int64_t> parts,
                                AllocationScratch& scratch) {
    if (total < 0) fail(SC_ERR_INVALID_ARGUMENT, "cannot allocate a negative total", "total");
    if (parts.size() != weights.size()) fail(SC_ERR_INTERNAL, "allocation parts and weights differ in size");
    int64_t weight_sum = 0;
    for (int64_t w : weights) {
        if (w < 0) fail(SC_ERR_INVALID_ARGUMENT, "allocation weights must not be negative", "weights");
        weight_sum = checked_add(weight_sum, w, "allocation weight");
    }
    std::fill(parts.begin(), parts.end(), int64_t{0});
    if (total == 0) return;
    if (weight_sum == 0) fail(SC_ERR_INVALID_ARGUMENT, "nothing to allocate over", "weights");

    // Remainders are below weight_sum, so they fit 64 bits; the quotients are at most total.
    std::vector<int64_t>& remainders = scratch.remainders;
    remainders.resize(weights.size());
    int64_t given = 0;
    // Every product total × w is at most total × weight_sum: when that fits 64 bits, plain
    // division gives the same quotients and remainders as the 128-bit path, faster.
    int64_t largest_product = 0;
    const bool products_fit = !mul_overflow(total, weight_sum, &largest_product);
    for (size_t i = 0; i < weights.size(); ++i) {
        if (products_fit) {
            const int64_t product = total * weights[i];
            parts[i] = product / weight_sum;
            remainders[i] = product % weight_sum;
        } else {
            const MulDiv share = mul_div(total, weights[i], weight_sum, "allocation share");
            parts[i] = share.quotient;
            remainders[i] = share.remainder;
        }
        given += parts[i];
    }
    // The floors leave fewer than weights.size() units over, one for each of the first
    // `left` indices by remainder, larger first, the earlier index first among equals.
    // That order is total, so the first `left` after nth_element are exactly those.
    const auto left = static_cast<size_t>(total - given);
    if (left == 0) return;
    std::vector<size_t>& order = scratch.order;
    order.resize(weights.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(left - 1), order.end(),
                     [&](size_t a, size_t b) { return remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b; });
    for (size_t k = 0; k < left; ++k) parts[order[k]] += 1;
}

}  // namespace sc
