#pragma once
// Member tiers (FEATURES §6): the tier program's settings, each member's dated paid
// spend, the growth points their ledger holds, each placed member's tier record and the
// log of tier changes. Spend rows and changes are append-only.
#include "store/database.hpp"
#include "tiers/qualifying_figure.hpp"
#include "tiers/tier_status.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sc::store {

// The tiers section of the program as canonical JSON, or nullopt when none was set.
std::optional<std::string> tier_program_text(Connection& db);
void save_tier_program_text(Connection& db, const std::string& text);

// A payment (+goods total) or a refund (−amount) of the member, at `at`.
void append_tier_spend(Connection& db, const std::string& user_id, int64_t at, int64_t amount,
                       const std::string& reference);
// The member's spend entries after `after`, in time order (the order recorded at equal times).
QualifyingHistory tier_spend_after(Connection& db, const std::string& user_id, int64_t after);
// The member's growth points: Σ earned − Σ reversed up to and including `upto` as one
// entry dated `upto`, then each earn (+) and reversal (−) after it, in ledger order.
QualifyingHistory growth_points_history(Connection& db, const std::string& user_id, int64_t upto);

std::optional<TierRecord> find_tier_record(Connection& db, const std::string& user_id);
void save_tier_record(Connection& db, const std::string& user_id, const TierRecord& record);
// Forgets the records of members whose tier is not in `tier_ids` (a program that dropped it).
void drop_tier_records_not_in(Connection& db, const std::vector<std::string>& tier_ids);
// Up to `limit` members whose period ended at or before `now`, soonest first.
std::vector<std::string> members_due_for_review(Connection& db, int64_t now, int64_t limit);

void append_tier_change(Connection& db, const std::string& user_id, const TierChange& change);

struct TierCounts {
    int64_t members = 0;
    int64_t upgrades = 0;
    int64_t downgrades = 0;
};
// Per tier id: members placed in it now, and the changes into it made in [from, to).
std::map<std::string, TierCounts> tier_counts(Connection& db, int64_t from, int64_t to);

}  // namespace sc::store
