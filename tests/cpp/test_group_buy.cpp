// Group-buy (FEATURES §7): the campaign's rules, the group's state machine, and the engine
// opening, joining, filling, failing and refunding groups through checkout, payment,
// cancellation, refunds and deadlines.
#include "groupbuy/group.hpp"
#include "program/program_document.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <set>
#include <thread>

using namespace sc;
using namespace sc::test;

namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kT0 = 1'795'428'000'000;  // the ManualClock's start

GroupCampaign mooncakes(int64_t size = 3) {
    GroupCampaign c;
    c.id = "mid-autumn";
    c.sku_id = "box";
    c.group_price = 9900;
    c.group_size = size;
    c.lifetime_minutes = 24 * 60;
    c.starts_at = kT0 - kMinute;
    c.ends_at = kT0 + 10 * 24 * 60 * kMinute;
    c.max_units_per_order = 2;
    return c;
}

GroupChoice open_of(const std::string& campaign, int64_t quantity = 1) {
    GroupChoice g;
    g.mode = GroupChoice::Mode::open;
    g.campaign_id = campaign;
    g.quantity = quantity;
    return g;
}

GroupChoice join_of(const std::string& group, int64_t quantity = 1) {
    GroupChoice g;
    g.mode = GroupChoice::Mode::join;
    g.group_id = group;
    g.quantity = quantity;
    return g;
}

struct GroupShop {
    TempDb db;
    ManualClock clock;
    Engine engine{config_for(db, clock)};
    int keys = 0;

    explicit GroupShop(const GroupCampaign& campaign = mooncakes()) {
        engine.put_sku(make_sku("box", 12800, 100));
        engine.put_sku(make_sku("tea", 4400));
        engine.put_group_campaign(campaign);
    }
    Order checkout(const std::string& user, const GroupChoice& choice) {
        CheckoutRequest request;
        request.group = choice;
        return engine.checkout(user, request, "co-" + std::to_string(++keys));
    }
    Order pay(const Order& order) {
        const std::string k = "pay-" + std::to_string(++keys);
        return engine.pay(order.id, k, order.total, k);
    }
    // Opens and pays a group: the group's id.
    std::string lead(const std::string& user) {
        const Order order = pay(checkout(user, open_of("mid-autumn")));
        CHECK(order.state == SC_ORDER_AWAITING_GROUP);
        return group_of(order);
    }
    Order join(const std::string& user, const std::string& group) { return pay(checkout(user, join_of(group))); }
    std::string group_of(const Order& order) {
        for (const Group& g : engine.groups_of_user(order.user_id, 100))
            for (const GroupSeat& s : g.seats)
                if (s.order_id == order.id) return g.id;
        FAIL("the order has no seat");
        return "";
    }
    int64_t count(const std::string& type) { return static_cast<int64_t>(engine.events_of_type(type, 0, 1000).size()); }
};

}  // namespace

