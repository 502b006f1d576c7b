// Bargain (FEATURES §8): the cut, the program's rules, and the engine opening, helping,
// buying and expiring bargains, with a scripted random source so every amount is exact.
#include "bargain/bargain.hpp"
#include "program/program_document.hpp"
#include "referral/share_target.hpp"
#include "store/database.hpp"
#include "store/hold_store.hpp"
#include "store/schema.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <deque>
#include <limits>
#include <random>

using namespace sc;
using namespace sc::test;

namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kT0 = 1'795'428'000'000;  // the ManualClock's start

BargainProgram wok_program(int64_t helpers = 5) {
    BargainProgram p;
    p.id = "wok-chop";
    p.sku_id = "wok";
    p.floor_price = 100;
    p.helpers = helpers;
    p.lifetime_minutes = 24 * 60;
    p.starts_at = kT0 - kMinute;
    p.ends_at = kT0 + 10 * 24 * 60 * kMinute;
    return p;
}

// Draws the test scripts; 0 once the script has run out.
struct ScriptedRandom {
    std::shared_ptr<std::deque<uint64_t>> draws = std::make_shared<std::deque<uint64_t>>();
    std::shared_ptr<int64_t> calls = std::make_shared<int64_t>(0);
    RandomSource source() const {
        auto d = draws;
        auto n = calls;
        return [d, n] {
            ++*n;
            if (d->empty()) return uint64_t{0};
            const uint64_t v = d->front();
            d->pop_front();
            return v;
        };
    }
    void push(std::initializer_list<uint64_t> values) { draws->insert(draws->end(), values); }
};

struct BargainShop {
    TempDb db;
    ManualClock clock;
    ScriptedRandom random;
    Engine engine{config()};
    int keys = 0;

    explicit BargainShop(const BargainProgram& program = wok_program()) {
        engine.put_sku(make_sku("wok", 10000, 50));
        engine.put_sku(make_sku("tea", 4400));
        engine.put_bargain_program(program);
    }
    EngineConfig config() {
        EngineConfig c = config_for(db, clock);
        c.random = random.source();
        return c;
    }
    std::string key() { return "k-" + std::to_string(++keys); }
    Bargain open(const std::string& user, const std::string& program = "wok-chop") {
        return engine.open_bargain(program, user, key());
    }
    BargainHelpResult help(const std::string& bargain, const std::string& helper, uint64_t draw) {
        random.push({draw});
        return engine.help_bargain(bargain, helper, key());
    }
    Order buy(const std::string& user, const std::string& bargain) {
        CheckoutRequest request;
        request.bargain.bargain_id = bargain;
        return engine.checkout(user, request, key());
    }
    Order pay(const Order& order) {
        const std::string k = key();
        return engine.pay(order.id, k, order.total, k);
    }
    int64_t count(const std::string& type) { return static_cast<int64_t>(engine.events_of_type(type, 0, 1000).size()); }
};

}  // namespace

TEST_CASE("the cut: the exact draw arithmetic, the last help takes the rest, one unit kept per helper to come") {
    // remaining 9900, 5 helpers left: twice the fair share is 3960.
    CHECK(bargain_cut(9900, 5, 0) == 1);
    CHECK(bargain_cut(9900, 5, 999) == 1000);
    CHECK(bargain_cut(9900, 5, 3959) == 3960);
    CHECK(bargain_cut(9900, 5, 3960) == 1);
    CHECK(bargain_cut(9900, 1, 12345) == 9900);  // the last help lands on the floor
    // Twice the fair share is capped so each helper still to come keeps one unit.
    CHECK(bargain_cut(3, 2, 1) == 2);
    CHECK(bargain_cut(3, 2, 2) == 1);
    for (uint64_t d = 0; d < 10; ++d) CHECK(bargain_cut(5, 5, d) == 1);
    // At the edge of 64 bits, without overflow: max and upper are 2^63 - 2.
    const int64_t big = std::numeric_limits<int64_t>::max();
    CHECK(bargain_cut(big, 2, std::numeric_limits<uint64_t>::max()) == 4);
    CHECK_SC_ERROR(bargain_cut(4, 5, 0), SC_ERR_INVALID_ARGUMENT);
    CHECK_SC_ERROR(bargain_cut(4, 0, 0), SC_ERR_INVALID_ARGUMENT);
}

