// Share links (FEATURES §9, docs/referral.md): the referral program's settings, the keys
// that sign and verify links, making a link, and verifying a token or short code.
// Opens, attribution and rewards build on these.
#include "core/error.hpp"
#include "core/text.hpp"
#include "engine/engine.hpp"
#include "engine/referral_steps.hpp"
#include "referral/share_links.hpp"
#include "referral/short_code.hpp"
#include "store/parsed_by_text.hpp"
#include "store/referral_store.hpp"

#include <openssl/rand.h>

#include <memory>

namespace sc {

namespace {

ReferralProgram require_program(Connection& db) { return steps::require_referral_program(db); }

ShareKeyView key_view(const store::ShareKeyRow& row, const std::optional<std::string>& signing) {
    return ShareKeyView{row.key_id, steps::verifier_for(row.public_key)->public_pem(), row.seed.has_value(),
                        signing && *signing == row.key_id, row.added_at, row.retired_at};
}

ShareKeyView key_view(Connection& db, const store::ShareKeyRow& row) {
    return key_view(row, store::signing_key_id(db));
}

void require_key_id(const std::string& key_id) {
    require_id(key_id, "key_id");
    // The key id travels in every token as a length byte and its text.
    for (char c : key_id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
              c == '.'))
            fail(SC_ERR_INVALID_ARGUMENT, "may hold only letters, digits, '_', '-' and '.'", "key_id");
    if (key_id.size() > 32) fail(SC_ERR_INVALID_ARGUMENT, "must be at most 32 characters", "key_id");
}

// Adds a key that signs, or gives an existing one its private half; makes it the
// signing key. Another key under the key id is refused.
ShareKeyView add_signing_key(Tx& tx, const std::string& key_id, const Ed25519Signer& signer) {
    const Ed25519PublicKey public_key = signer.public_key();
    auto row = store::find_share_key(tx.db, key_id);
    if (row && row->public_key != public_key)
        fail(SC_ERR_INVALID_STATE, "the key id already names another key", "key_id");
    if (row && row->retired_at) fail(SC_ERR_INVALID_STATE, "the key is retired", "key_id");
    if (row && row->seed && store::signing_key_id(tx.db) == key_id) return key_view(tx.db, *row);
    if (!row) {
        row = store::ShareKeyRow{key_id, public_key, signer.seed(), tx.now, std::nullopt};
        store::insert_share_key(tx.db, *row);
    } else if (!row->seed) {
        row->seed = signer.seed();
        store::save_share_key_seed(tx.db, key_id, *row->seed);
    }
    store::save_signing_key_id(tx.db, key_id);
    tx.emit(NewEvent{"share_key.added", key_id, {{"key_id", key_id}, {"can_sign", true}, {"signing", true}}});
    return key_view(tx.db, *row);
}

}  // namespace

void Engine::put_referral_program(const ReferralProgram& program) {
    validate_referral_program(program, "");
    write([&](Tx& tx) { steps::save_referral_program(tx, program); });
}

ReferralProgram Engine::referral_program() {
    ReferralProgram out;
    read([&](Connection& db, int64_t) { out = require_program(db); });
    return out;
}

ShareKeyView Engine::generate_share_key(const std::string& key_id) {
    require_key_id(key_id);
    ShareKeyView out;
    write([&](Tx& tx) {
        if (auto row = store::find_share_key(tx.db, key_id)) {
            if (!row->seed) fail(SC_ERR_INVALID_STATE, "the key id names a key trusted for verification only", "key_id");
            if (row->retired_at) fail(SC_ERR_INVALID_STATE, "the key is retired", "key_id");
            out = key_view(tx.db, *row);  // a retried generate: the key it made
            return;
        }
        out = add_signing_key(tx, key_id, Ed25519Signer::generate());
    });
    return out;
}

ShareKeyView Engine::install_share_key(const std::string& key_id, const std::string& private_pem) {
    require_key_id(key_id);
    const Ed25519Signer signer = Ed25519Signer::from_pem(private_pem, "private_pem");
    ShareKeyView out;
    write([&](Tx& tx) { out = add_signing_key(tx, key_id, signer); });
    return out;
}

