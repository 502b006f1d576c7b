#include "engine/points_cache.hpp"

namespace sc {

std::optional<PointsAccount> PointsCache::take(const std::string& user_id, uint64_t last_seq) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = accounts_.find(user_id);
    if (it == accounts_.end()) return std::nullopt;
    std::optional<PointsAccount> out;
    if (it->second.entries().size() == last_seq) out.emplace(std::move(it->second));
    accounts_.erase(it);
    return out;
}

void PointsCache::put_all(std::map<std::string, PointsAccount>& accounts) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (accounts_.size() + accounts.size() > kMaxMembers) accounts_.clear();
    for (auto& [user, account] : accounts) {
        if (accounts_.size() >= kMaxMembers) break;  // a batch over more members keeps its first ones
        accounts_.insert_or_assign(user, std::move(account));
    }
    accounts.clear();
}

}  // namespace sc
