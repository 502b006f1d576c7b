#include "core/text.hpp"

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace sc {

bool is_control_character(char32_t cp) noexcept { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool is_bidi_control(char32_t cp) noexcept { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

bool is_bidi_mark(char32_t cp) noexcept { return cp == 0x200E || cp == 0x200F || cp == 0x061C; }

bool is_zero_width(char32_t cp) noexcept { return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF; }

// Messages name the rule, never the offending text: they end up in logs and must stay
// valid UTF-8 whatever the caller passed.
static void require_utf8_nonempty(std::string_view value, const std::string& field, size_t max) {
    if (!is_valid_utf8(value)) fail(SC_ERR_INVALID_UTF8, "is not valid UTF-8", field);
    if (value.empty()) fail(SC_ERR_INVALID_ARGUMENT, "must not be empty", field);
    if (value.size() > max)
        fail(SC_ERR_INVALID_ARGUMENT, "is longer than " + std::to_string(max) + " bytes", field);
}

static void require_no_controls(char32_t cp, const std::string& field) {
    if (is_control_character(cp)) fail(SC_ERR_INVALID_ARGUMENT, "must not contain control characters", field);
    if (is_bidi_control(cp))
        fail(SC_ERR_INVALID_ARGUMENT, "must not contain bidirectional override or isolate characters", field);
}

void require_id(std::string_view value, const std::string& field) {
    require_utf8_nonempty(value, field, kMaxIdLength);
    for (size_t pos = 0; pos < value.size();) {
        const char32_t cp = next_code_point(value, pos);
        require_no_controls(cp, field);
        if (is_bidi_mark(cp)) fail(SC_ERR_INVALID_ARGUMENT, "must not contain bidirectional marks", field);
        if (is_zero_width(cp)) fail(SC_ERR_INVALID_ARGUMENT, "must not contain zero-width characters", field);
    }
}

void require_text(std::string_view value, const std::string& field) {
    require_utf8_nonempty(value, field, kMaxTextLength);
    for (size_t pos = 0; pos < value.size();) require_no_controls(next_code_point(value, pos), field);
}

}  // namespace sc
