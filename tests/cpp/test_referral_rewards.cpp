// Share-to-earn past the link (FEATURES §9): binding decisions, reward arithmetic, and the
// engine crediting paid orders, vesting, clawing back and refusing, with the figures.
#include "coupon_support.hpp"
#include "program/program_document.hpp"
#include "program/referral_json.hpp"
#include "referral/attribution.hpp"
#include "referral/referral_reward.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using namespace sc;
using namespace sc::test;

TEST_CASE("rewards per line: the rate shares out by largest remainder, a fixed SKU amount replaces it") {
    ReferralRewards r;
    r.rates_bps = {1000, 300};
    r.per_sku = {SkuReward{"cup", {500, 50}}};
    const std::vector<RewardLine> lines{{"tea", 2, 8801}, {"cup", 3, 3000}, {"pot", 1, 1199}};
    // Level 1: floor((8801 + 1199) × 10%) = 1000 over tea and pot by what they paid:
    // 880.1 and 119.9 -> 880 and 119, and the unit left goes to pot's larger remainder.
    CHECK(reward_per_line(r, 1, lines) == std::vector<int64_t>{880, 1500, 120});
    // Level 2: floor(10000 × 3%) = 300 -> 264.03 and 35.97 -> 264 and 36; cup 3 × 50.
    CHECK(reward_per_line(r, 2, lines) == std::vector<int64_t>{264, 150, 36});
    CHECK_SC_ERROR(reward_per_line(r, 3, lines), SC_ERR_INTERNAL);
    r.rates_bps = {0};
    r.per_sku.clear();
    CHECK(reward_per_line(r, 1, lines) == std::vector<int64_t>{0, 0, 0});
}

TEST_CASE("reward states: pending until it vests, clawed back once nothing is left") {
    ReferralReward r;
    r.amount = 880;
    r.vests_at = 1000;
    CHECK(r.state_as_of(999) == RewardState::pending);
    CHECK(r.state_as_of(1000) == RewardState::vested);
    r.clawed_back = 440;
    CHECK(r.state_as_of(1000) == RewardState::vested);
    CHECK(r.remaining() == 440);
    r.clawed_back = 880;
    CHECK(r.state_as_of(10) == RewardState::clawed_back);
}

TEST_CASE("binding decisions: each fraud control refuses with its own reason; first touch keeps the first") {
    BindingFacts f;
    f.opener_user_id = "bo";
    f.sharer_id = "lin";
    CHECK(decide_binding(f, AttributionModel::last_touch).step == BindingStep::bind);
    f.opener_user_id = "lin";
    CHECK(decide_binding(f, AttributionModel::last_touch).refusal == ReferralRefusal::self_referral);
    f.opener_user_id = "";
    f.device_belongs_to_sharer = true;
    CHECK(decide_binding(f, AttributionModel::last_touch).refusal == ReferralRefusal::self_referral_device);
    f.device_belongs_to_sharer = false;
    f.opener_user_id = "mei";
    f.sharer_bound_to_opener = true;
    CHECK(decide_binding(f, AttributionModel::first_touch).refusal == ReferralRefusal::cycle);
    f.sharer_bound_to_opener = false;
    f.current = ReferralBinding{"mei", "", "kai", "opn_1", 0, 100};
    CHECK(decide_binding(f, AttributionModel::last_touch).step == BindingStep::bind);
    CHECK(decide_binding(f, AttributionModel::first_touch).refusal == ReferralRefusal::already_bound);
    f.current->sharer_id = "lin";
    CHECK(decide_binding(f, AttributionModel::first_touch).step == BindingStep::keep);
}

TEST_CASE("attribution refusals: first orders only, then the day's cap, then the month's") {
    ReferralProgram p;
    AttributionFacts f{true, 5, 50};
    CHECK_FALSE(attribution_refusal(p, f));
    p.first_orders_only = true;
    CHECK(attribution_refusal(p, f) == ReferralRefusal::not_first_order);
    f.buyer_paid_before = false;
    p.per_sharer_per_day = 5;
    CHECK(attribution_refusal(p, f) == ReferralRefusal::daily_cap);
    p.per_sharer_per_day = 6;
    p.per_sharer_per_month = 50;
    CHECK(attribution_refusal(p, f) == ReferralRefusal::monthly_cap);
    p.per_sharer_per_month = 51;
    CHECK_FALSE(attribution_refusal(p, f));
}

