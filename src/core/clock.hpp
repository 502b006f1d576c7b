#pragma once
// Time comes from an injected clock: UTC milliseconds since the Unix epoch.
#include <cstdint>
#include <functional>

namespace sc {

using Clock = std::function<int64_t()>;

// The wall clock, for hosts that do not inject their own.
int64_t system_now_ms();

}  // namespace sc
