#include "pricing/discount_rules.hpp"

#include "core/basis_points.hpp"

#include <algorithm>

namespace sc {

int64_t capped_discount(int64_t discount, std::optional<int64_t> cap, int64_t amount) {
    if (cap) discount = std::min(discount, *cap);
    return std::clamp<int64_t>(discount, 0, std::max<int64_t>(amount, 0));
}

int64_t percent_discount(int64_t amount, int64_t bps, std::optional<int64_t> cap) {
    return capped_discount(apply_basis_points_down(amount, bps), cap, amount);
}

int64_t repeating_discount(int64_t amount, int64_t every, int64_t off, std::optional<int64_t> cap) {
    if (every <= 0 || off <= 0 || amount < every) return 0;
    const int64_t times = amount / every;
    // times × off > amount exactly when off > amount / times (integer division).
    const int64_t raw = off > amount / times ? amount : times * off;
    return capped_discount(raw, cap, amount);
}

}  // namespace sc
