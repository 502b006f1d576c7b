#pragma once
// Random draws for features whose outcome is a chance (the bargain cut): injectable so
// that tests are exact, like the clock.
#include <cstdint>
#include <functional>

namespace sc {

using RandomSource = std::function<uint64_t()>;

// 64 bits from OpenSSL's RAND, which is thread-safe and seeded by the system; for hosts
// that do not inject their own source.
uint64_t system_random_u64();

}  // namespace sc