TEST_CASE("every sequence of H helps ends exactly on the floor with every cut at least one unit") {
    const uint64_t seed = std::random_device{}();
    INFO("seed ", seed);
    std::mt19937_64 rng(seed);
    int64_t failures = 0;
    for (int run = 0; run < 3000 && failures == 0; ++run) {
        const int64_t helpers = 1 + static_cast<int64_t>(rng() % 100);
        const int64_t gap = helpers + static_cast<int64_t>(rng() % static_cast<uint64_t>(1'000'000'000 - helpers + 1));
        int64_t remaining = gap;
        for (int64_t left = helpers; left >= 1; --left) {
            const int64_t cut = bargain_cut(remaining, left, rng());
            if (cut < 1 || cut > remaining - (left - 1)) {
                ++failures;
                FAIL_CHECK("run ", run, ": H ", helpers, " gap ", gap, " cut ", cut, " of ", remaining, " with ", left,
                           " left");
                break;
            }
            remaining -= cut;
        }
        if (failures == 0 && remaining != 0) {
            ++failures;
            FAIL_CHECK("run ", run, ": H ", helpers, " gap ", gap, " ends ", remaining, " above the floor");
        }
    }
    CHECK(failures == 0);
}

TEST_CASE("a program's settings are checked naming the field; a bargain's deadline is capped by the program end") {
    validate_bargain_program(wok_program(), "");
    auto refused = [](auto change, const char* field) {
        BargainProgram bad = wok_program();
        change(bad);
        CHECK_SC_ERROR_FIELD(validate_bargain_program(bad, "bargains.programs[2]."), SC_ERR_VALIDATION,
                             std::string("bargains.programs[2].") + field);
    };
    refused([](BargainProgram& b) { b.helpers = 0; }, "helpers");
    refused([](BargainProgram& b) { b.helpers = 101; }, "helpers");
    refused([](BargainProgram& b) { b.lifetime_minutes = 0; }, "lifetime_minutes");
    refused([](BargainProgram& b) { b.lifetime_minutes = 43'201; }, "lifetime_minutes");
    refused([](BargainProgram& b) { b.floor_price = -1; }, "floor_price");
    refused([](BargainProgram& b) { b.ends_at = b.starts_at; }, "ends_at");
    refused([](BargainProgram& b) { b.starts_at = -1; }, "starts_at");
    refused([](BargainProgram& b) { b.sku_id = ""; }, "sku_id");
    refused([](BargainProgram& b) { b.id = ""; }, "id");
    const BargainProgram p = wok_program();
    CHECK(bargain_deadline(p, kT0) == kT0 + 24 * 60 * kMinute);
    CHECK(bargain_deadline(p, p.ends_at - kMinute) == p.ends_at);
    CHECK(bargain_has_room(p, 105));
    CHECK_FALSE(bargain_has_room(p, 104));
    // The invite is a share link to the bargain: byte 5 of the token format.
    CHECK(share_target_kind_from_byte(5) == ShareTargetKind::bargain);
    CHECK(share_target_kind_from_name("bargain") == ShareTargetKind::bargain);
    CHECK_FALSE(share_target_kind_from_byte(6).has_value());
}

TEST_CASE("friends' helps cut exactly what the scripted draws say and the H-th lands on the floor") {
    BargainShop shop;
    const Bargain opened = shop.open("ann");
    CHECK(opened.id.rfind("brg_", 0) == 0);
    CHECK(opened.state == BargainState::open);
    CHECK(opened.start_price == 10000);
    CHECK(opened.price == 10000);
    CHECK(opened.floor_price == 100);
    CHECK(opened.helpers_needed == 5);
    CHECK(opened.opened_at == kT0);
    CHECK(opened.deadline == kT0 + 24 * 60 * kMinute);
    CHECK(shop.count("bargain.opened") == 1);

    auto r = shop.help(opened.id, "bo", 999);  // 1 + 999 % 3960
    CHECK(r.amount == 1000);
    CHECK(r.bargain.price == 9000);
    r = shop.help(opened.id, "cy", 5000);  // 1 + 5000 % (2 * 8900 / 4 = 4450)
    CHECK(r.amount == 551);
    CHECK(r.bargain.price == 8449);
    r = shop.help(opened.id, "di", 0);
    CHECK(r.amount == 1);
    shop.clock.advance_ms(kMinute);
    r = shop.help(opened.id, "ed", 7);  // 2 left: upper min(8348, 8347)
    CHECK(r.amount == 8);
    CHECK(r.bargain.price == 8440);
    CHECK(r.bargain.state == BargainState::open);
    r = shop.help(opened.id, "fu", 123456);  // the last takes all that remains
    CHECK(r.amount == 8340);
    CHECK(r.bargain.price == 100);
    CHECK(r.bargain.state == BargainState::floor_reached);

    const Bargain b = shop.engine.bargain(opened.id);
    REQUIRE(b.helps.size() == 5);
    const BargainHelp first_help{"bo", 1000, 9000, kT0};
    const BargainHelp fourth_help{"ed", 8, 8440, kT0 + kMinute};
    CHECK(b.helps[0] == first_help);
    CHECK(b.helps[3] == fourth_help);
    CHECK(b.helps[4].price_after == 100);
    CHECK(shop.count("bargain.helped") == 5);
    CHECK(shop.count("bargain.floor_reached") == 1);
    const auto helped = shop.engine.events_of_type("bargain.helped", 0, 10);
    const auto last = nlohmann::json::parse(helped.back().payload);
    CHECK(last.at("helpers_left") == 0);
    CHECK(last.at("amount") == 8340);
    CHECK(nlohmann::json::parse(helped.front().payload).at("helps") == 1);
    CHECK(*shop.random.calls == 5);
    CHECK_SC_ERROR_FIELD(shop.help(opened.id, "gus", 1), SC_ERR_INVALID_STATE, "bargain_id");
}

TEST_CASE("opening: inside the window, one live bargain per shopper, room for every helper") {
    BargainProgram later = wok_program();
    later.id = "later";
    later.starts_at = kT0 + 60 * kMinute;
    BargainShop shop;
    shop.engine.put_bargain_program(later);
    CHECK_SC_ERROR_FIELD(shop.open("ann", "later"), SC_ERR_INVALID_STATE, "program_id");
    CHECK_SC_ERROR_FIELD(shop.open("ann", "nope"), SC_ERR_NOT_FOUND, "program_id");
    CHECK_SC_ERROR_FIELD(shop.engine.open_bargain("wok-chop", "", "k"), SC_ERR_INVALID_ARGUMENT, "user_id");
    const Bargain first = shop.open("ann");
    CHECK_SC_ERROR_FIELD(shop.open("ann"), SC_ERR_INVALID_STATE, "program_id");
    shop.open("bo");  // another shopper has their own
    // Once the first expired, the shopper may open another.
    shop.clock.advance_ms(24 * 60 * kMinute);
    CHECK(shop.engine.bargain(first.id).state == BargainState::expired);
    const Bargain second = shop.open("ann");
    CHECK(second.id != first.id);
    // The list price fell: 104 leaves 4 units above the floor of 100 for 5 helpers.
    shop.engine.put_sku(make_sku("wok", 104, 50));
    CHECK_SC_ERROR_FIELD(shop.open("cy"), SC_ERR_INVALID_STATE, "program_id");
    shop.clock.advance_ms(10 * 24 * 60 * kMinute);
    CHECK_SC_ERROR_FIELD(shop.open("cy"), SC_ERR_EXPIRED, "program_id");
}

TEST_CASE("helping: not the opener, once per friend, not past the deadline, not once bought") {
    BargainShop shop;
    const Bargain b = shop.open("ann");
    CHECK_SC_ERROR_FIELD(shop.help(b.id, "ann", 1), SC_ERR_INVALID_STATE, "user_id");
    shop.help(b.id, "bo", 1);
    CHECK_SC_ERROR_FIELD(shop.help(b.id, "bo", 1), SC_ERR_INVALID_STATE, "user_id");
    CHECK_SC_ERROR_FIELD(shop.help("brg_none", "cy", 1), SC_ERR_NOT_FOUND, "bargain_id");
    CHECK_SC_ERROR_FIELD(shop.engine.help_bargain(b.id, "", "k"), SC_ERR_INVALID_ARGUMENT, "helper_user_id");
    const Order order = shop.pay(shop.buy("ann", b.id));
    CHECK(order.state == SC_ORDER_PAID);
    CHECK_SC_ERROR_FIELD(shop.help(b.id, "cy", 1), SC_ERR_INVALID_STATE, "bargain_id");

    const Bargain late = shop.open("di");
    shop.clock.advance_ms(24 * 60 * kMinute);
    CHECK_SC_ERROR_FIELD(shop.help(late.id, "ed", 1), SC_ERR_EXPIRED, "bargain_id");
    CHECK(shop.engine.bargain(late.id).helps.empty());
}

TEST_CASE("buying: the opener pays the bargained price once; the hold blocks a second order until it lapses") {
    BargainShop shop;
    const Bargain b = shop.open("ann");
    shop.help(b.id, "bo", 999);  // 9000
    shop.engine.cart_add("ann", "tea", 1);
    CheckoutRequest request;
    request.bargain.bargain_id = b.id;
    const Quote quote = shop.engine.quote("ann", request);
    CHECK(quote.payable == 9000);

    CHECK_SC_ERROR_FIELD(shop.buy("bo", b.id), SC_ERR_INVALID_STATE, "bargain_id");  // not the opener
    CHECK_SC_ERROR_FIELD(shop.buy("ann", "brg_none"), SC_ERR_NOT_FOUND, "bargain_id");
    CheckoutRequest both = request;
    both.group.mode = GroupChoice::Mode::open;
    both.group.campaign_id = "any";
    CHECK_SC_ERROR_FIELD(shop.engine.checkout("ann", both, "k-both"), SC_ERR_INVALID_ARGUMENT, "request");

    const Order first = shop.buy("ann", b.id);
    CHECK(first.total == 9000);
    REQUIRE(first.lines.size() == 1);
    CHECK(first.lines[0].sku_id == "wok");
    CHECK(first.lines[0].quantity == 1);
    CHECK(first.lines[0].unit_price == 10000);
    CHECK(first.lines[0].net == 9000);
    CHECK(shop.engine.cart("ann").lines.size() == 1);  // the cart is not the bargain's
    CHECK(shop.count("hold.placed") == 2);             // the bargain and the wok's stock
    CHECK_SC_ERROR_FIELD(shop.buy("ann", b.id), SC_ERR_INVALID_STATE, "bargain_id");  // held by the first

    // A later help lowers the bargain, not the order made before it.
    shop.help(b.id, "cy", 0);
    CHECK(shop.engine.bargain(b.id).price == 8999);
    CHECK(shop.engine.order(first.id).total == 9000);

    // The first order's window lapses: the bargain is free to buy again, at today's price.
    shop.clock.advance_ms(kDefaultPaymentWindowMs);
    const Order second = shop.buy("ann", b.id);
    CHECK(second.total == 8999);
    CHECK(shop.engine.order(first.id).state == SC_ORDER_CANCELLED);
    CHECK(shop.engine.bargain(b.id).state == BargainState::open);

    const Order paid = shop.pay(second);
    CHECK(paid.state == SC_ORDER_PAID);
    const Bargain bought = shop.engine.bargain(b.id);
    CHECK(bought.state == BargainState::bought);
    CHECK(bought.order_id == second.id);
    CHECK(bought.ended_at == shop.clock.now->load());
    CHECK(shop.count("bargain.bought") == 1);
    CHECK_SC_ERROR_FIELD(shop.buy("ann", b.id), SC_ERR_INVALID_STATE, "bargain_id");
    // The bargain's counter pair follows its holds: one committed, one released.
    Connection check({shop.db.path}, true);
    CHECK(store::counter_drift(check).empty());
    CHECK(store::reserved_quantity(check, "bargain", b.id) == 0);
    // Bought stays bought, past the deadline too.
    shop.clock.advance_ms(2 * 24 * 60 * kMinute);
    CHECK(shop.engine.bargain(b.id).state == BargainState::bought);
    CHECK(shop.engine.sweep(100).bargains_expired == 0);
}

TEST_CASE("a bargain order's payment window ends by the bargain's deadline") {
    BargainProgram quick = wok_program();
    quick.lifetime_minutes = 10;  // shorter than the 15-minute payment window
    BargainShop shop(quick);
    const Bargain b = shop.open("ann");
    const Order order = shop.buy("ann", b.id);
    CHECK(order.pay_deadline == b.deadline);
    shop.clock.advance_ms(10 * kMinute);
    CHECK_SC_ERROR(shop.pay(order), SC_ERR_EXPIRED);
    CHECK(shop.engine.bargain(b.id).state == BargainState::expired);
    CHECK_SC_ERROR_FIELD(shop.buy("ann", b.id), SC_ERR_EXPIRED, "bargain_id");
}

TEST_CASE("expiry: reads see it at once, the sweep and other writes persist it once") {
    BargainShop shop;
    const Bargain a = shop.open("ann");
    const Bargain b = shop.open("bo");
    shop.help(b.id, "cy", 3);
    shop.clock.advance_ms(24 * 60 * kMinute);
    const Bargain seen = shop.engine.bargain(a.id);
    CHECK(seen.state == BargainState::expired);
    CHECK(seen.ended_at == a.deadline);
    CHECK(shop.engine.bargains_of_user("bo", 10).at(0).state == BargainState::expired);
    CHECK(shop.count("bargain.expired") == 0);  // a read writes nothing
    const SweepResult swept = shop.engine.sweep(1);
    CHECK(swept.bargains_expired == 1);
    CHECK(swept.more);
    CHECK(shop.count("bargain.expired") == 1);
    // Any write settles what is due on its way in.
    shop.engine.put_sku(make_sku("pan", 3000));
    CHECK(shop.count("bargain.expired") == 2);
    CHECK(shop.engine.sweep(100).bargains_expired == 0);
    CHECK_FALSE(shop.engine.sweep(100).more);
    CHECK(shop.engine.bargain(b.id).state == BargainState::expired);
    CHECK(shop.engine.bargain(b.id).ended_at == b.deadline);
}

TEST_CASE("retries with the same key return the first result and change nothing") {
    BargainShop shop;
    const Bargain first = shop.engine.open_bargain("wok-chop", "ann", "open-1");
    const Bargain again = shop.engine.open_bargain("wok-chop", "ann", "open-1");
    CHECK(again.id == first.id);
    CHECK(shop.count("bargain.opened") == 1);
    CHECK_SC_ERROR_FIELD(shop.engine.open_bargain("wok-chop", "bo", "open-1"), SC_ERR_IDEMPOTENCY_CONFLICT,
                         "idempotency_key");

    shop.random.push({999, 5});
    const BargainHelpResult helped = shop.engine.help_bargain(first.id, "bo", "help-1");
    const BargainHelpResult replay = shop.engine.help_bargain(first.id, "bo", "help-1");
    CHECK(helped.amount == 1000);
    CHECK(replay.amount == 1000);
    CHECK(replay.bargain.price == 9000);
    CHECK(replay.bargain.helps.size() == 1);
    CHECK(*shop.random.calls == 2);  // the replay drew and wasted its draw
    CHECK(shop.count("bargain.helped") == 1);
    CHECK_SC_ERROR_FIELD(shop.engine.help_bargain(first.id, "cy", "help-1"), SC_ERR_IDEMPOTENCY_CONFLICT,
                         "idempotency_key");

    // Putting the stored program again writes nothing.
    const int64_t puts = shop.count("bargain_program.put");
    shop.engine.put_bargain_program(wok_program());
    CHECK(shop.count("bargain_program.put") == puts);
}

TEST_CASE("a program needs its SKU and room above the floor for every helper") {
    BargainShop shop;
    BargainProgram p = wok_program();
    p.id = "other";
    p.sku_id = "nope";
    CHECK_SC_ERROR_FIELD(shop.engine.put_bargain_program(p), SC_ERR_VALIDATION, "sku_id");
    p.sku_id = "wok";
    p.floor_price = 9996;  // 4 units above it for 5 helpers
    CHECK_SC_ERROR_FIELD(shop.engine.put_bargain_program(p), SC_ERR_VALIDATION, "floor_price");
    p.floor_price = 9995;
    shop.engine.put_bargain_program(p);
    CHECK(shop.engine.bargain_program("other") == p);
    CHECK(shop.engine.bargain_programs().size() == 2);
    CHECK_SC_ERROR_FIELD(shop.engine.bargain_program("none"), SC_ERR_NOT_FOUND, "program_id");
}

TEST_CASE("the bargains section of the program document reads strictly and writes back the same") {
    TempDb db;
    ManualClock clock;
    Engine engine(config_for(db, clock));
    const std::string doc = R"({"format":"socialcart.program/1","currency":"CNY",
        "skus":[{"id":"wok","merchant_id":"m1","title":"Wok","list_price":10000}],
        "bargains":{"programs":[{"id":"b1","sku_id":"wok","floor_price":100,"helpers":5,
          "lifetime_minutes":1440,"starts_at":0,"ends_at":4102444800000},
          {"id":"b2","sku_id":"wok","floor_price":0,"helpers":100,
          "lifetime_minutes":43200,"starts_at":10,"ends_at":20}]}})";
    engine.import_program(doc);
    CHECK(engine.bargain_program("b2").helpers == 100);
    const std::string exported = engine.export_program();
    CHECK(nlohmann::json::parse(exported)["bargains"] == nlohmann::json::parse(doc)["bargains"]);
    CHECK(serialize_program(parse_program(exported)) == exported);
    engine.import_program(exported);
    CHECK(engine.export_program() == exported);
    CHECK(engine.events_of_type("bargain_program.put", 0, 10).size() == 2);

    CHECK_SC_ERROR_FIELD(parse_program(R"({"format":"socialcart.program/1","bargains":{"programs":[{"id":"b"}]}})"),
                         SC_ERR_VALIDATION, "bargains.programs[0].sku_id");
    CHECK_SC_ERROR_FIELD(parse_program(R"({"format":"socialcart.program/1","bargains":{"programs":[
        {"id":"b1","sku_id":"wok","floor_price":1,"helpers":2,"lifetime_minutes":1,"starts_at":0,"ends_at":1},
        {"id":"b2","sku_id":"wok","floor_price":1,"helpers":0,"lifetime_minutes":1,"starts_at":0,"ends_at":1}]}})"),
                         SC_ERR_VALIDATION, "bargains.programs[1].helpers");
    CHECK_SC_ERROR_FIELD(parse_program(R"({"format":"socialcart.program/1","bargains":{"programs":[
        {"id":"b1","sku_id":"wok","floor_price":1,"helpers":2,"lifetime_minutes":1,"starts_at":0,"ends_at":1},
        {"id":"b1","sku_id":"wok","floor_price":1,"helpers":2,"lifetime_minutes":1,"starts_at":0,"ends_at":1}]}})"),
                         SC_ERR_VALIDATION, "bargains.programs[1].id");
    CHECK_SC_ERROR_FIELD(parse_program(R"({"format":"socialcart.program/1","bargains":{"programs":[
        {"id":"b1","sku_id":"wok","floor_price":1,"helpers":2,"lifetime_minutes":1,"starts_at":0,"ends_at":1,
         "extra":1}]}})"),
                         SC_ERR_VALIDATION, "bargains.programs[0].extra");
    CHECK_SC_ERROR_FIELD(parse_program(R"({"format":"socialcart.program/1","bargains":{"programs":{}}})"),
                         SC_ERR_VALIDATION, "bargains.programs");
    CHECK_SC_ERROR_FIELD(parse_bargain_program_entry(R"({"id":"b1","sku_id":"wok","floor_price":1,"helpers":2,
        "lifetime_minutes":43201,"starts_at":0,"ends_at":1})"),
                         SC_ERR_VALIDATION, "lifetime_minutes");
    // The engine checks the room above the floor against the document's SKU.
    CHECK_SC_ERROR_FIELD(engine.import_program(R"({"format":"socialcart.program/1","bargains":{"programs":[
        {"id":"b3","sku_id":"wok","floor_price":9999,"helpers":2,"lifetime_minutes":1,"starts_at":0,"ends_at":1}]}})"),
                         SC_ERR_VALIDATION, "bargains.programs[0].floor_price");
}

