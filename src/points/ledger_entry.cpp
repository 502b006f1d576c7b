#include "points/ledger_entry.hpp"

#include "core/checked.hpp"

namespace sc {

const char* entry_kind_name(EntryKind kind) noexcept {
    switch (kind) {
        case EntryKind::earn: return "earn";
        case EntryKind::spend: return "spend";
        case EntryKind::hold: return "hold";
        case EntryKind::release: return "release";
        case EntryKind::commit: return "commit";
        case EntryKind::expire: return "expire";
        case EntryKind::reverse: return "reverse";
        case EntryKind::return_: return "return";
        case EntryKind::adjust: return "adjust";
    }
    return "unknown";
}

int64_t balance_effect(const LedgerEntry& entry) {
    switch (entry.kind) {
        case EntryKind::earn:
        case EntryKind::return_:
        case EntryKind::adjust: return entry.points;
        case EntryKind::spend:
        case EntryKind::commit:
        case EntryKind::expire: return -entry.points;
        case EntryKind::reverse: return checked_sub(entry.absorbed, entry.points, "points");
        case EntryKind::hold:
        case EntryKind::release: return 0;
    }
    return 0;
}

}  // namespace sc
