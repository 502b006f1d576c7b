#pragma once
// Opens, bindings, attributions, rewards and refusals of the referral program (migration 10).
#include "referral/attribution.hpp"
#include "referral/referral_reward.hpp"
#include "referral/referral_stats.hpp"
#include "referral/share_target.hpp"
#include "store/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc::store {


void insert_share_open(Connection& db, const ShareOpen& open);
void save_share_open_outcome(Connection& db, const ShareOpen& open);
std::optional<ShareOpen> find_share_open(Connection& db, const std::string& open_id);

// A subject is "user:<id>" or "device:<id>".
std::string user_subject(const std::string& user_id);
std::string device_subject(const std::string& device_id);

// The subject's binding if it is live at `now`.
std::optional<ReferralBinding> live_binding(Connection& db, const std::string& subject, int64_t now);
void save_binding(Connection& db, const std::string& subject, const ReferralBinding& binding);
void delete_binding(Connection& db, const std::string& subject);

// True when the device is new to the user.
bool save_user_device(Connection& db, const std::string& device_id, const std::string& user_id, int64_t at);
bool user_has_device(Connection& db, const std::string& user_id, const std::string& device_id);

void insert_referral_checkout(Connection& db, const std::string& order_id, const std::string& open_id,
                              const std::string& sharer_id);

struct AttributionRow {
    std::string order_id;
    std::string open_id;
    std::string sharer_id;
    std::string buyer_id;
    int64_t paid = 0;
    int64_t attributed_at = 0;
};

void insert_attribution(Connection& db, const AttributionRow& row);
std::optional<AttributionRow> find_attribution(Connection& db, const std::string& order_id);
// Whether the user paid for an order other than this one.
bool paid_another_order(Connection& db, const std::string& user_id, const std::string& order_id);
int64_t attributions_since(Connection& db, const std::string& sharer_id, int64_t since);

void insert_reward(Connection& db, const ReferralReward& reward);
std::vector<ReferralReward> rewards_of_order(Connection& db, const std::string& order_id);
std::vector<ReferralReward> rewards_of_sharer(Connection& db, const std::string& sharer_id);
void save_reward_clawed_back(Connection& db, const std::string& order_id, int level, int64_t clawed_back);


void insert_refusal(Connection& db, const ReferralRefusalRecord& row);
std::vector<ReferralRefusalRecord> refusals_of_sharer(Connection& db, const std::string& sharer_id);

bool invitee_rewarded(Connection& db, const std::string& user_id);
void insert_invitee(Connection& db, const std::string& user_id, const std::string& sharer_id,
                    const std::string& coupon_code, int64_t at);

ReferralCounts referral_counts(Connection& db, const ReferralScope& scope);
// The rewards the scope's attributed orders made (for a sharer: the rewards the sharer earned,
// at either level).
std::vector<ReferralReward> rewards_in_scope(Connection& db, const ReferralScope& scope);

}  // namespace sc::store
