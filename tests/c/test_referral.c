/*
 * Share links through the C ABI (docs/referral.md): the referral program, a
 * generated signing key, a link made and retried, resolved by its token and
 * by its short code as typed, expiry with the clock-skew tolerance, each way a
 * token is refused, rotation and retirement, and another side that trusts the
 * public key. The installed key is RFC 8032's TEST 1 key, so its public PEM is
 * known. Every bad call is checked to change nothing.
 */
#include <stdio.h>
#include <string.h>

#include "fixture.h"

#define DAY_MS INT64_C(86400000)

static const char* const PROGRAM =
    "{\"url_template\":\"https://shop.example/s/{token}\",\"link_lifetime_days\":7,\"clock_skew_seconds\":60}";

/* RFC 8032 §7.1 TEST 1: the secret key as PKCS#8, the public key as SubjectPublicKeyInfo. */
static const char* const TEST1_PRIVATE_PEM =
    "-----BEGIN PRIVATE KEY-----\n"
    "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
    "-----END PRIVATE KEY-----\n";
static const char* const TEST1_PUBLIC_PEM =
    "-----BEGIN PUBLIC KEY-----\n"
    "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
    "-----END PUBLIC KEY-----\n";

static sc_share_link* make_link(fixture* fx, const char* sharer, const char* channel, const char* key) {
    sc_share_link* link = NULL;
    CHECK_OK(sc_engine_share_link_create(fx->engine, sharer, SC_SHARE_TARGET_SKU, "tea-128", channel, key, &link,
                                         &E));
    return link;
}

/* The token with the character at `from_end` places before its end replaced. */
static void altered(const char* token, size_t from_end, char* out, size_t size) {
    size_t n = strlen(token);
    snprintf(out, size, "%s", token);
    if (n >= from_end && n < size) out[n - from_end] = out[n - from_end] == 'A' ? 'B' : 'A';
}

void test_referral_accessors_null(void) {
    CHECK(sc_share_key_id(NULL) == NULL);
    CHECK(sc_share_key_public_pem(NULL) == NULL);
    CHECK(!sc_share_key_can_sign(NULL));
    CHECK(!sc_share_key_is_signing(NULL));
    CHECK_EQ(sc_share_key_added_at_ms(NULL), 0);
    CHECK(!sc_share_key_is_retired(NULL));
    CHECK_EQ(sc_share_key_retired_at_ms(NULL), 0);
    CHECK_EQ(sc_share_keys_count(NULL), 0);
    CHECK(sc_share_keys_at(NULL, 0) == NULL);
    CHECK(sc_share_link_token(NULL) == NULL);
    CHECK(sc_share_link_code(NULL) == NULL);
    CHECK(sc_share_link_display_code(NULL) == NULL);
    CHECK(sc_share_link_url(NULL) == NULL);
    CHECK(sc_share_link_key_id(NULL) == NULL);
    CHECK(sc_share_link_sharer_id(NULL) == NULL);
    CHECK_EQ(sc_share_link_target(NULL), 0);
    CHECK(sc_share_link_target_id(NULL) == NULL);
    CHECK(sc_share_link_channel(NULL) == NULL);
    CHECK_EQ(sc_share_link_issued_at_ms(NULL), 0);
    CHECK_EQ(sc_share_link_expires_at_ms(NULL), 0);
    CHECK_STR(sc_share_target_name(SC_SHARE_TARGET_SKU), "sku");
    CHECK_STR(sc_share_target_name(SC_SHARE_TARGET_GROUP), "group");
    CHECK_STR(sc_share_target_name(SC_SHARE_TARGET_CAMPAIGN), "campaign");
    CHECK_STR(sc_share_target_name(SC_SHARE_TARGET_STORE), "store");
    CHECK_STR(sc_share_target_name((sc_share_target_t)0), "unknown");
    CHECK_STR(sc_share_target_name(SC_SHARE_TARGET_BARGAIN), "bargain");
    CHECK_STR(sc_share_target_name((sc_share_target_t)6), "unknown");
    sc_share_key_free(NULL);
    sc_share_keys_free(NULL);
    sc_share_link_free(NULL);
}

