#include "orders/hold.hpp"

#include "core/error.hpp"

namespace sc {

const char* hold_state_name(HoldState state) noexcept {
    switch (state) {
        case HoldState::held: return "held";
        case HoldState::committed: return "committed";
        case HoldState::released: return "released";
    }
    return "held";
}

HoldState parse_hold_state(const std::string& name) {
    if (name == "held") return HoldState::held;
    if (name == "committed") return HoldState::committed;
    if (name == "released") return HoldState::released;
    fail(SC_ERR_STORAGE, "unknown hold state in the database: " + name);
}

void require_unresolved(const Hold& hold) {
    if (hold.state != HoldState::held)
        fail(SC_ERR_INVALID_STATE, "hold " + hold.id + " is already " + hold_state_name(hold.state));
}

}  // namespace sc
