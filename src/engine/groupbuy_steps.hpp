#pragma once
// Group-buy steps shared by the checkout, payment, cancellation, refund and sweep use
// cases (docs/group-buy.md). Each runs inside its caller's transaction.
#include "engine/engine.hpp"
#include "groupbuy/group.hpp"

#include <string>

namespace sc::steps {

// Saves a campaign (unchanged: no write, no event). Its SKU must exist, and a stock must
// cover what the campaign has sold and what unpaid orders hold; errors name `<prefix>field`.
void save_group_campaign(Tx& tx, const GroupCampaign& campaign, const std::string& prefix);

// Loads a group with its seats or fails with SC_ERR_NOT_FOUND (field: group_id).
Group require_group(Connection& db, const std::string& group_id);

GroupCampaign require_group_campaign(Connection& db, const std::string& campaign_id, const std::string& field);

// A group checkout's line (the campaign's SKU) and its group price offer, for a quote or a
// checkout. Reads only.
void add_group_line(Connection& db, PricingRequest& request, const GroupChoice& choice, bool check_stock);

struct GroupCheckout {
    GroupCampaign campaign;
    Group group;                // the group joined, or the one the checkout opens
    bool opening = false;
    int64_t pay_deadline_cap = 0;  // the order's payment window ends by then
};

// Before the order is stored: every rule of opening or joining (FEATURES §7), with the
// shopper's lapsed seats settled first. Throws with the rule's status and field, except the
// group's own rules of joining (full, ended, the shopper's own or already seated), which
// refuse through Tx::refuse: in a rush most shoppers are told the group is full, and
// unwinding the checkout for each cost more than the rest of the refusal. The caller
// returns when tx.refusal is set.
GroupCheckout prepare_group_checkout(Tx& tx, const std::string& user_id, const GroupChoice& choice);

// After the order is stored: the group (when opening), its seat and campaign-stock holds,
// the seat row and their events. SC_ERR_GROUP_FULL when the last seat went to another.
void seat_group_order(Tx& tx, GroupCheckout& checkout, const Order& order, int64_t quantity);

// At payment, after the holds were committed: the seat is paid, a pending group opens and
// the last seat fills it. Sets the order's state (awaiting group or group confirmed).
void pay_group_seat(Tx& tx, Order& order);

// The order holding the seat was cancelled or lapsed: the seat is free again; a pending
// group whose leader's order it was is cancelled.
void release_group_seat(Tx& tx, const Order& order);

// After a refund: a member whose order is now fully refunded leaves an open group, which
// frees the seat (and the leader's place goes to the earliest remaining paid member).
void refund_group_seat(Tx& tx, const Order& order);

// Settles the order's group first if its deadline has come (before a refund reads the order).
void settle_group_of_order(Tx& tx, const std::string& order_id);

// Settles up to `limit` open groups whose deadline has come: each fails or is virtually
// filled. Returns how many.
int64_t settle_due_groups(Tx& tx, int64_t limit);
bool groups_due(Connection& db, int64_t now);

// What a read at `now` sees: a group past its deadline as the settlement will leave it,
// and a group order's state with it.
Group group_as_of(Connection& db, Group group, int64_t now);
Order group_order_as_of(Connection& db, Order order, int64_t now);

}  // namespace sc::steps
