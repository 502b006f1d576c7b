#pragma once
// What a share link points at (FEATURES §9): a SKU, a group, a campaign, a store or a
// bargain (its invite). The kind travels in the token as one byte, so the numbers are part
// of the token format.
#include <cstdint>
#include <optional>
#include <string_view>

namespace sc {

enum class ShareTargetKind : uint8_t { sku = 1, group = 2, campaign = 3, store = 4, bargain = 5 };

const char* share_target_kind_name(ShareTargetKind kind) noexcept;
std::optional<ShareTargetKind> share_target_kind_from_name(std::string_view name) noexcept;
std::optional<ShareTargetKind> share_target_kind_from_byte(uint8_t byte) noexcept;

}  // namespace sc
