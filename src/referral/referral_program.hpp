#pragma once
// The referral program's settings (the program document's "referral" section,
// docs/referral.md): share links, attribution, rewards and the limits that stop abuse.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

// Which open an order is credited to when a shopper opened several sharers' links.
enum class AttributionModel { last_touch, first_touch };

const char* attribution_model_name(AttributionModel model) noexcept;
std::optional<AttributionModel> attribution_model_from_name(std::string_view name) noexcept;

// What a sharer earns: points into the points ledger, a commission in minor units, or a
// coupon.
enum class RewardKind { points = 1, commission = 2, coupon = 3 };

const char* reward_kind_name(RewardKind kind) noexcept;
std::optional<RewardKind> reward_kind_from_name(std::string_view name) noexcept;

// A fixed reward per unit of a SKU, one amount per level: it replaces the rate for that SKU.
struct SkuReward {
    std::string sku_id;
    std::vector<int64_t> per_unit;

    bool operator==(const SkuReward&) const = default;
};

struct ReferralRewards {
    RewardKind kind = RewardKind::commission;
    // Points and commission: one rate per level, in basis points of what the order's goods
    // paid (level 1 is the sharer, level 2 the sharer's own referrer), and fixed amounts
    // per SKU. Never more than two levels.
    std::vector<int64_t> rates_bps;
    std::vector<SkuReward> per_sku;
    // Coupon: one grant-mode template per level; each credited order earns one copy.
    std::vector<std::string> coupon_template_ids;
    // Rewards stay pending this long after payment; unset: the points program's return window.
    std::optional<int64_t> cooling_off_days;
    // A grant-mode coupon template given once to a new user bound to a sharer ("" for none).
    std::string invitee_coupon_template_id;

    size_t levels() const { return kind == RewardKind::coupon ? coupon_template_ids.size() : rates_bps.size(); }

    bool operator==(const ReferralRewards&) const = default;
};

struct ReferralProgram {
    // Where a link leads: "{token}" is replaced by the token ("https://shop.example/s/{token}").
    std::string url_template;
    int64_t link_lifetime_days = 30;   // 1 to 365
    int64_t clock_skew_seconds = 300;  // 0 to 3600: tolerance on expiry and issue times
    // How long an open binds the opener to the sharer, and which open wins.
    int64_t attribution_window_days = 7;  // 1 to 365
    AttributionModel attribution_model = AttributionModel::last_touch;
    std::optional<ReferralRewards> rewards;  // unset: orders are attributed, nobody is rewarded
    // Limits on attributed orders per sharer per UTC day and month (0: none), and whether
    // only a buyer's first paid order counts.
    int64_t per_sharer_per_day = 0;
    int64_t per_sharer_per_month = 0;
    bool first_orders_only = false;

    bool operator==(const ReferralProgram&) const = default;
};

// Error(SC_ERR_VALIDATION) naming the field under `prefix` ("referral.url_template").
void validate_referral_program(const ReferralProgram& program, const std::string& prefix);

// The template with its one "{token}" replaced by the token.
std::string share_url(const ReferralProgram& program, const std::string& token);

}  // namespace sc
