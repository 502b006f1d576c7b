// The core at scale: query plans that fit, reserved counters that always equal their
// holds, bounded settling, and compaction.
#include "store/hold_store.hpp"
#include "store/schema.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <map>
#include <random>
#include <cctype>
#include <set>

using namespace sc;
using sc::test::config_for;
using sc::test::make_sku;
using sc::test::ManualClock;
using sc::test::TempDb;

namespace {

int64_t count_events(Engine& engine, const std::string& type) {
    int64_t n = 0;
    for (const auto& e : engine.events(0, 10000)) n += e.type == type;
    return n;
}

// Runs every use case at least once, so every statement the engine prepares is cached.
void exercise_every_use_case(Engine& engine, ManualClock& clock) {
    engine.import_program(R"({"format":"socialcart.program/1","currency":"CNY","skus":[{"id":"tea","merchant_id":"m","title":"Tea",
        "list_price":6800,"stock":50,"categories":["drinks"]}]})");
    engine.put_sku(make_sku("cup", 3950, 40));
    engine.cart_add("lin", "tea", 2);
    engine.cart_set_quantity("lin", "tea", 3);
    engine.cart_add("lin", "cup", 1);
    engine.cart_select("lin", "cup", false);
    engine.cart_select("lin", "cup", true);
    engine.cart_add("guest", "cup", 1);
    engine.cart_merge_guest("lin", "guest");
    (void)engine.cart("lin");
    (void)engine.quote("lin");
    const Order order = engine.checkout("lin", "k1");
    (void)engine.order_by_checkout_key("lin", "k1");
    engine.pay(order.id, "ref", order.total, "p1");
    engine.refund_line(order.id, 0, 1, "r1");
    engine.refund_amount(order.id, 100, "r2");
    (void)engine.order(order.id);
    engine.cart_add("wei", "tea", 1);
    engine.cart_remove("wei", "tea");
    engine.cart_add("wei", "tea", 1);
    engine.cancel(engine.checkout("wei", "k2").id);
    // Thirty older orders lapse before wei's, so the batches that writes settle on
    // their way in do not reach wei's order before ann's checkout needs its tea.
    for (int i = 0; i < 30; ++i) {
        const std::string user = "c" + std::to_string(i);
        engine.cart_add(user, "cup", 1);
        engine.checkout(user, "kc" + std::to_string(i));
    }
    clock.advance_ms(1);
    engine.cart_add("wei", "tea", 1);
    engine.checkout("wei", "k3");
    clock.advance_ms(kDefaultPaymentWindowMs);
    (void)engine.get_sku("tea");
    (void)engine.catalog();
    (void)engine.export_program();
    engine.cart_add("ann", "tea", 47);  // wei's lapsed unit counts as free
    engine.checkout("ann", "k4");       // and wei's order is settled to make room
    engine.cart_add("ann", "cup", 1);
    engine.cart_clear("ann");
    engine.put_sku(make_sku("tea", 6800, 60));
    clock.advance_ms(kDefaultPaymentWindowMs);
    (void)engine.sweep(10);
    clock.advance_ms(40 * kDay);
    (void)engine.compact(10);
    (void)engine.events(0, 10);
    // The read side (a later page runs the same statement as the first).
    const auto orders = engine.orders_of_user(OrderQuery{"wei", SC_ORDER_STATE_ANY, 0, INT64_MAX}, "", 1);
    (void)engine.orders_of_user(OrderQuery{"wei", SC_ORDER_STATE_ANY, 0, INT64_MAX}, orders.next_cursor, 1);
    (void)engine.orders_of_user(OrderQuery{"lin", SC_ORDER_CANCELLED, 0, clock.now->load()}, "", 10);
    const auto by_merchant = engine.catalog_by_merchant("m", "", 1);
    (void)engine.catalog_by_merchant("m", by_merchant.next_cursor, 1);
    (void)engine.catalog_by_category("drinks", "", 1);
    (void)engine.events_of_type("order.paid", 0, 10);
    (void)engine.latest_event_seq();
    // Pricing rules and coupons: definitions, issue, checkout, pay, cancel, lapse, refund.
    Promotion promotion;
    promotion.id = "p";
    promotion.title = "P";
    promotion.tiers = {ThresholdTier{100, 10}};
    engine.put_promotion(promotion);
    engine.put_shipping_rule(ShippingRule{"", 500, 20000});
    CouponTemplate coupon;
    coupon.id = "c";
    coupon.title = "C";
    coupon.value = 100;
    coupon.validity = CouponValidity{CouponValidity::Kind::days_from_claim, 0, 0, 30};
    coupon.per_user_limit = 5;
    coupon.total_quantity = 100;
    engine.put_coupon_template(coupon);
    CouponTemplate code = coupon;
    code.id = "code";
    code.issue_mode = CouponIssueMode::promo_code;
    code.promo_code = "SPRING20";
    engine.put_coupon_template(code);
    CouponTemplate fresh = coupon;
    fresh.id = "fresh";
    fresh.issue_mode = CouponIssueMode::grant;
    fresh.audience.kind = CouponAudience::Kind::new_users;
    engine.put_coupon_template(fresh);
    engine.claim_coupon("zoe", "c", "zc1");
    engine.claim_coupon("zoe", "c", "zc2");
    engine.redeem_promo_code("zoe", "SPRING20", "zc3");
    engine.grant_coupon("zoe", "fresh", "zc4");
    (void)engine.coupons_of_user("zoe");
    (void)engine.coupons_of_user("zoe", CouponState::available);
    engine.cart_add("zoe", "cup", 1);
    (void)engine.quote("zoe", CheckoutRequest::with(CouponChoice::best_combination()));
    const Order paid = engine.checkout("zoe", CheckoutRequest::with(CouponChoice::best_combination()), "zk1");
    engine.pay(paid.id, "zref", paid.total, "zp1");
    engine.refund_amount(paid.id, paid.total - paid.shipping, "zr1");
    engine.cart_add("zoe", "cup", 1);
    engine.cancel(engine.checkout("zoe", CheckoutRequest::with(CouponChoice::best_combination()), "zk2").id);
    engine.cart_add("zoe", "cup", 1);
    engine.checkout("zoe", CheckoutRequest::with(CouponChoice::best_combination()), "zk3");
    clock.advance_ms(kDefaultPaymentWindowMs);
    engine.cart_add("zoe", "cup", 1);
    engine.checkout("zoe", CheckoutRequest::with(CouponChoice::best_combination()), "zk4");
    (void)engine.coupon_report();
    (void)engine.promotions();
    (void)engine.coupon_templates();
    (void)engine.shipping_rules();
    (void)engine.export_program();
}

