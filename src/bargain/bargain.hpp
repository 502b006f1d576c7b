#pragma once
// A bargain (砍价) and its helps (FEATURES §8, docs/bargain.md). The state machine and
// the cut are functions here; the engine stores what they decide. Plain values, no storage.
#include "bargain/bargain_program.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sc {

// open: helps accrue; floor_reached: the H-th help landed on the floor; bought: an order
// at the bargained price was paid; expired: the deadline passed without a paid order.
enum class BargainState { open = 1, floor_reached = 2, bought = 3, expired = 4 };

const char* bargain_state_name(BargainState state) noexcept;
std::optional<BargainState> bargain_state_from_name(std::string_view name) noexcept;

struct BargainHelp {
    std::string user_id;
    int64_t amount = 0;       // what this help cut, at least 1
    int64_t price_after = 0;  // the bargain's price once it landed
    int64_t at = 0;

    bool operator==(const BargainHelp&) const = default;
};

struct Bargain {
    std::string id;
    std::string program_id;
    std::string user_id;  // the opener: the only shopper who may buy it
    std::string sku_id;
    int64_t start_price = 0;  // the SKU's list price when it opened
    int64_t floor_price = 0;
    int64_t price = 0;  // now: start_price less every help
    int64_t helpers_needed = 0;  // H, copied from the program when it opened
    BargainState state = BargainState::open;
    int64_t opened_at = 0;
    int64_t deadline = 0;
    int64_t ended_at = 0;  // bought or expired at; 0 before
    std::string order_id;  // the paid order, once bought
    std::vector<BargainHelp> helps;  // in the order they landed

    // Open or floor reached: it may still be bought (before its deadline).
    bool live() const { return state == BargainState::open || state == BargainState::floor_reached; }
    int64_t helpers_left() const { return helpers_needed - static_cast<int64_t>(helps.size()); }
    bool reached_floor() const { return helpers_left() == 0; }
    const BargainHelp* help_of(const std::string& user_id) const;
    bool operator==(const Bargain&) const = default;
};

// What one help cuts from `remaining` (price less floor) when `helpers_left` helps are
// still to come, from a uniform 64-bit `draw`. The last help takes all that remains, so the
// H-th lands exactly on the floor. Any other takes 1 + draw % upper, where
//   max   = remaining - (helpers_left - 1): every help still to come keeps one minor unit,
//   upper = clamp(2 * remaining / helpers_left, 1, max): twice the fair share (the red
//           packet rule), so a cut averages the fair share and no early helper takes it all.
// Needs 1 <= helpers_left <= remaining (else SC_ERR_INVALID_ARGUMENT).
int64_t bargain_cut(int64_t remaining, int64_t helpers_left, uint64_t draw);

// Throws unless `helper` may help `bargain` at `now`: SC_ERR_INVALID_STATE with field
// "user_id" for the opener or a friend who already helped, with field "bargain_id" once the
// floor is reached or it was bought; SC_ERR_EXPIRED (field "bargain_id") past its deadline.
void require_helpable(const Bargain& bargain, const std::string& helper, int64_t now);

// Lands a help (after require_helpable): cuts, records the help, reaches the floor with the
// H-th. Returns the amount cut.
int64_t apply_help(Bargain& bargain, const std::string& helper, uint64_t draw, int64_t now);

// What a read at `now` sees: a live bargain past its deadline is expired, ended at it.
Bargain bargain_as_of(Bargain bargain, int64_t now);

}  // namespace sc
