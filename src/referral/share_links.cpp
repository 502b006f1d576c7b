#include "referral/share_links.hpp"

#include "core/error.hpp"

namespace sc {

std::string sign_share_link(const ShareClaims& claims, const Ed25519Signer& signer) {
    validate_share_claims(claims);
    ShareToken token;
    token.claims = claims;
    token.signed_bytes = share_signed_bytes(claims);
    token.signature = signer.sign(token.signed_bytes);
    return encode_share_token(token);
}

ShareClaims verify_share_link(std::string_view text, const VerifierLookup& verifier_of, int64_t now, int64_t skew_ms,
                              const std::string& field) {
    const ShareToken token = decode_share_token(text, field);
    const Ed25519Verifier* verifier = verifier_of(token.claims.key_id);
    if (verifier == nullptr)
        fail(SC_ERR_LINK_UNKNOWN_KEY, "the share link is signed under key id \"" + token.claims.key_id + "\", which is not in force here",
             field);
    if (!verifier->verify(token.signed_bytes, token.signature.data(), token.signature.size()))
        fail(SC_ERR_LINK_TAMPERED, "the share link does not match its signature: it was altered or forged", field);
    // Both limits saturate rather than overflow: a signed expiry near INT64_MAX is valid input.
    const int64_t expiry_limit = token.claims.expires_at > INT64_MAX - skew_ms ? INT64_MAX
                                                                                : token.claims.expires_at + skew_ms;
    if (now > expiry_limit) fail(SC_ERR_EXPIRED, "the share link has expired", field);
    const int64_t issue_limit = now > INT64_MAX - skew_ms ? INT64_MAX : now + skew_ms;
    if (token.claims.issued_at > issue_limit)
        fail(SC_ERR_INVALID_STATE, "the share link was issued later than now, beyond the clock-skew tolerance", field);
    return token.claims;
}

}  // namespace sc
