#include "referral/share_token.hpp"

#include "core/base64url.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace sc {

namespace {

bool is_channel_character(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

}  // namespace

void require_share_channel(std::string_view channel) {
    if (channel.empty() || channel.size() > kMaxChannelLength)
        fail(SC_ERR_INVALID_ARGUMENT, "must be 1 to " + std::to_string(kMaxChannelLength) + " characters", "channel");
    for (char c : channel)
        if (!is_channel_character(c))
            fail(SC_ERR_INVALID_ARGUMENT, "may hold only a-z, 0-9, '_' and '-' (\"wechat\", \"copy_link\")", "channel");
}

namespace {

void put_text(std::string& out, const std::string& text) {
    out += static_cast<char>(static_cast<uint8_t>(text.size()));  // validated: at most 128 bytes
    out += text;
}

void put_i64(std::string& out, int64_t value) {
    const auto bits = static_cast<uint64_t>(value);
    for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>(static_cast<uint8_t>(bits >> shift));
}

// Reads the token's bytes front to back; any shortfall is a malformed token.
class Reader {
public:
    Reader(std::string_view bytes, const std::string& field) : bytes_(bytes), field_(field) {}

    uint8_t byte() {
        need(1);
        return static_cast<uint8_t>(bytes_[pos_++]);
    }
    std::string text() {
        const size_t size = byte();
        need(size);
        std::string out(bytes_.substr(pos_, size));
        pos_ += size;
        return out;
    }
    int64_t i64() {
        need(8);
        uint64_t bits = 0;
        for (int i = 0; i < 8; ++i) bits = (bits << 8) | static_cast<uint8_t>(bytes_[pos_++]);
        return static_cast<int64_t>(bits);
    }
    template <size_t N>
    std::array<uint8_t, N> fixed() {
        need(N);
        std::array<uint8_t, N> out{};
        for (size_t i = 0; i < N; ++i) out[i] = static_cast<uint8_t>(bytes_[pos_++]);
        return out;
    }
    size_t position() const noexcept { return pos_; }
    size_t left() const noexcept { return bytes_.size() - pos_; }
    [[noreturn]] void malformed(const std::string& why) const {
        fail(SC_ERR_LINK_MALFORMED, "not a share link token: " + why, field_);
    }

private:
    void need(size_t n) const {
        if (left() < n) malformed("it ends too soon");
    }
    std::string_view bytes_;
    const std::string& field_;
    size_t pos_ = 0;
};

}  // namespace

void validate_share_claims(const ShareClaims& claims) {
    require_id(claims.key_id, "key_id");
    require_id(claims.sharer_id, "sharer_id");
    require_id(claims.target_id, "target_id");
    require_share_channel(claims.channel);
    if (claims.issued_at < 0) fail(SC_ERR_INVALID_ARGUMENT, "must not be negative", "issued_at");
    if (claims.expires_at <= claims.issued_at)
        fail(SC_ERR_INVALID_ARGUMENT, "must be after issued_at", "expires_at");
}

std::string share_signed_bytes(const ShareClaims& claims) {
    std::string out(kShareSigningContext);
    out += static_cast<char>(kShareTokenVersion);
    put_text(out, claims.key_id);
    put_text(out, claims.sharer_id);
    out += static_cast<char>(static_cast<uint8_t>(claims.target_kind));
    put_text(out, claims.target_id);
    put_text(out, claims.channel);
    put_i64(out, claims.issued_at);
    put_i64(out, claims.expires_at);
    out.append(reinterpret_cast<const char*>(claims.nonce.data()), claims.nonce.size());
    return out;
}

std::string encode_share_token(const ShareToken& token) {
    std::string bytes = token.signed_bytes.substr(kShareSigningContext.size());
    bytes.append(reinterpret_cast<const char*>(token.signature.data()), token.signature.size());
    return base64url_encode(bytes);
}

ShareToken decode_share_token(std::string_view text, const std::string& field) {
    if (text.size() > kMaxShareTokenText)
        fail(SC_ERR_LINK_MALFORMED, "not a share link token: longer than " + std::to_string(kMaxShareTokenText) +
                                        " characters", field);
    const std::optional<std::string> bytes = base64url_decode(text);
    if (!bytes) fail(SC_ERR_LINK_MALFORMED, "not a share link token: not base64url", field);
    Reader in(*bytes, field);
    if (in.byte() != kShareTokenVersion) in.malformed("an unknown format version");
    ShareToken token;
    ShareClaims& c = token.claims;
    c.key_id = in.text();
    c.sharer_id = in.text();
    const auto kind = share_target_kind_from_byte(in.byte());
    if (!kind) in.malformed("an unknown target kind");
    c.target_kind = *kind;
    c.target_id = in.text();
    c.channel = in.text();
    c.issued_at = in.i64();
    c.expires_at = in.i64();
    c.nonce = in.fixed<kShareNonceSize>();
    const size_t signed_end = in.position();
    token.signature = in.fixed<64>();
    if (in.left() != 0) in.malformed("bytes follow the signature");
    try {
        validate_share_claims(c);
    } catch (const Error& e) {
        in.malformed(e.field() + " " + e.what());
    }
    token.signed_bytes = std::string(kShareSigningContext) + bytes->substr(0, signed_end);
    return token;
}

}  // namespace sc
