#include "core/text.hpp"

#include "core/error.hpp"
#include "core/utf8.hpp"

namespace sc {

static void require_utf8_nonempty(std::string_view value, const std::string& field, size_t max) {
    if (!is_valid_utf8(value)) fail(SC_ERR_INVALID_UTF8, "is not valid UTF-8", field);
    if (value.empty()) fail(SC_ERR_INVALID_ARGUMENT, "must not be empty", field);
    if (value.size() > max)
        fail(SC_ERR_INVALID_ARGUMENT, "is longer than " + std::to_string(max) + " bytes", field);
}

void require_id(std::string_view value, const std::string& field) {
    require_utf8_nonempty(value, field, kMaxIdLength);
    for (char ch : value)
        if (const auto c = static_cast<unsigned char>(ch); c < 0x20 || c == 0x7F) fail(SC_ERR_INVALID_ARGUMENT, "must not contain control characters", field);
}

void require_text(std::string_view value, const std::string& field) {
    require_utf8_nonempty(value, field, kMaxTextLength);
}

}  // namespace sc
