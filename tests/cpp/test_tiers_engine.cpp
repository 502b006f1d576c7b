// Member tiers through the engine (docs/tiers.md, "In the engine"): the spend a version 7 file
// already holds, reviews made by a member's next write as well as by the sweep, a program
// that drops a tier, and the reads evaluating without writing. The C suite (tests/c/
// test_tiers.c) covers the API's figures and refusals.
#include "engine/engine.hpp"
#include "store/schema.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

using namespace sc;
using namespace sc::test;

namespace {

// Silver from 200.00 of spend over 365 days, reviewed monthly.
TierProgram monthly_program() {
    TierProgram p;
    p.basis = TierBasis::paid_spend;
    p.window_days = 365;
    p.period = TierPeriod::month;
    p.tiers = {Tier{"normal", "Normal", 0, {}}, Tier{"silver", "Silver", 20000, {500, 15000, std::nullopt}}};
    return p;
}

int64_t count_events(Engine& engine, const std::string& type) {
    return static_cast<int64_t>(engine.events_of_type(type, 0, 1000).size());
}

Sku cake() {
    Sku s;
    s.id = "cake";
    s.merchant_id = "m";
    s.title = "Cake";
    s.currency = "CNY";
    s.list_price = 12800;
    return s;
}

Order buy_cakes(Engine& engine, const std::string& user, int64_t quantity, const std::string& key) {
    engine.cart_add(user, "cake", quantity);
    const Order order = engine.checkout(user, key);
    return engine.pay(order.id, "psp", order.total, "pay-" + key);
}

}  // namespace

