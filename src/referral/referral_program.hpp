#pragma once
// The referral program's settings for share links (the program document's "referral"
// section, docs/referral.md). Attribution and rewards join it as they are built.
#include <cstdint>
#include <string>

namespace sc {

struct ReferralProgram {
    // Where a link leads: "{token}" is replaced by the token ("https://shop.example/s/{token}").
    std::string url_template;
    int64_t link_lifetime_days = 30;   // 1 to 365
    int64_t clock_skew_seconds = 300;  // 0 to 3600: tolerance on expiry and issue times

    bool operator==(const ReferralProgram&) const = default;
};

// Error(SC_ERR_VALIDATION) naming the field under `prefix` ("referral.url_template").
void validate_referral_program(const ReferralProgram& program, const std::string& prefix);

// The template with its one "{token}" replaced by the token.
std::string share_url(const ReferralProgram& program, const std::string& token);

}  // namespace sc
