#pragma once
// Signing and verifying share links (FEATURES §9, ARCHITECTURE §8). The authoritative
// side signs with its current key; any side holding the public keys verifies. Several
// verification keys are in force at once, so a key can be rotated without breaking the
// links already shared.
#include "core/ed25519.hpp"
#include "referral/share_token.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace sc {

// The verifier for a key id, or nullptr when the key id is not in force.
using VerifierLookup = std::function<const Ed25519Verifier*(const std::string& key_id)>;

// The token text of the claims, signed (claims.key_id names the signer's key).
std::string sign_share_link(const ShareClaims& claims, const Ed25519Signer& signer);

// The claims of a token this side can trust at `now`, checked in this order, each
// refusal its own code (field as given):
//   SC_ERR_LINK_MALFORMED   not a token's shape (share_token.hpp)
//   SC_ERR_LINK_UNKNOWN_KEY its key id is not in force here
//   SC_ERR_LINK_TAMPERED    the signature does not cover these bytes under that key
//   SC_ERR_EXPIRED          now is past expires_at + skew_ms
//   SC_ERR_INVALID_STATE    issued_at is after now + skew_ms (the signer's clock runs ahead)
// The signature is checked before the times, so an altered expiry reads as tampered.
ShareClaims verify_share_link(std::string_view text, const VerifierLookup& verifier_of, int64_t now, int64_t skew_ms,
                              const std::string& field);

}  // namespace sc
