#pragma once
// A group-buy campaign (FEATURES §7, docs/group-buy.md): a SKU sold at a group price to
// groups of N shoppers who fill before a deadline. Plain values, no storage.
#include <cstdint>
#include <optional>
#include <string>

namespace sc {

// What the shopper who opens a group (the leader) pays per unit.
enum class LeaderPricing { group_price = 0, leader_price = 1, free = 2 };

const char* leader_pricing_name(LeaderPricing pricing) noexcept;
std::optional<LeaderPricing> leader_pricing_from_name(std::string_view name) noexcept;

struct GroupCampaign {
    std::string id;
    std::string sku_id;
    int64_t group_price = 0;       // minor units per unit, in the catalog's currency
    int64_t group_size = 2;        // N: 2 to 100 paid members fill a group
    int64_t lifetime_minutes = 0;  // a group's life from its leader's payment: 1 to 43,200 (30 days)
    int64_t starts_at = 0;         // the campaign window (UTC ms): groups open inside it,
    int64_t ends_at = 0;           // and none outlives its end
    LeaderPricing leader_pricing = LeaderPricing::group_price;
    int64_t leader_price = 0;      // with LeaderPricing::leader_price
    int64_t max_units_per_order = 1;           // 1 to 1,000
    std::optional<int64_t> max_units_per_user;  // over the campaign, unpaid and paid; unset: none
    std::optional<int64_t> stock;               // units the campaign may sell; unset: the SKU's own
    bool new_users_only = false;                // only shoppers with no paid order may join
    // Virtual fill: at the deadline a group with at least this many paid (real) members is
    // completed with virtual ones instead of failing. Unset: off. A count, not a ratio.
    std::optional<int64_t> virtual_fill_min_members;

    bool operator==(const GroupCampaign&) const = default;
};

// Throws SC_ERR_VALIDATION naming `<prefix><field>` for a setting out of range.
void validate_group_campaign(const GroupCampaign& campaign, const std::string& prefix);

// The unit price the leader or a joining member pays.
int64_t group_unit_price(const GroupCampaign& campaign, bool leader);

// When a group whose leader paid at `paid_at` ends: the earlier of paid-time + lifetime and
// the campaign's end (a group never outlives its campaign, nor is it timed from the start).
int64_t group_deadline(const GroupCampaign& campaign, int64_t paid_at);

}  // namespace sc