TEST_CASE("a campaign's settings are checked, and a group's deadline is the earlier of its lifetime and the campaign end") {
    GroupCampaign c = mooncakes();
    validate_group_campaign(c, "");
    auto refused = [&](auto change, const char* field) {
        GroupCampaign bad = mooncakes();
        change(bad);
        CHECK_SC_ERROR_FIELD(validate_group_campaign(bad, "x."), SC_ERR_VALIDATION, std::string("x.") + field);
    };
    refused([](GroupCampaign& b) { b.group_size = 1; }, "group_size");
    refused([](GroupCampaign& b) { b.group_size = 101; }, "group_size");
    refused([](GroupCampaign& b) { b.lifetime_minutes = 0; }, "lifetime_minutes");
    refused([](GroupCampaign& b) { b.ends_at = b.starts_at; }, "ends_at");
    refused([](GroupCampaign& b) { b.group_price = -1; }, "group_price");
    refused([](GroupCampaign& b) { b.virtual_fill_min_members = 3; }, "virtual_fill.min_real_members");
    refused([](GroupCampaign& b) { b.virtual_fill_min_members = 0; }, "virtual_fill.min_real_members");
    refused([](GroupCampaign& b) { b.max_units_per_user = 1; }, "limits.max_units_per_user");
    refused([](GroupCampaign& b) { b.leader_price = 5; }, "leader.price");
    refused([](GroupCampaign& b) { b.sku_id = ""; }, "sku_id");

    // Counted from the leader's payment, cut short by the campaign's end, never from its start.
    CHECK(group_deadline(c, kT0) == kT0 + 24 * 60 * kMinute);
    CHECK(group_deadline(c, c.ends_at - kMinute) == c.ends_at);
    CHECK(group_unit_price(c, true) == 9900);
    c.leader_pricing = LeaderPricing::leader_price;
    c.leader_price = 8800;
    CHECK(group_unit_price(c, true) == 8800);
    CHECK(group_unit_price(c, false) == 9900);
    c.leader_pricing = LeaderPricing::free;
    CHECK(group_unit_price(c, true) == 0);
}

namespace {

// The status joining would be refused with; SC_OK when the user may join.
sc_status_t refusal_code(const Group& group, const std::string& user_id, int64_t now) {
    const std::optional<Error> refusal = join_refusal(group, user_id, now);
    return refusal ? refusal->code() : SC_OK;
}

}  // namespace

TEST_CASE("joining: not a pending, ended, full or own group, nor twice; the next leader is the earliest paid member") {
    Group g;
    g.id = "g";
    g.size = 3;
    g.state = GroupState::pending;
    g.leader_user_id = "ann";
    g.deadline = 1000;
    g.seats = {GroupSeat{"o1", "ann", 1, 1, SeatState::reserved, 0, 0}};
    CHECK(refusal_code(g, "bo", 10) == SC_ERR_INVALID_STATE);
    g.state = GroupState::open;
    g.seats[0].state = SeatState::paid;
    g.seats[0].paid_at = 5;
    CHECK(refusal_code(g, "bo", 10) == SC_OK);
    CHECK(refusal_code(g, "ann", 10) == SC_ERR_INVALID_STATE);
    CHECK(refusal_code(g, "bo", 1000) == SC_ERR_EXPIRED);
    g.seats.push_back(GroupSeat{"o2", "bo", 2, 1, SeatState::reserved, 6, 0});
    CHECK(refusal_code(g, "bo", 10) == SC_ERR_INVALID_STATE);
    g.seats.push_back(GroupSeat{"o3", "cy", 3, 1, SeatState::paid, 7, 8});
    CHECK(g.seats_left() == 0);
    CHECK(refusal_code(g, "di", 10) == SC_ERR_GROUP_FULL);
    CHECK(join_refusal(g, "di", 10)->field() == "group_id");
    g.seats[1].state = SeatState::released;  // a lapsed seat is free again
    CHECK(refusal_code(g, "di", 10) == SC_OK);
    g.state = GroupState::filled;
    CHECK(refusal_code(g, "di", 10) == SC_ERR_GROUP_FULL);
    g.state = GroupState::failed;
    CHECK(refusal_code(g, "di", 10) == SC_ERR_INVALID_STATE);

    g.seats[0].state = SeatState::left;
    CHECK(next_leader(g) == "cy");
    g.seats[2].state = SeatState::left;
    CHECK(next_leader(g).empty());

    Group a = g, b = g;
    a.id = "a";
    b.id = "b";
    a.state = b.state = GroupState::open;
    a.seats = {GroupSeat{"x", "u", 1, 1, SeatState::paid, 0, 1}};
    b.seats = {GroupSeat{"y", "u", 1, 1, SeatState::paid, 0, 1}, GroupSeat{"z", "v", 2, 1, SeatState::paid, 0, 2}};
    CHECK(listed_before(b, a));  // one seat left before two
    b.seats.pop_back();
    b.deadline = a.deadline - 1;
    CHECK(listed_before(b, a));  // then the earlier deadline
}

