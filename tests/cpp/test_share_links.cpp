// Share links (docs/referral.md): the token's layout and its refusals, each with its own
// code; signing and verifying across key rotation; short codes; and the engine's keys,
// links, idempotency and program. The seeded mutation test is the suite's slice of the
// fuzz target (fuzz/share_link_fuzz.cpp): no mutated token is accepted.
#include "core/base64url.hpp"
#include "engine/engine.hpp"
#include "referral/referral_program.hpp"
#include "referral/share_links.hpp"
#include "referral/short_code.hpp"
#include "support.hpp"

#include <map>
#include <random>

using namespace sc;
using namespace sc::test;

namespace {

ReferralProgram links_program(std::string url_template, int64_t lifetime_days, int64_t skew_seconds) {
    ReferralProgram p;
    p.url_template = std::move(url_template);
    p.link_lifetime_days = lifetime_days;
    p.clock_skew_seconds = skew_seconds;
    return p;
}

ShareClaims claims_for(const std::string& key_id) {
    ShareClaims c;
    c.key_id = key_id;
    c.sharer_id = "alice";
    c.target_kind = ShareTargetKind::sku;
    c.target_id = "tea-128";
    c.channel = "wechat";
    c.issued_at = 1'795'428'000'000;
    c.expires_at = c.issued_at + 30 * kDay;
    for (size_t i = 0; i < c.nonce.size(); ++i) c.nonce[i] = static_cast<uint8_t>(i * 17 + 3);
    return c;
}

// The verifiers in force on one side, by key id.
struct Side {
    std::map<std::string, Ed25519Verifier> keys;
    VerifierLookup lookup() const {
        return [this](const std::string& id) -> const Ed25519Verifier* {
            auto it = keys.find(id);
            return it == keys.end() ? nullptr : &it->second;
        };
    }
};

const int64_t kSkew = 300'000;

}  // namespace

TEST_CASE("a share token carries its claims and is refused, each way with its own code, once altered") {
    const Ed25519Signer k1 = Ed25519Signer::generate();
    Side side;
    side.keys.emplace("k1", Ed25519Verifier::from_public_key(k1.public_key()));
    const ShareClaims claims = claims_for("k1");
    const std::string token = sign_share_link(claims, k1);
    // 1 + (1+2) + (1+5) + 1 + (1+7) + (1+6) + 8 + 8 + 12 bytes of claims, 64 of signature.
    CHECK(token.size() == 158);  // 118 bytes in base64url without padding
    // The shortest token, which the engine's code-or-token rule relies on.
    ShareClaims tiny = claims;
    tiny.key_id = "k";
    tiny.sharer_id = "a";
    tiny.target_id = "t";
    tiny.channel = "q";
    CHECK(sign_share_link(tiny, k1).size() == kMinShareTokenText);
    const int64_t now = claims.issued_at + kDay;
    CHECK(verify_share_link(token, side.lookup(), now, kSkew, "token") == claims);

    SUBCASE("tampered: a claim changed and re-encoded keeps the signature of the old claims") {
        ShareToken t = decode_share_token(token, "token");
        t.claims.sharer_id = "mallory";
        t.signed_bytes = share_signed_bytes(t.claims);
        CHECK_SC_ERROR_FIELD(verify_share_link(encode_share_token(t), side.lookup(), now, kSkew, "token"),
                             SC_ERR_LINK_TAMPERED, "token");
        // A later expiry is tampering too: the signature is checked before the times.
        t = decode_share_token(token, "token");
        t.claims.expires_at += 365 * kDay;
        t.signed_bytes = share_signed_bytes(t.claims);
        CHECK_SC_ERROR(verify_share_link(encode_share_token(t), side.lookup(), claims.expires_at + kDay, kSkew, "t"),
                       SC_ERR_LINK_TAMPERED);
    }
    SUBCASE("tampered: signed by another key under the same key id") {
        const std::string forged = sign_share_link(claims, Ed25519Signer::generate());
        CHECK_SC_ERROR(verify_share_link(forged, side.lookup(), now, kSkew, "token"), SC_ERR_LINK_TAMPERED);
    }
    SUBCASE("unknown key: a key id this side does not hold") {
        const Ed25519Signer k9 = Ed25519Signer::generate();
        CHECK_SC_ERROR(verify_share_link(sign_share_link(claims_for("k9"), k9), side.lookup(), now, kSkew, "token"),
                       SC_ERR_LINK_UNKNOWN_KEY);
    }
    SUBCASE("expired: accepted up to the skew past expiry, refused a millisecond later") {
        CHECK(verify_share_link(token, side.lookup(), claims.expires_at + kSkew, kSkew, "token") == claims);
        CHECK_SC_ERROR(verify_share_link(token, side.lookup(), claims.expires_at + kSkew + 1, kSkew, "token"),
                       SC_ERR_EXPIRED);
    }
    SUBCASE("issued in the future beyond the skew: the signer's clock runs ahead") {
        CHECK(verify_share_link(token, side.lookup(), claims.issued_at - kSkew, kSkew, "token") == claims);
        CHECK_SC_ERROR(verify_share_link(token, side.lookup(), claims.issued_at - kSkew - 1, kSkew, "token"),
                       SC_ERR_INVALID_STATE);
    }
    SUBCASE("malformed: not base64url, cut short, bytes added, another version") {
        for (const std::string& bad : {std::string(""), std::string("abc"), token + "A", token.substr(0, 100),
                                       token + "AAAA", std::string(2000, 'A'), "!" + token.substr(1),
                                       token.substr(0, token.size() - 1) + "="}) {
            CAPTURE(bad);
            CHECK_SC_ERROR_FIELD(verify_share_link(bad, side.lookup(), now, kSkew, "token"), SC_ERR_LINK_MALFORMED,
                                 "token");
        }
        std::string bytes = *base64url_decode(token);
        bytes[0] = 2;
        CHECK_SC_ERROR(verify_share_link(base64url_encode(bytes), side.lookup(), now, kSkew, "token"),
                       SC_ERR_LINK_MALFORMED);
    }
}