// The table behind a name in a query plan, which may be an alias ("SCAN r" for
// "… JOIN refund_lines r …"). (Not std::regex: GCC 12 warns inside it under ASan.)
std::string table_of(const std::string& sql, const std::string& name) {
    std::vector<std::string> words;
    std::string word;
    for (char c : sql + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
            word += c;
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    for (size_t i = 0; i + 2 < words.size(); ++i) {
        if (words[i] != "FROM" && words[i] != "JOIN") continue;
        const size_t alias = words[i + 2] == "AS" ? i + 3 : i + 2;
        if (alias < words.size() && words[alias] == name) return words[i + 1];
    }
    return name;
}

}  // namespace

TEST_CASE("no hot-path query scans a table that grows") {
    TempDb file;
    ManualClock clock;
    Engine engine(config_for(file, clock));
    exercise_every_use_case(engine, clock);

    // Scans that are the point of the call: listing or exporting the whole catalog and
    // its rules (the coupon report lists every template).
    const std::set<std::string> catalog_scans = {"skus", "promotions", "coupon_templates", "shipping_rules"};
    const std::set<std::string> growing = {"orders", "order_lines", "refunds", "refund_lines", "holds",
                                           "idempotency", "events", "cart_lines", "sku_categories",
                                           "coupon_instances", "order_adjustments", "order_merchants",
                                           "order_applied"};
    SQLite::Database db(file.path, SQLite::OPEN_READONLY);
    const auto statements = engine.prepared_sql();
    CHECK(statements.size() > 30);  // the workload reached the whole engine
    for (const std::string& sql : statements) {
        SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + sql);
        while (plan.executeStep()) {
            const std::string detail = plan.getColumn(3).getString();
            if (detail.rfind("SCAN ", 0) != 0) continue;
            std::string table = detail.substr(5);
            table = table_of(sql, table.substr(0, table.find(' ')));
            // The oldest events are read in sequence order with a LIMIT: bounded.
            const bool bounded_oldest_events = table == "events" && sql.find("ORDER BY seq LIMIT") != std::string::npos;
            INFO(sql, " => ", detail);
            CHECK_FALSE((growing.count(table) > 0 && !bounded_oldest_events));
            if (catalog_scans.count(table))
                CHECK((sql.find("ORDER BY id") != std::string::npos ||
                       sql.find("ORDER BY merchant_id") != std::string::npos));
        }
    }
}

