#include "referral/attribution.hpp"

namespace sc {

const char* referral_refusal_name(ReferralRefusal refusal) noexcept {
    switch (refusal) {
        case ReferralRefusal::self_referral: return "self_referral";
        case ReferralRefusal::self_referral_device: return "self_referral_device";
        case ReferralRefusal::already_bound: return "already_bound";
        case ReferralRefusal::cycle: return "cycle";
        case ReferralRefusal::not_first_order: return "not_first_order";
        case ReferralRefusal::daily_cap: return "daily_cap";
        case ReferralRefusal::monthly_cap: return "monthly_cap";
    }
    return "unknown";
}

BindingDecision decide_binding(const BindingFacts& f, AttributionModel model) {
    const auto refuse = [](ReferralRefusal why) { return BindingDecision{BindingStep::refuse, why}; };
    if (!f.opener_user_id.empty() && f.opener_user_id == f.sharer_id) return refuse(ReferralRefusal::self_referral);
    if (f.device_belongs_to_sharer) return refuse(ReferralRefusal::self_referral_device);
    if (f.sharer_bound_to_opener) return refuse(ReferralRefusal::cycle);
    if (model == AttributionModel::first_touch && f.current) {
        if (f.current->sharer_id != f.sharer_id) return refuse(ReferralRefusal::already_bound);
        return BindingDecision{BindingStep::keep, std::nullopt};
    }
    return BindingDecision{BindingStep::bind, std::nullopt};
}

std::optional<ReferralRefusal> attribution_refusal(const ReferralProgram& program, const AttributionFacts& f) {
    if (program.first_orders_only && f.buyer_paid_before) return ReferralRefusal::not_first_order;
    if (program.per_sharer_per_day > 0 && f.sharer_orders_today >= program.per_sharer_per_day)
        return ReferralRefusal::daily_cap;
    if (program.per_sharer_per_month > 0 && f.sharer_orders_this_month >= program.per_sharer_per_month)
        return ReferralRefusal::monthly_cap;
    return std::nullopt;
}

}  // namespace sc
