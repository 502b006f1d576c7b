// Share links: keys, making a link, verifying a token or short code. The referral program
// is put with the other program entries (rules.cpp).
#include "capi/handles.hpp"
#include "referral/short_code.hpp"

// A list lends its keys (sc_share_keys_at) without handing them out, so only keys the
// host owns are counted as live objects.
struct sc_share_key {
    sc_share_key() = default;
    explicit sc_share_key(sc::ShareKeyView k) : key(std::move(k)) {}
    sc_share_key(const sc_share_key&) = default;
    sc_share_key& operator=(const sc_share_key&) = default;
    virtual ~sc_share_key() = default;
    sc::ShareKeyView key;
};

namespace sc::capi {
struct OwnedShareKey final : sc_share_key, Counted {};
}  // namespace sc::capi

struct sc_share_keys : sc::capi::Counted {
    std::vector<sc_share_key> items;
};

struct sc_share_link : sc::capi::Counted {
    sc::ShareLink link;
    std::string display_code;  // "" when the code is not known here
};

using namespace sc::capi;

namespace {

void give_key(sc::ShareKeyView key, sc_share_key** out) {
    if (out == nullptr) return;
    auto* handle = new OwnedShareKey;
    handle->key = std::move(key);
    *out = handle;
}

const sc::ShareKeyView* of(const sc_share_key* key) noexcept { return key ? &key->key : nullptr; }

// By reference: a C caller may pass any int, and loading it as the enum would be undefined.
sc::ShareTargetKind target_arg(const sc_share_target_t& target) {
    const auto bits = static_cast<int64_t>(enum_bits(target));
    const auto kind = bits >= 1 && bits <= 0xff ? sc::share_target_kind_from_byte(static_cast<uint8_t>(bits))
                                                : std::nullopt;
    if (!kind) sc::fail(SC_ERR_INVALID_ARGUMENT, "is not an sc_share_target_t", "target");
    return *kind;
}

void give_link(sc::ShareLink link, sc_share_link** out) {
    auto handle = std::make_unique<sc_share_link>();
    handle->display_code = link.code.empty() ? "" : sc::display_short_code(link.code);
    handle->link = std::move(link);
    *out = handle.release();
}

const sc::ShareClaims* claims(const sc_share_link* link) noexcept { return link ? &link->link.claims : nullptr; }

}  // namespace

extern "C" {

const char* sc_share_target_name(sc_share_target_t target) {
    switch (enum_bits(target)) {
        case SC_SHARE_TARGET_SKU: return "sku";
        case SC_SHARE_TARGET_GROUP: return "group";
        case SC_SHARE_TARGET_CAMPAIGN: return "campaign";
        case SC_SHARE_TARGET_STORE: return "store";
        case SC_SHARE_TARGET_BARGAIN: return "bargain";
        default: return "unknown";
    }
}

sc_status_t sc_engine_share_key_generate(sc_engine* engine, const char* key_id, sc_share_key** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        give_key(engine->engine->generate_share_key(text_arg(key_id, "key_id")), out);
    });
}

sc_status_t sc_engine_share_key_install(sc_engine* engine, const char* key_id, const char* private_pem,
                                      sc_share_key** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(key_id, "key_id");
        give_key(engine->engine->install_share_key(id, text_arg(private_pem, "private_pem")), out);
    });
}

sc_status_t sc_engine_share_key_trust(sc_engine* engine, const char* key_id, const char* public_pem,
                                    sc_share_key** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string id = text_arg(key_id, "key_id");
        give_key(engine->engine->trust_share_key(id, text_arg(public_pem, "public_pem")), out);
    });
}

sc_status_t sc_engine_share_key_retire(sc_engine* engine, const char* key_id, sc_share_key** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        give_key(engine->engine->retire_share_key(text_arg(key_id, "key_id")), out);
    });
}

sc_status_t sc_engine_share_keys(sc_engine* engine, sc_share_keys** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        require_arg(out, "out");
        auto list = std::make_unique<sc_share_keys>();
        for (auto& k : engine->engine->share_keys()) list->items.emplace_back(std::move(k));
        *out = list.release();
    });
}