TEST_CASE("no query that every write runs sorts in a temporary b-tree") {
    // Every write first looks for lapsed orders, groups and bargains past their deadline; a
    // sort there costs each write its temporary b-tree even when nothing is due.
    TempDb file;
    ManualClock clock;
    Engine engine(config_for(file, clock));
    engine.put_sku(make_sku("cup", 1000));
    SQLite::Database db(file.path, SQLite::OPEN_READONLY);
    const auto statements = engine.prepared_sql();
    CHECK(statements.size() >= 4);
    for (const std::string& sql : statements) {
        SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + sql);
        while (plan.executeStep()) {
            const std::string detail = plan.getColumn(3).getString();
            INFO(sql, " => ", detail);
            CHECK(detail.find("TEMP B-TREE") == std::string::npos);
        }
    }
}

TEST_CASE("each reserved counter equals the sum of its held holds through random runs") {
    TempDb file;
    ManualClock clock;
    Engine engine(config_for(file, clock));
    const std::vector<std::string> skus = {"a", "b", "c", "d"};
    for (const auto& id : skus) engine.put_sku(make_sku(id, 1000, 12));
    engine.put_sku(make_sku("free", 500));  // untracked: never reserved

    std::mt19937_64 rng(20261201);
    auto pick = [&](int64_t n) { return static_cast<int64_t>(rng() % static_cast<uint64_t>(n)); };
    std::vector<Order> orders;
    Connection check({file.path}, true);
    int key = 0;
    for (int step = 0; step < 1500; ++step) {
        const std::string user = "u" + std::to_string(pick(12));
        const std::string sku = pick(6) == 0 ? "free" : skus[static_cast<size_t>(pick(4))];
        try {
            switch (pick(9)) {
                case 0: case 1: engine.cart_add(user, sku, 1 + pick(3)); break;
                case 2: orders.push_back(engine.checkout(user, "k" + std::to_string(key++))); break;
                case 3:
                    if (!orders.empty()) {
                        const Order& o = orders[static_cast<size_t>(pick(static_cast<int64_t>(orders.size())))];
                        engine.pay(o.id, "ref", o.total, "p" + std::to_string(key++));
                    }
                    break;
                case 4:
                    if (!orders.empty()) engine.cancel(orders[static_cast<size_t>(pick(static_cast<int64_t>(orders.size())))].id);
                    break;
                case 5: clock.advance_ms(pick(2) * kDefaultPaymentWindowMs / 2 + pick(1000)); break;
                case 6: (void)engine.sweep(1 + pick(3)); break;
                case 7: engine.put_sku(make_sku(skus[static_cast<size_t>(pick(4))], 1000, pick(25))); break;
                case 8: engine.cart_set_quantity(user, sku, 1 + pick(4)); break;
            }
        } catch (const Error& e) {
            // Refusals (out of stock, paid twice, stock below holds, …) change nothing.
            CHECK(e.code() != SC_ERR_INTERNAL);
        }
        const std::vector<store::CounterDrift> drift = store::counter_drift(check);
        // Availability is exact: on hand less what unpaid orders hold and have not let lapse.
        for (const auto& id : skus) {
            SQLite::Statement q(check.raw(),
                                "SELECT s.stock_on_hand - (SELECT COALESCE(SUM(quantity), 0) FROM holds "
                                "WHERE kind = 'stock' AND resource = s.id AND state = 'held' AND expires_at > ?) "
                                "FROM skus s WHERE s.id = ?");
            q.bind(1, clock.now->load());
            q.bind(2, id);
            REQUIRE(q.executeStep());
            CHECK(engine.get_sku(id).available == std::max<int64_t>(q.getColumn(0).getInt64(), 0));
        }
        for (const auto& d : drift) FAIL_CHECK(d.kind << " " << d.resource << ": counter " << d.counter << ", held " << d.held);
        if (!drift.empty()) break;
    }
    CHECK(count_events(engine, "hold.placed") > 100);
    CHECK(count_events(engine, "hold.committed") > 10);
    CHECK(count_events(engine, "hold.released") > 10);
}

