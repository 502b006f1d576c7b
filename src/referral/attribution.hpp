#pragma once
// Who an opener is bound to and whether a paid order is credited to a sharer (FEATURES §9,
// docs/referral.md). The engine gathers the facts from storage; the decisions are here,
// pure, so each fraud control is one rule in one place.
#include "referral/referral_program.hpp"
#include "referral/share_target.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sc {

// Why an open did not bind, or a paid order was not credited. Each refusal is recorded
// with its reason (docs/referral.md, "Fraud controls").
enum class ReferralRefusal {
    self_referral,         // the opener or buyer is the sharer
    self_referral_device,  // the opener's device is one the sharer signed in on
    already_bound,         // first touch: the opener is bound to another sharer
    cycle,                 // the sharer is bound, directly or through others, to the opener
    not_first_order,       // first orders only, and the buyer has paid before
    daily_cap,             // the sharer's attributed orders today reached the cap
    monthly_cap,           // the same for this month
};

const char* referral_refusal_name(ReferralRefusal refusal) noexcept;

// One open of a share link, as recorded.
struct ShareOpen {
    std::string open_id;
    std::string code;  // "" for a token made elsewhere
    std::string sharer_id;
    ShareTargetKind target_kind = ShareTargetKind::sku;
    std::string target_id;
    std::string channel;
    std::string user_id;    // "" when the opener is known by device only
    std::string device_id;  // "" when not given
    int64_t opened_at = 0;
    // "bound" (a new binding or a fresh window), "kept" (first touch: already bound to
    // this sharer) or the name of the refusal.
    std::string outcome;
    std::optional<int64_t> bound_until;  // the binding's end when the opener is bound

    bool bound() const { return outcome == "bound" || outcome == "kept"; }
};

// One refusal as recorded.
struct ReferralRefusalRecord {
    int64_t seq = 0;  // in the order recorded
    int64_t at = 0;
    ReferralRefusal reason = ReferralRefusal::self_referral;
    std::string sharer_id;
    std::string user_id;
    std::string device_id;
    std::string open_id;   // the open it concerns (an order's: the open that bound the buyer)
    std::string order_id;  // "" for a refused open
};

// A live binding: the subject (a user, or a device nobody has signed in on yet) is
// credited to the sharer until expires_at.
struct ReferralBinding {
    std::string user_id;    // one of user_id and device_id is set
    std::string device_id;
    std::string sharer_id;
    std::string open_id;    // the open that made it
    int64_t bound_at = 0;
    int64_t expires_at = 0;

    bool operator==(const ReferralBinding&) const = default;
};

// What the engine knows when someone opens a link (or signs in carrying a device's binding).
struct BindingFacts {
    std::string opener_user_id;  // "" for an opener known only by device
    std::string sharer_id;
    bool device_belongs_to_sharer = false;
    std::optional<ReferralBinding> current;  // the subject's live binding
    bool sharer_bound_to_opener = false;     // the sharer's chain of live bindings reaches the opener
};

enum class BindingStep {
    bind,     // a new binding, or a rebinding to this sharer with a fresh window
    keep,     // first touch: already bound to this sharer; the first binding stands
    refuse,
};

struct BindingDecision {
    BindingStep step = BindingStep::refuse;
    std::optional<ReferralRefusal> refusal;
};

BindingDecision decide_binding(const BindingFacts& facts, AttributionModel model);

struct AttributionFacts {
    bool buyer_paid_before = false;
    int64_t sharer_orders_today = 0;       // orders already credited to the sharer this UTC day
    int64_t sharer_orders_this_month = 0;  // and this UTC month
};

// Nothing when the order is credited to the sharer.
std::optional<ReferralRefusal> attribution_refusal(const ReferralProgram& program, const AttributionFacts& facts);

}  // namespace sc
