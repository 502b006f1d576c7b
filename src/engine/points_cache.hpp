#pragma once
// Members' points accounts kept between calls (internal to src/engine), so that a write
// does not replay a member's whole ledger from the file every time. An account enters
// the cache only once the transaction that produced it has committed, and is used only
// when the file's newest entry for the member is exactly the account's last one: the
// ledger is append-only, so the same last seq means the same entries, even when another
// engine or process writes to the file. Anything else reloads from the file.
#include "points/points_account.hpp"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace sc {

class PointsCache {
public:
    // The member's account, moved out of the cache, if it ends at last_seq.
    std::optional<PointsAccount> take(const std::string& user_id, uint64_t last_seq);
    // Accounts a committed transaction left (moved in).
    void put_all(std::map<std::string, PointsAccount>& accounts);

private:
    // Members kept; beyond it the cache starts again (a member's account holds its entries).
    static constexpr size_t kMaxMembers = 1024;
    std::mutex mutex_;
    std::unordered_map<std::string, PointsAccount> accounts_;
};

}  // namespace sc
