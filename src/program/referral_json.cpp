#include "program/referral_json.hpp"

#include "program/strict_json.hpp"

namespace sc {

namespace {

std::vector<int64_t> integer_list(const nlohmann::json& value, const std::string& field) {
    if (!value.is_array()) invalid_field(field, "must be an array");
    std::vector<int64_t> out;
    for (size_t i = 0; i < value.size(); ++i) out.push_back(integer_field(value[i], field + "[" + std::to_string(i) + "]"));
    return out;
}

const nlohmann::json& object_field(const nlohmann::json& value, const std::string& field) {
    if (!value.is_object()) invalid_field(field, "must be an object");
    return value;
}

void parse_attribution(const nlohmann::json& obj, const std::string& p, ReferralProgram& program) {
    object_field(obj, p.substr(0, p.size() - 1));
    only_known_keys(obj, {"window_days", "model"}, p);
    if (auto it = obj.find("window_days"); it != obj.end())
        program.attribution_window_days = integer_field(*it, p + "window_days");
    if (auto it = obj.find("model"); it != obj.end()) {
        const auto model = attribution_model_from_name(string_field(*it, p + "model"));
        if (!model) invalid_field(p + "model", "must be \"last_touch\" or \"first_touch\"");
        program.attribution_model = *model;
    }
}

ReferralRewards parse_rewards(const nlohmann::json& obj, const std::string& p) {
    object_field(obj, p.substr(0, p.size() - 1));
    only_known_keys(obj,
                    {"kind", "rates_bps", "per_sku", "coupon_template_ids", "cooling_off_days",
                     "invitee_coupon_template_id"},
                    p);
    ReferralRewards r;
    const auto kind = reward_kind_from_name(string_field(required_field(obj, "kind", p), p + "kind"));
    if (!kind) invalid_field(p + "kind", "must be \"points\", \"commission\" or \"coupon\"");
    r.kind = *kind;
    if (r.kind == RewardKind::coupon) {
        const nlohmann::json& ids = required_field(obj, "coupon_template_ids", p);
        if (!ids.is_array()) invalid_field(p + "coupon_template_ids", "must be an array");
        for (size_t i = 0; i < ids.size(); ++i)
            r.coupon_template_ids.push_back(string_field(ids[i], p + "coupon_template_ids[" + std::to_string(i) + "]"));
    } else if (obj.contains("coupon_template_ids")) {
        invalid_field(p + "coupon_template_ids", "only a coupon reward names templates");
    }
    if (auto it = obj.find("rates_bps"); it != obj.end()) r.rates_bps = integer_list(*it, p + "rates_bps");
    else if (r.kind != RewardKind::coupon) required_field(obj, "rates_bps", p);
    if (auto it = obj.find("per_sku"); it != obj.end()) {
        if (!it->is_array()) invalid_field(p + "per_sku", "must be an array");
        for (size_t i = 0; i < it->size(); ++i) {
            const std::string q = p + "per_sku[" + std::to_string(i) + "].";
            const nlohmann::json& entry = object_field((*it)[i], q.substr(0, q.size() - 1));
            only_known_keys(entry, {"sku_id", "per_unit"}, q);
            r.per_sku.push_back(SkuReward{string_field(required_field(entry, "sku_id", q), q + "sku_id"),
                                          integer_list(required_field(entry, "per_unit", q), q + "per_unit")});
        }
    }
    if (auto it = obj.find("cooling_off_days"); it != obj.end())
        r.cooling_off_days = integer_field(*it, p + "cooling_off_days");
    if (auto it = obj.find("invitee_coupon_template_id"); it != obj.end())
        r.invitee_coupon_template_id = string_field(*it, p + "invitee_coupon_template_id");
    return r;
}

void parse_limits(const nlohmann::json& obj, const std::string& p, ReferralProgram& program) {
    object_field(obj, p.substr(0, p.size() - 1));
    only_known_keys(obj, {"per_sharer_per_day", "per_sharer_per_month", "first_orders_only"}, p);
    if (auto it = obj.find("per_sharer_per_day"); it != obj.end())
        program.per_sharer_per_day = integer_field(*it, p + "per_sharer_per_day");
    if (auto it = obj.find("per_sharer_per_month"); it != obj.end())
        program.per_sharer_per_month = integer_field(*it, p + "per_sharer_per_month");
    if (auto it = obj.find("first_orders_only"); it != obj.end())
        program.first_orders_only = bool_field(*it, p + "first_orders_only");
}

}  // namespace

ReferralProgram parse_referral_json(const nlohmann::json& obj, const std::string& p) {
    if (!obj.is_object()) invalid_field(p.empty() ? "" : p.substr(0, p.size() - 1), "must be an object");
    only_known_keys(obj, {"url_template", "link_lifetime_days", "clock_skew_seconds", "attribution", "rewards", "limits"},
                    p);
    ReferralProgram program;
    program.url_template = string_field(required_field(obj, "url_template", p), p + "url_template");
    if (auto it = obj.find("link_lifetime_days"); it != obj.end())
        program.link_lifetime_days = integer_field(*it, p + "link_lifetime_days");
    if (auto it = obj.find("clock_skew_seconds"); it != obj.end())
        program.clock_skew_seconds = integer_field(*it, p + "clock_skew_seconds");
    if (auto it = obj.find("attribution"); it != obj.end()) parse_attribution(*it, p + "attribution.", program);
    if (auto it = obj.find("rewards"); it != obj.end()) program.rewards = parse_rewards(*it, p + "rewards.");
    if (auto it = obj.find("limits"); it != obj.end()) parse_limits(*it, p + "limits.", program);
    return program;
}

nlohmann::ordered_json referral_program_json(const ReferralProgram& program) {
    nlohmann::ordered_json out;
    out["url_template"] = program.url_template;
    out["link_lifetime_days"] = program.link_lifetime_days;
    out["clock_skew_seconds"] = program.clock_skew_seconds;
    out["attribution"] = {{"window_days", program.attribution_window_days},
                          {"model", attribution_model_name(program.attribution_model)}};
    if (program.rewards) {
        const ReferralRewards& r = *program.rewards;
        nlohmann::ordered_json rewards;
        rewards["kind"] = reward_kind_name(r.kind);
        if (r.kind == RewardKind::coupon) rewards["coupon_template_ids"] = r.coupon_template_ids;
        else rewards["rates_bps"] = r.rates_bps;
        if (!r.per_sku.empty()) {
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const SkuReward& s : r.per_sku) list.push_back({{"sku_id", s.sku_id}, {"per_unit", s.per_unit}});
            rewards["per_sku"] = std::move(list);
        }
        if (r.cooling_off_days) rewards["cooling_off_days"] = *r.cooling_off_days;
        if (!r.invitee_coupon_template_id.empty()) rewards["invitee_coupon_template_id"] = r.invitee_coupon_template_id;
        out["rewards"] = std::move(rewards);
    }
    out["limits"] = {{"per_sharer_per_day", program.per_sharer_per_day},
                     {"per_sharer_per_month", program.per_sharer_per_month},
                     {"first_orders_only", program.first_orders_only}};
    return out;
}

}  // namespace sc
