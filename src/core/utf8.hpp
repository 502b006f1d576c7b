#pragma once
#include <cstddef>
#include <string_view>

namespace sc {

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text) noexcept;

// The code point that starts at text[pos]; advances pos past it. The text must already
// have passed is_valid_utf8, so the sequence is complete and well-formed.
char32_t next_code_point(std::string_view text, size_t& pos) noexcept;

}  // namespace sc
