#pragma once
// Opaque, unguessable ids from OpenSSL's CSPRNG: "<prefix>_" + 26 base32 characters
// (128 random bits).
#include <string>
#include <string_view>

namespace sc {

std::string new_id(std::string_view prefix);

}  // namespace sc
