#pragma once
// The share link token (FEATURES §9, docs/referral.md "The token"): the claims of a link,
// their byte layout, and their text form. Version 1, all integers big-endian:
//
//   version (1 byte, = 1)
//   key id, sharer id, target kind (1 byte), target id, channel: each string as a length
//     byte then its UTF-8 bytes (ids at most 128 bytes, the channel at most 32)
//   issued_at, expires_at: UTC ms, 8 bytes each, two's complement
//   nonce: 12 random bytes, so two links made in the same millisecond differ
//   signature: 64 bytes, Ed25519 over kShareSigningContext followed by every byte above
//
// The text is the base64url (no padding) of all of it. Decoding reads the shape only;
// share_keys.hpp checks the signature and the times.
#include "core/ed25519.hpp"
#include "referral/share_target.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace sc {

constexpr uint8_t kShareTokenVersion = 1;
constexpr size_t kShareNonceSize = 12;
constexpr size_t kMaxChannelLength = 32;
// Longer text is refused before it is decoded: the longest token is about 700 characters.
constexpr size_t kMaxShareTokenText = 1024;
// The shortest token (one-character ids and channel: 38 bytes of claims and 64 of signature)
// has 136 characters, so anything shorter is read as a short code.
constexpr size_t kMinShareTokenText = 136;
// Signatures cover this prefix too, so a socialcart share signature is never valid for
// another message format signed with the same key.
constexpr std::string_view kShareSigningContext{"socialcart share link\0", 22};

struct ShareClaims {
    std::string key_id;
    std::string sharer_id;
    ShareTargetKind target_kind = ShareTargetKind::sku;
    std::string target_id;
    std::string channel;
    int64_t issued_at = 0;
    int64_t expires_at = 0;
    std::array<uint8_t, kShareNonceSize> nonce{};

    bool operator==(const ShareClaims&) const = default;
};

struct ShareToken {
    ShareClaims claims;
    std::string signed_bytes;  // kShareSigningContext + the claims' bytes: what the signature covers
    Ed25519Signature signature{};
};

// 1-32 characters of a-z 0-9 _ - (Error(SC_ERR_INVALID_ARGUMENT), field "channel").
void require_share_channel(std::string_view channel);

// Checks the claims a link is made from (Error(SC_ERR_INVALID_ARGUMENT) naming the
// field): ids as every id, the channel [a-z0-9_-]{1,32}, issued_at >= 0, expires_at after it.
void validate_share_claims(const ShareClaims& claims);

// kShareSigningContext + the claims' bytes.
std::string share_signed_bytes(const ShareClaims& claims);

std::string encode_share_token(const ShareToken& token);

// Error(SC_ERR_LINK_MALFORMED, …, field) for any text that is not a token's shape: too
// long, not strict base64url, another version, a length running past the end, an id or
// channel that validate_share_claims would refuse, or bytes left over.
ShareToken decode_share_token(std::string_view text, const std::string& field);

}  // namespace sc
