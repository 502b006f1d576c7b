/**
 * @file socialcart/referral.h
 * Share-to-earn (FEATURES §9): the referral program's settings, the Ed25519
 * keys that sign and verify share links, making a link and verifying a token
 * or short code. docs/referral.md describes the token and every rule.
 *
 * A share link's token is signed by the side that makes it and can be checked
 * by any side holding the public key, so a partner site or a mini-program host
 * trusts a link without asking the app that made it. Several keys verify at
 * once, so a signing key can be rotated while the links already shared still
 * open. Verification refuses a link with one status per reason:
 * SC_ERR_LINK_MALFORMED, SC_ERR_LINK_UNKNOWN_KEY, SC_ERR_LINK_TAMPERED,
 * SC_ERR_EXPIRED (past expiry beyond the clock-skew tolerance) and
 * SC_ERR_INVALID_STATE (issued later than now beyond the tolerance).
 *
 * Private keys stay in the database file: no call returns one, and the
 * program document never holds a key.
 *
 * Part of the socialcart C API; include <socialcart/socialcart.h>, whose
 * conventions (status and errors, ownership, threads, text and limits,
 * idempotency, money and time) hold for every function here.
 */
#ifndef SOCIALCART_REFERRAL_H
#define SOCIALCART_REFERRAL_H

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a share link points at. Values are stable: they travel in tokens. */
typedef enum sc_share_target_t {
    SC_SHARE_TARGET_SKU = 1,
    SC_SHARE_TARGET_GROUP = 2,
    SC_SHARE_TARGET_CAMPAIGN = 3,
    SC_SHARE_TARGET_STORE = 4,
    /** A bargain (socialcart/bargain.h): its invite to friends to help. */
    SC_SHARE_TARGET_BARGAIN = 5
} sc_share_target_t;

/**
 * The stable name of a target kind ("sku", "group", "campaign", "store", "bargain");
 * "unknown" otherwise.
 * @return a static string. Thread-safe.
 */
SC_API const char* sc_share_target_name(sc_share_target_t target);

/**
 * Sets the referral program: the "referral" object of the program document
 * (url_template with "{token}" once, link_lifetime_days 1-365,
 * clock_skew_seconds 0-3600), read as strictly as the document. A program
 * equal to the stored one changes nothing and appends no event.
 * @param json UTF-8 JSON text of one object.
 * @return SC_ERR_VALIDATION naming the field ("url_template"),
 *         SC_ERR_INVALID_ARGUMENT (field "engine" or "json"). Thread-safe.
 */
SC_API sc_status_t sc_engine_referral_program_put(sc_engine* engine, const char* json, sc_error** err);

/* ------------------------------------------------------------------------ */
/* Keys                                                                     */
/* ------------------------------------------------------------------------ */

/**
 * Generates a signing key under key_id from OpenSSL's random source and makes
 * it the key new links are signed with; the keys in force before still
 * verify. A repeat for a key id that already names a key this side can sign
 * with returns that key as it is (it does not become the signing key again if
 * another has been made since), so a retry is safe.
 * @param key_id 1-32 characters of A-Z a-z 0-9 _ - . (it travels in tokens).
 * @param out if not NULL, receives the key; free with sc_share_key_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "key_id"), SC_ERR_INVALID_STATE (field
 *         "key_id": the id names a key trusted for verification only, or a
 *         retired key). Thread-safe.
 */
SC_API sc_status_t sc_engine_share_key_generate(sc_engine* engine, const char* key_id, sc_share_key** out,
                                              sc_error** err);

/**
 * Installs the host's own Ed25519 private key (PKCS#8 PEM, as
 * `openssl genpkey -algorithm ed25519` writes it) under key_id and makes it the
 * signing key. The same key again is a safe retry; a key id trusted for
 * verification with this key's public half gains the private half.
 * @param out if not NULL, receives the key; free with sc_share_key_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "key_id", or "private_pem": not an
 *         Ed25519 private key), SC_ERR_INVALID_STATE (field "key_id": the id
 *         names another key, or a retired one). Thread-safe.
 */
SC_API sc_status_t sc_engine_share_key_install(sc_engine* engine, const char* key_id, const char* private_pem,
                                             sc_share_key** out, sc_error** err);

/**
 * Trusts another side's Ed25519 public key (SubjectPublicKeyInfo PEM, what
 * sc_share_key_public_pem() gives) under key_id, to verify that side's links.
 * The same key again returns the key as it is (retired or not), so a retry is
 * safe.
 * @param out if not NULL, receives the key; free with sc_share_key_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "key_id", or "public_pem": not an
 *         Ed25519 public key), SC_ERR_INVALID_STATE (field "key_id": the id
 *         names another key). Thread-safe.
 */
SC_API sc_status_t sc_engine_share_key_trust(sc_engine* engine, const char* key_id, const char* public_pem,
                                           sc_share_key** out, sc_error** err);

/**
 * Retires a key: it verifies no more, so its links are refused with
 * SC_ERR_LINK_UNKNOWN_KEY; a retired signing key leaves the engine without one
 * until another is generated or installed. Retiring a retired key returns it
 * unchanged. A key id is never reused.
 * @param out if not NULL, receives the key; free with sc_share_key_free().
 * @return SC_ERR_NOT_FOUND (field "key_id"), SC_ERR_INVALID_ARGUMENT (field
 *         "key_id"). Thread-safe.
 */
SC_API sc_status_t sc_engine_share_key_retire(sc_engine* engine, const char* key_id, sc_share_key** out,
                                            sc_error** err);

/**
 * Lists every key, retired ones included, by key id.
 * @param out receives the list; free with sc_share_keys_free().
 * @return SC_ERR_INVALID_ARGUMENT (field "engine" or "out"). Thread-safe.
 */
