#include "coupons/coupon.hpp"

#include "core/error.hpp"

namespace sc {

const char* coupon_state_name(CouponState state) noexcept {
    switch (state) {
        case CouponState::available: return "available";
        case CouponState::held: return "held";
        case CouponState::used: return "used";
        case CouponState::expired: return "expired";
        case CouponState::revoked: return "revoked";
    }
    return "unknown";
}

const char* coupon_event_name(CouponEvent event) noexcept {
    switch (event) {
        case CouponEvent::claim: return "claim";
        case CouponEvent::hold: return "hold";
        case CouponEvent::release: return "release";
        case CouponEvent::use: return "use";
        case CouponEvent::return_after_refund: return "return_after_refund";
        case CouponEvent::expire: return "expire";
        case CouponEvent::revoke: return "revoke";
    }
    return "unknown";
}

namespace {

// The one state each event may start from, or nullopt for claim (from no state at all).
std::optional<CouponState> required_state(CouponEvent event) {
    switch (event) {
        case CouponEvent::claim: return std::nullopt;
        case CouponEvent::hold: return CouponState::available;
        case CouponEvent::release: return CouponState::held;
        case CouponEvent::use: return CouponState::held;
        case CouponEvent::return_after_refund: return CouponState::used;
        case CouponEvent::expire: return CouponState::available;
        case CouponEvent::revoke: return CouponState::available;
    }
    return std::nullopt;
}

// The event as the error message says it: "cannot be held".
const char* event_phrase(CouponEvent event) {
    switch (event) {
        case CouponEvent::claim: return "be claimed";
        case CouponEvent::hold: return "be held";
        case CouponEvent::release: return "be released";
        case CouponEvent::use: return "be used";
        case CouponEvent::return_after_refund: return "be returned after a refund";
        case CouponEvent::expire: return "expire";
        case CouponEvent::revoke: return "be revoked";
    }
    return "change";
}

CouponState target_state(CouponEvent event) {
    switch (event) {
        case CouponEvent::claim:
        case CouponEvent::release:
        case CouponEvent::return_after_refund: return CouponState::available;
        case CouponEvent::hold: return CouponState::held;
        case CouponEvent::use: return CouponState::used;
        case CouponEvent::expire: return CouponState::expired;
        case CouponEvent::revoke: return CouponState::revoked;
    }
    return CouponState::available;
}

}  // namespace

CouponState transition(std::optional<CouponState> from, CouponEvent event) {
    const std::optional<CouponState> required = required_state(event);
    if (from != required) {
        if (!from) fail(SC_ERR_INVALID_STATE, std::string("a coupon not yet claimed cannot ") + event_phrase(event));
        fail(SC_ERR_INVALID_STATE, std::string("a coupon that is ") + coupon_state_name(*from) + " cannot " +
                                       event_phrase(event) +
                                       (required ? std::string(" (only one that is ") + coupon_state_name(*required) + ")"
                                                 : std::string(" (it is already claimed)")));
    }
    return target_state(event);
}

CouponState state_as_of(const CouponInstance& coupon, int64_t now) {
    if (coupon.state == CouponState::available && now >= coupon.valid_until) return CouponState::expired;
    return coupon.state;
}

}  // namespace sc