TEST_CASE("the program report: opened, completed, expired, bought, helps per completion, conversion") {
    BargainShop shop(wok_program(2));
    const Bargain ann = shop.open("ann");
    shop.help(ann.id, "h1", 0);
    shop.help(ann.id, "h2", 0);
    shop.pay(shop.buy("ann", ann.id));  // completed, then bought at the floor
    const Bargain bo = shop.open("bo");
    shop.help(bo.id, "h1", 0);
    shop.help(bo.id, "h3", 0);  // completed, never bought: expires
    const Bargain cy = shop.open("cy");
    shop.help(cy.id, "h1", 0);  // expires half way
    const Bargain di = shop.open("di");
    shop.help(di.id, "h4", 0);
    shop.pay(shop.buy("di", di.id));  // bought above the floor
    shop.clock.advance_ms(24 * 60 * kMinute);
    const BargainReport r = shop.engine.bargain_report("wok-chop");
    CHECK(r.opened == 4);
    CHECK(r.completed == 2);
    CHECK(r.expired == 2);
    CHECK(r.bought == 2);
    CHECK(r.helps == 6);
    CHECK(r.helpers_per_completion == 300);
    CHECK(r.conversion_bps == 5000);
    CHECK_SC_ERROR_FIELD(shop.engine.bargain_report("none"), SC_ERR_NOT_FOUND, "program_id");

    const auto listed = shop.engine.bargains_of_user("ann", 10);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].price == 100);
    CHECK_SC_ERROR_FIELD(shop.engine.bargains_of_user("ann", 0), SC_ERR_INVALID_ARGUMENT, "limit");
}

