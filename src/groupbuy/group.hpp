#pragma once
// A group of a group-buy campaign and its seats (FEATURES §7, docs/group-buy.md). The
// state machine is explicit and every transition is a function here; the engine stores
// what these functions decide. Plain values, no storage.
#include "core/error.hpp"
#include "groupbuy/group_campaign.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

// pending: the leader's order is not paid yet (nobody can join);
// open: the leader paid, members join until the deadline;
// filled: N members paid (or, at the deadline, enough did and virtual ones completed it);
// failed: the deadline passed unfilled, every paid member is owed a refund;
// cancelled: the leader's order was cancelled or lapsed before it was paid.
enum class GroupState { pending = 1, open = 2, filled = 3, failed = 4, cancelled = 5 };

const char* group_state_name(GroupState state) noexcept;
std::optional<GroupState> group_state_from_name(std::string_view name) noexcept;

// reserved: held by an unpaid order for its payment window; paid; released: the unpaid
// order was cancelled or lapsed; left: the paid order was refunded while the group was
// open, which frees the seat.
enum class SeatState { reserved = 1, paid = 2, released = 3, left = 4 };

const char* seat_state_name(SeatState state) noexcept;
std::optional<SeatState> seat_state_from_name(std::string_view name) noexcept;

struct GroupSeat {
    std::string order_id;
    std::string user_id;
    int64_t position = 0;  // 1 for the seat that opened the group, then in joining order
    int64_t quantity = 0;
    SeatState state = SeatState::reserved;
    int64_t reserved_at = 0;
    int64_t paid_at = 0;  // 0 until paid

    bool holds_place() const { return state == SeatState::reserved || state == SeatState::paid; }
    bool operator==(const GroupSeat&) const = default;
};

struct Group {
    std::string id;
    std::string campaign_id;
    std::string leader_user_id;  // the earliest paid member still in it (or the opener while pending)
    int64_t size = 0;            // N, copied from the campaign when the group was made
    GroupState state = GroupState::pending;
    int64_t created_at = 0;
    int64_t opened_at = 0;  // the leader's payment; 0 while pending
    int64_t deadline = 0;   // 0 while pending
    int64_t ended_at = 0;   // filled, failed or cancelled at; 0 before
    int64_t virtual_members = 0;
    std::vector<GroupSeat> seats;  // by position

    int64_t paid_members() const;
    // Seats reserved by unpaid orders or paid: never more than size.
    int64_t taken_seats() const;
    int64_t seats_left() const { return size - taken_seats(); }
    const GroupSeat* seat_of_user(const std::string& user_id) const;
    const GroupSeat* seat_of_order(const std::string& order_id) const;
    bool ended() const { return state == GroupState::filled || state == GroupState::failed || state == GroupState::cancelled; }
};

// What happens to an open group at its deadline.
enum class DeadlineOutcome { fail, fill_virtually };

// An open group past its deadline fills virtually when the campaign allows it and enough
// members paid; otherwise it fails.
DeadlineOutcome outcome_at_deadline(const Group& group, const GroupCampaign& campaign);

// Why `user_id` may not take a seat in `group` at `now`, or nothing when they may:
// SC_ERR_INVALID_STATE (field "group_id") when it is not open or has ended, or when the user
// leads it or already holds a seat in it; SC_ERR_EXPIRED when its deadline has passed;
// SC_ERR_GROUP_FULL when every seat is reserved or paid. Returned rather than thrown: a full
// group is what most shoppers of a rush are told (engine/groupbuy_steps.hpp).
std::optional<Error> join_refusal(const Group& group, const std::string& user_id, int64_t now);

// Who leads after the leader's seat was freed: the earliest remaining paid member, by
// payment time then position; "" when no paid member remains.
std::string next_leader(const Group& group);

// Discovery order: fewer seats left first ("1 more person needed"), then the earlier
// deadline, then the id.
bool listed_before(const Group& a, const Group& b);

}  // namespace sc
