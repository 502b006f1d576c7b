#pragma once
// The referral program's steps shared by its own use cases, opening links and the
// program document's import and export.
#include "core/ed25519.hpp"
#include "engine/engine.hpp"
#include "engine/referral_views.hpp"
#include "referral/referral_program.hpp"

#include <memory>
#include <optional>

namespace sc::steps {

std::optional<ReferralProgram> referral_program(Connection& db);
// SC_ERR_INVALID_STATE (field "referral") before a program is set.
ReferralProgram require_referral_program(Connection& db);
// Saves the program and appends referral_program.put, unless it equals the stored one.
// Every coupon template it names must exist and be issued by grant: SC_ERR_VALIDATION
// naming the field under `prefix` ("referral.rewards.coupon_template_ids[0]").
void save_referral_program(Tx& tx, const ReferralProgram& program, const std::string& prefix = "");

// Verifiers kept by their public key: making one parses the key, and verification is
// the hot path of opening a link.
std::shared_ptr<const Ed25519Verifier> verifier_for(const Ed25519PublicKey& key);

ShareLink link_of(const ReferralProgram& program, std::string token, std::string code, ShareClaims claims);

// A token or short code (told apart by length) verified at `now` with the keys not
// retired: the link errors of docs/referral.md, SC_ERR_NOT_FOUND for an unknown code.
ShareLink verify_link(Connection& db, const ReferralProgram& program, const std::string& token_or_code, int64_t now);

}  // namespace sc::steps
