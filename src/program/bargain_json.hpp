#pragma once
// The JSON form of a bargain program (an entry of the program document's
// "bargains.programs", and the text sc_engine_bargain_program_put takes). Strict like every
// section (docs/bargain.md, "Programs").
#include "bargain/bargain_program.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace sc {

// `prefix` ends with '.' (or is empty): "bargains.programs[0]." Checks the JSON's shape;
// validate_bargain_program checks the values.
BargainProgram parse_bargain_program_json(const nlohmann::json& obj, const std::string& prefix);

// Every field, in a fixed order.
nlohmann::ordered_json bargain_program_json(const BargainProgram& program);

}  // namespace sc
