#pragma once
// How a promotion or coupon template combines with the others of its stage (FEATURES §3).
#include <string>

namespace sc {

struct Stacking {
    // An exclusive rule that gives a discount applies alone in its stage.
    bool exclusive = false;
    // Higher applies first; equal priorities apply in ascending id order.
    int priority = 0;

    bool operator==(const Stacking&) const = default;
};

// The application order of a stage: priority descending, then id ascending.
inline bool applies_before(const Stacking& a, const std::string& a_id, const Stacking& b, const std::string& b_id) {
    if (a.priority != b.priority) return a.priority > b.priority;
    return a_id < b_id;
}

}  // namespace sc
