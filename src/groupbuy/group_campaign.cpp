#include "groupbuy/group_campaign.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"

#include <algorithm>

namespace sc {

namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kMaxUnits = 1'000'000'000;

}  // namespace

const char* leader_pricing_name(LeaderPricing pricing) noexcept {
    switch (pricing) {
        case LeaderPricing::group_price: return "group_price";
        case LeaderPricing::leader_price: return "leader_price";
        case LeaderPricing::free: return "free";
    }
    return "unknown";
}

std::optional<LeaderPricing> leader_pricing_from_name(std::string_view name) noexcept {
    for (LeaderPricing p : {LeaderPricing::group_price, LeaderPricing::leader_price, LeaderPricing::free})
        if (name == leader_pricing_name(p)) return p;
    return std::nullopt;
}

void validate_group_campaign(const GroupCampaign& c, const std::string& p) {
    require_setting_id(c.id, p + "id");
    require_setting_id(c.sku_id, p + "sku_id");
    require_setting_range(c.group_price, 0, kMaxSettingMoney, p + "group_price");
    require_setting_range(c.group_size, 2, 100, p + "group_size");
    require_setting_range(c.lifetime_minutes, 1, 43'200, p + "lifetime_minutes");
    if (c.starts_at < 0) fail(SC_ERR_VALIDATION, "must not be before 1970", p + "starts_at");
    if (c.ends_at <= c.starts_at) fail(SC_ERR_VALIDATION, "must be after starts_at", p + "ends_at");
    if (c.leader_pricing == LeaderPricing::leader_price)
        require_setting_range(c.leader_price, 0, kMaxSettingMoney, p + "leader.price");
    else if (c.leader_price != 0) fail(SC_ERR_VALIDATION, "only a leader_price campaign has a price", p + "leader.price");
    require_setting_range(c.max_units_per_order, 1, 1000, p + "limits.max_units_per_order");
    if (c.max_units_per_user) {
        require_setting_range(*c.max_units_per_user, 1, kMaxUnits, p + "limits.max_units_per_user");
        if (*c.max_units_per_user < c.max_units_per_order)
            fail(SC_ERR_VALIDATION, "must be at least max_units_per_order", p + "limits.max_units_per_user");
    }
    if (c.stock) require_setting_range(*c.stock, 0, kMaxUnits, p + "stock");
    if (c.virtual_fill_min_members)
        require_setting_range(*c.virtual_fill_min_members, 1, c.group_size - 1, p + "virtual_fill.min_real_members");
}

int64_t group_unit_price(const GroupCampaign& c, bool leader) {
    if (!leader) return c.group_price;
    switch (c.leader_pricing) {
        case LeaderPricing::group_price: return c.group_price;
        case LeaderPricing::leader_price: return c.leader_price;
        case LeaderPricing::free: return 0;
    }
    return c.group_price;
}

int64_t group_deadline(const GroupCampaign& c, int64_t paid_at) {
    const int64_t lifetime = checked_mul(c.lifetime_minutes, kMinute, "group lifetime");
    return std::min(checked_add(paid_at, lifetime, "group deadline"), c.ends_at);
}

}  // namespace sc
