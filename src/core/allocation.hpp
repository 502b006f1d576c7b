#pragma once
// Largest-remainder allocation: splits a total over weights so that the parts sum to
// the total exactly, in minor units. Order-level discounts and refunds by amount use
// it, so a line's share is always known and single-line refunds add up.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace sc {

// Parts proportional to weights (all >= 0, sum > 0 unless total == 0). Each part is
// floor(total * w / sum) plus one unit for the largest remainders; ties go to the
// earlier index, so the result is deterministic. total must be >= 0.
std::vector<int64_t> allocate_largest_remainder(int64_t total, const std::vector<int64_t>& weights);

// Working space for the form below; it grows to the largest weight count seen and is
// then reused, so a caller that allocates many amounts (pricing) does not allocate.
struct AllocationScratch {
    std::vector<int64_t> remainders;
    std::vector<size_t> order;
};

// The same allocation written into parts (as many elements as weights).
void allocate_largest_remainder(int64_t total, std::span<const int64_t> weights, std::span<int64_t> parts,
                                AllocationScratch& scratch);

}  // namespace sc
