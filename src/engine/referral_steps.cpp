#include "engine/referral_steps.hpp"

#include "core/error.hpp"
#include "program/program_document.hpp"
#include "program/referral_json.hpp"
#include "store/parsed_by_text.hpp"
#include "referral/share_links.hpp"
#include "referral/short_code.hpp"
#include "store/coupon_store.hpp"
#include "store/referral_store.hpp"

namespace sc::steps {

std::optional<ReferralProgram> referral_program(Connection& db) {
    static store::ParsedByText<ReferralProgram> parsed;
    const auto text = store::referral_program_text(db);
    if (!text) return std::nullopt;
    return parsed.get(*text, [](const std::string& t) { return parse_referral_program_entry(t); });
}

ReferralProgram require_referral_program(Connection& db) {
    auto program = referral_program(db);
    if (!program) fail(SC_ERR_INVALID_STATE, "no referral program is set", "referral");
    return std::move(*program);
}

namespace {

void require_grant_template(Connection& db, const std::string& id, const std::string& field) {
    const auto found = store::find_coupon_template(db, id);
    if (!found) fail(SC_ERR_VALIDATION, field + ": names no coupon template", field);
    if (found->terms.issue_mode != CouponIssueMode::grant)
        fail(SC_ERR_VALIDATION, field + ": the template must be issued by grant (the engine gives it)", field);
}

}  // namespace

void save_referral_program(Tx& tx, const ReferralProgram& program, const std::string& prefix) {
    if (referral_program(tx.db) == program) return;
    if (program.rewards) {
        const ReferralRewards& r = *program.rewards;
        for (size_t i = 0; i < r.coupon_template_ids.size(); ++i)
            require_grant_template(tx.db, r.coupon_template_ids[i],
                                   prefix + "rewards.coupon_template_ids[" + std::to_string(i) + "]");
        if (!r.invitee_coupon_template_id.empty())
            require_grant_template(tx.db, r.invitee_coupon_template_id, prefix + "rewards.invitee_coupon_template_id");
    }
    const nlohmann::ordered_json json = referral_program_json(program);
    store::save_referral_program_text(tx.db, json.dump());
    tx.emit(NewEvent{"referral_program.put", "referral", nlohmann::json::parse(json.dump())});
}

std::shared_ptr<const Ed25519Verifier> verifier_for(const Ed25519PublicKey& key) {
    static store::ParsedByText<std::shared_ptr<const Ed25519Verifier>> verifiers;
    return verifiers.get(std::string(key.begin(), key.end()), [&](const std::string&) {
        return std::make_shared<const Ed25519Verifier>(Ed25519Verifier::from_public_key(key));
    });
}

ShareLink link_of(const ReferralProgram& program, std::string token, std::string code, ShareClaims claims) {
    std::string url = share_url(program, token);
    return ShareLink{std::move(token), std::move(code), std::move(url), std::move(claims)};
}

ShareLink verify_link(Connection& db, const ReferralProgram& program, const std::string& token_or_code, int64_t now) {
    if (token_or_code.empty()) fail(SC_ERR_INVALID_ARGUMENT, "must not be empty", "token");
    // A code as typed, separators and all, is far shorter than the shortest token.
    const bool is_code = token_or_code.size() < kMinShareTokenText;
    const std::string field = is_code ? "code" : "token";
    const std::string code = is_code ? canonical_short_code(token_or_code, field) : "";
    std::string token = token_or_code;
    if (is_code) {
        const auto link = store::find_share_link(db, code);
        if (!link) fail(SC_ERR_NOT_FOUND, "no share link has this code", "code");
        token = link->token;
    }
    std::shared_ptr<const Ed25519Verifier> verifier;  // held here: the cache may start over meanwhile
    const auto lookup = [&](const std::string& key_id) -> const Ed25519Verifier* {
        const auto row = store::find_share_key(db, key_id);
        if (!row || row->retired_at) return nullptr;
        verifier = verifier_for(row->public_key);
        return verifier.get();
    };
    ShareClaims claims = verify_share_link(token, lookup, now, program.clock_skew_seconds * 1000, field);
    return link_of(program, std::move(token), code, std::move(claims));
}

}  // namespace sc::steps
