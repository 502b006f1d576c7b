#include "groupbuy/group.hpp"

#include "core/error.hpp"

#include <tuple>

namespace sc {

const char* group_state_name(GroupState state) noexcept {
    switch (state) {
        case GroupState::pending: return "pending";
        case GroupState::open: return "open";
        case GroupState::filled: return "filled";
        case GroupState::failed: return "failed";
        case GroupState::cancelled: return "cancelled";
    }
    return "unknown";
}

std::optional<GroupState> group_state_from_name(std::string_view name) noexcept {
    for (GroupState s : {GroupState::pending, GroupState::open, GroupState::filled, GroupState::failed,
                         GroupState::cancelled})
        if (name == group_state_name(s)) return s;
    return std::nullopt;
}

const char* seat_state_name(SeatState state) noexcept {
    switch (state) {
        case SeatState::reserved: return "reserved";
        case SeatState::paid: return "paid";
        case SeatState::released: return "released";
        case SeatState::left: return "left";
    }
    return "unknown";
}

std::optional<SeatState> seat_state_from_name(std::string_view name) noexcept {
    for (SeatState s : {SeatState::reserved, SeatState::paid, SeatState::released, SeatState::left})
        if (name == seat_state_name(s)) return s;
    return std::nullopt;
}

int64_t Group::paid_members() const {
    int64_t n = 0;
    for (const GroupSeat& s : seats)
        if (s.state == SeatState::paid) ++n;
    return n;
}

int64_t Group::taken_seats() const {
    int64_t n = 0;
    for (const GroupSeat& s : seats)
        if (s.holds_place()) ++n;
    return n;
}

const GroupSeat* Group::seat_of_user(const std::string& user_id) const {
    for (const GroupSeat& s : seats)
        if (s.user_id == user_id && s.holds_place()) return &s;
    return nullptr;
}

const GroupSeat* Group::seat_of_order(const std::string& order_id) const {
    for (const GroupSeat& s : seats)
        if (s.order_id == order_id) return &s;
    return nullptr;
}

DeadlineOutcome outcome_at_deadline(const Group& group, const GroupCampaign& campaign) {
    if (campaign.virtual_fill_min_members && group.paid_members() >= *campaign.virtual_fill_min_members)
        return DeadlineOutcome::fill_virtually;
    return DeadlineOutcome::fail;
}

std::optional<Error> join_refusal(const Group& group, const std::string& user_id, int64_t now) {
    const auto refused = [](sc_status_t code, const char* message) { return Error(code, message, "group_id"); };
    switch (group.state) {
        case GroupState::pending: return refused(SC_ERR_INVALID_STATE, "the group opens when its leader has paid");
        case GroupState::filled: return refused(SC_ERR_GROUP_FULL, "the group is already filled");
        case GroupState::failed: return refused(SC_ERR_INVALID_STATE, "the group has failed");
        case GroupState::cancelled: return refused(SC_ERR_INVALID_STATE, "the group was cancelled");
        case GroupState::open: break;
    }
    if (now >= group.deadline) return refused(SC_ERR_EXPIRED, "the group's deadline has passed");
    if (group.leader_user_id == user_id) return refused(SC_ERR_INVALID_STATE, "a leader cannot join their own group");
    if (group.seat_of_user(user_id)) return refused(SC_ERR_INVALID_STATE, "the shopper already has a seat in this group");
    if (group.seats_left() <= 0) return refused(SC_ERR_GROUP_FULL, "every seat of the group is taken");
    return std::nullopt;
}

std::string next_leader(const Group& group) {
    const GroupSeat* best = nullptr;
    for (const GroupSeat& s : group.seats) {
        if (s.state != SeatState::paid) continue;
        if (!best || std::tie(s.paid_at, s.position) < std::tie(best->paid_at, best->position)) best = &s;
    }
    return best ? best->user_id : "";
}

bool listed_before(const Group& a, const Group& b) {
    return std::make_tuple(a.seats_left(), a.deadline, a.id) < std::make_tuple(b.seats_left(), b.deadline, b.id);
}

}  // namespace sc