namespace {

ReferralProgram commission_program(std::vector<int64_t> rates) {
    ReferralProgram p;
    p.url_template = "https://shop.example/s/{token}";
    ReferralRewards r;
    r.kind = RewardKind::commission;
    r.rates_bps = std::move(rates);
    r.cooling_off_days = 7;
    p.rewards = r;
    return p;
}

struct ReferralShop {
    TempDb db;
    ManualClock clock;
    Engine engine{config_for(db, clock)};
    int orders = 0;

    explicit ReferralShop(const ReferralProgram& program) {
        engine.put_sku(make_sku("tea", 4400));
        engine.put_sku(make_sku("cup", 1500));
        engine.put_referral_program(program);
        engine.generate_share_key("k1");
    }
    ShareLink link(const std::string& sharer, const std::string& target = "tea") {
        return engine.create_share_link(ShareLinkRequest{sharer, ShareTargetKind::sku, target, "wechat"},
                                        "link-" + target);
    }
    Order buy(const std::string& user, const std::string& sku, int64_t quantity) {
        engine.cart_add(user, sku, quantity);
        const std::string n = std::to_string(++orders);
        const Order order = engine.checkout(user, "co-" + n);
        return engine.pay(order.id, "pay-" + n, order.total, "pay-" + n);
    }
};

}  // namespace