void test_referral_program_and_keys_bad_input(void) {
    fixture fx;
    sc_share_key* key = NULL;
    sc_share_keys* keys = NULL;
    sc_share_link* link = NULL;
    fx_open_memory(&fx);
    /* Before a program and a key: nothing to make a link with. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "referral",
                    sc_engine_share_link_create(fx.engine, "alice", SC_SHARE_TARGET_SKU, "tea", "qr", "s1", &link, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_referral_program_put(NULL, PROGRAM, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "json", sc_engine_referral_program_put(fx.engine, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "url_template",
                    sc_engine_referral_program_put(fx.engine, "{\"url_template\":\"https://shop.example/s/\"}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "link_lifetime_days",
                    sc_engine_referral_program_put(
                        fx.engine, "{\"url_template\":\"https://s/{token}\",\"link_lifetime_days\":366}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "clock_skew_seconds",
                    sc_engine_referral_program_put(
                        fx.engine, "{\"url_template\":\"https://s/{token}\",\"clock_skew_seconds\":-1}", &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_VALIDATION, "key",
                    sc_engine_referral_program_put(fx.engine, "{\"url_template\":\"https://s/{token}\",\"key\":1}", &E));
    CHECK_OK(sc_engine_referral_program_put(fx.engine, PROGRAM, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "key_id",
                    sc_engine_share_link_create(fx.engine, "alice", SC_SHARE_TARGET_SKU, "tea", "qr", "s1", &link, &E));
    /* Keys: ids as tokens carry them, PEMs of the right kind. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "engine", sc_engine_share_key_generate(NULL, "k1", &key, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "key_id", sc_engine_share_key_generate(fx.engine, NULL, &key, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "key_id", sc_engine_share_key_generate(fx.engine, "k 1", &key, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "key_id",
                    sc_engine_share_key_generate(fx.engine, "k123456789012345678901234567890123", &key, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "private_pem",
                    sc_engine_share_key_install(fx.engine, "host", NULL, &key, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "private_pem",
                    sc_engine_share_key_install(fx.engine, "host", "not a key", &key, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "private_pem",
                    sc_engine_share_key_install(fx.engine, "host", TEST1_PUBLIC_PEM, &key, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "public_pem",
                    sc_engine_share_key_trust(fx.engine, "partner", TEST1_PRIVATE_PEM, &key, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "key_id", sc_engine_share_key_retire(fx.engine, "k9", &key, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_share_keys(fx.engine, NULL, &E));
    CHECK_OK(sc_engine_share_keys(fx.engine, &keys, &E));
    CHECK_EQ(sc_share_keys_count(keys), 0);
    sc_share_keys_free(keys);
    fx_close(&fx);
}

void test_referral_links_made_and_resolved(void) {
    fixture fx;
    sc_share_key* key = NULL;
    sc_share_link* link = NULL;
    sc_share_link* again = NULL;
    sc_share_link* seen = NULL;
    char token[1100];
    char bad[1100];
    char typed[32];
    size_t i;
    int64_t made_at;
    fx_open_memory(&fx);
    CHECK_OK(sc_engine_referral_program_put(fx.engine, PROGRAM, &E));
    CHECK_OK(sc_engine_share_key_install(fx.engine, "host-2026", TEST1_PRIVATE_PEM, &key, &E));
    CHECK_STR(sc_share_key_id(key), "host-2026");
    CHECK_STR(sc_share_key_public_pem(key), TEST1_PUBLIC_PEM);
    CHECK(sc_share_key_can_sign(key));
    CHECK(sc_share_key_is_signing(key));
    CHECK_EQ(sc_share_key_added_at_ms(key), fx_now(&fx));
    CHECK(!sc_share_key_is_retired(key));
    sc_share_key_free(key);
    CHECK_EQ(events_count_type(fx.engine, 0, "share_key.added"), 1);

    made_at = fx_now(&fx);
    link = make_link(&fx, "alice", "wechat", "s1");
    snprintf(token, sizeof token, "%s", sc_share_link_token(link));
    /* 1 + 10 + 6 + 1 + 8 + 7 + 8 + 8 + 12 bytes of claims and 64 of signature: 125 → 167 characters. */
    CHECK_EQ(strlen(token), 167);
    CHECK(strncmp(sc_share_link_url(link), "https://shop.example/s/", 23) == 0);
    CHECK_STR(sc_share_link_url(link) + 23, token);
    CHECK_EQ(strlen(sc_share_link_code(link)), 10);
    CHECK_EQ(strlen(sc_share_link_display_code(link)), 11);
    CHECK(sc_share_link_display_code(link)[4] == '-');
    CHECK_STR(sc_share_link_key_id(link), "host-2026");
    CHECK_STR(sc_share_link_sharer_id(link), "alice");
    CHECK_EQ(sc_share_link_target(link), SC_SHARE_TARGET_SKU);
    CHECK_STR(sc_share_link_target_id(link), "tea-128");
    CHECK_STR(sc_share_link_channel(link), "wechat");
    CHECK_EQ(sc_share_link_issued_at_ms(link), made_at);
    CHECK_EQ(sc_share_link_expires_at_ms(link), made_at + 7 * DAY_MS);
    CHECK_EQ(events_count_type(fx.engine, 0, "share_link.created"), 1);

    /* A retry returns the first link; the same key for another channel is a conflict. */
    fx_advance(&fx, 1000);
    again = make_link(&fx, "alice", "wechat", "s1");
    CHECK_STR(sc_share_link_token(again), token);
    CHECK_STR(sc_share_link_code(again), sc_share_link_code(link));
    sc_share_link_free(again);
    CHECK_EQ(events_count_type(fx.engine, 0, "share_link.created"), 1);
    EXPECT_ERR_SAME(&fx, SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key",
                    sc_engine_share_link_create(fx.engine, "alice", SC_SHARE_TARGET_SKU, "tea-128", "qr", "s1", &again,
                                                &E));

    /* Resolved by its token, and by its code as a person types it. */
    CHECK_OK(sc_engine_share_link_resolve(fx.engine, token, &seen, &E));
    CHECK_STR(sc_share_link_sharer_id(seen), "alice");
    CHECK_STR(sc_share_link_code(seen), "");
    CHECK_EQ(sc_share_link_expires_at_ms(seen), made_at + 7 * DAY_MS);
    sc_share_link_free(seen);
    snprintf(typed, sizeof typed, "%s", sc_share_link_display_code(link));
    for (i = 0; typed[i] != '\0'; ++i)
        if (typed[i] >= 'A' && typed[i] <= 'Z') typed[i] = (char)(typed[i] - 'A' + 'a');
    CHECK_OK(sc_engine_share_link_resolve(fx.engine, typed, &seen, &E));
    CHECK_STR(sc_share_link_token(seen), token);
    CHECK_STR(sc_share_link_code(seen), sc_share_link_code(link));
    sc_share_link_free(seen);

    /* Bad calls: each its own code and field, nothing changed. */
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "target",
                    sc_engine_share_link_create(fx.engine, "alice", (sc_share_target_t)9, "tea", "qr", "s2", &again,
                                                &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "channel",
                    sc_engine_share_link_create(fx.engine, "alice", SC_SHARE_TARGET_SKU, "tea", "WeChat", "s2", &again,
                                                &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "sharer_id",
                    sc_engine_share_link_create(fx.engine, NULL, SC_SHARE_TARGET_SKU, "tea", "qr", "s2", &again, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out",
                    sc_engine_share_link_create(fx.engine, "alice", SC_SHARE_TARGET_SKU, "tea", "qr", "s2", NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "token", sc_engine_share_link_resolve(fx.engine, NULL, &seen, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "token", sc_engine_share_link_resolve(fx.engine, "", &seen, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_ARGUMENT, "out", sc_engine_share_link_resolve(fx.engine, token, NULL, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_NOT_FOUND, "code", sc_engine_share_link_resolve(fx.engine, "0000-000000", &seen, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_LINK_MALFORMED, "code", sc_engine_share_link_resolve(fx.engine, "K7QD-M2XR4U", &seen, &E));
    snprintf(bad, sizeof bad, "%s!", token);
    EXPECT_ERR_SAME(&fx, SC_ERR_LINK_MALFORMED, "token", sc_engine_share_link_resolve(fx.engine, bad, &seen, &E));
    altered(token, 10, bad, sizeof bad); /* inside the signature */
    EXPECT_ERR_SAME(&fx, SC_ERR_LINK_TAMPERED, "token", sc_engine_share_link_resolve(fx.engine, bad, &seen, &E));
    altered(token, 120, bad, sizeof bad); /* inside the claims */
    EXPECT_ERR2_SAME(&fx, SC_ERR_LINK_TAMPERED, SC_ERR_LINK_MALFORMED, "token",
                     sc_engine_share_link_resolve(fx.engine, bad, &seen, &E));

    /* Expiry: valid through the skew past expiry, refused a millisecond later. */
    fx_advance(&fx, made_at + 7 * DAY_MS + 60000 - fx_now(&fx));
    CHECK_OK(sc_engine_share_link_resolve(fx.engine, token, &seen, &E));
    sc_share_link_free(seen);
    fx_advance(&fx, 1);
    EXPECT_ERR_SAME(&fx, SC_ERR_EXPIRED, "token", sc_engine_share_link_resolve(fx.engine, token, &seen, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_EXPIRED, "code",
                    sc_engine_share_link_resolve(fx.engine, sc_share_link_code(link), &seen, &E));
    sc_share_link_free(link);
    fx_close(&fx);
}

void test_referral_rotation_and_partner(void) {
    fixture fx;
    fixture partner;
    sc_share_key* k1 = NULL;
    sc_share_key* k2 = NULL;
    sc_share_key* key = NULL;
    sc_share_keys* keys = NULL;
    sc_share_link* old_link = NULL;
    sc_share_link* new_link = NULL;
    sc_share_link* seen = NULL;
    fx_open_memory(&fx);
    fx_open_memory(&partner);
    CHECK_OK(sc_engine_referral_program_put(fx.engine, PROGRAM, &E));
    CHECK_OK(sc_engine_referral_program_put(
        partner.engine, "{\"url_template\":\"pages/share/index?t={token}\",\"clock_skew_seconds\":0}", &E));
    CHECK_OK(sc_engine_share_key_generate(fx.engine, "k1", &k1, &E));
    CHECK_OK(sc_engine_share_key_generate(fx.engine, "k1", &key, &E)); /* a retry: the same key */
    CHECK_STR(sc_share_key_public_pem(key), sc_share_key_public_pem(k1));
    sc_share_key_free(key);
    old_link = make_link(&fx, "alice", "qr", "s1");

    /* Rotation: k2 signs from now on, k1 still verifies what it signed. */
    fx_advance(&fx, DAY_MS);
    CHECK_OK(sc_engine_share_key_generate(fx.engine, "k2", &k2, &E));
    new_link = make_link(&fx, "alice", "qr", "s2");
    CHECK_STR(sc_share_link_key_id(new_link), "k2");
    CHECK_OK(sc_engine_share_link_resolve(fx.engine, sc_share_link_token(old_link), &seen, &E));
    CHECK_STR(sc_share_link_key_id(seen), "k1");
    sc_share_link_free(seen);

    /* The partner trusts k2's public key: it verifies k2's links, not k1's, and signs none. */
    CHECK_OK(sc_engine_share_key_trust(partner.engine, "k2", sc_share_key_public_pem(k2), &key, &E));
    CHECK(!sc_share_key_can_sign(key));
    CHECK(!sc_share_key_is_signing(key));
    sc_share_key_free(key);
    /* Its clock is a day behind and it allows no skew: the link reads as issued ahead of now. */
    EXPECT_ERR_SAME(&partner, SC_ERR_INVALID_STATE, "token",
                    sc_engine_share_link_resolve(partner.engine, sc_share_link_token(new_link), &seen, &E));
    fx_advance(&partner, DAY_MS);
    CHECK_OK(sc_engine_share_link_resolve(partner.engine, sc_share_link_token(new_link), &seen, &E));
    CHECK_STR(sc_share_link_url(seen) + strlen("pages/share/index?t="), sc_share_link_token(new_link));
    CHECK_STR(sc_share_link_code(seen), "");
    sc_share_link_free(seen);
    EXPECT_ERR_SAME(&partner, SC_ERR_LINK_UNKNOWN_KEY, "token",
                    sc_engine_share_link_resolve(partner.engine, sc_share_link_token(old_link), &seen, &E));
    EXPECT_ERR_SAME(&partner, SC_ERR_NOT_FOUND, "code",
                    sc_engine_share_link_resolve(partner.engine, sc_share_link_code(new_link), &seen, &E));
    EXPECT_ERR_SAME(&partner, SC_ERR_INVALID_STATE, "key_id",
                    sc_engine_share_link_create(partner.engine, "bob", SC_SHARE_TARGET_STORE, "m1", "qr", "p1", &seen,
                                                &E));
    EXPECT_ERR_SAME(&partner, SC_ERR_INVALID_STATE, "key_id",
                    sc_engine_share_key_trust(partner.engine, "k2", sc_share_key_public_pem(k1), &key, &E));
    EXPECT_ERR_SAME(&partner, SC_ERR_INVALID_STATE, "key_id",
                    sc_engine_share_key_generate(partner.engine, "k2", &key, &E));

    /* Retiring k1: its links are refused as unknown-key; the id is never reused. */
    CHECK_OK(sc_engine_share_key_retire(fx.engine, "k1", &key, &E));
    CHECK(sc_share_key_is_retired(key));
    CHECK_EQ(sc_share_key_retired_at_ms(key), fx_now(&fx));
    sc_share_key_free(key);
    CHECK_OK(sc_engine_share_key_retire(fx.engine, "k1", NULL, &E)); /* a retry */
    CHECK_EQ(events_count_type(fx.engine, 0, "share_key.retired"), 1);
    EXPECT_ERR_SAME(&fx, SC_ERR_LINK_UNKNOWN_KEY, "token",
                    sc_engine_share_link_resolve(fx.engine, sc_share_link_token(old_link), &seen, &E));
    EXPECT_ERR_SAME(&fx, SC_ERR_INVALID_STATE, "key_id", sc_engine_share_key_generate(fx.engine, "k1", &key, &E));
    CHECK_OK(sc_engine_share_keys(fx.engine, &keys, &E));
    CHECK_EQ(sc_share_keys_count(keys), 2);
    CHECK_STR(sc_share_key_id(sc_share_keys_at(keys, 0)), "k1");
    CHECK(sc_share_key_is_retired(sc_share_keys_at(keys, 0)));
    CHECK(!sc_share_key_is_signing(sc_share_keys_at(keys, 0)));
    CHECK_STR(sc_share_key_id(sc_share_keys_at(keys, 1)), "k2");
    CHECK(sc_share_key_is_signing(sc_share_keys_at(keys, 1)));
    CHECK(sc_share_keys_at(keys, 2) == NULL);
    sc_share_keys_free(keys);

    sc_share_key_free(k1);
    sc_share_key_free(k2);
    sc_share_link_free(old_link);
    sc_share_link_free(new_link);
    fx_close(&partner);
    fx_close(&fx);
}
