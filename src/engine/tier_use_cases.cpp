// Member tiers (FEATURES §6): the program's settings, a member's tier and page, and the
// report. Placing and evaluating members happens in the writes that move their figure
// (tier_steps.cpp, called by payments, refunds, points earned and the sweep).
#include "core/error.hpp"
#include "core/text.hpp"
#include "engine/engine.hpp"
#include "engine/tier_steps.hpp"
#include "store/tier_store.hpp"

namespace sc {

void Engine::put_tier_program(const TierProgram& program) {
    validate_tier_program(program, "");
    write([&](Tx& tx) { steps::save_tier_program(tx, program); });
}

TierProgram Engine::tier_program() {
    TierProgram out;
    read([&](Connection& db, int64_t) { out = steps::require_tier_program(db); });
    return out;
}

TierStatusView Engine::tier_status(const std::string& user_id) {
    require_id(user_id, "user_id");
    TierStatusView out;
    read([&](Connection& db, int64_t now) {
        const TierProgram program = steps::require_tier_program(db);
        out.progress = steps::member_progress(db, program, user_id, now);
        out.tier = *program.find(out.progress.record.tier_id);
        out.rank = *program.rank_of(out.tier.id);
    });
    return out;
}

std::vector<TierReportRow> Engine::tier_report(int64_t from_ms, int64_t to_ms) {
    if (to_ms < from_ms) fail(SC_ERR_INVALID_ARGUMENT, "to_ms must not be before from_ms", "to_ms");
    std::vector<TierReportRow> out;
    read([&](Connection& db, int64_t) {
        const TierProgram program = steps::require_tier_program(db);
        const auto counts = store::tier_counts(db, from_ms, to_ms);
        for (const Tier& t : program.tiers) {
            TierReportRow row{t.id, 0, 0, 0};
            if (auto it = counts.find(t.id); it != counts.end()) {
                row.members = it->second.members;
                row.upgrades = it->second.upgrades;
                row.downgrades = it->second.downgrades;
            }
            out.push_back(std::move(row));
        }
    });
    return out;
}

}  // namespace sc
