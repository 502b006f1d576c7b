#pragma once
// The short form of a share link, for QR codes and typing (FEATURES §9): ten symbols of
// Crockford's base32 (50 random bits), shown as "K7QD-M2XR4P". The code names a link the
// issuing engine stored; the link's token is still verified when the code is opened.
#include <string>
#include <string_view>

namespace sc {

constexpr size_t kShortCodeSymbols = 10;

// A new random code in its canonical form (upper case, no separator).
std::string new_short_code();

// The canonical form of a code as people type it: case ignored, '-' and spaces ignored,
// I and L read as 1 and O as 0. Error(SC_ERR_LINK_MALFORMED, …, field) for anything that
// is not ten symbols of the alphabet.
std::string canonical_short_code(std::string_view text, const std::string& field);

// "K7QDM2XR4P" → "K7QD-M2XR4P", the form to print.
std::string display_short_code(const std::string& canonical);

}  // namespace sc
