#include "core/cursor.hpp"

#include "core/error.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>

namespace sc {

namespace {

// 128 bits of the MAC: plenty against forging, and keeps tokens short.
constexpr size_t kMacBytes = 16;
// Fields are joined by a byte that ids and numbers never contain.
constexpr char kSeparator = '\n';

std::string to_hex(const unsigned char* data, size_t size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (size_t i = 0; i < size; ++i) {
        out += kDigits[data[i] >> 4];
        out += kDigits[data[i] & 15];
    }
    return out;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

[[noreturn]] void bad_cursor() {
    fail(SC_ERR_INVALID_ARGUMENT, "the cursor is not one this query returned", "cursor");
}

std::string from_hex(const std::string& hex) {
    if (hex.size() % 2 != 0) bad_cursor();
    std::string out;
    out.reserve(hex.size() / 2);
    for (size_t i = 0; i < hex.size(); i += 2) {
        const int hi = hex_value(hex[i]);
        const int lo = hex_value(hex[i + 1]);
        if (hi < 0 || lo < 0) bad_cursor();
        out += static_cast<char>((hi << 4) | lo);
    }
    return out;
}

std::array<unsigned char, kMacBytes> mac_of(const std::string& key, const std::string& query,
                                            const std::string& payload) {
    const std::string message = query + '\0' + payload;
    std::array<unsigned char, EVP_MAX_MD_SIZE> full{};
    unsigned int length = 0;
    if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
             reinterpret_cast<const unsigned char*>(message.data()), message.size(), full.data(), &length) == nullptr ||
        length < kMacBytes)
        fail(SC_ERR_INTERNAL, "signing a cursor failed");
    std::array<unsigned char, kMacBytes> out{};
    for (size_t i = 0; i < kMacBytes; ++i) out[i] = full[i];
    return out;
}

}  // namespace

std::string seal_cursor(const std::string& key, const std::string& query, const std::vector<std::string>& fields) {
    std::string payload;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) payload += kSeparator;
        payload += fields[i];
    }
    const auto mac = mac_of(key, query, payload);
    return to_hex(reinterpret_cast<const unsigned char*>(payload.data()), payload.size()) + "." +
           to_hex(mac.data(), mac.size());
}

std::vector<std::string> open_cursor(const std::string& key, const std::string& query, const std::string& token,
                                     size_t count) {
    const size_t dot = token.find('.');
    if (dot == std::string::npos) bad_cursor();
    const std::string payload = from_hex(token.substr(0, dot));
    const std::string mac = from_hex(token.substr(dot + 1));
    const auto expected = mac_of(key, query, payload);
    if (mac.size() != expected.size() || CRYPTO_memcmp(mac.data(), expected.data(), expected.size()) != 0)
        bad_cursor();
    std::vector<std::string> fields(1);
    for (char c : payload) {
        if (c == kSeparator) {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    if (fields.size() != count) bad_cursor();
    return fields;
}

}  // namespace sc
