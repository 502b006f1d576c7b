#pragma once
// The JSON form of the points program (the program document's "points" section, and the
// text sc_engine_points_program_put takes). Strict like every section: an unknown field, a
// wrong type or a number beyond 64 bits is Error(SC_ERR_VALIDATION) naming the field.
// Parsing reads structure and types; validate_points_program checks the values.
#include "points/points_program.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace sc {

// `prefix` ends with '.' (or is empty): "points."
PointsProgram parse_points_json(const nlohmann::json& obj, const std::string& prefix);

// Every field, in a fixed order: the same program always gives the same text.
nlohmann::ordered_json points_program_json(const PointsProgram& program);

}  // namespace sc
