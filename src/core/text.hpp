#pragma once
// Checks for text arguments, shared by the API and the program document.
#include <string>
#include <string_view>

namespace sc {

constexpr size_t kMaxIdLength = 128;
constexpr size_t kMaxTextLength = 4096;

// Non-empty, valid UTF-8, at most kMaxIdLength bytes, no control characters.
void require_id(std::string_view value, const std::string& field);
// Non-empty, valid UTF-8, at most kMaxTextLength bytes.
void require_text(std::string_view value, const std::string& field);

}  // namespace sc
