#include "points/ledger_entry.hpp"

#include "core/checked.hpp"

namespace sc {

const char* points_entry_kind_name(PointsEntryKind kind) noexcept {
    switch (kind) {
        case PointsEntryKind::earn: return "earn";
        case PointsEntryKind::spend: return "spend";
        case PointsEntryKind::hold: return "hold";
        case PointsEntryKind::release: return "release";
        case PointsEntryKind::commit: return "commit";
        case PointsEntryKind::expire: return "expire";
        case PointsEntryKind::reverse: return "reverse";
        case PointsEntryKind::return_: return "return";
        case PointsEntryKind::adjust: return "adjust";
    }
    return "unknown";
}

int64_t balance_effect(const PointsEntry& entry) {
    switch (entry.kind) {
        case PointsEntryKind::earn:
        case PointsEntryKind::return_:
        case PointsEntryKind::adjust: return entry.points;
        case PointsEntryKind::spend:
        case PointsEntryKind::commit:
        case PointsEntryKind::expire: return -entry.points;
        case PointsEntryKind::reverse: return checked_sub(entry.absorbed, entry.points, "points");
        case PointsEntryKind::hold:
        case PointsEntryKind::release: return 0;
    }
    return 0;
}

}  // namespace sc