TEST_CASE("a leader's payment opens the group; friends join at the group price; the last seat fills it") {
    GroupShop shop;
    const Order lead = shop.checkout("ann", open_of("mid-autumn", 2));
    CHECK(lead.total == 2 * 9900);
    CHECK(lead.lines.at(0).unit_price == 12800);
    CHECK(lead.lines.at(0).net == 2 * 9900);
    const std::string gid = shop.group_of(lead);
    CHECK(shop.engine.group(gid).state == GroupState::pending);
    // Nobody joins a group before its leader has paid.
    CHECK_SC_ERROR(shop.checkout("bo", join_of(gid)), SC_ERR_INVALID_STATE);
    shop.clock.advance_ms(5 * kMinute);
    const Order paid = shop.pay(lead);
    CHECK(paid.state == SC_ORDER_AWAITING_GROUP);
    Group g = shop.engine.group(gid);
    CHECK(g.state == GroupState::open);
    CHECK(g.opened_at == kT0 + 5 * kMinute);
    CHECK(g.deadline == kT0 + 5 * kMinute + 24 * 60 * kMinute);
    CHECK(g.seats_left() == 2);
    // The cart is not the group's: a group checkout leaves it as it is.
    shop.engine.cart_add("bo", "tea", 1);
    const Order bo = shop.join("bo", gid);
    CHECK(bo.total == 9900);
    CHECK(bo.state == SC_ORDER_AWAITING_GROUP);
    CHECK(shop.engine.cart("bo").lines.size() == 1);
    CHECK_SC_ERROR_FIELD(shop.checkout("ann", join_of(gid)), SC_ERR_INVALID_STATE, "group_id");  // own group
    CHECK_SC_ERROR_FIELD(shop.checkout("bo", join_of(gid)), SC_ERR_INVALID_STATE, "group_id");   // twice
    const Order cy = shop.join("cy", gid);
    CHECK(cy.state == SC_ORDER_GROUP_CONFIRMED);
    CHECK(shop.engine.order(lead.id).state == SC_ORDER_GROUP_CONFIRMED);
    CHECK(shop.engine.order(bo.id).state == SC_ORDER_GROUP_CONFIRMED);
    g = shop.engine.group(gid);
    CHECK(g.state == GroupState::filled);
    CHECK(g.paid_members() == 3);
    CHECK(g.virtual_members == 0);
    CHECK_SC_ERROR(shop.checkout("di", join_of(gid)), SC_ERR_GROUP_FULL);
    CHECK(shop.count("group.filled") == 1);
    CHECK(shop.count("group.seat_paid") == 3);
    // A refund after the fill does not un-fill it.
    shop.engine.refund_line(bo.id, 0, 1, "r1");
    CHECK(shop.engine.group(gid).state == GroupState::filled);
    CHECK(shop.engine.order(bo.id).state == SC_ORDER_REFUNDED);
}

TEST_CASE("an unpaid seat holds the place for its window, capped by the group's deadline, then frees it") {
    GroupShop shop(mooncakes(2));
    const std::string gid = shop.lead("ann");
    const Order bo = shop.checkout("bo", join_of(gid));
    CHECK(bo.pay_deadline == bo.created_at + EngineConfig{}.payment_window_ms);
    CHECK(shop.engine.group(gid).seats_left() == 0);
    CHECK_SC_ERROR(shop.checkout("cy", join_of(gid)), SC_ERR_GROUP_FULL);
    shop.clock.advance_ms(EngineConfig{}.payment_window_ms);
    // The lapsed seat reads free at once, and the next joiner takes it.
    CHECK(shop.engine.group(gid).seats_left() == 1);
    CHECK(shop.engine.open_groups("mid-autumn", 10).size() == 1);
    const Order cy = shop.join("cy", gid);
    CHECK(cy.state == SC_ORDER_GROUP_CONFIRMED);
    CHECK(shop.engine.order(bo.id).state == SC_ORDER_CANCELLED);
    CHECK(shop.count("group.seat_released") == 1);
    // Close to the deadline, a joiner's window ends with the group.
    GroupShop late(mooncakes(3));
    const std::string g2 = late.lead("ann");
    late.clock.advance_ms(24 * 60 * kMinute - 2 * kMinute);
    const Order di = late.checkout("di", join_of(g2));
    CHECK(di.pay_deadline == late.engine.group(g2).deadline);
}

