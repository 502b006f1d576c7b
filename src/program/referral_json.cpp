#include "program/referral_json.hpp"

#include "program/strict_json.hpp"

namespace sc {

ReferralProgram parse_referral_json(const nlohmann::json& obj, const std::string& p) {
    if (!obj.is_object()) invalid_field(p.empty() ? "" : p.substr(0, p.size() - 1), "must be an object");
    only_known_keys(obj, {"url_template", "link_lifetime_days", "clock_skew_seconds"}, p);
    ReferralProgram program;
    program.url_template = string_field(required_field(obj, "url_template", p), p + "url_template");
    if (auto it = obj.find("link_lifetime_days"); it != obj.end())
        program.link_lifetime_days = integer_field(*it, p + "link_lifetime_days");
    if (auto it = obj.find("clock_skew_seconds"); it != obj.end())
        program.clock_skew_seconds = integer_field(*it, p + "clock_skew_seconds");
    return program;
}

nlohmann::ordered_json referral_program_json(const ReferralProgram& program) {
    nlohmann::ordered_json out;
    out["url_template"] = program.url_template;
    out["link_lifetime_days"] = program.link_lifetime_days;
    out["clock_skew_seconds"] = program.clock_skew_seconds;
    return out;
}

}  // namespace sc