SC_API sc_status_t sc_engine_share_keys(sc_engine* engine, sc_share_keys** out, sc_error** err);

/*
 * Reading a key. Accessors never fail: NULL reads as 0, false or NULL. Strings
 * are borrowed from the key.
 */

/** The key's id. */
SC_API const char* sc_share_key_id(const sc_share_key* key);
/** Its public key as SubjectPublicKeyInfo PEM, for another side to trust. */
SC_API const char* sc_share_key_public_pem(const sc_share_key* key);
/** Whether this side holds the private key. */
SC_API bool sc_share_key_can_sign(const sc_share_key* key);
/** Whether new links are signed with it. */
SC_API bool sc_share_key_is_signing(const sc_share_key* key);
/** When it was added (UTC ms). */
SC_API int64_t sc_share_key_added_at_ms(const sc_share_key* key);
/** Whether it is retired (verifies no more). */
SC_API bool sc_share_key_is_retired(const sc_share_key* key);
/** When it was retired (UTC ms) if sc_share_key_is_retired(); 0 otherwise. */
SC_API int64_t sc_share_key_retired_at_ms(const sc_share_key* key);
/** Frees a key. Accepts NULL. */
SC_API void sc_share_key_free(sc_share_key* key);

/** Number of keys in the list. */
SC_API size_t sc_share_keys_count(const sc_share_keys* keys);
/**
 * The index-th key, borrowed from the list: read it with the sc_share_key_*
 * accessors, do not free it. NULL out of range.
 */
SC_API const sc_share_key* sc_share_keys_at(const sc_share_keys* keys, size_t index);
/** Frees a list and every key borrowed from it. Accepts NULL. */
SC_API void sc_share_keys_free(sc_share_keys* keys);

/* ------------------------------------------------------------------------ */
/* Links                                                                    */
/* ------------------------------------------------------------------------ */

/**
 * Makes a share link: the sharer's link to a target through a channel, signed
 * with the signing key, valid for the program's link lifetime, kept under a
 * short code. Event share_link.created.
 * @param channel 1-32 characters of a-z 0-9 _ - ("wechat", "copy_link", "qr").
 * @param idempotency_key a retry by the same sharer with the same key returns
 *        the first link; the same key for another target or channel is
 *        SC_ERR_IDEMPOTENCY_CONFLICT.
 * @param out receives the link; free with sc_share_link_free().
 * @return SC_ERR_INVALID_STATE (field "referral": no program is set; field
 *         "key_id": no signing key), SC_ERR_INVALID_ARGUMENT (field
 *         "sharer_id", "target", "target_id", "channel", "idempotency_key" or
 *         "out"), SC_ERR_INVALID_UTF8, SC_ERR_IDEMPOTENCY_CONFLICT.
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_share_link_create(sc_engine* engine, const char* sharer_id, sc_share_target_t target,
                                             const char* target_id, const char* channel,
                                             const char* idempotency_key, sc_share_link** out, sc_error** err);

/**
 * Verifies a token, or a short code as people type it (case, hyphens and
 * spaces ignored, I and L read as 1, O as 0), as of now. A text shorter than
 * the shortest token (136 characters) is read as a code. Reading changes
 * nothing.
 * @param out receives the link; free with sc_share_link_free(). Its code is
 *        "" for a token given as a token.
 * @return SC_ERR_LINK_MALFORMED, SC_ERR_LINK_UNKNOWN_KEY, SC_ERR_LINK_TAMPERED,
 *         SC_ERR_EXPIRED, SC_ERR_INVALID_STATE (issued beyond the tolerance
 *         after now; or field "referral": no program is set), each with field
 *         "token" or "code"; SC_ERR_NOT_FOUND (field "code": no link here has
 *         the code); SC_ERR_INVALID_ARGUMENT (field "token" or "out").
 *         Thread-safe.
 */
SC_API sc_status_t sc_engine_share_link_resolve(sc_engine* engine, const char* token_or_code, sc_share_link** out,
                                              sc_error** err);

/*
 * Reading a link. Accessors never fail: NULL reads as 0 or NULL. Strings are
 * borrowed from the link.
 */

/** The signed token (base64url, about 160 characters). */
SC_API const char* sc_share_link_token(const sc_share_link* link);
/** The short code in canonical form ("K7QDM2XR4P"); "" when not known here. */
SC_API const char* sc_share_link_code(const sc_share_link* link);
/** The short code as printed for people ("K7QD-M2XR4P"); "" when not known here. */
SC_API const char* sc_share_link_display_code(const sc_share_link* link);
/** The program's URL with the token. */
SC_API const char* sc_share_link_url(const sc_share_link* link);
/** The id of the key that signed it. */
SC_API const char* sc_share_link_key_id(const sc_share_link* link);
/** Who shared it. */
SC_API const char* sc_share_link_sharer_id(const sc_share_link* link);
/** What it points at; 0 (not a kind) for NULL. */
SC_API sc_share_target_t sc_share_link_target(const sc_share_link* link);
/** The target's id. */
SC_API const char* sc_share_link_target_id(const sc_share_link* link);
/** The channel it was shared through. */
SC_API const char* sc_share_link_channel(const sc_share_link* link);
/** When it was made (UTC ms). */
SC_API int64_t sc_share_link_issued_at_ms(const sc_share_link* link);
/** When it expires (UTC ms), before the clock-skew tolerance. */
SC_API int64_t sc_share_link_expires_at_ms(const sc_share_link* link);
/** Frees a link. Accepts NULL. */
SC_API void sc_share_link_free(sc_share_link* link);

#ifdef __cplusplus
}
#endif

#endif /* SOCIALCART_REFERRAL_H */