TEST_CASE("at the deadline an unfilled group fails: each paid member's own order is due a refund, refunded one by one") {
    GroupShop shop;
    const std::string gid = shop.lead("ann");
    const Order bo = shop.join("bo", gid);
    const Order cy_unpaid = shop.checkout("cy", join_of(gid));
    shop.clock.advance_ms(24 * 60 * kMinute);
    // A read sees the failure before any write settles it.
    CHECK(shop.engine.group(gid).state == GroupState::failed);
    CHECK(shop.engine.order(bo.id).state == SC_ORDER_GROUP_FAILED);
    CHECK(shop.count("group.failed") == 0);
    const SweepResult swept = shop.engine.sweep(100);
    CHECK(swept.groups_settled == 1);
    CHECK(shop.count("group.failed") == 1);
    const auto due = shop.engine.events_of_type("group.refund_due", 0, 10);
    REQUIRE(due.size() == 2);
    std::set<std::string> orders;
    for (const Event& e : due) {
        const auto p = nlohmann::json::parse(e.payload);
        CHECK(e.subject_id == p["order_id"].get<std::string>());
        CHECK(p["amount"] == 9900);
        orders.insert(p["order_id"].get<std::string>());
    }
    const std::string ann_order = shop.engine.groups_of_user("ann", 1).at(0).seats.at(0).order_id;
    CHECK(orders == std::set<std::string>{ann_order, bo.id});
    CHECK(shop.engine.order(cy_unpaid.id).state == SC_ORDER_CANCELLED);
    CHECK(shop.engine.order(ann_order).state == SC_ORDER_GROUP_FAILED);
    // The host refunds each order through its provider and confirms.
    CHECK(shop.engine.refund_amount(ann_order, 9900, "r-ann").state == SC_ORDER_REFUNDED);
    CHECK(shop.engine.refund_amount(bo.id, 9900, "r-bo").state == SC_ORDER_REFUNDED);
    CHECK(shop.engine.refund_amount(bo.id, 9900, "r-bo").state == SC_ORDER_REFUNDED);  // a retry
    CHECK(shop.count("order.refunded") == 2);
    CHECK(shop.engine.sweep(100).groups_settled == 0);
    const GroupCampaignReport r = shop.engine.group_campaign_report("mid-autumn");
    CHECK(r.groups_opened == 1);
    CHECK(r.failed == 1);
    CHECK(r.filled == 0);
    CHECK(r.success_rate_bps == 0);
}

TEST_CASE("virtual fill completes a group with at least M paid members at its deadline, and only then") {
    GroupCampaign c = mooncakes(4);
    c.virtual_fill_min_members = 2;
    GroupShop shop(c);
    const std::string full_enough = shop.lead("ann");
    const Order bo = shop.join("bo", full_enough);
    shop.clock.advance_ms(kMinute);
    const std::string too_few = shop.lead("cy");
    shop.clock.advance_ms(24 * 60 * kMinute);
    Group g = shop.engine.group(full_enough);
    CHECK(g.state == GroupState::filled);
    CHECK(g.virtual_members == 2);
    CHECK(shop.engine.group(too_few).state == GroupState::failed);
    CHECK(shop.engine.order(bo.id).state == SC_ORDER_GROUP_CONFIRMED);
    shop.engine.sweep(100);
    const auto filled = shop.engine.events_of_type("group.filled", 0, 10);
    REQUIRE(filled.size() == 1);
    CHECK(nlohmann::json::parse(filled[0].payload)["virtual_members"] == 2);
    const GroupCampaignReport r = shop.engine.group_campaign_report("mid-autumn");
    CHECK(r.filled == 1);
    CHECK(r.virtually_filled == 1);
    CHECK(r.failed == 1);
    CHECK(r.success_rate_bps == 5000);
    CHECK(r.average_fill_ms == 24 * 60 * kMinute);
    CHECK(r.units_sold == 2);
}

