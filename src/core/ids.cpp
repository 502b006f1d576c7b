#include "core/ids.hpp"

#include "core/error.hpp"

#include <openssl/rand.h>

#include <array>

namespace sc {

std::string new_id(std::string_view prefix) {
    std::array<unsigned char, 16> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        fail(SC_ERR_INTERNAL, "the system random source failed");
    // Crockford's base32: no I, L, O, U, so ids survive being read aloud or retyped.
    static constexpr char kAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
    std::string out(prefix);
    out += '_';
    unsigned buffer = 0;
    int bits = 0;
    for (unsigned char b : bytes) {
        buffer = (buffer << 8) | b;
        bits += 8;
        while (bits >= 5) {
            out += kAlphabet[(buffer >> (bits - 5)) & 31u];
            bits -= 5;
        }
    }
    if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31u];
    return out;
}

}  // namespace sc