TEST_CASE("a write settles a bounded batch; a read settles nothing") {
    TempDb file;
    ManualClock clock;
    Engine engine(config_for(file, clock));
    engine.put_sku(make_sku("tea", 6800, 1000));
    for (int i = 0; i < 40; ++i) {
        const std::string user = "u" + std::to_string(i);
        engine.cart_add(user, "tea", 1);
        engine.checkout(user, "k" + std::to_string(i));
    }
    clock.advance_ms(kDefaultPaymentWindowMs);
    const int64_t before = count_events(engine, "order.cancelled");
    (void)engine.quote("u0");
    (void)engine.get_sku("tea");
    CHECK(count_events(engine, "order.cancelled") == before);
    CHECK(engine.get_sku("tea").available == 1000);

    engine.cart_add("x", "tea", 1);
    CHECK(count_events(engine, "order.cancelled") == before + kSettleBatch);
    const SweepResult page = engine.sweep(20);
    CHECK(page.settled == 20);
    CHECK(page.more);
    const SweepResult rest = engine.sweep(100);
    CHECK(rest.settled == 40 - kSettleBatch - 20);
    CHECK_FALSE(rest.more);
}

TEST_CASE("checkout through stock held by lapsed orders settles only as many as it needs") {
    TempDb file;
    ManualClock clock;
    Engine engine(config_for(file, clock));
    engine.put_sku(make_sku("cup", 3950, 30));
    engine.put_sku(make_sku("tea", 6800, 1000));
    // Older lapsed orders hold tea, so the write's own batch does not reach the cups.
    for (int i = 0; i < 3 * static_cast<int>(kSettleBatch); ++i) {
        const std::string user = "t" + std::to_string(i);
        engine.cart_add(user, "tea", 1);
        engine.checkout(user, "kt" + std::to_string(i));
    }
    clock.advance_ms(1000);
    for (int i = 0; i < 30; ++i) {
        const std::string user = "c" + std::to_string(i);
        engine.cart_add(user, "cup", 1);
        engine.checkout(user, "kc" + std::to_string(i));
    }
    clock.advance_ms(kDefaultPaymentWindowMs);
    CHECK(engine.get_sku("cup").available == 30);
    engine.cart_add("buyer", "cup", 3);  // settles the write's batch (tea orders only)
    const int64_t before = count_events(engine, "order.cancelled");
    const Order order = engine.checkout("buyer", "kb");  // another batch of tea, plus 3 cup holders
    CHECK(count_events(engine, "order.cancelled") - before == kSettleBatch + 3);
    CHECK(order.state == SC_ORDER_CREATED);
    CHECK(engine.get_sku("cup").available == 27);
}

TEST_CASE("setting stock settles lapsed holders to make room, and refuses what live orders hold") {
    TempDb file;
    ManualClock clock;
    Engine engine(config_for(file, clock));
    engine.put_sku(make_sku("cup", 3950, 10));
    engine.cart_add("a", "cup", 4);
    engine.checkout("a", "ka");
    clock.advance_ms(kDefaultPaymentWindowMs);
    engine.cart_add("b", "cup", 2);  // its batch settles a's order
    engine.checkout("b", "kb");
    engine.cart_add("c", "cup", 3);
    engine.checkout("c", "kc");
    clock.advance_ms(kDefaultPaymentWindowMs);  // b's and c's orders lapse, unsettled
    Connection check({file.path}, true);
    CHECK(store::reserved_quantity(check, "stock", "cup") == 5);
    CHECK_NOTHROW(engine.put_sku(make_sku("cup", 3950, 1)));  // room made by settling
    CHECK(engine.get_sku("cup").available == 1);
    engine.cart_add("d", "cup", 1);
    engine.checkout("d", "kd");
    CHECK_SC_ERROR_FIELD(engine.put_sku(make_sku("cup", 3950, 0)), SC_ERR_INVALID_ARGUMENT, "stock");
}

