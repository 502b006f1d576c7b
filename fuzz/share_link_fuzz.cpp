// libFuzzer target: bytes as a share link token and as a typed short code (docs/referral.md).
// Nothing may crash, and no input may be accepted unless it is exactly a token the fixed
// key signed: the claims it decodes to, signed again, give back the same text. Built only
// with -DSOCIALCART_FUZZ=ON and clang; `./dev fuzz share_link 60` runs it for 60 seconds,
// from the committed seeds (fuzz/corpus/share_link: a token of the fixed key, valid at the
// target's fixed time, and a short code).
#include "core/error.hpp"
#include "referral/share_links.hpp"
#include "referral/short_code.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

const sc::Ed25519Signer& fixed_signer() {
    static const sc::Ed25519Signer signer = [] {
        sc::Ed25519Seed seed{};
        for (size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<uint8_t>(i + 1);
        return sc::Ed25519Signer::from_seed(seed);
    }();
    return signer;
}

[[noreturn]] void broken(const char* what, const std::string& input) {
    std::fprintf(stderr, "share link invariant broken: %s (input %zu bytes)\n", what, input.size());
    std::abort();  // libFuzzer saves the input as crash-<sha1>
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    static const sc::Ed25519Verifier verifier = sc::Ed25519Verifier::from_public_key(fixed_signer().public_key());
    const sc::VerifierLookup lookup = [](const std::string& key_id) -> const sc::Ed25519Verifier* {
        return key_id == "fuzz" ? &verifier : nullptr;
    };
    try {
        const sc::ShareClaims claims = sc::verify_share_link(text, lookup, 1'800'000'000'000, 300'000, "token");
        if (sc::sign_share_link(claims, fixed_signer()) != text) broken("accepted a token the key did not sign", text);
    } catch (const sc::Error& e) {
        if (e.code() == SC_ERR_INTERNAL) broken("internal error", text);
    }
    try {
        const std::string code = sc::canonical_short_code(text, "code");
        if (code.size() != sc::kShortCodeSymbols || sc::canonical_short_code(code, "code") != code)
            broken("a short code that is not canonical", text);
    } catch (const sc::Error& e) {
        if (e.code() != SC_ERR_LINK_MALFORMED) broken("a short code refused with another code", text);
    }
    return 0;
}
