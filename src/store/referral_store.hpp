#pragma once
// Share link keys, links and the referral program's text (migration 9).
#include "core/ed25519.hpp"
#include "referral/share_token.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc::store {

std::optional<std::string> referral_program_text(Connection& db);
void save_referral_program_text(Connection& db, const std::string& text);

struct ShareKeyRow {
    std::string key_id;
    Ed25519PublicKey public_key{};
    std::optional<Ed25519Seed> seed;  // absent: a key trusted for verification only
    int64_t added_at = 0;
    std::optional<int64_t> retired_at;
};

std::optional<ShareKeyRow> find_share_key(Connection& db, const std::string& key_id);
std::vector<ShareKeyRow> share_keys(Connection& db);  // by key id
void insert_share_key(Connection& db, const ShareKeyRow& key);
void save_share_key_seed(Connection& db, const std::string& key_id, const Ed25519Seed& seed);
void retire_share_key(Connection& db, const std::string& key_id, int64_t at);
// The key new links are signed with; absent until one is generated or installed.
std::optional<std::string> signing_key_id(Connection& db);
void save_signing_key_id(Connection& db, const std::optional<std::string>& key_id);

struct ShareLinkRow {
    std::string code;
    std::string token;
    ShareClaims claims;
    std::string idempotency_key;
};

void insert_share_link(Connection& db, const ShareLinkRow& link);
std::optional<ShareLinkRow> find_share_link(Connection& db, const std::string& code);
std::optional<ShareLinkRow> find_share_link_by_key(Connection& db, const std::string& sharer_id,
                                                  const std::string& idempotency_key);

}  // namespace sc::store
