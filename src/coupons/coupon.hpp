#pragma once
// A coupon instance: one shopper's copy of a template (FEATURES §4), and the state
// machine it moves through. Illegal transitions are errors (ARCHITECTURE §4).
//
//   (unclaimed) --claim--> available --hold--> held --use--> used
//                          available <-release-- held
//                          available <--return_after_refund-- used
//   available --expire--> expired        available --revoke--> revoked
#include <cstdint>
#include <optional>
#include <string>

namespace sc {

enum class CouponState { available, held, used, expired, revoked };

enum class CouponEvent {
    claim,                // issued to the shopper
    hold,                 // taken by an unpaid order
    release,              // that order was cancelled or its payment window lapsed
    use,                  // that order was paid
    return_after_refund,  // the order was fully refunded and the coupon is still valid
    expire,               // its validity ended while it was available
    revoke,               // the operator withdrew it
};

struct CouponInstance {
    std::string code;  // unguessable, unique
    std::string template_id;
    std::string owner_user_id;
    CouponState state = CouponState::available;
    int64_t valid_from = 0;   // UTC ms
    int64_t valid_until = 0;  // UTC ms, exclusive
    int64_t claimed_at = 0;
    std::optional<std::string> hold_order_id;  // while held

    bool operator==(const CouponInstance&) const = default;
};

const char* coupon_state_name(CouponState state) noexcept;
const char* coupon_event_name(CouponEvent event) noexcept;

// The state after `event` from `from` (nullopt: not yet claimed). Throws
// Error(SC_ERR_INVALID_STATE) for a transition the diagram above does not have. A held
// coupon is not expired nor revoked directly: its order resolves the hold first.
CouponState transition(std::optional<CouponState> from, CouponEvent event);

// The state as of `now`: an available coupon past its validity reads as expired (expiry
// is lazy and exact, ARCHITECTURE §4). Other states are returned as they are.
CouponState state_as_of(const CouponInstance& coupon, int64_t now);

}  // namespace sc