TEST_CASE("migration 14 keeps every share link while letting links target a bargain") {
    TempDb file;
    {
        SQLite::Database db(file.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA foreign_keys=ON");
        for (size_t i = 0; i < 13; ++i) db.exec(migrations()[i]);
        db.exec("PRAGMA user_version=13");
        db.exec("INSERT INTO share_keys(key_id, public_key, seed, added_at) VALUES ('k1', zeroblob(32), NULL, 1)");
        db.exec("INSERT INTO share_links VALUES ('c1', 'tok', 'ann', 'group', 'grp_1', 'qr', 'k1', 1, 2, "
                "zeroblob(12), 'key-1')");
        CHECK_THROWS(db.exec("INSERT INTO share_links VALUES ('c2', 'tok', 'ann', 'bargain', 'brg_1', 'qr', 'k1', 1, "
                             "2, zeroblob(12), 'key-2')"));
    }
    { Database db({file.path, SC_DURABILITY_FULL, 1000}); }
    SQLite::Database raw(file.path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA foreign_keys=ON");
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == schema_version());
    CHECK(raw.execAndGet("SELECT code || ':' || sharer_id || ':' || target_kind || ':' || target_id || ':' || "
                         "idempotency_key || ':' || length(nonce) FROM share_links")
              .getString() == "c1:ann:group:grp_1:key-1:12");
    raw.exec("INSERT INTO share_links VALUES ('c2', 'tok', 'ann', 'bargain', 'brg_1', 'qr', 'k1', 1, 2, "
             "zeroblob(12), 'key-2')");
    CHECK_THROWS(raw.exec("INSERT INTO share_links VALUES ('c3', 'tok', 'ann', 'shelf', 'x', 'qr', 'k1', 1, 2, "
                          "zeroblob(12), 'key-3')"));
    CHECK_THROWS(raw.exec("INSERT INTO share_links VALUES ('c4', 'tok', 'ann', 'sku', 'x', 'qr', 'nokey', 1, 2, "
                          "zeroblob(12), 'key-4')"));
    CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_master WHERE name LIKE '%_v14'").getInt() == 0);
}
