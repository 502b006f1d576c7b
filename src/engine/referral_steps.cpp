#include "engine/referral_steps.hpp"

#include "program/program_document.hpp"
#include "program/referral_json.hpp"
#include "store/parsed_by_text.hpp"
#include "store/referral_store.hpp"

namespace sc::steps {

std::optional<ReferralProgram> referral_program(Connection& db) {
    static store::ParsedByText<ReferralProgram> parsed;
    const auto text = store::referral_program_text(db);
    if (!text) return std::nullopt;
    return parsed.get(*text, [](const std::string& t) { return parse_referral_program_entry(t); });
}

void save_referral_program(Tx& tx, const ReferralProgram& program) {
    if (referral_program(tx.db) == program) return;
    const nlohmann::ordered_json json = referral_program_json(program);
    store::save_referral_program_text(tx.db, json.dump());
    tx.emit(NewEvent{"referral_program.put", "referral", nlohmann::json::parse(json.dump())});
}

}  // namespace sc::steps
