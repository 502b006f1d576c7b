#include "engine/groupbuy_steps.hpp"

#include "cart/cart.hpp"
#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/text.hpp"
#include "engine/steps.hpp"
#include "program/group_buy_json.hpp"
#include "program/strict_json.hpp"
#include "store/catalog_store.hpp"
#include "store/coupon_store.hpp"
#include "store/groupbuy_store.hpp"
#include "store/order_store.hpp"
#include "store/parsed_by_text.hpp"

namespace sc::steps {

namespace {

[[noreturn]] void fail_no_group(const std::string& group_id) {
    fail(SC_ERR_NOT_FOUND, "no group " + group_id, "group_id");
}

}  // namespace

Group require_group(Connection& db, const std::string& group_id) {
    auto group = store::find_group(db, group_id);
    if (!group) fail_no_group(group_id);
    return std::move(*group);
}

namespace {

GroupSeat& seat_for(Group& group, const std::string& order_id) {
    for (GroupSeat& s : group.seats)
        if (s.order_id == order_id) return s;
    fail(SC_ERR_INTERNAL, "an order's seat is not in its group");
}

nlohmann::json seat_payload(const Group& group, const GroupSeat& seat) {
    return {{"group_id", group.id},       {"order_id", seat.order_id}, {"user_id", seat.user_id},
            {"position", seat.position}, {"quantity", seat.quantity}, {"paid_members", group.paid_members()},
            {"seats_left", group.seats_left()}};
}

// `paying` is the order whose payment fills the group: its state is its caller's to save.
void fill_group(Tx& tx, Group& group, int64_t virtual_members, int64_t at, Order* paying) {
    group.state = GroupState::filled;
    group.ended_at = at;
    group.virtual_members = virtual_members;
    store::save_group(tx.db, group);
    nlohmann::json orders = nlohmann::json::array();
    for (const GroupSeat& s : group.seats) {
        if (s.state != SeatState::paid) continue;
        orders.push_back(s.order_id);
        if (paying && s.order_id == paying->id) paying->state = SC_ORDER_GROUP_CONFIRMED;
        else store::move_order_state(tx.db, s.order_id, SC_ORDER_AWAITING_GROUP, SC_ORDER_GROUP_CONFIRMED);
    }
    tx.emit(NewEvent{"group.filled", group.id,
                     {{"group_id", group.id}, {"campaign_id", group.campaign_id}, {"paid_members", group.paid_members()},
                      {"virtual_members", virtual_members}, {"orders", std::move(orders)},
                      {"fill_ms", at - group.opened_at}}});
}

void fail_group(Tx& tx, Group& group) {
    group.state = GroupState::failed;
    group.ended_at = group.deadline;
    store::save_group(tx.db, group);
    tx.emit(NewEvent{"group.failed", group.id,
                     {{"group_id", group.id}, {"campaign_id", group.campaign_id},
                      {"paid_members", group.paid_members()}, {"size", group.size}}});
    for (const GroupSeat& s : group.seats) {
        if (s.state != SeatState::paid) continue;
        store::move_order_state(tx.db, s.order_id, SC_ORDER_AWAITING_GROUP, SC_ORDER_GROUP_FAILED);
        const Order order = require_order(tx.db, s.order_id);
        // Each member's own order, with its own amount: the host refunds each one. The
        // amount is what the refund calls can return (the goods); shipping is the host's.
        tx.emit(NewEvent{"group.refund_due", order.id,
                         {{"order_id", order.id}, {"group_id", group.id}, {"user_id", order.user_id},
                          {"amount", order.goods_total() - order.refunded()}, {"shipping", order.shipping},
                          {"currency", order.currency}}});
        store::return_campaign_stock(tx.db, group.campaign_id, s.quantity);
    }
}

void settle_group(Tx& tx, Group& group) {
    // Unpaid seats lapsed by now: their payment windows end by the deadline.
    for (const GroupSeat& s : group.seats) {
        if (s.state != SeatState::reserved) continue;
        Order unpaid = require_order(tx.db, s.order_id);
        if (unpaid.state == SC_ORDER_CREATED) cancel_order(tx, unpaid, SC_CANCEL_PAYMENT_LAPSED);
    }
    group = require_group(tx.db, group.id);
    const GroupCampaign campaign = require_group_campaign(tx.db, group.campaign_id, "campaign_id");
    if (outcome_at_deadline(group, campaign) == DeadlineOutcome::fill_virtually)
        fill_group(tx, group, group.size - group.paid_members(), group.deadline, nullptr);
    else
        fail_group(tx, group);
}

// The group as a write must see it: past its deadline it is settled first.
Group current_group(Tx& tx, const std::string& group_id) {
    Group group = require_group(tx.db, group_id);
    if (group.state == GroupState::open && tx.now >= group.deadline) settle_group(tx, group);
    return group;
}

void require_window(const GroupCampaign& campaign, int64_t now) {
    if (now < campaign.starts_at)
        fail(SC_ERR_INVALID_STATE, "campaign " + campaign.id + " has not started", "campaign_id");
    if (now >= campaign.ends_at) fail(SC_ERR_EXPIRED, "campaign " + campaign.id + " has ended", "campaign_id");
}

void require_choice(const GroupChoice& choice) {
    if (choice.mode == GroupChoice::Mode::open) require_id(choice.campaign_id, "campaign_id");
    else if (choice.mode == GroupChoice::Mode::join) require_id(choice.group_id, "group_id");
    else fail(SC_ERR_INVALID_ARGUMENT, "not a group checkout", "group");
    if (choice.quantity < 1) fail(SC_ERR_INVALID_ARGUMENT, "quantity must be at least 1", "quantity");
}

}  // namespace

void save_group_campaign(Tx& tx, const GroupCampaign& campaign, const std::string& prefix) {
    if (!store::find_sku(tx.db, campaign.sku_id))
        fail(SC_ERR_VALIDATION, prefix + "sku_id: names no SKU", prefix + "sku_id");
    const auto stored = store::find_group_campaign(tx.db, campaign.id);
    const std::string definition = group_campaign_json(campaign).dump();
    if (stored && stored->definition == definition) return;
    std::optional<int64_t> stock_left;
    if (campaign.stock) {
        const int64_t sold = store::campaign_units_sold(tx.db, campaign.id);
        const int64_t held = stored ? stored->reserved : 0;
        if (*campaign.stock < checked_add(sold, held, "units"))
            fail(SC_ERR_VALIDATION,
                 prefix + "stock: the campaign has sold " + std::to_string(sold) + " and unpaid orders hold " +
                     std::to_string(held),
                 prefix + "stock");
        stock_left = *campaign.stock - sold;
    } else if (stored && stored->reserved > 0) {
        fail(SC_ERR_VALIDATION, prefix + "stock: unpaid orders hold the campaign's stock", prefix + "stock");
    }
    store::save_group_campaign(tx.db, campaign.id, campaign.sku_id, definition, stock_left);
    tx.emit(NewEvent{"group_campaign.put", campaign.id, nlohmann::json::parse(definition)});
}

GroupCampaign require_group_campaign(Connection& db, const std::string& campaign_id, const std::string& field) {
    const auto row = store::find_group_campaign(db, campaign_id);
    if (!row) fail(SC_ERR_NOT_FOUND, "no group-buy campaign " + campaign_id, field);
    // Read by every group checkout and payment: parsed once per text, as rules are.
    static store::ParsedByText<GroupCampaign> parsed;
    return parsed.get(row->definition, [](const std::string& text) {
        return parse_group_campaign_json(parse_strict_json(text), "");
    });
}

void add_group_line(Connection& db, PricingRequest& request, const GroupChoice& choice, bool check_stock) {
    require_choice(choice);
    const bool opening = choice.mode == GroupChoice::Mode::open;
    std::string campaign_id = choice.campaign_id;
    if (!opening) {
        auto of_group = store::campaign_of_group(db, choice.group_id);
        if (!of_group) fail_no_group(choice.group_id);
        campaign_id = std::move(*of_group);
    }
    const GroupCampaign campaign = require_group_campaign(db, campaign_id, "campaign_id");
    Sku sku = require_sku(db, campaign.sku_id);
    if (check_stock) check_line_quantity(sku, choice.quantity, available_stock(db, sku, request.now));
    request.item_offers.push_back(
        ItemPriceOffer{sku.id, group_unit_price(campaign, opening), ItemPriceKind::group, campaign.id});
    request.lines.push_back(PricingInput{std::move(sku), choice.quantity});
}

namespace {

// The campaign's limits on one order and on one shopper, for opening and joining alike.
void require_within_limits(Connection& db, const std::string& user_id, const GroupChoice& choice,
                           const GroupCampaign& c) {
    if (choice.quantity > c.max_units_per_order)
        fail(SC_ERR_LIMIT_EXCEEDED, "at most " + std::to_string(c.max_units_per_order) + " per group order", "quantity");
    if (c.max_units_per_user &&
        checked_add(store::user_campaign_units(db, user_id, c.id), choice.quantity, "units") > *c.max_units_per_user)
        fail(SC_ERR_LIMIT_EXCEEDED,
             "at most " + std::to_string(*c.max_units_per_user) + " units of this campaign per shopper", "quantity");
}

}  // namespace

GroupCheckout prepare_group_checkout(Tx& tx, const std::string& user_id, const GroupChoice& choice) {
    require_choice(choice);
    // The shopper's own lapsed seats count against no limit once settled.
    for (const auto& id : store::lapsed_seat_orders_of_user(tx.db, user_id, tx.now)) {
        Order lapsed = require_order(tx.db, id);
        cancel_order(tx, lapsed, SC_CANCEL_PAYMENT_LAPSED);
    }
    GroupCheckout out;
    out.opening = choice.mode == GroupChoice::Mode::open;
    if (!out.opening) {
        out.group = current_group(tx, choice.group_id);
        // Seats whose payment lapsed are free again before the group is judged full.
        if (settle_lapsed_holders(tx, "group_seat", out.group.id, 0) > 0) out.group = require_group(tx.db, choice.group_id);
        out.campaign = require_group_campaign(tx.db, out.group.campaign_id, "campaign_id");
        // The rules of joining, in the order a refusal names them.
        require_window(out.campaign, tx.now);
        require_within_limits(tx.db, user_id, choice, out.campaign);
        if (out.campaign.new_users_only && store::has_paid_order(tx.db, user_id))
            fail(SC_ERR_INVALID_STATE, "only shoppers who have not paid an order yet may join this campaign's groups",
                 "user_id");
        if (std::optional<Error> refusal = join_refusal(out.group, user_id, tx.now)) tx.refuse(std::move(*refusal));
        out.pay_deadline_cap = out.group.deadline;
        return out;
    }
    out.campaign = require_group_campaign(tx.db, choice.campaign_id, "campaign_id");
    const GroupCampaign& c = out.campaign;
    require_window(c, tx.now);
    require_within_limits(tx.db, user_id, choice, c);
    if (store::live_group_led_by(tx.db, user_id, c.id))
        fail(SC_ERR_INVALID_STATE, "the shopper already leads a group of this campaign", "campaign_id");
    out.group.id = new_id("grp");
    out.group.campaign_id = c.id;
    out.group.leader_user_id = user_id;
    out.group.size = c.group_size;
    out.group.state = GroupState::pending;
    out.group.created_at = tx.now;
    out.pay_deadline_cap = c.ends_at;
    return out;
}

void seat_group_order(Tx& tx, GroupCheckout& checkout, const Order& order, int64_t quantity) {
    Group& group = checkout.group;
    if (checkout.opening) {
        store::insert_group(tx.db, group);
        tx.emit(NewEvent{"group.created", group.id,
                         {{"group_id", group.id}, {"campaign_id", group.campaign_id},
                          {"leader_user_id", group.leader_user_id}, {"size", group.size}, {"order_id", order.id}}});
    }
    std::vector<Hold> holds{Hold{new_id("hold"), order.id, "group_seat", group.id, 1, HoldState::held, order.pay_deadline}};
    if (checkout.campaign.stock)
        holds.push_back(Hold{new_id("hold"), order.id, "group_stock", checkout.campaign.id, quantity, HoldState::held,
                             order.pay_deadline});
    for (const Hold& hold : holds) {
        place_hold(tx, hold, hold.kind == "group_seat" ? SC_ERR_GROUP_FULL : SC_ERR_OUT_OF_STOCK);
        nlohmann::json payload = hold_payload(hold);
        payload["expires_at"] = hold.expires_at;
        tx.emit(NewEvent{"hold.placed", order.id, std::move(payload)});
    }
    GroupSeat seat{order.id, order.user_id, store::next_seat_position(tx.db, group.id), quantity, SeatState::reserved,
                   tx.now, 0};
    store::insert_seat(tx.db, group.id, group.campaign_id, seat);
    group.seats.push_back(seat);
    nlohmann::json payload = seat_payload(group, seat);
    payload["expires_at"] = order.pay_deadline;
    tx.emit(NewEvent{"group.seat_reserved", group.id, std::move(payload)});
}

void pay_group_seat(Tx& tx, Order& order) {
    const auto group_id = store::group_of_order(tx.db, order.id);
    if (!group_id) return;
    Group group = current_group(tx, *group_id);
    if (group.state != GroupState::pending && group.state != GroupState::open)
        fail(SC_ERR_INVALID_STATE, std::string("the order's group is ") + group_state_name(group.state), "order_id");
    GroupSeat& seat = seat_for(group, order.id);
    if (seat.state != SeatState::reserved) fail(SC_ERR_INTERNAL, "a paid order's seat was not reserved");
    seat.state = SeatState::paid;
    seat.paid_at = tx.now;
    store::save_seat(tx.db, seat);
    if (group.state == GroupState::pending) {
        const GroupCampaign campaign = require_group_campaign(tx.db, group.campaign_id, "campaign_id");
        group.state = GroupState::open;
        group.opened_at = tx.now;
        group.deadline = group_deadline(campaign, tx.now);
        store::save_group(tx.db, group);
        tx.emit(NewEvent{"group.opened", group.id,
                         {{"group_id", group.id}, {"campaign_id", group.campaign_id},
                          {"leader_user_id", group.leader_user_id}, {"size", group.size},
                          {"deadline", group.deadline}}});
    }
    tx.emit(NewEvent{"group.seat_paid", group.id, seat_payload(group, seat)});
    order.state = SC_ORDER_AWAITING_GROUP;
    if (group.paid_members() == group.size) fill_group(tx, group, 0, tx.now, &order);
}

void release_group_seat(Tx& tx, const Order& order) {
    const auto group_id = store::group_of_order(tx.db, order.id);
    if (!group_id) return;
    Group group = require_group(tx.db, *group_id);
    GroupSeat& seat = seat_for(group, order.id);
    if (seat.state != SeatState::reserved) return;
    seat.state = SeatState::released;
    store::save_seat(tx.db, seat);
    tx.emit(NewEvent{"group.seat_released", group.id, seat_payload(group, seat)});
    if (group.state == GroupState::pending) {
        group.state = GroupState::cancelled;
        group.ended_at = tx.now;
        store::save_group(tx.db, group);
        tx.emit(NewEvent{"group.cancelled", group.id,
                         {{"group_id", group.id}, {"campaign_id", group.campaign_id}, {"reason", "leader_unpaid"}}});
    }
}

void refund_group_seat(Tx& tx, const Order& order) {
    if (order.state != SC_ORDER_REFUNDED) return;
    const auto group_id = store::group_of_order(tx.db, order.id);
    if (!group_id) return;
    Group group = current_group(tx, *group_id);
    if (group.state != GroupState::open) return;  // a refund after the fill does not un-fill it
    GroupSeat& seat = seat_for(group, order.id);
    if (seat.state != SeatState::paid) return;
    seat.state = SeatState::left;
    store::save_seat(tx.db, seat);
    store::free_group_seat(tx.db, group.id);
    store::return_campaign_stock(tx.db, group.campaign_id, seat.quantity);
    tx.emit(NewEvent{"group.member_left", group.id, seat_payload(group, seat)});
    if (seat.user_id != group.leader_user_id) return;
    const std::string next = next_leader(group);
    if (next.empty()) {
        group.state = GroupState::cancelled;
        group.ended_at = tx.now;
        store::save_group(tx.db, group);
        tx.emit(NewEvent{"group.cancelled", group.id,
                         {{"group_id", group.id}, {"campaign_id", group.campaign_id}, {"reason", "emptied"}}});
        return;
    }
    tx.emit(NewEvent{"group.leader_changed", group.id,
                     {{"group_id", group.id}, {"from", group.leader_user_id}, {"to", next}}});
    group.leader_user_id = next;
    store::save_group(tx.db, group);
}

void settle_group_of_order(Tx& tx, const std::string& order_id) {
    if (const auto group_id = store::group_of_order(tx.db, order_id)) current_group(tx, *group_id);
}

int64_t settle_due_groups(Tx& tx, int64_t limit) {
    if (limit <= 0) return 0;
    const auto ids = store::due_group_ids(tx.db, tx.now, limit);
    for (const auto& id : ids) {
        Group group = require_group(tx.db, id);
        settle_group(tx, group);
    }
    return static_cast<int64_t>(ids.size());
}

bool groups_due(Connection& db, int64_t now) { return !store::due_group_ids(db, now, 1).empty(); }

Group group_as_of(Connection& db, Group group, int64_t now) {
    for (GroupSeat& s : group.seats) {
        if (s.state != SeatState::reserved) continue;
        if (store::order_payment_lapsed(db, s.order_id, now)) s.state = SeatState::released;
    }
    if (group.state == GroupState::pending && group.paid_members() == 0 && group.taken_seats() == 0) {
        group.state = GroupState::cancelled;
        return group;
    }
    if (group.state != GroupState::open || now < group.deadline) return group;
    const GroupCampaign campaign = require_group_campaign(db, group.campaign_id, "campaign_id");
    group.ended_at = group.deadline;
    if (outcome_at_deadline(group, campaign) == DeadlineOutcome::fill_virtually) {
        group.state = GroupState::filled;
        group.virtual_members = group.size - group.paid_members();
    } else {
        group.state = GroupState::failed;
    }
    return group;
}

Order group_order_as_of(Connection& db, Order order, int64_t now) {
    if (order.state != SC_ORDER_AWAITING_GROUP) return order;
    const auto group_id = store::group_of_order(db, order.id);
    if (!group_id) return order;
    const Group group = group_as_of(db, require_group(db, *group_id), now);
    if (group.state == GroupState::filled) order.state = SC_ORDER_GROUP_CONFIRMED;
    if (group.state == GroupState::failed) order.state = SC_ORDER_GROUP_FAILED;
    return order;
}

}  // namespace sc::steps