TEST_CASE("claims a link cannot be made from are refused before signing") {
    const Ed25519Signer k1 = Ed25519Signer::generate();
    ShareClaims c = claims_for("k1");
    c.channel = "WeChat";
    CHECK_SC_ERROR_FIELD(sign_share_link(c, k1), SC_ERR_INVALID_ARGUMENT, "channel");
    c = claims_for("k1");
    c.expires_at = c.issued_at;
    CHECK_SC_ERROR_FIELD(sign_share_link(c, k1), SC_ERR_INVALID_ARGUMENT, "expires_at");
    c = claims_for("k1");
    c.sharer_id = std::string(129, 'a');
    CHECK_SC_ERROR_FIELD(sign_share_link(c, k1), SC_ERR_INVALID_ARGUMENT, "sharer_id");
}

TEST_CASE("seeded mutations of a valid token are never accepted and never crash the parser") {
    const uint64_t seed = 20261202;
    INFO("replay with seed " << seed);
    std::mt19937_64 random(seed);
    const Ed25519Signer k1 = Ed25519Signer::generate();
    Side side;
    side.keys.emplace("k1", Ed25519Verifier::from_public_key(k1.public_key()));
    const std::string token = sign_share_link(claims_for("k1"), k1);
    const int64_t now = claims_for("k1").issued_at + kDay;
    static constexpr char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .%";
    std::map<sc_status_t, int> refusals;
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string t = token;
        const int edits = 1 + static_cast<int>(random() % 4);
        for (int e = 0; e < edits; ++e) {
            const size_t at = t.empty() ? 0 : static_cast<size_t>(random() % t.size());
            switch (random() % 6) {
                case 0: if (!t.empty()) t[at] = static_cast<char>(t[at] ^ (1 << (random() % 8))); break;
                case 1: if (!t.empty()) t.erase(at, 1); break;
                case 2: t.insert(at, 1, kChars[random() % (sizeof kChars - 1)]); break;
                case 3: if (!t.empty()) t[at] = kChars[random() % (sizeof kChars - 1)]; break;
                case 4: t.resize(static_cast<size_t>(random() % (t.size() + 1))); break;
                default: t += t.substr(at, random() % 16); break;
            }
        }
        try {
            verify_share_link(t, side.lookup(), now, kSkew, "token");
            ++accepted;
            CHECK(t == token);  // strict base64url: only the token's own text decodes to its bytes
        } catch (const Error& e) {
            ++refusals[e.code()];
            const bool expected = e.code() == SC_ERR_LINK_MALFORMED || e.code() == SC_ERR_LINK_UNKNOWN_KEY ||
                                  e.code() == SC_ERR_LINK_TAMPERED || e.code() == SC_ERR_EXPIRED ||
                                  e.code() == SC_ERR_INVALID_STATE;
            CHECK_MESSAGE(expected, "round " << round << ": " << e.what());
        }
    }
    // The mutations reach past the decoder into the signature check, not only the shape.
    CHECK(refusals[SC_ERR_LINK_MALFORMED] > 1000);
    CHECK(refusals[SC_ERR_LINK_TAMPERED] > 1000);
    MESSAGE("accepted " << accepted << ", malformed " << refusals[SC_ERR_LINK_MALFORMED] << ", tampered "
                        << refusals[SC_ERR_LINK_TAMPERED] << ", unknown key " << refusals[SC_ERR_LINK_UNKNOWN_KEY]);
}

