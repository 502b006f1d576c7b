#include "core/validation.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

namespace sc {

void require_setting_range(int64_t value, int64_t low, int64_t high, const std::string& field) {
    if (value < low || value > high)
        fail(SC_ERR_VALIDATION, "must be between " + std::to_string(low) + " and " + std::to_string(high), field);
}

void require_setting_id(const std::string& value, const std::string& field) {
    try {
        require_id(value, field);
    } catch (const Error& e) {
        fail(SC_ERR_VALIDATION, e.what(), field);
    }
}

}  // namespace sc
