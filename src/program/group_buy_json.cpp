#include "program/group_buy_json.hpp"

#include "program/strict_json.hpp"

namespace sc {

namespace {

void parse_leader(const nlohmann::json& obj, const std::string& p, GroupCampaign& c) {
    if (!obj.is_object()) invalid_field(p.substr(0, p.size() - 1), "must be an object");
    only_known_keys(obj, {"pricing", "price"}, p);
    const auto pricing = leader_pricing_from_name(string_field(required_field(obj, "pricing", p), p + "pricing"));
    if (!pricing) invalid_field(p + "pricing", "must be \"group_price\", \"leader_price\" or \"free\"");
    c.leader_pricing = *pricing;
    if (auto it = obj.find("price"); it != obj.end()) c.leader_price = integer_field(*it, p + "price");
    else if (c.leader_pricing == LeaderPricing::leader_price) required_field(obj, "price", p);
}

void parse_limits(const nlohmann::json& obj, const std::string& p, GroupCampaign& c) {
    if (!obj.is_object()) invalid_field(p.substr(0, p.size() - 1), "must be an object");
    only_known_keys(obj, {"max_units_per_order", "max_units_per_user", "new_users_only"}, p);
    if (auto it = obj.find("max_units_per_order"); it != obj.end())
        c.max_units_per_order = integer_field(*it, p + "max_units_per_order");
    if (auto it = obj.find("max_units_per_user"); it != obj.end())
        c.max_units_per_user = integer_field(*it, p + "max_units_per_user");
    if (auto it = obj.find("new_users_only"); it != obj.end()) c.new_users_only = bool_field(*it, p + "new_users_only");
}

}  // namespace

GroupCampaign parse_group_campaign_json(const nlohmann::json& obj, const std::string& p) {
    if (!obj.is_object()) invalid_field(p.empty() ? "" : p.substr(0, p.size() - 1), "must be an object");
    only_known_keys(obj,
                    {"id", "sku_id", "group_price", "group_size", "lifetime_minutes", "starts_at", "ends_at", "leader",
                     "limits", "stock", "virtual_fill"},
                    p);
    GroupCampaign c;
    c.id = string_field(required_field(obj, "id", p), p + "id");
    c.sku_id = string_field(required_field(obj, "sku_id", p), p + "sku_id");
    c.group_price = integer_field(required_field(obj, "group_price", p), p + "group_price");
    c.group_size = integer_field(required_field(obj, "group_size", p), p + "group_size");
    c.lifetime_minutes = integer_field(required_field(obj, "lifetime_minutes", p), p + "lifetime_minutes");
    c.starts_at = integer_field(required_field(obj, "starts_at", p), p + "starts_at");
    c.ends_at = integer_field(required_field(obj, "ends_at", p), p + "ends_at");
    if (auto it = obj.find("leader"); it != obj.end()) parse_leader(*it, p + "leader.", c);
    if (auto it = obj.find("limits"); it != obj.end()) parse_limits(*it, p + "limits.", c);
    if (auto it = obj.find("stock"); it != obj.end() && !it->is_null()) c.stock = integer_field(*it, p + "stock");
    if (auto it = obj.find("virtual_fill"); it != obj.end() && !it->is_null()) {
        const std::string q = p + "virtual_fill.";
        if (!it->is_object()) invalid_field(p + "virtual_fill", "must be an object");
        only_known_keys(*it, {"min_real_members"}, q);
        c.virtual_fill_min_members = integer_field(required_field(*it, "min_real_members", q), q + "min_real_members");
    }
    return c;
}

nlohmann::ordered_json group_campaign_json(const GroupCampaign& c) {
    nlohmann::ordered_json out;
    out["id"] = c.id;
    out["sku_id"] = c.sku_id;
    out["group_price"] = c.group_price;
    out["group_size"] = c.group_size;
    out["lifetime_minutes"] = c.lifetime_minutes;
    out["starts_at"] = c.starts_at;
    out["ends_at"] = c.ends_at;
    nlohmann::ordered_json leader;
    leader["pricing"] = leader_pricing_name(c.leader_pricing);
    if (c.leader_pricing == LeaderPricing::leader_price) leader["price"] = c.leader_price;
    out["leader"] = std::move(leader);
    nlohmann::ordered_json limits;
    limits["max_units_per_order"] = c.max_units_per_order;
    if (c.max_units_per_user) limits["max_units_per_user"] = *c.max_units_per_user;
    limits["new_users_only"] = c.new_users_only;
    out["limits"] = std::move(limits);
    if (c.stock) out["stock"] = *c.stock;
    if (c.virtual_fill_min_members) out["virtual_fill"] = {{"min_real_members", *c.virtual_fill_min_members}};
    return out;
}

}  // namespace sc