TEST_CASE("short codes: ten symbols of Crockford's base32, read as people type them") {
    const std::string code = new_short_code();
    CHECK(code.size() == 10);
    CHECK(canonical_short_code(code, "code") == code);
    CHECK(new_short_code() != code);
    CHECK(display_short_code("K7QDM2XR4P") == "K7QD-M2XR4P");
    CHECK(canonical_short_code("k7qd-m2xr4p", "code") == "K7QDM2XR4P");
    CHECK(canonical_short_code("K7QD M2XR4P", "code") == "K7QDM2XR4P");
    CHECK(canonical_short_code("IL0O-000000", "code") == "1100000000");
    for (const char* bad : {"", "K7QD-M2XR4", "K7QD-M2XR4PP", "K7QD-M2XR4U", "K7QD_M2XR4P", "K7QDM2XR4P\n"}) {
        CAPTURE(bad);
        CHECK_SC_ERROR_FIELD(canonical_short_code(bad, "code"), SC_ERR_LINK_MALFORMED, "code");
    }
    CHECK_SC_ERROR(canonical_short_code(std::string(100, '-'), "code"), SC_ERR_LINK_MALFORMED);
}

TEST_CASE("the referral program's URL template holds {token} once") {
    ReferralProgram p = links_program("https://shop.example/s/{token}", 30, 300);
    validate_referral_program(p, "referral.");
    CHECK(share_url(p, "abc") == "https://shop.example/s/abc");
    p.url_template = "https://shop.example/s/";
    CHECK_SC_ERROR_FIELD(validate_referral_program(p, "referral."), SC_ERR_VALIDATION, "referral.url_template");
    p.url_template = "https://x/{token}/{token}";
    CHECK_SC_ERROR(validate_referral_program(p, ""), SC_ERR_VALIDATION);
    p = links_program("pages/share?t={token}", 0, 300);
    CHECK_SC_ERROR_FIELD(validate_referral_program(p, ""), SC_ERR_VALIDATION, "link_lifetime_days");
    p = links_program("pages/share?t={token}", 7, 3601);
    CHECK_SC_ERROR_FIELD(validate_referral_program(p, ""), SC_ERR_VALIDATION, "clock_skew_seconds");
}

namespace {

ShareLinkRequest tea_on_wechat() { return ShareLinkRequest{"alice", ShareTargetKind::sku, "tea-128", "wechat"}; }

size_t event_count(Engine& engine, const std::string& type) { return engine.events_of_type(type, 0, 1000).size(); }

}  // namespace

