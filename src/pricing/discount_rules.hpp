#pragma once
// The arithmetic of discounts, shared by promotions and coupons. Every result is at most
// the amount it applies to, so no line can go below zero; nothing here can overflow.
#include <cstdint>
#include <optional>

namespace sc {

// discount limited to cap (when present) and to amount.
int64_t capped_discount(int64_t discount, std::optional<int64_t> cap, int64_t amount);

// amount × bps / 10000 rounded down, then capped.
int64_t percent_discount(int64_t amount, int64_t bps, std::optional<int64_t> cap);

// 每满 every X off Y: floor(amount / every) × off, then capped. The product is never
// formed when it would exceed the amount (the cap at the amount decides then).
int64_t repeating_discount(int64_t amount, int64_t every, int64_t off, std::optional<int64_t> cap);

}  // namespace sc
