#include "core/base64url.hpp"

#include <array>
#include <cstdint>

namespace sc {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr uint8_t kInvalid = 0xff;

constexpr std::array<uint8_t, 256> make_values() {
    std::array<uint8_t, 256> values{};
    for (auto& v : values) v = kInvalid;
    for (uint8_t i = 0; i < 64; ++i) values[static_cast<unsigned char>(kAlphabet[i])] = i;
    return values;
}

constexpr std::array<uint8_t, 256> kValues = make_values();

char digit(uint32_t group, int shift) { return kAlphabet[(group >> shift) & 63u]; }

}  // namespace

std::string base64url_encode(std::string_view bytes) {
    const size_t whole = bytes.size() / 3;
    const size_t rest = bytes.size() % 3;
    std::string out;
    out.reserve(whole * 4 + (rest == 0 ? 0 : rest + 1));
    const auto byte = [&bytes](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])); };
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const uint32_t group = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
        out += digit(group, 18);
        out += digit(group, 12);
        out += digit(group, 6);
        out += digit(group, 0);
    }
    if (rest == 1) {
        const uint32_t group = byte(i) << 16;
        out += digit(group, 18);
        out += digit(group, 12);
    } else if (rest == 2) {
        const uint32_t group = (byte(i) << 16) | (byte(i + 1) << 8);
        out += digit(group, 18);
        out += digit(group, 12);
        out += digit(group, 6);
    }
    return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
    const size_t rest = text.size() % 4;
    // One character carries 6 bits, less than a byte: no encoder writes it.
    if (rest == 1) return std::nullopt;
    std::string out;
    out.reserve(text.size() / 4 * 3 + (rest == 0 ? 0 : rest - 1));
    uint32_t group = 0;
    int bits = 0;
    for (const char c : text) {
        const uint8_t value = kValues[static_cast<unsigned char>(c)];
        if (value == kInvalid) return std::nullopt;
        group = (group << 6) | value;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((group >> bits) & 0xffu);
        }
    }
    // The 2 or 4 bits left over are padding an encoder writes as zero; accepting others
    // would give one byte string several texts.
    if ((group & ((1u << bits) - 1u)) != 0) return std::nullopt;
    return out;
}

}  // namespace sc
