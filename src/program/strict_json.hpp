#pragma once
// A strict JSON reader for documents an operator writes (the program document).
// nlohmann's parser lets the last of two equal keys win silently, reports a number too
// large for a double as an internal error, and its messages quote the input; this
// reader refuses the first two as validation errors with the field path, and its
// messages name a position or a field, never the document's text.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

namespace sc {

// Containers nest at most this deep: the program document needs 4 levels, and a limit
// keeps hostile input from costing deep recursion anywhere later.
constexpr size_t kMaxJsonDepth = 32;

// Parses `text` (already checked to be UTF-8). Throws Error(SC_ERR_VALIDATION, message,
// field) for invalid JSON, a key that appears twice in one object, a number too large to
// represent, or nesting deeper than kMaxJsonDepth.
nlohmann::json parse_strict_json(std::string_view text);

// `prefix` followed by `key` as a path segment ("skus[0]." + "title"). A key that is not a
// plain name (ASCII letters, digits, '_' and '-', at most 64 bytes) is written "*":
// paths go into error messages, which never repeat arbitrary document text.
std::string field_path(const std::string& prefix, const std::string& key);

// Field readers shared by the program document and its rule sections. Each throws
// Error(SC_ERR_VALIDATION, "<field>: <rule>", field); messages name the field and the rule
// only, never document text.
[[noreturn]] void invalid_field(const std::string& field, const std::string& why);  // "" is the document
void only_known_keys(const nlohmann::json& obj, const std::set<std::string>& known, const std::string& prefix);
const nlohmann::json& required_field(const nlohmann::json& obj, const char* key, const std::string& prefix);
std::string string_field(const nlohmann::json& value, const std::string& field);
// Money is never a JSON fraction: 68.5 is rejected rather than rounded.
int64_t integer_field(const nlohmann::json& value, const std::string& field);
bool bool_field(const nlohmann::json& value, const std::string& field);

}  // namespace sc