TEST_CASE("the engine makes, finds and verifies share links under the program and its signing key") {
    TempDb db;
    ManualClock clock;
    Engine engine(config_for(db, clock));
    CHECK_SC_ERROR_FIELD(engine.create_share_link(tea_on_wechat(), "s1"), SC_ERR_INVALID_STATE, "referral");
    engine.put_referral_program(links_program("https://shop.example/s/{token}", 7, 60));
    CHECK_SC_ERROR_FIELD(engine.create_share_link(tea_on_wechat(), "s1"), SC_ERR_INVALID_STATE, "key_id");

    const ShareKeyView k1 = engine.generate_share_key("k1");
    CHECK(k1.can_sign);
    CHECK(k1.signing);
    CHECK(k1.public_pem.rfind("-----BEGIN PUBLIC KEY-----", 0) == 0);
    CHECK(engine.generate_share_key("k1").public_pem == k1.public_pem);  // a retry: the same key
    CHECK(event_count(engine, "share_key.added") == 1);

    const ShareLink link = engine.create_share_link(tea_on_wechat(), "s1");
    CHECK(link.url == "https://shop.example/s/" + link.token);
    CHECK(link.code.size() == 10);
    CHECK(link.claims.key_id == "k1");
    CHECK(link.claims.expires_at == link.claims.issued_at + 7 * kDay);
    CHECK(event_count(engine, "share_link.created") == 1);

    SUBCASE("a retried create returns the first link; another request under the key is a conflict") {
        clock.advance_ms(5000);
        const ShareLink again = engine.create_share_link(tea_on_wechat(), "s1");
        CHECK(again.token == link.token);
        CHECK(again.code == link.code);
        CHECK(event_count(engine, "share_link.created") == 1);
        ShareLinkRequest other = tea_on_wechat();
        other.channel = "qr";
        CHECK_SC_ERROR_FIELD(engine.create_share_link(other, "s1"), SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key");
        CHECK(engine.create_share_link(other, "s2").token != link.token);
    }
    SUBCASE("a token or its short code, as typed, resolves to the link's claims") {
        const ShareLink by_token = engine.resolve_share_link(link.token);
        CHECK(by_token.claims == link.claims);
        CHECK(by_token.code.empty());
        std::string typed = display_short_code(link.code);
        for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const ShareLink by_code = engine.resolve_share_link(typed);
        CHECK(by_code.token == link.token);
        CHECK(by_code.code == link.code);
        // Typed with extra separators: still a code, not a (short) token.
        std::string spaced = link.code.substr(0, 4) + "  -  " + link.code.substr(4, 3) + "  -  " + link.code.substr(7);
        CHECK(spaced.size() > 16);
        CHECK(engine.resolve_share_link(spaced).token == link.token);
        CHECK_SC_ERROR_FIELD(engine.resolve_share_link("0000-000000"), SC_ERR_NOT_FOUND, "code");
        CHECK_SC_ERROR_FIELD(engine.resolve_share_link("not a code"), SC_ERR_LINK_MALFORMED, "code");
    }
    SUBCASE("expiry with the program's skew") {
        clock.advance_ms(7 * kDay + 60'000);
        CHECK(engine.resolve_share_link(link.token).claims == link.claims);
        clock.advance_ms(1);
        CHECK_SC_ERROR_FIELD(engine.resolve_share_link(link.token), SC_ERR_EXPIRED, "token");
        CHECK_SC_ERROR_FIELD(engine.resolve_share_link(link.code), SC_ERR_EXPIRED, "code");
    }
    SUBCASE("rotation: links of the old key verify while it is in force, new links use the new key") {
        const ShareKeyView k2 = engine.generate_share_key("k2");
        CHECK(k2.signing);
        const ShareLink newer = engine.create_share_link(tea_on_wechat(), "s3");
        CHECK(newer.claims.key_id == "k2");
        CHECK(engine.resolve_share_link(link.token).claims.key_id == "k1");
        const ShareKeyView retired = engine.retire_share_key("k1");
        CHECK(retired.retired_at == clock.now->load());
        CHECK_SC_ERROR_FIELD(engine.resolve_share_link(link.token), SC_ERR_LINK_UNKNOWN_KEY, "token");
        CHECK(engine.resolve_share_link(newer.token).claims.key_id == "k2");
        CHECK_SC_ERROR_FIELD(engine.generate_share_key("k1"), SC_ERR_INVALID_STATE, "key_id");
        engine.retire_share_key("k2");
        CHECK_SC_ERROR_FIELD(engine.create_share_link(tea_on_wechat(), "s4"), SC_ERR_INVALID_STATE, "key_id");
        CHECK_SC_ERROR_FIELD(engine.retire_share_key("k7"), SC_ERR_NOT_FOUND, "key_id");
    }
    SUBCASE("another side trusts the public key: it verifies these links and cannot make its own") {
        TempDb db2;
        Engine partner(config_for(db2, clock));
        partner.put_referral_program(links_program("https://partner.example/r?t={token}", 7, 60));
        CHECK_SC_ERROR(partner.resolve_share_link(link.token), SC_ERR_LINK_UNKNOWN_KEY);
        const ShareKeyView trusted = partner.trust_share_key("k1", k1.public_pem);
        CHECK_FALSE(trusted.can_sign);
        CHECK_FALSE(trusted.signing);
        const ShareLink seen = partner.resolve_share_link(link.token);
        CHECK(seen.claims == link.claims);
        CHECK(seen.url == "https://partner.example/r?t=" + link.token);
        CHECK_SC_ERROR_FIELD(partner.create_share_link(tea_on_wechat(), "p1"), SC_ERR_INVALID_STATE, "key_id");
        CHECK_SC_ERROR_FIELD(partner.trust_share_key("k1", engine.generate_share_key("k2").public_pem),
                             SC_ERR_INVALID_STATE, "key_id");
        CHECK_SC_ERROR_FIELD(partner.generate_share_key("k1"), SC_ERR_INVALID_STATE, "key_id");
    }
    SUBCASE("the program export carries the referral section and never a private key") {
        const std::string exported = engine.export_program();
        CHECK(exported.find("\"url_template\": \"https://shop.example/s/{token}\"") != std::string::npos);
        CHECK(exported.find("PRIVATE") == std::string::npos);
        CHECK(exported.find("k1") == std::string::npos);
    }
}

TEST_CASE("an installed private key signs; bad keys and ids are refused and change nothing") {
    TempDb db;
    ManualClock clock;
    Engine engine(config_for(db, clock));
    engine.put_referral_program(links_program("https://shop.example/s/{token}", 30, 300));
    const Ed25519Signer mine = Ed25519Signer::generate();
    const ShareKeyView k = engine.install_share_key("host-2026", mine.private_pem());
    CHECK(k.signing);
    CHECK(k.public_pem == mine.public_pem());
    CHECK(engine.install_share_key("host-2026", mine.private_pem()).signing);  // a retry
    const ShareLink link = engine.create_share_link(tea_on_wechat(), "s1");
    Side side;
    side.keys.emplace("host-2026", Ed25519Verifier::from_public_key(mine.public_key()));
    CHECK(verify_share_link(link.token, side.lookup(), clock.now->load(), 0, "token") == link.claims);

    const int64_t seq = engine.latest_event_seq();
    CHECK_SC_ERROR_FIELD(engine.install_share_key("host-2026", Ed25519Signer::generate().private_pem()),
                         SC_ERR_INVALID_STATE, "key_id");
    CHECK_SC_ERROR_FIELD(engine.install_share_key("k2", mine.public_pem()), SC_ERR_INVALID_ARGUMENT, "private_pem");
    CHECK_SC_ERROR_FIELD(engine.install_share_key("k2", "not a key"), SC_ERR_INVALID_ARGUMENT, "private_pem");
    CHECK_SC_ERROR_FIELD(engine.trust_share_key("k2", mine.private_pem()), SC_ERR_INVALID_ARGUMENT, "public_pem");
    CHECK_SC_ERROR_FIELD(engine.generate_share_key("key id"), SC_ERR_INVALID_ARGUMENT, "key_id");
    CHECK_SC_ERROR_FIELD(engine.generate_share_key(std::string(33, 'k')), SC_ERR_INVALID_ARGUMENT, "key_id");
    CHECK_SC_ERROR_FIELD(engine.create_share_link(ShareLinkRequest{"alice", ShareTargetKind::sku, "tea", "We Chat"}, "s9"),
                         SC_ERR_INVALID_ARGUMENT, "channel");
    CHECK_SC_ERROR_FIELD(engine.create_share_link(ShareLinkRequest{"", ShareTargetKind::sku, "tea", "qr"}, "s9"),
                         SC_ERR_INVALID_ARGUMENT, "sharer_id");
    CHECK(engine.latest_event_seq() == seq);
    CHECK(engine.share_keys().size() == 1);
}
