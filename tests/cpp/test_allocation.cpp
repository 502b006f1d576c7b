#include "core/allocation.hpp"
#include "core/wide.hpp"
#include "check_error.hpp"

#include <algorithm>
#include <numeric>
#include <random>

using namespace sc;

TEST_CASE("largest remainder splits a total exactly") {
    // 100 over three equal lines: 33.33 each; the remainder cent goes to the first.
    CHECK(allocate_largest_remainder(100, {1, 1, 1}) == std::vector<int64_t>{34, 33, 33});
    // Remainders decide, not position: 10 over 3:7 → 3 and 7 exactly.
    CHECK(allocate_largest_remainder(10, {3, 7}) == std::vector<int64_t>{3, 7});
    // 5 over 1:1:1:1:1:1 → one unit each for the first five.
    CHECK(allocate_largest_remainder(5, {1, 1, 1, 1, 1, 1}) == std::vector<int64_t>{1, 1, 1, 1, 1, 0});
    // The largest remainder wins the spare unit even when it is the last line.
    CHECK(allocate_largest_remainder(1000, {3333, 3333, 3334}) == std::vector<int64_t>{333, 333, 334});
    CHECK(allocate_largest_remainder(0, {0, 0}) == std::vector<int64_t>{0, 0});
}

TEST_CASE("allocation refuses what cannot be split") {
    CHECK_SC_ERROR(allocate_largest_remainder(-1, {1}), SC_ERR_INVALID_ARGUMENT);
    CHECK_SC_ERROR(allocate_largest_remainder(5, {0, 0}), SC_ERR_INVALID_ARGUMENT);
    CHECK_SC_ERROR(allocate_largest_remainder(5, {}), SC_ERR_INVALID_ARGUMENT);
    CHECK_SC_ERROR(allocate_largest_remainder(5, {3, -1}), SC_ERR_INVALID_ARGUMENT);
}

TEST_CASE("allocation: on random cases parts sum exactly and stay within a unit of their share") {
    std::mt19937_64 rng(20261123);
    for (int round = 0; round < 2000; ++round) {
        const size_t n = 1 + rng() % 8;
        std::vector<int64_t> weights(n);
        for (auto& w : weights) w = static_cast<int64_t>(rng() % 100000);
        if (std::accumulate(weights.begin(), weights.end(), int64_t{0}) == 0) weights[0] = 1;
        const int64_t total = static_cast<int64_t>(rng() % 10'000'000);
        const auto parts = allocate_largest_remainder(total, weights);
        const int64_t sum_w = std::accumulate(weights.begin(), weights.end(), int64_t{0});
        REQUIRE(std::accumulate(parts.begin(), parts.end(), int64_t{0}) == total);
        for (size_t i = 0; i < n; ++i) {
            const int64_t floor_share = mul_div(total, weights[i], sum_w).quotient;
            CHECK(parts[i] >= floor_share);
            CHECK(parts[i] <= floor_share + 1);
        }
    }
}

TEST_CASE("allocation of huge totals does not overflow") {
    const auto parts = allocate_largest_remainder(INT64_MAX, {INT64_MAX / 2, INT64_MAX / 2});
    CHECK(parts[0] == INT64_MAX / 2 + 1);
    CHECK(parts[1] == INT64_MAX / 2);
}

// The allocation as first written: 128-bit shares, then a stable sort of the remainders.
static std::vector<int64_t> reference_allocation(int64_t total, const std::vector<int64_t>& weights) {
    int64_t sum = 0;
    for (int64_t w : weights) sum += w;
    std::vector<int64_t> parts(weights.size()), remainders(weights.size());
    int64_t given = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        const MulDiv share = mul_div(total, weights[i], sum);
        parts[i] = share.quotient;
        remainders[i] = share.remainder;
        given += share.quotient;
    }
    std::vector<size_t> order(weights.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
    for (size_t k = 0; given < total; ++k, ++given) parts[order[k]] += 1;
    return parts;
}

TEST_CASE("allocation: equals the stable-sort reference, ties and huge values included, with reused scratch") {
    std::mt19937_64 rng(99);
    AllocationScratch scratch;
    for (int round = 0; round < 5000; ++round) {
        const size_t n = 1 + static_cast<size_t>(rng() % 12);
        std::vector<int64_t> weights(n);
        // Few distinct weights make many equal remainders; huge ones take the 128-bit path.
        const bool huge = round % 5 == 0;
        for (auto& w : weights) w = huge ? static_cast<int64_t>(rng() >> 8) : static_cast<int64_t>(rng() % 4);
        if (std::accumulate(weights.begin(), weights.end(), int64_t{0}) == 0) weights[0] = 1;
        const int64_t total = huge ? static_cast<int64_t>(rng() >> 1) : static_cast<int64_t>(rng() % 50);
        std::vector<int64_t> parts(n);
        allocate_largest_remainder(total, weights, parts, scratch);
        REQUIRE(parts == reference_allocation(total, weights));
        REQUIRE(allocate_largest_remainder(total, weights) == parts);
    }
}
