#include "referral/referral_program.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"

namespace sc {

namespace {

constexpr std::string_view kTokenPlaceholder = "{token}";
constexpr size_t kMaxUrlTemplate = 2048;
constexpr int64_t kMaxFixedReward = 1'000'000'000'000;  // per unit: 10^10 in major units
constexpr int64_t kMaxCap = 1'000'000;

void validate_rewards(const ReferralRewards& r, const std::string& p) {
    if (r.kind == RewardKind::coupon) {
        if (r.coupon_template_ids.empty() || r.coupon_template_ids.size() > 2)
            fail(SC_ERR_VALIDATION, "must hold one template per level, one or two levels", p + "coupon_template_ids");
        for (size_t i = 0; i < r.coupon_template_ids.size(); ++i)
            require_setting_id(r.coupon_template_ids[i], p + "coupon_template_ids[" + std::to_string(i) + "]");
        if (!r.rates_bps.empty()) fail(SC_ERR_VALIDATION, "a coupon reward has no rates", p + "rates_bps");
        if (!r.per_sku.empty()) fail(SC_ERR_VALIDATION, "a coupon reward has no per-SKU amounts", p + "per_sku");
    } else if (!r.coupon_template_ids.empty()) {
        fail(SC_ERR_VALIDATION, "only a coupon reward names templates", p + "coupon_template_ids");
    }
    if (r.kind != RewardKind::coupon && (r.rates_bps.empty() || r.rates_bps.size() > 2))
        fail(SC_ERR_VALIDATION, "must hold one rate per level, one or two levels", p + "rates_bps");
    for (size_t i = 0; i < r.rates_bps.size(); ++i)
        require_setting_range(r.rates_bps[i], 0, 10000, p + "rates_bps[" + std::to_string(i) + "]");
    for (size_t i = 0; i < r.per_sku.size(); ++i) {
        const std::string f = p + "per_sku[" + std::to_string(i) + "].";
        require_setting_id(r.per_sku[i].sku_id, f + "sku_id");
        for (size_t j = 0; j < i; ++j)
            if (r.per_sku[j].sku_id == r.per_sku[i].sku_id)
                fail(SC_ERR_VALIDATION, "names a SKU an earlier entry names", f + "sku_id");
        if (r.per_sku[i].per_unit.size() != r.rates_bps.size())
            fail(SC_ERR_VALIDATION, "must hold one amount per level, as rates_bps does", f + "per_unit");
        for (size_t j = 0; j < r.per_sku[i].per_unit.size(); ++j)
            require_setting_range(r.per_sku[i].per_unit[j], 0, kMaxFixedReward, f + "per_unit[" + std::to_string(j) + "]");
    }
    if (r.cooling_off_days) require_setting_range(*r.cooling_off_days, 0, 365, p + "cooling_off_days");
    if (!r.invitee_coupon_template_id.empty()) require_setting_id(r.invitee_coupon_template_id, p + "invitee_coupon_template_id");
}

}  // namespace

const char* attribution_model_name(AttributionModel model) noexcept {
    switch (model) {
        case AttributionModel::last_touch: return "last_touch";
        case AttributionModel::first_touch: return "first_touch";
    }
    return "unknown";
}

std::optional<AttributionModel> attribution_model_from_name(std::string_view name) noexcept {
    if (name == "last_touch") return AttributionModel::last_touch;
    if (name == "first_touch") return AttributionModel::first_touch;
    return std::nullopt;
}

const char* reward_kind_name(RewardKind kind) noexcept {
    switch (kind) {
        case RewardKind::points: return "points";
        case RewardKind::commission: return "commission";
        case RewardKind::coupon: return "coupon";
    }
    return "unknown";
}

std::optional<RewardKind> reward_kind_from_name(std::string_view name) noexcept {
    if (name == "points") return RewardKind::points;
    if (name == "commission") return RewardKind::commission;
    if (name == "coupon") return RewardKind::coupon;
    return std::nullopt;
}

void validate_referral_program(const ReferralProgram& p, const std::string& prefix) {
    const std::string field = prefix + "url_template";
    try {
        require_text(p.url_template, field);
    } catch (const Error& e) {
        fail(SC_ERR_VALIDATION, e.what(), field);
    }
    if (p.url_template.size() > kMaxUrlTemplate)
        fail(SC_ERR_VALIDATION, "must be at most " + std::to_string(kMaxUrlTemplate) + " bytes", field);
    const size_t at = p.url_template.find(kTokenPlaceholder);
    if (at == std::string::npos || p.url_template.find(kTokenPlaceholder, at + 1) != std::string::npos)
        fail(SC_ERR_VALIDATION, "must hold \"{token}\" exactly once", field);
    for (char c : p.url_template)
        if (c == ' ') fail(SC_ERR_VALIDATION, "must not hold spaces", field);
    if (p.link_lifetime_days < 1 || p.link_lifetime_days > 365)
        fail(SC_ERR_VALIDATION, "must be between 1 and 365", prefix + "link_lifetime_days");
    if (p.clock_skew_seconds < 0 || p.clock_skew_seconds > 3600)
        fail(SC_ERR_VALIDATION, "must be between 0 and 3600", prefix + "clock_skew_seconds");
    require_setting_range(p.attribution_window_days, 1, 365, prefix + "attribution.window_days");
    if (p.rewards) validate_rewards(*p.rewards, prefix + "rewards.");
    require_setting_range(p.per_sharer_per_day, 0, kMaxCap, prefix + "limits.per_sharer_per_day");
    require_setting_range(p.per_sharer_per_month, 0, kMaxCap, prefix + "limits.per_sharer_per_month");
}

std::string share_url(const ReferralProgram& program, const std::string& token) {
    std::string out = program.url_template;
    const size_t at = out.find(kTokenPlaceholder);
    if (at == std::string::npos) fail(SC_ERR_INTERNAL, "the url template has no {token}");
    return out.replace(at, kTokenPlaceholder.size(), token);
}

}  // namespace sc
