#include "program/tiers_json.hpp"

#include "program/strict_json.hpp"

namespace sc {

using nlohmann::json;

namespace {

std::string without_dot(const std::string& p) { return p.empty() ? "" : p.substr(0, p.size() - 1); }

TierBenefits parse_benefits(const json& obj, const std::string& p) {
    if (!obj.is_object()) invalid_field(without_dot(p), "must be an object");
    only_known_keys(obj, {"member_price_bps", "points_multiplier_bps", "free_shipping_over"}, p);
    TierBenefits b;
    if (auto it = obj.find("member_price_bps"); it != obj.end())
        b.member_price_bps = integer_field(*it, p + "member_price_bps");
    if (auto it = obj.find("points_multiplier_bps"); it != obj.end())
        b.points_multiplier_bps = integer_field(*it, p + "points_multiplier_bps");
    if (auto it = obj.find("free_shipping_over"); it != obj.end())
        b.free_shipping_over = integer_field(*it, p + "free_shipping_over");
    return b;
}

Tier parse_tier(const json& obj, const std::string& p) {
    if (!obj.is_object()) invalid_field(without_dot(p), "must be an object");
    only_known_keys(obj, {"id", "name", "threshold", "benefits"}, p);
    Tier tier;
    tier.id = string_field(required_field(obj, "id", p), p + "id");
    tier.name = string_field(required_field(obj, "name", p), p + "name");
    tier.threshold = integer_field(required_field(obj, "threshold", p), p + "threshold");
    if (auto it = obj.find("benefits"); it != obj.end()) tier.benefits = parse_benefits(*it, p + "benefits.");
    return tier;
}

}  // namespace

TierProgram parse_tiers_json(const json& obj, const std::string& p) {
    if (!obj.is_object()) invalid_field(without_dot(p), "must be an object");
    only_known_keys(obj, {"basis", "window_days", "period", "tiers"}, p);
    TierProgram program;
    const std::string basis = string_field(required_field(obj, "basis", p), p + "basis");
    if (basis == "paid_spend") program.basis = TierBasis::paid_spend;
    else if (basis == "growth_points") program.basis = TierBasis::growth_points;
    else invalid_field(p + "basis", "must be paid_spend or growth_points");
    if (auto it = obj.find("window_days"); it != obj.end()) program.window_days = integer_field(*it, p + "window_days");
    const std::string period = string_field(required_field(obj, "period", p), p + "period");
    if (period == "month") program.period = TierPeriod::month;
    else if (period == "quarter") program.period = TierPeriod::quarter;
    else if (period == "year") program.period = TierPeriod::year;
    else invalid_field(p + "period", "must be month, quarter or year");
    const json& tiers = required_field(obj, "tiers", p);
    if (!tiers.is_array()) invalid_field(p + "tiers", "must be an array");
    for (size_t i = 0; i < tiers.size(); ++i)
        program.tiers.push_back(parse_tier(tiers[i], p + "tiers[" + std::to_string(i) + "]."));
    return program;
}

nlohmann::ordered_json tier_program_json(const TierProgram& program) {
    nlohmann::ordered_json out;
    out["basis"] = tier_basis_name(program.basis);
    out["window_days"] = program.window_days;
    out["period"] = tier_period_name(program.period);
    out["tiers"] = nlohmann::ordered_json::array();
    for (const Tier& t : program.tiers) {
        nlohmann::ordered_json benefits;
        benefits["member_price_bps"] = t.benefits.member_price_bps;
        benefits["points_multiplier_bps"] = t.benefits.points_multiplier_bps;
        if (t.benefits.free_shipping_over) benefits["free_shipping_over"] = *t.benefits.free_shipping_over;
        out["tiers"].push_back({{"id", t.id}, {"name", t.name}, {"threshold", t.threshold}, {"benefits", benefits}});
    }
    return out;
}

}  // namespace sc