TEST_CASE("a member refunded while the group is open frees the seat; a departing leader hands over to the earliest") {
    GroupShop shop(mooncakes(4));
    const std::string gid = shop.lead("ann");
    shop.clock.advance_ms(kMinute);
    const Order bo = shop.join("bo", gid);
    shop.clock.advance_ms(kMinute);
    const Order cy = shop.join("cy", gid);
    CHECK(shop.engine.group(gid).seats_left() == 1);
    // A partial refund keeps the seat; the whole order refunded gives it up.
    shop.engine.refund_amount(cy.id, 100, "r-cy-1");
    CHECK(shop.engine.group(gid).seats_left() == 1);
    shop.engine.refund_amount(cy.id, 9800, "r-cy-2");
    CHECK(shop.engine.group(gid).seats_left() == 2);
    const std::string ann_order = shop.engine.group(gid).seats.at(0).order_id;
    shop.engine.refund_amount(ann_order, 9900, "r-ann");
    Group g = shop.engine.group(gid);
    CHECK(g.leader_user_id == "bo");
    CHECK(g.seats_left() == 3);
    CHECK(g.state == GroupState::open);
    CHECK(shop.count("group.member_left") == 2);
    CHECK(shop.count("group.leader_changed") == 1);
    // Ann may now join the group she left, as anyone may.
    shop.join("ann", gid);
    shop.engine.refund_amount(bo.id, 9900, "r-bo");
    CHECK(shop.engine.group(gid).leader_user_id == "ann");
    const std::string last = shop.engine.group(gid).seats.back().order_id;
    shop.engine.refund_amount(last, 9900, "r-ann-2");
    CHECK(shop.engine.group(gid).state == GroupState::cancelled);
}

TEST_CASE("limits: units per order and per shopper, one live group per leader, new shoppers only, the window, stock") {
    GroupCampaign c = mooncakes(5);
    c.max_units_per_user = 3;
    c.new_users_only = true;
    c.stock = 4;
    GroupShop shop(c);
    CHECK_SC_ERROR_FIELD(shop.checkout("ann", open_of("mid-autumn", 3)), SC_ERR_LIMIT_EXCEEDED, "quantity");
    CHECK_SC_ERROR_FIELD(shop.checkout("ann", open_of("nope")), SC_ERR_NOT_FOUND, "campaign_id");
    CHECK_SC_ERROR_FIELD(shop.checkout("ann", join_of("grp_nope")), SC_ERR_NOT_FOUND, "group_id");
    const Order lead = shop.checkout("ann", open_of("mid-autumn", 2));
    CHECK_SC_ERROR_FIELD(shop.checkout("ann", open_of("mid-autumn")), SC_ERR_INVALID_STATE, "campaign_id");
    shop.pay(lead);
    const std::string gid = shop.group_of(lead);
    // Ann has paid an order now: a new-users-only group is not hers to join elsewhere.
    shop.engine.cart_add("bo", "tea", 1);
    const Order tea = shop.engine.checkout("bo", "tea-1");
    shop.pay(tea);
    CHECK_SC_ERROR_FIELD(shop.checkout("bo", join_of(gid)), SC_ERR_INVALID_STATE, "user_id");
    // Stock: 2 of 4 sold; 2 more fit, the third unit does not.
    shop.join("cy", gid);
    CHECK_SC_ERROR(shop.checkout("di", join_of(gid, 2)), SC_ERR_OUT_OF_STOCK);
    shop.join("di", gid);
    // Putting the campaign with less stock than it sold is refused.
    GroupCampaign less = c;
    less.stock = 3;
    CHECK_SC_ERROR_FIELD(shop.engine.put_group_campaign(less), SC_ERR_VALIDATION, "stock");
    // A failed group gives its units back to the campaign.
    shop.clock.advance_ms(24 * 60 * kMinute);
    shop.engine.sweep(100);
    shop.engine.put_group_campaign(less);
    // The campaign's window.
    shop.clock.advance_ms(10 * 24 * 60 * kMinute);
    CHECK_SC_ERROR_FIELD(shop.checkout("eve", open_of("mid-autumn")), SC_ERR_EXPIRED, "campaign_id");
}