TEST_CASE("compaction forgets events and idempotency keys past their retention, oldest first") {
    TempDb file;
    ManualClock clock;
    EngineConfig config = config_for(file, clock);
    config.event_retention_ms = kDay;
    config.idempotency_retention_ms = 2 * kDay;
    Engine engine(config);
    engine.put_sku(make_sku("tea", 6800, 100));
    engine.cart_add("lin", "tea", 1);
    const Order first = engine.checkout("lin", "key");
    const int64_t old_events = static_cast<int64_t>(engine.events(0, 10000).size());
    clock.advance_ms(kDay + 1);
    engine.cart_add("lin", "tea", 1);  // inside the event window from here on (it also
                                       // settles the lapsed order: three events)
    const auto all = engine.events(0, 10000);
    const int64_t new_events = static_cast<int64_t>(all.size()) - old_events;
    CHECK(new_events == 3);

    const CompactResult partial = engine.compact(2);
    CHECK(partial.events_removed == 2);
    CHECK(partial.idempotency_removed == 0);  // the key is a day old, kept for two
    CHECK(partial.more);
    const CompactResult rest = engine.compact(old_events - 2);  // exactly what is left
    CHECK(rest.events_removed == old_events - 2);
    CHECK_FALSE(rest.more);
    const auto remaining = engine.events(0, 10000);
    REQUIRE(static_cast<int64_t>(remaining.size()) == new_events);
    CHECK(remaining.front().seq == all[static_cast<size_t>(old_events)].seq);  // seqs are never reused
    CHECK(engine.checkout("lin", "key").id == first.id);  // still a replay

    clock.advance_ms(kDay);
    CHECK(engine.compact(1000).idempotency_removed == 1);
    const Order second = engine.checkout("lin", "key");  // the key is new again
    CHECK(second.id != first.id);
}

TEST_CASE("compaction keeps the newest event however old, so sequence numbers never go back") {
    TempDb file;
    ManualClock clock;
    EngineConfig config = config_for(file, clock);
    config.event_retention_ms = kDay;
    Engine engine(config);
    engine.put_sku(make_sku("tea", 6800, 100));
    engine.cart_add("lin", "tea", 1);
    const auto before = engine.events(0, 10000);
    REQUIRE(before.size() >= 2);
    clock.advance_ms(2 * kDay);  // every event is past the retention

    const CompactResult result = engine.compact(1000);
    CHECK(result.events_removed == static_cast<int64_t>(before.size()) - 1);
    CHECK_FALSE(result.more);  // what is left is the one event compaction keeps
    const auto kept = engine.events(0, 10000);
    REQUIRE(kept.size() == 1);
    CHECK(kept.front().seq == before.back().seq);
    CHECK(engine.compact(1000).events_removed == 0);

    engine.cart_add("lin", "tea", 1);
    const auto after = engine.events(before.back().seq, 10);
    REQUIRE(after.size() == 1);
    CHECK(after.front().seq == before.back().seq + 1);
    // The kept event goes once a newer one exists.
    clock.advance_ms(2 * kDay);
    engine.cart_add("lin", "tea", 1);
    CHECK(engine.compact(1000).events_removed == 2);
}

TEST_CASE("migrating a version 1 file computes each reserved counter from its holds") {
    TempDb file;
    {
        SQLite::Database db(file.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(migrations()[0]);
        db.exec("PRAGMA user_version=1");
        db.exec("INSERT INTO skus(id, merchant_id, title, currency, list_price, stock_on_hand, active) VALUES "
                "('cup','m','Cup','CNY',3950,10,1), ('tea','m','Tea','CNY',6800,NULL,1)");
        db.exec("INSERT INTO orders(id, user_id, state, currency, subtotal, total, created_at, pay_deadline) VALUES "
                "('o1','u','1','CNY',0,0,0,9000000000000), ('o2','u','2','CNY',0,0,0,0)");
        db.exec("INSERT INTO holds(id, order_id, kind, resource, quantity, state, expires_at) VALUES "
                "('h1','o1','stock','cup',2,'held',9000000000000), ('h2','o1','stock','cup',1,'held',9000000000000),"
                "('h3','o2','stock','cup',4,'committed',0)");
        db.exec("INSERT INTO idempotency(scope, key, request, result_id) VALUES ('checkout','k','r','o1')");
    }
    ManualClock clock;
    Engine engine(config_for(file, clock));
    Connection check({file.path}, true);
    CHECK(store::reserved_quantity(check, "stock", "cup") == 3);
    CHECK(store::reserved_quantity(check, "stock", "tea") == 0);
    CHECK(store::counter_drift(check).empty());
    CHECK(engine.get_sku("cup").available == 7);
}
