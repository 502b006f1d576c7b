#pragma once
// The JSON form of the tier program (the program document's "tiers" section, and the
// text sc_engine_tier_program_put takes). Strict like every section: an unknown field, a
// wrong type or a number beyond 64 bits is Error(SC_ERR_VALIDATION) naming the field.
// Parsing reads structure and types; validate_tier_program checks the values.
#include "tiers/tier_program.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace sc {

// `prefix` ends with '.' (or is empty): "tiers."
TierProgram parse_tiers_json(const nlohmann::json& obj, const std::string& prefix);

// Every field, in a fixed order: the same program always gives the same text.
nlohmann::ordered_json tier_program_json(const TierProgram& program);

}  // namespace sc
