#include "program/points_json.hpp"

#include "program/strict_json.hpp"

namespace sc {

using nlohmann::json;

namespace {

const json& object_field(const json& obj, const char* key, const std::string& prefix) {
    const json& value = obj.at(key);
    if (!value.is_object()) invalid_field(prefix + key, "must be an object");
    return value;
}

void read_integer(const json& obj, const char* key, const std::string& prefix, int64_t& out) {
    if (auto it = obj.find(key); it != obj.end()) out = integer_field(*it, prefix + key);
}

ExpiryPolicy parse_expiry(const json& obj, const std::string& p) {
    only_known_keys(obj, {"mode", "periods"}, p);
    const std::string mode = string_field(required_field(obj, "mode", p), p + "mode");
    ExpiryPolicy policy;
    if (mode == "never") policy.mode = ExpiryMode::never;
    else if (mode == "days_after_earning") policy.mode = ExpiryMode::days_after_earning;
    else if (mode == "end_of_month") policy.mode = ExpiryMode::end_of_month;
    else if (mode == "end_of_year") policy.mode = ExpiryMode::end_of_year;
    else invalid_field(p + "mode", "must be never, days_after_earning, end_of_month or end_of_year");
    if (policy.mode != ExpiryMode::never)
        policy.periods = integer_field(required_field(obj, "periods", p), p + "periods");
    else if (obj.contains("periods"))
        invalid_field(p + "periods", "is not used with mode never");
    return policy;
}

}  // namespace

PointsProgram parse_points_json(const json& obj, const std::string& p) {
    if (!obj.is_object()) invalid_field(p.empty() ? "" : p.substr(0, p.size() - 1), "must be an object");
    only_known_keys(obj, {"earn", "redeem", "expiry", "return_window_days", "sign_in", "activities"}, p);
    PointsProgram program;
    if (obj.contains("earn")) {
        const json& earn = object_field(obj, "earn", p);
        only_known_keys(earn, {"points", "per_amount"}, p + "earn.");
        read_integer(earn, "points", p + "earn.", program.earn.points);
        read_integer(earn, "per_amount", p + "earn.", program.earn.per_amount);
    }
    if (obj.contains("redeem")) {
        const json& redeem = object_field(obj, "redeem", p);
        only_known_keys(redeem, {"points", "amount", "unit", "max_share_bps"}, p + "redeem.");
        read_integer(redeem, "points", p + "redeem.", program.redeem.points);
        read_integer(redeem, "amount", p + "redeem.", program.redeem.amount);
        read_integer(redeem, "unit", p + "redeem.", program.redeem.unit);
        read_integer(redeem, "max_share_bps", p + "redeem.", program.redeem.max_share_bps);
    }
    if (obj.contains("expiry")) program.expiry = parse_expiry(object_field(obj, "expiry", p), p + "expiry.");
    read_integer(obj, "return_window_days", p, program.return_window_days);
    if (auto it = obj.find("sign_in"); it != obj.end()) {
        if (!it->is_array()) invalid_field(p + "sign_in", "must be an array of points per streak day");
        for (size_t i = 0; i < it->size(); ++i)
            program.sign_in.push_back(integer_field((*it)[i], p + "sign_in[" + std::to_string(i) + "]"));
    }
    if (auto it = obj.find("activities"); it != obj.end()) {
        if (!it->is_array()) invalid_field(p + "activities", "must be an array");
        for (size_t i = 0; i < it->size(); ++i) {
            const std::string ap = p + "activities[" + std::to_string(i) + "].";
            const json& a = (*it)[i];
            if (!a.is_object()) invalid_field(ap.substr(0, ap.size() - 1), "must be an object");
            only_known_keys(a, {"name", "points", "daily_cap"}, ap);
            PointsActivity activity;
            activity.name = string_field(required_field(a, "name", ap), ap + "name");
            activity.points = integer_field(required_field(a, "points", ap), ap + "points");
            read_integer(a, "daily_cap", ap, activity.daily_cap);
            program.activities.push_back(std::move(activity));
        }
    }
    return program;
}

nlohmann::ordered_json points_program_json(const PointsProgram& program) {
    nlohmann::ordered_json out;
    out["earn"] = {{"points", program.earn.points}, {"per_amount", program.earn.per_amount}};
    out["redeem"] = {{"points", program.redeem.points},
                     {"amount", program.redeem.amount},
                     {"unit", program.redeem.unit},
                     {"max_share_bps", program.redeem.max_share_bps}};
    nlohmann::ordered_json expiry;
    expiry["mode"] = expiry_mode_name(program.expiry.mode);
    if (program.expiry.mode != ExpiryMode::never) expiry["periods"] = program.expiry.periods;
    out["expiry"] = std::move(expiry);
    out["return_window_days"] = program.return_window_days;
    out["sign_in"] = program.sign_in;
    out["activities"] = nlohmann::ordered_json::array();
    for (const PointsActivity& a : program.activities)
        out["activities"].push_back({{"name", a.name}, {"points", a.points}, {"daily_cap", a.daily_cap}});
    return out;
}

}  // namespace sc
