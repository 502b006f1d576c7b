#pragma once
// Checks for text arguments, shared by the API and the program document.
//
// Ids are compared byte for byte and shown to support staff, so anything that is
// invisible or reorders what is displayed is refused: two ids that look the same must
// be the same. Text (titles) is for people and may hold any ordinary Unicode, but not
// controls (a NUL would cut a C string short) nor bidi embeddings, overrides and
// isolates (they can make text display as something it is not).
#include <string>
#include <string_view>

namespace sc {

constexpr size_t kMaxIdLength = 128;
constexpr size_t kMaxTextLength = 4096;

// C0 controls (U+0000–U+001F, tab and newline included), DEL, C1 controls (U+0080–U+009F).
bool is_control_character(char32_t cp) noexcept;
// Bidi embeddings, overrides and isolates: U+202A–U+202E, U+2066–U+2069.
bool is_bidi_control(char32_t cp) noexcept;
// Bidi marks U+200E, U+200F, U+061C.
bool is_bidi_mark(char32_t cp) noexcept;
// Zero-width characters: U+200B–U+200D, U+2060, U+FEFF.
bool is_zero_width(char32_t cp) noexcept;

// Non-empty, valid UTF-8, at most kMaxIdLength bytes, none of the characters above.
void require_id(std::string_view value, const std::string& field);
// Non-empty, valid UTF-8, at most kMaxTextLength bytes, no controls, no bidi controls.
void require_text(std::string_view value, const std::string& field);

}  // namespace sc