TEST_CASE("migrating a version 7 file counts the spend its paid orders and refunds already hold") {
    TempDb file;
    const int64_t t = 1'795'428'000'000;  // the ManualClock's start
    {
        SQLite::Database db(file.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        for (size_t i = 0; i < 7; ++i) db.exec(migrations()[i]);
        db.exec("PRAGMA user_version=7");
        // u: two paid orders (goods 150.00 + 8.00 shipping, and 120.00), a refund of 50.00;
        // an unpaid order that must not count. v: nothing paid.
        db.exec("INSERT INTO orders(id, user_id, state, currency, subtotal, total, created_at, pay_deadline, paid_at, "
                "shipping) VALUES "
                "('o1','u',2,'CNY',15000,15800," + std::to_string(t - 10 * kDay) + ",0," + std::to_string(t - 10 * kDay) + ",800),"
                "('o2','u',2,'CNY',12000,12000," + std::to_string(t - 5 * kDay) + ",0," + std::to_string(t - 5 * kDay) + ",0),"
                "('o3','u',1,'CNY',9900,9900," + std::to_string(t) + "," + std::to_string(t + kDay) + ",0,0)");
        db.exec("INSERT INTO refunds(id, order_id, created_at, amount) VALUES ('r1','o2'," + std::to_string(t - kDay) +
                ",5000)");
    }
    ManualClock clock;
    Engine engine(config_for(file, clock));
    engine.put_tier_program(monthly_program());
    // 150.00 + 120.00 − 50.00 = 220.00: silver, placed with no event.
    const TierStatusView u = engine.tier_status("u");
    CHECK(u.tier.id == "silver");
    CHECK(u.progress.figure == 22000);
    CHECK(engine.tier_status("v").progress.figure == 0);
    CHECK(count_events(engine, "tier.upgraded") == 0);
}

TEST_CASE("a period end is reviewed by the member's next write, the sweep finds nothing more") {
    TempDb file;
    ManualClock clock;
    Engine engine(config_for(file, clock));
    engine.put_sku(cake());
    engine.put_tier_program(monthly_program());
    const Order order = buy_cakes(engine, "u", 2, "k1");  // 256.00: silver
    CHECK(engine.tier_status("u").tier.id == "silver");
    CHECK(count_events(engine, "tier.upgraded") == 1);
    engine.refund_amount(order.id, 10000, "r1");  // 156.00: silver until the month ends
    CHECK(engine.tier_status("u").tier.id == "silver");
    const int64_t end = engine.tier_status("u").progress.record.period_end;
    clock.advance_ms(end - clock.now->load() + kDay);
    // A read sees the review already; the next quote prices at list again.
    CHECK(engine.tier_status("u").tier.id == "normal");
    CHECK(count_events(engine, "tier.downgraded") == 0);
    // The member's next payment makes the review (dated at the period end), then counts.
    const Order again = buy_cakes(engine, "u", 1, "k2");  // 156.00 + 128.00 = 284.00
    CHECK(again.lines[0].net == 12800);  // priced as normal: the review came first
    const auto downs = engine.events_of_type("tier.downgraded", 0, 10);
    REQUIRE(downs.size() == 1);
    const nlohmann::json payload = nlohmann::json::parse(downs[0].payload);
    CHECK(payload["at"] == end);
    CHECK(payload["at_period_end"] == true);
    CHECK(count_events(engine, "tier.upgraded") == 2);  // and up again at once
    CHECK(engine.tier_status("u").tier.id == "silver");
    const SweepResult sweep = engine.sweep(100);
    CHECK(sweep.tiers_reviewed == 0);
    CHECK_FALSE(sweep.more);
}

TEST_CASE("a program that drops a member's tier places them afresh; an equal put changes nothing") {
    TempDb file;
    ManualClock clock;
    Engine engine(config_for(file, clock));
    engine.put_sku(cake());
    engine.put_tier_program(monthly_program());
    buy_cakes(engine, "u", 2, "k1");
    CHECK(engine.tier_status("u").tier.id == "silver");
    const int64_t puts = count_events(engine, "tier_program.put");
    engine.put_tier_program(monthly_program());
    CHECK(count_events(engine, "tier_program.put") == puts);
    TierProgram renamed = monthly_program();
    renamed.tiers[1].id = "gold";
    renamed.tiers[1].name = "Gold";
    engine.put_tier_program(renamed);
    CHECK(count_events(engine, "tier_program.put") == puts + 1);
    // The silver record is gone; 256.00 places u in gold, with no event.
    CHECK(engine.tier_status("u").tier.id == "gold");
    CHECK(engine.tier_report(0, INT64_MAX)[1].members == 0);  // placed by the next write
    buy_cakes(engine, "u", 1, "k2");
    CHECK(engine.tier_report(0, INT64_MAX)[1].members == 1);
    CHECK(count_events(engine, "tier.upgraded") == 1);  // only silver's, before the change
    CHECK(engine.export_program().find("\"tiers\"") != std::string::npos);
}

TEST_CASE("a member placed in the millisecond of their own refund: reads, quotes and payments agree") {
    // Found by the walkthrough: the program is put at the instant of a refund. The spend is
    // 256.00 before the refund and 156.00 after it; silver needs 200.00. Placing counts that
    // instant as an evaluation would (the figure before it, then each entry): silver, kept
    // until the period end as after any refund, with no event. Reads, quotes and a payment
    // of that same millisecond all see the same tier, and the payment logs no upgrade.
    TempDb file;
    ManualClock clock;
    Engine engine(config_for(file, clock));
    engine.put_sku(cake());
    const Order order = buy_cakes(engine, "u", 2, "k1");
    clock.advance_ms(kDay);
    engine.refund_amount(order.id, 10000, "r1");
    engine.put_tier_program(monthly_program());
    CHECK(engine.tier_status("u").tier.id == "silver");
    CHECK(engine.tier_status("u").progress.figure == 15600);
    engine.cart_add("u", "cake", 1);
    CHECK(engine.quote("u").lines[0].net == 12160);  // the member price, as the page says
    const Order more = engine.checkout("u", "k2");
    CHECK(more.lines[0].net == 12160);
    engine.pay(more.id, "psp", more.total, "pay-k2");
    CHECK(engine.tier_status("u").tier.id == "silver");
    CHECK(engine.events_of_type("tier.upgraded", 0, 10).empty());
    CHECK(engine.events_of_type("tier.downgraded", 0, 10).empty());
}
