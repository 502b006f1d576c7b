#include "referral/referral_program.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

namespace sc {

namespace {

constexpr std::string_view kTokenPlaceholder = "{token}";
constexpr size_t kMaxUrlTemplate = 2048;

}  // namespace

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
}

std::string share_url(const ReferralProgram& program, const std::string& token) {
    std::string out = program.url_template;
    const size_t at = out.find(kTokenPlaceholder);
    if (at == std::string::npos) fail(SC_ERR_INTERNAL, "the url template has no {token}");
    return out.replace(at, kTokenPlaceholder.size(), token);
}

}  // namespace sc