TEST_CASE("a device's open carries over at sign-in; the paid order is credited and rewards two levels") {
    ReferralShop shop(commission_program({1000, 300}));
    Engine& e = shop.engine;
    // Mei brought Lin; Lin shares tea; Bo opens it on his phone before signing in.
    CHECK(e.open_share_link(shop.link("mei").code, "lin", "", "o-lin").outcome == "bound");
    const ShareLink lin_link = shop.link("lin");
    const ShareOpen open = e.open_share_link(lin_link.token, "", "phone-bo", "o-bo");
    CHECK(open.outcome == "bound");
    CHECK(open.sharer_id == "lin");
    CHECK(open.bound_until == shop.clock.now->load() + 7 * kDay);
    CHECK(e.referral_binding("", "phone-bo")->sharer_id == "lin");
    CHECK_FALSE(e.referral_binding("bo", ""));

    shop.clock.advance_ms(3600'000);
    const auto carried = e.referral_sign_in("bo", "phone-bo");
    REQUIRE(carried);
    CHECK(carried->sharer_id == "lin");
    CHECK(carried->expires_at == *open.bound_until);  // the window runs from the open
    CHECK_FALSE(e.referral_binding("", "phone-bo"));
    CHECK(e.referral_sign_in("bo", "phone-bo") == carried);  // again: nothing more

    const Order order = shop.buy("bo", "tea", 2);  // 88.00
    const auto a = e.order_attribution(order.id);
    REQUIRE(a);
    CHECK(a->sharer_id == "lin");
    CHECK(a->paid == 8800);
    CHECK(a->open.open_id == open.open_id);
    REQUIRE(a->rewards.size() == 2);
    CHECK(a->rewards[0].sharer_id == "lin");
    CHECK(a->rewards[0].amount == 880);
    CHECK(a->rewards[1].sharer_id == "mei");
    CHECK(a->rewards[1].level == 2);
    CHECK(a->rewards[1].amount == 264);
    CHECK(a->rewards[0].state_as_of(shop.clock.now->load()) == RewardState::pending);

    ReferralStats lin = e.referral_stats(ReferralScope{"lin", std::nullopt, ""});
    CHECK(lin.counts.shares == 1);
    CHECK(lin.counts.opens == 1);
    CHECK(lin.counts.orders == 1);
    CHECK(lin.counts.paid_orders == 1);
    CHECK(lin.counts.paid_amount == 8800);
    CHECK(lin.commission.pending == 880);
    CHECK(lin.viral_coefficient_bps == 10000);

    shop.clock.advance_ms(7 * kDay);
    lin = e.referral_stats(ReferralScope{"lin", std::nullopt, ""});
    CHECK(lin.commission.pending == 0);
    CHECK(lin.commission.vested == 880);

    // Half the order refunded after vesting: half of each reward comes back.
    e.refund_line(order.id, 0, 1, "r1");
    const auto after = e.order_attribution(order.id);
    CHECK(after->rewards[0].clawed_back == 440);
    CHECK(after->rewards[1].clawed_back == 132);
    e.refund_line(order.id, 0, 1, "r1");  // a retry claws back nothing more
    CHECK(e.order_attribution(order.id)->rewards[0].clawed_back == 440);
    e.refund_line(order.id, 0, 1, "r2");
    const auto whole = e.order_attribution(order.id);
    CHECK(whole->rewards[0].clawed_back == 880);
    CHECK(whole->rewards[0].state_as_of(shop.clock.now->load()) == RewardState::clawed_back);
    lin = e.referral_stats(ReferralScope{"lin", std::nullopt, ""});
    CHECK(lin.commission.vested == 0);
    CHECK(lin.commission.clawed_back == 880);
    const ReferralStats all = e.referral_stats(ReferralScope{});
    CHECK(all.counts.shares == 2);
    CHECK(all.counts.sharers == 2);
    CHECK(all.counts.converted_buyers == 1);
    CHECK(all.viral_coefficient_bps == 5000);
    const ReferralStats tea = e.referral_stats(ReferralScope{"", ShareTargetKind::sku, "tea"});
    CHECK(tea.counts.opens == 2);
    CHECK(tea.counts.paid_orders == 1);
    CHECK(tea.commission.clawed_back == 880 + 264);
}

TEST_CASE("fraud controls refuse with their reasons, record them, and credit nobody") {
    ReferralShop shop(commission_program({1000}));
    Engine& e = shop.engine;
    const ShareLink lin = shop.link("lin");
    CHECK(e.open_share_link(lin.code, "lin", "", "o1").outcome == "self_referral");
    e.referral_sign_in("lin", "tablet");
    CHECK(e.open_share_link(lin.code, "", "tablet", "o2").outcome == "self_referral_device");
    // Lin is bound to Mei; Mei opening Lin's link would close the loop.
    e.open_share_link(shop.link("mei").code, "lin", "", "o3");
    CHECK(e.open_share_link(lin.code, "mei", "", "o4").outcome == "cycle");
    const auto refusals = e.referral_refusals("lin");
    REQUIRE(refusals.size() == 3);
    CHECK(refusals[0].reason == ReferralRefusal::self_referral);
    CHECK(refusals[1].reason == ReferralRefusal::self_referral_device);
    CHECK(refusals[1].device_id == "tablet");
    CHECK(refusals[2].reason == ReferralRefusal::cycle);
    CHECK(refusals[2].user_id == "mei");
    CHECK_FALSE(e.referral_binding("mei", ""));
    const Order order = shop.buy("mei", "tea", 1);
    CHECK_FALSE(e.order_attribution(order.id));
    CHECK(e.referral_stats(ReferralScope{"lin", std::nullopt, ""}).counts.refusals == 3);
    CHECK(count_type(e, "referral.refused") == 3);
}

TEST_CASE("caps per sharer per day and month, and first orders only, refuse the order with its reason") {
    ReferralProgram p = commission_program({1000});
    p.per_sharer_per_day = 1;
    p.per_sharer_per_month = 2;
    ReferralShop shop(p);
    Engine& e = shop.engine;
    const ShareLink lin = shop.link("lin");
    for (const char* user : {"bo", "kai", "ann"}) e.open_share_link(lin.code, user, "", std::string("o-") + user);
    CHECK(e.order_attribution(shop.buy("bo", "tea", 1).id));
    const Order second = shop.buy("kai", "tea", 1);
    CHECK_FALSE(e.order_attribution(second.id));
    shop.clock.advance_ms(kDay);
    CHECK(e.order_attribution(shop.buy("kai", "tea", 1).id));
    shop.clock.advance_ms(kDay);
    const Order fourth = shop.buy("ann", "tea", 1);
    CHECK_FALSE(e.order_attribution(fourth.id));
    const auto refusals = e.referral_refusals("lin");
    REQUIRE(refusals.size() == 2);
    CHECK(refusals[0].reason == ReferralRefusal::daily_cap);
    CHECK(refusals[0].order_id == second.id);
    // 2026-11-23 plus two days stays in November; the month cap of 2 is what refuses.
    CHECK(refusals[1].reason == ReferralRefusal::monthly_cap);
    CHECK(refusals[1].order_id == fourth.id);

    ReferralProgram first_only = commission_program({1000});
    first_only.first_orders_only = true;
    ReferralShop other(first_only);
    other.buy("bo", "cup", 1);  // before any link
    other.engine.open_share_link(other.link("lin").code, "bo", "", "o-bo");
    const Order later = other.buy("bo", "tea", 1);
    CHECK_FALSE(other.engine.order_attribution(later.id));
    CHECK(other.engine.referral_refusals("lin").at(0).reason == ReferralRefusal::not_first_order);
}

TEST_CASE("first touch keeps the first sharer; last touch moves to the latest; windows end") {
    ReferralProgram p = commission_program({1000});
    p.attribution_model = AttributionModel::first_touch;
    p.attribution_window_days = 2;
    ReferralShop shop(p);
    Engine& e = shop.engine;
    CHECK(e.open_share_link(shop.link("lin").code, "bo", "", "o1").outcome == "bound");
    shop.clock.advance_ms(kDay);
    CHECK(e.open_share_link(shop.link("lin").code, "bo", "", "o2").outcome == "kept");
    CHECK(e.open_share_link(shop.link("mei").code, "bo", "", "o3").outcome == "already_bound");
    CHECK(e.referral_binding("bo", "")->sharer_id == "lin");
    shop.clock.advance_ms(kDay);  // the window of the first open has ended
    CHECK_FALSE(e.referral_binding("bo", ""));
    CHECK_FALSE(e.order_attribution(shop.buy("bo", "tea", 1).id));
    CHECK(e.open_share_link(shop.link("mei").code, "bo", "", "o4").outcome == "bound");

    p.attribution_model = AttributionModel::last_touch;
    e.put_referral_program(p);
    CHECK(e.open_share_link(shop.link("lin").code, "bo", "", "o5").outcome == "bound");
    CHECK(e.referral_binding("bo", "")->sharer_id == "lin");
    CHECK(e.order_attribution(shop.buy("bo", "tea", 1).id)->sharer_id == "lin");
}

TEST_CASE("points rewards vest in the sharer's ledger and a clawback may leave a debt") {
    ReferralProgram p = commission_program({500});
    p.rewards->kind = RewardKind::points;
    p.rewards->per_sku = {SkuReward{"cup", {100}}};
    ReferralShop shop(p);
    Engine& e = shop.engine;
    e.open_share_link(shop.link("lin").code, "bo", "", "o1");
    e.cart_add("bo", "cup", 2);
    const Order order = shop.buy("bo", "tea", 1);  // tea 44.00 -> 220 points; two cups -> 200
    const auto a = e.order_attribution(order.id);
    CHECK(a->rewards.at(0).amount == 420);
    CHECK(e.points_balance("lin").pending == 420);
    shop.clock.advance_ms(7 * kDay);
    CHECK(e.points_balance("lin").available == 420);
    e.points_adjust("lin", -400, "spent at the counter", "adj-1");
    e.refund_amount(order.id, order.goods_total(), "r-all");
    const PointsBalances b = e.points_balance("lin");
    CHECK(b.available == 0);
    CHECK(b.debt == 400);
    CHECK(e.order_attribution(order.id)->rewards.at(0).clawed_back == 420);
}

TEST_CASE("opens are idempotent under their key, and every bad call changes nothing") {
    ReferralProgram p = commission_program({1000});
    p.rewards->invitee_coupon_template_id = "welcome";
    TempDb db;
    ManualClock clock;
    Engine e(config_for(db, clock));
    CHECK_SC_ERROR_FIELD(e.open_share_link("ABCD-EFGHJK", "bo", "", "o1"), SC_ERR_INVALID_STATE, "referral");
    CouponTemplate welcome = fixed_coupon("welcome", 1000);
    welcome.issue_mode = CouponIssueMode::grant;
    e.put_coupon_template(welcome);
    e.put_referral_program(p);
    e.generate_share_key("k1");
    const ShareLink lin = e.create_share_link(ShareLinkRequest{"lin", ShareTargetKind::store, "shop", "qr"}, "l1");

    const ShareOpen first = e.open_share_link(lin.code, "bo", "phone", "o1");
    CHECK(e.open_share_link(lin.code, "bo", "phone", "o1").open_id == first.open_id);
    CHECK(e.coupons_of_user("bo", std::nullopt).size() == 1);  // the invitee's welcome, once
    e.open_share_link(lin.code, "bo", "phone", "o9");
    CHECK(e.coupons_of_user("bo", std::nullopt).size() == 1);
    const int64_t events = static_cast<int64_t>(e.events(0, 10000).size());
    CHECK_SC_ERROR_FIELD(e.open_share_link(lin.code, "kai", "", "o1"), SC_ERR_IDEMPOTENCY_CONFLICT,
                         "idempotency_key");
    CHECK_SC_ERROR_FIELD(e.open_share_link(lin.code, "", "", "o2"), SC_ERR_INVALID_ARGUMENT, "user_id");
    CHECK_SC_ERROR_FIELD(e.open_share_link("ZZZZ-ZZZZZZ", "bo", "", "o3"), SC_ERR_NOT_FOUND, "code");
    std::string forged = lin.token;
    forged[forged.size() - 5] = forged[forged.size() - 5] == 'A' ? 'B' : 'A';
    CHECK_SC_ERROR(e.open_share_link(forged, "bo", "", "o4"), SC_ERR_LINK_TAMPERED);
    clock.advance_ms(31 * kDay);
    CHECK_SC_ERROR(e.open_share_link(lin.code, "bo", "", "o5"), SC_ERR_EXPIRED);
    CHECK_SC_ERROR_FIELD(e.referral_binding("bo", "phone"), SC_ERR_INVALID_ARGUMENT, "device_id");
    CHECK_SC_ERROR_FIELD(e.referral_binding("", ""), SC_ERR_INVALID_ARGUMENT, "user_id");
    CHECK_SC_ERROR_FIELD(e.referral_stats(ReferralScope{"lin", ShareTargetKind::sku, "tea"}), SC_ERR_INVALID_ARGUMENT,
                         "target_id");
    CHECK(static_cast<int64_t>(e.events(0, 10000).size()) == events);
}

TEST_CASE("the referral section reads every setting strictly and writes it back the same") {
    const std::string text =
        R"({"url_template":"https://shop.example/s/{token}","link_lifetime_days":30,"clock_skew_seconds":300,)"
        R"("attribution":{"window_days":14,"model":"first_touch"},)"
        R"("rewards":{"kind":"commission","rates_bps":[800,200],"per_sku":[{"sku_id":"cup","per_unit":[300,100]}],)"
        R"("cooling_off_days":10,"invitee_coupon_template_id":"welcome"},)"
        R"("limits":{"per_sharer_per_day":20,"per_sharer_per_month":300,"first_orders_only":true}})";
    const ReferralProgram p = parse_referral_program_entry(text);
    CHECK(p.attribution_window_days == 14);
    CHECK(p.attribution_model == AttributionModel::first_touch);
    REQUIRE(p.rewards);
    CHECK(p.rewards->rates_bps == std::vector<int64_t>{800, 200});
    CHECK(p.rewards->per_sku.at(0).per_unit == std::vector<int64_t>{300, 100});
    CHECK(p.rewards->cooling_off_days == 10);
    CHECK(p.per_sharer_per_month == 300);
    CHECK(p.first_orders_only);
    CHECK(referral_program_json(p).dump() == nlohmann::ordered_json::parse(text).dump());

    const ReferralProgram coupons = parse_referral_program_entry(
        R"({"url_template":"s/{token}","rewards":{"kind":"coupon","coupon_template_ids":["thanks"]}})");
    CHECK(coupons.rewards->levels() == 1);
    CHECK(parse_referral_program_entry(referral_program_json(coupons).dump()) == coupons);

    const auto refused = [](const std::string& body) {
        return parse_referral_program_entry(R"({"url_template":"s/{token}",)" + body + "}");
    };
    CHECK_SC_ERROR_FIELD(refused(R"("rewards":{"kind":"cash","rates_bps":[1]})"), SC_ERR_VALIDATION, "rewards.kind");
    CHECK_SC_ERROR_FIELD(refused(R"("rewards":{"kind":"points"})"), SC_ERR_VALIDATION, "rewards.rates_bps");
    CHECK_SC_ERROR_FIELD(refused(R"("rewards":{"kind":"points","rates_bps":[10001]})"), SC_ERR_VALIDATION,
                         "rewards.rates_bps[0]");
    CHECK_SC_ERROR_FIELD(refused(R"("rewards":{"kind":"coupon","coupon_template_ids":[]})"), SC_ERR_VALIDATION,
                         "rewards.coupon_template_ids");
    CHECK_SC_ERROR_FIELD(refused(R"("rewards":{"kind":"points","rates_bps":[1],"coupon_template_ids":["x"]})"),
                         SC_ERR_VALIDATION, "rewards.coupon_template_ids");
    CHECK_SC_ERROR_FIELD(
        refused(R"("rewards":{"kind":"points","rates_bps":[1],"per_sku":[{"sku_id":"a","per_unit":[1]},)"
                R"({"sku_id":"a","per_unit":[2]}]})"),
        SC_ERR_VALIDATION, "rewards.per_sku[1].sku_id");
    CHECK_SC_ERROR_FIELD(refused(R"("rewards":{"kind":"points","rates_bps":[1],"cooling_off_days":366})"),
                         SC_ERR_VALIDATION, "rewards.cooling_off_days");
    CHECK_SC_ERROR_FIELD(refused(R"("attribution":{"window_days":0})"), SC_ERR_VALIDATION, "attribution.window_days");
    CHECK_SC_ERROR_FIELD(refused(R"("attribution":{"window":7})"), SC_ERR_VALIDATION, "attribution.window");
    CHECK_SC_ERROR_FIELD(refused(R"("limits":{"per_sharer_per_day":-1})"), SC_ERR_VALIDATION,
                         "limits.per_sharer_per_day");
}