TEST_CASE("a shopper's live group in a campaign is looked up by leader, not among the campaign's groups") {
    // Opening checks that the leader has no live group in the campaign; with the campaign's
    // index alone that visited every pending and open group of a popular campaign.
    GroupShop shop;
    for (const char* leader : {"ann", "bo", "cy"}) shop.lead(leader);
    CHECK_SC_ERROR_FIELD(shop.checkout("bo", open_of("mid-autumn")), SC_ERR_INVALID_STATE, "campaign_id");
    SQLite::Database db(shop.db.path, SQLite::OPEN_READONLY);
    int looked_up = 0;
    for (const std::string& sql : shop.engine.prepared_sql()) {
        if (sql.find("FROM groups WHERE leader_user_id = ?") == std::string::npos) continue;
        ++looked_up;
        SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + sql);
        REQUIRE(plan.executeStep());
        INFO(sql, " => ", plan.getColumn(3).getString());
        CHECK(plan.getColumn(3).getString().find("groups_live_by_leader (leader_user_id=? AND campaign_id=?)") !=
              std::string::npos);
    }
    CHECK(looked_up == 1);
}

TEST_CASE("discovery lists open groups with the fewest seats left first, and a shopper's groups") {
    GroupShop shop(mooncakes(4));
    const std::string a = shop.lead("ann");
    shop.clock.advance_ms(kMinute);
    const std::string b = shop.lead("bo");
    shop.join("cy", b);
    shop.clock.advance_ms(kMinute);
    const std::string c = shop.lead("di");
    auto listed = shop.engine.open_groups("mid-autumn", 10);
    REQUIRE(listed.size() == 3);
    CHECK(listed[0].id == b);  // 2 seats left
    CHECK(listed[1].id == a);  // 3 left, earlier deadline
    CHECK(listed[2].id == c);
    CHECK(shop.engine.open_groups("mid-autumn", 1).size() == 1);
    CHECK(shop.engine.groups_of_user("cy", 10).at(0).id == b);
    CHECK_SC_ERROR_FIELD(shop.engine.open_groups("mid-autumn", 0), SC_ERR_INVALID_ARGUMENT, "limit");
    CHECK_SC_ERROR_FIELD(shop.engine.open_groups("nope", 5), SC_ERR_NOT_FOUND, "campaign_id");
    CHECK_SC_ERROR_FIELD(shop.engine.group("grp_nope"), SC_ERR_NOT_FOUND, "group_id");
}

TEST_CASE("a lapsed leader's order cancels the pending group; an idempotent checkout retry makes one seat") {
    GroupShop shop;
    CheckoutRequest request;
    request.group = open_of("mid-autumn");
    const Order first = shop.engine.checkout("ann", request, "same");
    const Order again = shop.engine.checkout("ann", request, "same");
    CHECK(first.id == again.id);
    request.group = open_of("mid-autumn", 2);
    CHECK_SC_ERROR(shop.engine.checkout("ann", request, "same"), SC_ERR_IDEMPOTENCY_CONFLICT);
    const std::string gid = shop.group_of(first);
    shop.clock.advance_ms(EngineConfig{}.payment_window_ms);
    CHECK(shop.engine.group(gid).state == GroupState::cancelled);
    shop.engine.sweep(100);
    CHECK(shop.count("group.cancelled") == 1);
    // Ann may lead another group now.
    shop.lead("ann");
}