const char* sc_share_key_id(const sc_share_key* k) { return of(k) ? of(k)->key_id.c_str() : nullptr; }
const char* sc_share_key_public_pem(const sc_share_key* k) { return of(k) ? of(k)->public_pem.c_str() : nullptr; }
bool sc_share_key_can_sign(const sc_share_key* k) { return of(k) && of(k)->can_sign; }
bool sc_share_key_is_signing(const sc_share_key* k) { return of(k) && of(k)->signing; }
int64_t sc_share_key_added_at_ms(const sc_share_key* k) { return of(k) ? of(k)->added_at : 0; }
bool sc_share_key_is_retired(const sc_share_key* k) { return of(k) && of(k)->retired_at.has_value(); }
int64_t sc_share_key_retired_at_ms(const sc_share_key* k) { return of(k) ? of(k)->retired_at.value_or(0) : 0; }
void sc_share_key_free(sc_share_key* k) { delete k; }

size_t sc_share_keys_count(const sc_share_keys* keys) { return keys ? keys->items.size() : 0; }
const sc_share_key* sc_share_keys_at(const sc_share_keys* keys, size_t index) {
    return element(keys ? &keys->items : nullptr, index);
}
void sc_share_keys_free(sc_share_keys* keys) { delete keys; }

sc_status_t sc_engine_share_link_create(sc_engine* engine, const char* sharer_id, sc_share_target_t target,
                                      const char* target_id, const char* channel, const char* idempotency_key,
                                      sc_share_link** out, sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        sc::ShareLinkRequest request;
        request.sharer_id = text_arg(sharer_id, "sharer_id");
        request.target_kind = target_arg(target);
        request.target_id = text_arg(target_id, "target_id");
        request.channel = text_arg(channel, "channel");
        const std::string key = text_arg(idempotency_key, "idempotency_key");
        require_arg(out, "out");
        give_link(engine->engine->create_share_link(request, key), out);
    });
}

sc_status_t sc_engine_share_link_resolve(sc_engine* engine, const char* token_or_code, sc_share_link** out,
                                       sc_error** err) {
    return guard(err, [&] {
        require_arg(engine, "engine");
        const std::string text = text_arg(token_or_code, "token");
        require_arg(out, "out");
        give_link(engine->engine->resolve_share_link(text), out);
    });
}

const char* sc_share_link_token(const sc_share_link* l) { return l ? l->link.token.c_str() : nullptr; }
const char* sc_share_link_code(const sc_share_link* l) { return l ? l->link.code.c_str() : nullptr; }
const char* sc_share_link_display_code(const sc_share_link* l) { return l ? l->display_code.c_str() : nullptr; }
const char* sc_share_link_url(const sc_share_link* l) { return l ? l->link.url.c_str() : nullptr; }
const char* sc_share_link_key_id(const sc_share_link* l) { return claims(l) ? claims(l)->key_id.c_str() : nullptr; }
const char* sc_share_link_sharer_id(const sc_share_link* l) {
    return claims(l) ? claims(l)->sharer_id.c_str() : nullptr;
}
sc_share_target_t sc_share_link_target(const sc_share_link* l) {
    return claims(l) ? static_cast<sc_share_target_t>(claims(l)->target_kind) : static_cast<sc_share_target_t>(0);
}
const char* sc_share_link_target_id(const sc_share_link* l) {
    return claims(l) ? claims(l)->target_id.c_str() : nullptr;
}
const char* sc_share_link_channel(const sc_share_link* l) { return claims(l) ? claims(l)->channel.c_str() : nullptr; }
int64_t sc_share_link_issued_at_ms(const sc_share_link* l) { return claims(l) ? claims(l)->issued_at : 0; }
int64_t sc_share_link_expires_at_ms(const sc_share_link* l) { return claims(l) ? claims(l)->expires_at : 0; }
void sc_share_link_free(sc_share_link* l) { delete l; }

}  // extern "C"
