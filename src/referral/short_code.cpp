#include "referral/short_code.hpp"

#include "core/error.hpp"

#include <openssl/rand.h>

#include <array>

namespace sc {

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
// Typed text is refused past this length before it is read symbol by symbol.
constexpr size_t kMaxTypedLength = 64;

}  // namespace

std::string new_short_code() {
    std::array<unsigned char, 7> bytes{};  // 56 bits, of which the code keeps 50
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        fail(SC_ERR_INTERNAL, "the system random source failed");
    uint64_t bits = 0;
    for (unsigned char b : bytes) bits = (bits << 8) | b;
    std::string out;
    for (size_t i = 0; i < kShortCodeSymbols; ++i) out += kAlphabet[(bits >> (5 * i)) & 31u];
    return out;
}

std::string canonical_short_code(std::string_view text, const std::string& field) {
    if (text.size() > kMaxTypedLength) fail(SC_ERR_LINK_MALFORMED, "not a short code: too long", field);
    std::string out;
    for (char raw : text) {
        if (raw == '-' || raw == ' ') continue;
        char c = (raw >= 'a' && raw <= 'z') ? static_cast<char>(raw - 'a' + 'A') : raw;
        if (c == 'I' || c == 'L') c = '1';
        if (c == 'O') c = '0';
        bool known = false;
        for (const char* a = kAlphabet; *a != '\0'; ++a) known = known || *a == c;
        if (!known) fail(SC_ERR_LINK_MALFORMED, "not a short code: it holds a character outside the code's alphabet",
                         field);
        out += c;
    }
    if (out.size() != kShortCodeSymbols)
        fail(SC_ERR_LINK_MALFORMED, "not a short code: it must have " + std::to_string(kShortCodeSymbols) + " symbols",
             field);
    return out;
}

std::string display_short_code(const std::string& canonical) {
    return canonical.substr(0, 4) + "-" + canonical.substr(4);
}

}  // namespace sc
