#pragma once
// The JSON form of the referral program (the program document's "referral" section, and
// the text sc_engine_referral_program_put takes). Strict like every section. It never
// holds a key: signing keys are managed by their own calls and stay in the database.
#include "referral/referral_program.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace sc {

// `prefix` ends with '.' (or is empty): "referral."
ReferralProgram parse_referral_json(const nlohmann::json& obj, const std::string& prefix);

// Every field, in a fixed order.
nlohmann::ordered_json referral_program_json(const ReferralProgram& program);

}  // namespace sc
