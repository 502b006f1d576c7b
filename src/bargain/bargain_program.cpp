#include "bargain/bargain_program.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/validation.hpp"

#include <algorithm>

namespace sc {

namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kMaxPrice = 1'000'000'000'000;  // 10^10 in major units, as group prices

}  // namespace

void validate_bargain_program(const BargainProgram& b, const std::string& p) {
    require_setting_id(b.id, p + "id");
    require_setting_id(b.sku_id, p + "sku_id");
    require_setting_range(b.floor_price, 0, kMaxPrice, p + "floor_price");
    require_setting_range(b.helpers, 1, 100, p + "helpers");
    require_setting_range(b.lifetime_minutes, 1, 43'200, p + "lifetime_minutes");
    if (b.starts_at < 0) fail(SC_ERR_VALIDATION, "must not be before 1970", p + "starts_at");
    if (b.ends_at <= b.starts_at) fail(SC_ERR_VALIDATION, "must be after starts_at", p + "ends_at");
}

int64_t bargain_deadline(const BargainProgram& b, int64_t opened_at) {
    const int64_t lifetime = checked_mul(b.lifetime_minutes, kMinute, "bargain lifetime");
    return std::min(checked_add(opened_at, lifetime, "bargain deadline"), b.ends_at);
}

bool bargain_has_room(const BargainProgram& b, int64_t list_price) {
    // Both are at most 10^12 here, so the difference cannot overflow.
    return list_price - b.floor_price >= b.helpers;
}

}  // namespace sc
