#pragma once
// Base64url (RFC 4648 §5) without padding, for text that travels in URLs, headers and
// JSON. Decoding is strict so that each byte string has exactly one accepted text: a
// signed or compared token cannot be altered into another spelling of the same bytes.
#include <optional>
#include <string>
#include <string_view>

namespace sc {

// The alphabet A-Z a-z 0-9 '-' '_', no '=' padding.
std::string base64url_encode(std::string_view bytes);

// The bytes base64url_encode turns into `text`; nullopt for anything else: a character
// outside the alphabet (padding, '+', '/', white space included), a length that leaves
// one character over (length % 4 == 1), or set bits in the unused low bits of the last
// character.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace sc