TEST_CASE("exactly N: threads racing for the last seat produce exactly one winner, round after round") {
    GroupShop shop(mooncakes(3));
    constexpr int kThreads = 64;
    for (int round = 0; round < 12; ++round) {
        const std::string gid = shop.lead("leader-" + std::to_string(round));
        shop.join("first-" + std::to_string(round), gid);
        std::atomic<int> won{0}, full{0}, other{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                try {
                    CheckoutRequest request;
                    request.group = join_of(gid);
                    const std::string user = "racer-" + std::to_string(round) + "-" + std::to_string(t);
                    shop.engine.checkout(user, request, "race-" + user);
                    ++won;
                } catch (const Error& e) {
                    (e.code() == SC_ERR_GROUP_FULL ? full : other)++;
                }
            });
        for (auto& th : threads) th.join();
        CHECK(won == 1);
        CHECK(full == kThreads - 1);
        CHECK(other == 0);
        CHECK(shop.engine.group(gid).taken_seats() == 3);
    }
}

TEST_CASE("the group_buy section of the program document reads strictly and writes back the same") {
    TempDb db;
    ManualClock clock;
    Engine engine(config_for(db, clock));
    const std::string doc = R"({"format":"socialcart.program/1","currency":"CNY",
        "skus":[{"id":"box","merchant_id":"m1","title":"Box","list_price":12800}],
        "group_buy":{"campaigns":[{"id":"c1","sku_id":"box","group_price":9900,"group_size":3,
          "lifetime_minutes":1440,"starts_at":0,"ends_at":4102444800000,
          "leader":{"pricing":"leader_price","price":8800},
          "limits":{"max_units_per_order":2,"max_units_per_user":4,"new_users_only":true},
          "stock":50,"virtual_fill":{"min_real_members":2}}]}})";
    engine.import_program(doc);
    const GroupCampaign c = engine.group_campaign("c1");
    CHECK(c.leader_pricing == LeaderPricing::leader_price);
    CHECK(c.leader_price == 8800);
    CHECK(c.max_units_per_user == 4);
    CHECK(c.stock == 50);
    CHECK(c.virtual_fill_min_members == 2);
    const std::string exported = engine.export_program();
    CHECK(nlohmann::json::parse(exported)["group_buy"] == nlohmann::json::parse(doc)["group_buy"]);
    CHECK_SC_ERROR_FIELD(parse_program(R"({"format":"socialcart.program/1","group_buy":{"campaigns":[{"id":"c"}]}})"),
                         SC_ERR_VALIDATION, "group_buy.campaigns[0].sku_id");
    CHECK_SC_ERROR_FIELD(parse_group_campaign_entry(R"({"id":"c1","sku_id":"box","group_price":9900,"group_size":1,
        "lifetime_minutes":60,"starts_at":0,"ends_at":10})"),
                         SC_ERR_VALIDATION, "group_size");
    CHECK_SC_ERROR_FIELD(parse_group_campaign_entry(R"({"id":"c1","sku_id":"box","group_price":9900,"group_size":3,
        "lifetime_minutes":60,"starts_at":0,"ends_at":10,"leader":{"pricing":"cheap"}})"),
                         SC_ERR_VALIDATION, "leader.pricing");
    GroupCampaign unknown_sku = c;
    unknown_sku.sku_id = "nope";
    CHECK_SC_ERROR_FIELD(engine.put_group_campaign(unknown_sku), SC_ERR_VALIDATION, "sku_id");
}
