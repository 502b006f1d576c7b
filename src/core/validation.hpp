#pragma once
// Checks of a program document's settings (referral program, group-buy campaigns): each
// refusal is SC_ERR_VALIDATION naming the field, as the document reports every problem.
#include <cstdint>
#include <string>

namespace sc {

// The largest price a setting may name: 10^10 in major units.
constexpr int64_t kMaxSettingMoney = 1'000'000'000'000;

// value within [low, high], else "must be between low and high".
void require_setting_range(int64_t value, int64_t low, int64_t high, const std::string& field);

// An id as require_id accepts it, refused as a document's field rather than an argument.
void require_setting_id(const std::string& value, const std::string& field);

}  // namespace sc