ShareKeyView Engine::trust_share_key(const std::string& key_id, const std::string& public_pem) {
    require_key_id(key_id);
    const Ed25519PublicKey key = Ed25519Verifier::from_pem(public_pem, "public_pem").public_key();
    ShareKeyView out;
    write([&](Tx& tx) {
        if (auto row = store::find_share_key(tx.db, key_id)) {
            if (row->public_key != key) fail(SC_ERR_INVALID_STATE, "the key id already names another key", "key_id");
            out = key_view(tx.db, *row);
            return;
        }
        const store::ShareKeyRow row{key_id, key, std::nullopt, tx.now, std::nullopt};
        store::insert_share_key(tx.db, row);
        tx.emit(NewEvent{"share_key.added", key_id, {{"key_id", key_id}, {"can_sign", false}, {"signing", false}}});
        out = key_view(tx.db, row);
    });
    return out;
}

ShareKeyView Engine::retire_share_key(const std::string& key_id) {
    require_key_id(key_id);
    ShareKeyView out;
    write([&](Tx& tx) {
        auto row = store::find_share_key(tx.db, key_id);
        if (!row) fail(SC_ERR_NOT_FOUND, "no share link key has this id", "key_id");
        if (!row->retired_at) {
            row->retired_at = tx.now;
            store::retire_share_key(tx.db, key_id, tx.now);
            if (store::signing_key_id(tx.db) == key_id) store::save_signing_key_id(tx.db, std::nullopt);
            tx.emit(NewEvent{"share_key.retired", key_id, {{"key_id", key_id}}});
        }
        out = key_view(tx.db, *row);
    });
    return out;
}

std::vector<ShareKeyView> Engine::share_keys() {
    std::vector<ShareKeyView> out;
    read([&](Connection& db, int64_t) {
        const auto signing = store::signing_key_id(db);  // once for the list, not once per key
        for (const auto& row : store::share_keys(db)) out.push_back(key_view(row, signing));
    });
    return out;
}

ShareLink Engine::create_share_link(const ShareLinkRequest& request, const std::string& idempotency_key) {
    require_id(request.sharer_id, "sharer_id");
    require_id(request.target_id, "target_id");
    require_share_channel(request.channel);
    require_id(idempotency_key, "idempotency_key");
    ShareClaims claims{"", request.sharer_id, request.target_kind, request.target_id, request.channel, 0, 0, {}};
    ShareLink out;
    write([&](Tx& tx) {
        const ReferralProgram program = require_program(tx.db);
        if (auto first = store::find_share_link_by_key(tx.db, request.sharer_id, idempotency_key)) {
            if (first->claims.target_kind != request.target_kind || first->claims.target_id != request.target_id ||
                first->claims.channel != request.channel)
                fail(SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency key already used for a different share link",
                     "idempotency_key");
            out = steps::link_of(program, first->token, first->code, first->claims);
            return;
        }
        const auto key_id = store::signing_key_id(tx.db);
        if (!key_id) fail(SC_ERR_INVALID_STATE, "no signing key: generate or install one first", "key_id");
        const auto key = store::find_share_key(tx.db, *key_id);
        if (!key || !key->seed) fail(SC_ERR_INTERNAL, "the signing key has no private key");
        claims.key_id = *key_id;
        claims.issued_at = tx.now;
        claims.expires_at = tx.now + program.link_lifetime_days * kDay;
        if (RAND_bytes(claims.nonce.data(), static_cast<int>(claims.nonce.size())) != 1)
            fail(SC_ERR_INTERNAL, "the system random source failed");
        const std::string token = sign_share_link(claims, Ed25519Signer::from_seed(*key->seed));
        std::string code = new_short_code();
        while (store::find_share_link(tx.db, code)) code = new_short_code();  // 2^50 codes: a clash is rare
        store::insert_share_link(tx.db, store::ShareLinkRow{code, token, claims, idempotency_key});
        tx.emit(NewEvent{"share_link.created", code,
                         {{"code", code}, {"sharer_id", claims.sharer_id},
                          {"target_kind", share_target_kind_name(claims.target_kind)},
                          {"target_id", claims.target_id}, {"channel", claims.channel}, {"key_id", claims.key_id},
                          {"expires_at", claims.expires_at}}});
        out = steps::link_of(program, token, code, claims);
    });
    return out;
}

ShareLink Engine::resolve_share_link(const std::string& token_or_code) {
    ShareLink out;
    read([&](Connection& db, int64_t now) { out = steps::verify_link(db, require_program(db), token_or_code, now); });
    return out;
}

}  // namespace sc
