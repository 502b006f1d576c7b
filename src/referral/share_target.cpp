#include "referral/share_target.hpp"

namespace sc {

const char* share_target_kind_name(ShareTargetKind kind) noexcept {
    switch (kind) {
        case ShareTargetKind::sku: return "sku";
        case ShareTargetKind::group: return "group";
        case ShareTargetKind::campaign: return "campaign";
        case ShareTargetKind::store: return "store";
        case ShareTargetKind::bargain: return "bargain";
    }
    return "unknown";
}

std::optional<ShareTargetKind> share_target_kind_from_name(std::string_view name) noexcept {
    for (ShareTargetKind k : {ShareTargetKind::sku, ShareTargetKind::group, ShareTargetKind::campaign,
                              ShareTargetKind::store, ShareTargetKind::bargain})
        if (name == share_target_kind_name(k)) return k;
    return std::nullopt;
}

std::optional<ShareTargetKind> share_target_kind_from_byte(uint8_t byte) noexcept {
    if (byte < 1 || byte > 5) return std::nullopt;
    return static_cast<ShareTargetKind>(byte);
}

}  // namespace sc
