// Group-buy use cases (FEATURES §7, docs/group-buy.md): campaigns and the read side of
// groups. Opening and joining a group are checkouts (order_use_cases.cpp with a
// GroupChoice); payment, cancellation, refunds and deadlines move groups through
// groupbuy_steps.cpp.
#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "engine/engine.hpp"
#include "engine/groupbuy_steps.hpp"
#include "engine/steps.hpp"
#include "store/groupbuy_store.hpp"

#include <algorithm>

namespace sc {

namespace {

constexpr int64_t kMaxGroupsListed = 100;

void require_limit(int64_t limit) {
    if (limit < 1 || limit > kMaxGroupsListed)
        fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and " + std::to_string(kMaxGroupsListed), "limit");
}

}  // namespace

void Engine::put_group_campaign(const GroupCampaign& campaign) {
    validate_group_campaign(campaign, "");
    write([&](Tx& tx) { steps::save_group_campaign(tx, campaign, ""); });
}

GroupCampaign Engine::group_campaign(const std::string& campaign_id) {
    require_id(campaign_id, "campaign_id");
    GroupCampaign out;
    read([&](Connection& db, int64_t) { out = steps::require_group_campaign(db, campaign_id, "campaign_id"); });
    return out;
}

std::vector<GroupCampaign> Engine::group_campaigns() {
    std::vector<GroupCampaign> out;
    read([&](Connection& db, int64_t) {
        out.clear();
        for (const auto& row : store::group_campaigns(db))
            out.push_back(steps::require_group_campaign(db, row.id, "campaign_id"));
    });
    return out;
}

Group Engine::group(const std::string& group_id) {
    require_id(group_id, "group_id");
    Group out;
    read([&](Connection& db, int64_t now) { out = steps::group_as_of(db, steps::require_group(db, group_id), now); });
    return out;
}

std::vector<Group> Engine::open_groups(const std::string& campaign_id, int64_t limit) {
    require_id(campaign_id, "campaign_id");
    require_limit(limit);
    std::vector<Group> out;
    read([&](Connection& db, int64_t now) {
        steps::require_group_campaign(db, campaign_id, "campaign_id");
        out.clear();
        for (Group& g : store::open_groups_of_campaign(db, campaign_id, now)) {
            Group seen = steps::group_as_of(db, std::move(g), now);
            if (seen.state == GroupState::open && seen.seats_left() > 0) out.push_back(std::move(seen));
        }
    });
    std::sort(out.begin(), out.end(), listed_before);
    if (static_cast<int64_t>(out.size()) > limit) out.resize(static_cast<size_t>(limit));
    return out;
}

std::vector<Group> Engine::groups_of_user(const std::string& user_id, int64_t limit) {
    require_id(user_id, "user_id");
    require_limit(limit);
    std::vector<Group> out;
    read([&](Connection& db, int64_t now) {
        out.clear();
        for (const auto& id : store::group_ids_of_user(db, user_id, limit))
            out.push_back(steps::group_as_of(db, steps::require_group(db, id), now));
    });
    return out;
}

std::optional<Group> Engine::group_of_order(const std::string& order_id) {
    require_id(order_id, "order_id");
    std::optional<Group> out;
    read([&](Connection& db, int64_t now) {
        steps::require_order(db, order_id);
        out.reset();
        if (const auto group_id = store::group_of_order(db, order_id))
            out = steps::group_as_of(db, steps::require_group(db, *group_id), now);
    });
    return out;
}

GroupCampaignReport Engine::group_campaign_report(const std::string& campaign_id) {
    require_id(campaign_id, "campaign_id");
    GroupCampaignReport r;
    r.campaign_id = campaign_id;
    read([&](Connection& db, int64_t now) {
        steps::require_group_campaign(db, campaign_id, "campaign_id");
        r = GroupCampaignReport{};
        r.campaign_id = campaign_id;
        int64_t fill_ms_total = 0;
        for (Group& stored : store::groups_of_campaign(db, campaign_id)) {
            const Group g = steps::group_as_of(db, std::move(stored), now);
            if (g.opened_at > 0) ++r.groups_opened;
            if (g.state == GroupState::open) ++r.open_now;
            if (g.state == GroupState::failed) ++r.failed;
            if (g.state != GroupState::filled) continue;
            ++r.filled;
            if (g.virtual_members > 0) ++r.virtually_filled;
            fill_ms_total = checked_add(fill_ms_total, g.ended_at - g.opened_at, "fill time");
            for (const GroupSeat& s : g.seats)
                if (s.state == SeatState::paid) r.units_sold = checked_add(r.units_sold, s.quantity, "units");
        }
        if (r.filled + r.failed > 0) r.success_rate_bps = r.filled * 10000 / (r.filled + r.failed);
        if (r.filled > 0) r.average_fill_ms = fill_ms_total / r.filled;
    });
    return r;
}

}  // namespace sc
