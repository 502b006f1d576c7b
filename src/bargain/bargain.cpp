#include "bargain/bargain.hpp"

#include "core/error.hpp"

#include <algorithm>

namespace sc {

const char* bargain_state_name(BargainState state) noexcept {
    switch (state) {
        case BargainState::open: return "open";
        case BargainState::floor_reached: return "floor_reached";
        case BargainState::bought: return "bought";
        case BargainState::expired: return "expired";
    }
    return "unknown";
}

std::optional<BargainState> bargain_state_from_name(std::string_view name) noexcept {
    for (BargainState s :
         {BargainState::open, BargainState::floor_reached, BargainState::bought, BargainState::expired})
        if (name == bargain_state_name(s)) return s;
    return std::nullopt;
}

const BargainHelp* Bargain::help_of(const std::string& helper) const {
    for (const BargainHelp& h : helps)
        if (h.user_id == helper) return &h;
    return nullptr;
}

int64_t bargain_cut(int64_t remaining, int64_t helpers_left, uint64_t draw) {
    if (helpers_left < 1 || remaining < helpers_left)
        fail(SC_ERR_INVALID_ARGUMENT, "a cut needs at least one minor unit per helper left", "remaining");
    if (helpers_left == 1) return remaining;
    const int64_t max = remaining - (helpers_left - 1);
    // floor(2R / h) without forming 2R, which could overflow: 2(R / h) + 2(R % h) / h. With
    // h >= 2 it is at most R.
    const int64_t twice_fair = 2 * (remaining / helpers_left) + 2 * (remaining % helpers_left) / helpers_left;
    const int64_t upper = std::clamp<int64_t>(twice_fair, 1, max);
    // upper is far below 2^64, so the modulo's bias is negligible.
    return 1 + static_cast<int64_t>(draw % static_cast<uint64_t>(upper));
}

void require_helpable(const Bargain& b, const std::string& helper, int64_t now) {
    if (helper == b.user_id) fail(SC_ERR_INVALID_STATE, "the opener cannot help their own bargain", "user_id");
    if (b.help_of(helper)) fail(SC_ERR_INVALID_STATE, "one help per friend per bargain", "user_id");
    if (b.state == BargainState::expired || (b.live() && now >= b.deadline))
        fail(SC_ERR_EXPIRED, "bargain " + b.id + " has expired", "bargain_id");
    if (b.state != BargainState::open)
        fail(SC_ERR_INVALID_STATE, std::string("bargain ") + b.id + " is " + bargain_state_name(b.state),
             "bargain_id");
}

int64_t apply_help(Bargain& b, const std::string& helper, uint64_t draw, int64_t now) {
    const int64_t amount = bargain_cut(b.price - b.floor_price, b.helpers_left(), draw);
    b.price -= amount;
    b.helps.push_back(BargainHelp{helper, amount, b.price, now});
    if (b.reached_floor()) b.state = BargainState::floor_reached;
    return amount;
}

Bargain bargain_as_of(Bargain b, int64_t now) {
    if (b.live() && now >= b.deadline) {
        b.state = BargainState::expired;
        b.ended_at = b.deadline;
    }
    return b;
}

}  // namespace sc
