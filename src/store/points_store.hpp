#pragma once
// The points ledger (FEATURES §5): each member's entries, append-only, keyed by the
// member and the entry's seq, with the idempotency key unique per member; the daily
// sign-ins; and the points program's settings. Entries are never updated or deleted.
#include "points/ledger_entry.hpp"
#include "store/database.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sc::store {

// Every entry of the member's ledger, by seq.
std::vector<PointsEntry> points_entries_of(Connection& db, const std::string& user_id);
// The seq of the member's newest entry; 0 without entries.
uint64_t last_points_seq(Connection& db, const std::string& user_id);
// Appends entries (their seqs continue the member's ledger).
void append_points_entries(Connection& db, const std::string& user_id, const std::vector<PointsEntry>& entries);
std::optional<PointsEntry> find_points_entry_by_key(Connection& db, const std::string& user_id,
                                                    const std::string& key);
// Up to `limit` entries with seq < before_seq, newest first.
std::vector<PointsEntry> points_history(Connection& db, const std::string& user_id, uint64_t before_seq,
                                        int64_t limit);
// Earn entries of the member whose reference starts with `prefix`, made in [from, to).
int64_t count_earns_with_prefix(Connection& db, const std::string& user_id, const std::string& prefix, int64_t from,
                                int64_t to);
// Σ points per entry kind name over entries made in [from, to).
std::map<std::string, int64_t> points_totals(Connection& db, int64_t from, int64_t to);
// Calls fn for each member with a ledger, with its entries, in user id order.
void for_each_points_account(Connection& db,
                             const std::function<void(const std::string&, std::vector<PointsEntry>)>& fn);

struct SignIn {
    int64_t day = 0;     // days since 1970-01-01, UTC
    int64_t streak = 0;  // 1-based day of the streak
    int64_t points = 0;
};
std::optional<SignIn> find_sign_in(Connection& db, const std::string& user_id, int64_t day);
void insert_sign_in(Connection& db, const std::string& user_id, const SignIn& sign_in);

// The points section of the program as canonical JSON, or nullopt when none was set.
std::optional<std::string> points_program_text(Connection& db);
void save_points_program_text(Connection& db, const std::string& text);

}  // namespace sc::store
