#pragma once
// Holds: a claim on a resource (tracked stock, coupons, points, group seats, group-buy
// and flash-sale stock) placed at checkout, resolved exactly once: committed when
// the order is paid, released when it is cancelled or its payment window lapses.
#include <cstdint>
#include <string>

namespace sc {

enum class HoldState { held, committed, released };

struct Hold {
    std::string id;
    std::string order_id;
    std::string kind;      // "stock", later "coupon", "points", "group_seat", ...
    std::string resource;  // what is held: a SKU id for stock
    int64_t quantity = 0;
    HoldState state = HoldState::held;
    int64_t expires_at = 0;
};

const char* hold_state_name(HoldState state) noexcept;
HoldState parse_hold_state(const std::string& name);

// A hold leaves `held` once; committing or releasing it again is a bug in the caller.
void require_unresolved(const Hold& hold);

}  // namespace sc
