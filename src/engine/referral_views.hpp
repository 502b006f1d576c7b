#pragma once
// What the share link use cases return (referral_use_cases.cpp, docs/referral.md).
#include "referral/attribution.hpp"
#include "referral/referral_reward.hpp"
#include "referral/share_token.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

// A share link key as the host may see it: never its private half.
struct ShareKeyView {
    std::string key_id;
    std::string public_pem;  // SubjectPublicKeyInfo PEM, for another host to trust
    bool can_sign = false;   // this side holds the private key
    bool signing = false;    // new links are signed with it
    int64_t added_at = 0;
    std::optional<int64_t> retired_at;  // set: it verifies no more
};

// What a new link is asked for; the engine adds the key, the times and the nonce.
struct ShareLinkRequest {
    std::string sharer_id;
    ShareTargetKind target_kind = ShareTargetKind::sku;
    std::string target_id;
    std::string channel;
};

// A link made here (code and URL known) or a token verified here (code "" when another
// side made it).
struct ShareLink {
    std::string token;
    std::string code;  // canonical short code; "" for a token made elsewhere
    std::string url;   // the program's URL for the token
    ShareClaims claims;
};

// An order credited to a sharer, the open that bound its buyer, and the rewards it made.
struct OrderAttribution {
    std::string order_id;
    std::string buyer_id;
    std::string sharer_id;
    std::string currency;
    int64_t paid = 0;  // what the goods paid, minor units: the base of commission rates
    int64_t attributed_at = 0;
    ShareOpen open;
    std::vector<ReferralReward> rewards;  // by level
};

}  // namespace sc
