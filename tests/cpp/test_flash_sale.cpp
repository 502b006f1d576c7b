// Flash sales (FEATURES §8): the sale's slots and settings, and the engine selling a slot's
// stock through checkout holds, payment, lapses and cancellations, under contention.
#include "flashsale/flash_sale.hpp"
#include "program/program_document.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>

using namespace sc;
using namespace sc::test;

namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDayMs = 24 * kHour;
constexpr int64_t kT0 = 1'795'428'000'000;  // the ManualClock's start: 10:00 UTC
constexpr int64_t kMidnight = kT0 - 10 * kHour;

// Slots at 10:00 (60 min), 12:00 (30 min) and 20:00 (120 min) UTC, for a week.
FlashSale tea_sale(int64_t stock = 5) {
    FlashSale s;
    s.id = "tea-rush";
    s.sku_id = "tea";
    s.sale_price = 1990;
    s.starts_at = kMidnight;
    s.ends_at = kMidnight + 7 * kDayMs;
    s.slots = {{10 * 60, 60}, {12 * 60, 30}, {20 * 60, 120}};
    s.stock_per_slot = stock;
    s.max_units_per_order = 2;
    s.max_units_per_user_per_day = 3;
    return s;
}

FlashChoice slot_of(int64_t starts_at, int64_t quantity = 1) {
    FlashChoice c;
    c.sale_id = "tea-rush";
    c.slot_starts_at = starts_at;
    c.quantity = quantity;
    return c;
}

struct FlashShop {
    TempDb db;
    ManualClock clock;
    Engine engine{config_for(db, clock)};
    int keys = 0;

    explicit FlashShop(const FlashSale& sale = tea_sale()) {
        engine.put_sku(make_sku("tea", 4400, 1000));
        engine.put_sku(make_sku("cup", 1500));
        engine.put_flash_sale(sale);
    }
    Order checkout(const std::string& user, const FlashChoice& choice) {
        CheckoutRequest request;
        request.flash = choice;
        return engine.checkout(user, request, "co-" + std::to_string(++keys));
    }
    Order pay(const Order& order) {
        const std::string k = "pay-" + std::to_string(++keys);
        return engine.pay(order.id, k, order.total, k);
    }
    FlashSlotView slot(int64_t starts_at) {
        for (const FlashSlotView& v : engine.flash_slots("tea-rush", 100))
            if (v.starts_at == starts_at) return v;
        FAIL("no such slot listed");
        return {};
    }
    int64_t count(const std::string& type) { return static_cast<int64_t>(engine.events_of_type(type, 0, 1000).size()); }
};

}  // namespace

TEST_CASE("a sale's slots repeat each local day inside its window; settings out of range name their field") {
    FlashSale s = tea_sale();
    CHECK_NOTHROW(validate_flash_sale(s, ""));
    CHECK(flash_slot_starting(s, kT0) == FlashSlot{kT0, kT0 + kHour});
    CHECK(flash_slot_starting(s, kT0 + 2 * kHour) == FlashSlot{kT0 + 2 * kHour, kT0 + 2 * kHour + 30 * kMinute});
    CHECK_FALSE(flash_slot_starting(s, kT0 + kMinute));
    CHECK_FALSE(flash_slot_starting(s, kT0 - kDayMs));  // before the sale's window
    CHECK_FALSE(flash_slot_starting(s, kT0 + 7 * kDayMs));

    // At 10:30 the 10:00 slot still runs; next come 12:00, 20:00, then tomorrow's 10:00.
    const auto slots = flash_slots_from(s, kT0 + 30 * kMinute, 4);
    REQUIRE(slots.size() == 4);
    CHECK(slots[0].starts_at == kT0);
    CHECK(slots[1].starts_at == kT0 + 2 * kHour);
    CHECK(slots[2].starts_at == kT0 + 10 * kHour);
    CHECK(slots[3].starts_at == kT0 + kDayMs);
    // The last day's slots, then nothing.
    const auto last = flash_slots_from(s, s.ends_at - kDayMs + 11 * kHour, 10);
    REQUIRE(last.size() == 2);
    CHECK(last[1].starts_at == s.ends_at - 4 * kHour);
    CHECK(flash_slots_from(s, s.ends_at, 10).empty());

    // Beijing time (UTC+8): 10:00 local is 02:00 UTC, and the local day turns at 16:00 UTC.
    FlashSale beijing = s;
    beijing.utc_offset_minutes = 480;
    CHECK(flash_slot_starting(beijing, kMidnight + 2 * kHour));
    CHECK(flash_local_day(beijing, kMidnight + 16 * kHour) == flash_local_day(beijing, kMidnight + 15 * kHour) + 1);
    // A slot that runs past midnight (23:00 for 2 h) is fine while it ends by the first slot.
    FlashSale late = s;
    late.slots = {{10 * 60, 60}, {23 * 60, 120}};
    CHECK_NOTHROW(validate_flash_sale(late, ""));

    auto refused = [](FlashSale bad, const char* field) {
        CHECK_SC_ERROR_FIELD(validate_flash_sale(bad, "flash_sales[0]."), SC_ERR_VALIDATION,
                             std::string("flash_sales[0].") + field);
    };
    FlashSale bad = s;
    bad.slots = {{12 * 60, 60}, {10 * 60, 30}};
    refused(bad, "slots[1].start");
    bad.slots = {{10 * 60, 150}, {12 * 60, 30}};
    refused(bad, "slots[0].minutes");
    bad.slots = {{10 * 60, 60}, {23 * 60, 12 * 60}};
    refused(bad, "slots[1].minutes");
    bad.slots = {};
    refused(bad, "slots");
    bad = s;
    bad.utc_offset_minutes = 900;
    refused(bad, "utc_offset_minutes");
    bad = s;
    bad.max_units_per_user_per_day = 1;
    refused(bad, "max_units_per_user_per_day");
    bad = s;
    bad.stock_per_slot = 0;
    refused(bad, "stock_per_slot");
    bad = s;
    bad.ends_at = bad.starts_at;
    refused(bad, "ends_at");
}

TEST_CASE("a flash-sale checkout buys the SKU at the sale price in a running slot, holding the slot's stock") {
    FlashShop shop;
    shop.engine.cart_add("ann", "cup", 2, "add-cup");
    CheckoutRequest request;
    request.flash = slot_of(kT0, 2);
    const Quote quote = shop.engine.quote("ann", request);
    REQUIRE(quote.lines.size() == 1);
    CHECK(quote.lines[0].base == 8800);
    CHECK(quote.lines[0].net == 3980);

    const Order order = shop.checkout("ann", slot_of(kT0, 2));
    REQUIRE(order.lines.size() == 1);
    CHECK(order.lines[0].sku_id == "tea");
    CHECK(order.lines[0].net == 3980);
    REQUIRE(order.lines[0].adjustments.size() == 1);
    CHECK(order.lines[0].adjustments[0].kind == AdjustmentKind::item_price);
    CHECK(order.lines[0].adjustments[0].source_id == "tea-rush");
    CHECK(shop.engine.cart("ann").lines.size() == 1);  // the cart is left as it was

    FlashSlotView v = shop.slot(kT0);
    CHECK(v.stock == 5);
    CHECK(v.held == 2);
    CHECK(v.left == 3);
    CHECK(v.sold == 0);
    shop.pay(order);
    v = shop.slot(kT0);
    CHECK(v.held == 0);
    CHECK(v.sold == 2);
    CHECK(v.left == 3);
    CHECK(shop.count("flash_sale.ordered") == 1);
    // The other slots keep their own stock.
    CHECK(shop.slot(kT0 + 2 * kHour).left == 5);
}

TEST_CASE("a slot sells only while it runs, at most per order, per shopper per day, one unpaid order at a time") {
    FlashShop shop;
    CHECK_SC_ERROR_FIELD(shop.checkout("ann", slot_of(kT0 + 2 * kHour)), SC_ERR_INVALID_STATE, "slot_starts_at");
    CHECK_SC_ERROR_FIELD(shop.checkout("ann", slot_of(kT0 + kMinute)), SC_ERR_NOT_FOUND, "slot_starts_at");
    CHECK_SC_ERROR_FIELD(shop.checkout("ann", slot_of(kT0, 3)), SC_ERR_LIMIT_EXCEEDED, "quantity");
    FlashChoice unknown = slot_of(kT0);
    unknown.sale_id = "nope";
    CHECK_SC_ERROR_FIELD(shop.checkout("ann", unknown), SC_ERR_NOT_FOUND, "sale_id");
    CHECK_SC_ERROR_FIELD(shop.checkout("ann", slot_of(kT0, 0)), SC_ERR_INVALID_ARGUMENT, "quantity");
    CheckoutRequest both;
    both.flash = slot_of(kT0);
    both.group.mode = GroupChoice::Mode::open;
    both.group.campaign_id = "any";
    CHECK_SC_ERROR_FIELD(shop.engine.checkout("ann", both, "both"), SC_ERR_INVALID_ARGUMENT, "request");

    const Order first = shop.checkout("ann", slot_of(kT0, 2));
    // An unpaid flash-sale order blocks another, in any slot.
    CHECK_SC_ERROR_FIELD(shop.checkout("ann", slot_of(kT0)), SC_ERR_INVALID_STATE, "user_id");
    shop.pay(first);
    // Two bought today; the cap is three a day across the day's slots.
    CHECK_SC_ERROR_FIELD(shop.checkout("ann", slot_of(kT0, 2)), SC_ERR_LIMIT_EXCEEDED, "quantity");
    shop.clock.advance_ms(2 * kHour);
    const Order second = shop.pay(shop.checkout("ann", slot_of(kT0 + 2 * kHour)));
    CHECK(second.state == SC_ORDER_PAID);
    shop.clock.advance_ms(20 * kMinute);
    CHECK_SC_ERROR_FIELD(shop.checkout("ann", slot_of(kT0 + 2 * kHour)), SC_ERR_LIMIT_EXCEEDED, "quantity");
    // The 12:00 slot ran 30 minutes: at 12:30 it has ended.
    shop.clock.advance_ms(10 * kMinute);
    CHECK_SC_ERROR_FIELD(shop.checkout("bob", slot_of(kT0 + 2 * kHour)), SC_ERR_EXPIRED, "slot_starts_at");
    // A new day, a new allowance.
    shop.clock.advance_ms(kDayMs - 2 * kHour - 30 * kMinute);
    CHECK(shop.pay(shop.checkout("ann", slot_of(kT0 + kDayMs, 2))).state == SC_ORDER_PAID);
}

TEST_CASE("stock held by an unpaid order comes back when it lapses or is cancelled; the last unit paid sells out") {
    FlashShop shop(tea_sale(3));
    const Order ann = shop.checkout("ann", slot_of(kT0, 2));
    const Order bob = shop.checkout("bob", slot_of(kT0));
    CHECK(shop.slot(kT0).left == 0);
    CHECK_SC_ERROR_FIELD(shop.checkout("cat", slot_of(kT0)), SC_ERR_OUT_OF_STOCK, "quantity");
    shop.engine.cancel(bob.id);
    CHECK(shop.slot(kT0).left == 1);
    const Order cat = shop.checkout("cat", slot_of(kT0));
    // Ann's window passes: her two units are free again at once for readers and buyers.
    // Ann's and Cat's windows pass: their units are free again at once for readers and buyers.
    shop.clock.advance_ms(16 * kMinute);
    CHECK(shop.slot(kT0).left == 3);
    CHECK_SC_ERROR(shop.pay(ann), SC_ERR_EXPIRED);
    // Ann's own lapsed order no longer blocks her.
    const Order ann2 = shop.checkout("ann", slot_of(kT0));
    const Order dan = shop.checkout("dan", slot_of(kT0));
    CHECK(shop.slot(kT0).left == 1);
    CHECK_SC_ERROR(shop.pay(cat), SC_ERR_EXPIRED);
    const Order eve = shop.checkout("eve", slot_of(kT0));
    CHECK(shop.slot(kT0).left == 0);
    shop.pay(ann2);
    shop.pay(dan);
    CHECK(shop.count("flash_slot.sold_out") == 0);
    shop.clock.advance_ms(5 * kMinute);
    shop.pay(eve);
    CHECK(shop.count("flash_slot.sold_out") == 1);

    const FlashSlotReport r = shop.engine.flash_slot_report("tea-rush", kT0);
    CHECK(r.slot.stock == 3);
    CHECK(r.slot.sold == 3);
    CHECK(r.slot.left == 0);
    CHECK(r.orders == 6);
    CHECK(r.orders_paid == 3);
    CHECK(r.orders_lapsed == 2);
    CHECK(r.orders_cancelled == 1);
    CHECK(r.sell_out_ms == 21 * kMinute);
    // A refund after the sale does not put units back into a slot.
    shop.engine.refund_amount(eve.id, eve.total, "rf-eve");
    CHECK(shop.slot(kT0).sold == 3);
    CHECK_SC_ERROR_FIELD(shop.engine.flash_slot_report("tea-rush", kT0 + 1), SC_ERR_NOT_FOUND, "slot_starts_at");
}

TEST_CASE("a retried flash-sale checkout makes one order and one hold; slots list across sales by start") {
    FlashShop shop;
    CheckoutRequest request;
    request.flash = slot_of(kT0);
    const Order a = shop.engine.checkout("ann", request, "same-key");
    const Order b = shop.engine.checkout("ann", request, "same-key");
    CHECK(a.id == b.id);
    CHECK(shop.slot(kT0).held == 1);
    request.flash.quantity = 2;
    CHECK_SC_ERROR(shop.engine.checkout("ann", request, "same-key"), SC_ERR_IDEMPOTENCY_CONFLICT);

    FlashSale cups = tea_sale();
    cups.id = "cup-rush";
    cups.sku_id = "cup";
    cups.slots = {{11 * 60, 60}};
    shop.engine.put_flash_sale(cups);
    const auto all = shop.engine.flash_slots("", 3);
    REQUIRE(all.size() == 3);
    CHECK(all[0].sale_id == "tea-rush");
    CHECK(all[1].sale_id == "cup-rush");
    CHECK(all[1].starts_at == kT0 + kHour);
    CHECK(all[2].starts_at == kT0 + 2 * kHour);
    CHECK_SC_ERROR_FIELD(shop.engine.flash_slots("", 0), SC_ERR_INVALID_ARGUMENT, "limit");
    CHECK_SC_ERROR_FIELD(shop.engine.flash_slots("nope", 5), SC_ERR_NOT_FOUND, "sale_id");
    CHECK(shop.engine.flash_sales().size() == 2);
}

TEST_CASE("sell-out storm: 64 threads buying the last 100 units hold exactly 100; lapsed units sell again") {
    FlashShop shop(tea_sale(150));
    // 50 units already sold.
    for (int i = 0; i < 25; ++i) shop.pay(shop.checkout("early-" + std::to_string(i), slot_of(kT0, 2)));
    CHECK(shop.slot(kT0).left == 100);
    constexpr int kThreads = 64;
    std::atomic<int> won{0}, out{0}, other{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 4; ++i) {
                try {
                    CheckoutRequest request;
                    request.flash = slot_of(kT0);
                    const std::string user = "storm-" + std::to_string(t) + "-" + std::to_string(i);
                    shop.engine.checkout(user, request, "storm-" + user);
                    ++won;
                } catch (const Error& e) {
                    (e.code() == SC_ERR_OUT_OF_STOCK ? out : other)++;
                }
            }
        });
    for (auto& th : threads) th.join();
    CHECK(won == 100);
    CHECK(out == kThreads * 4 - 100);
    CHECK(other == 0);
    FlashSlotView v = shop.slot(kT0);
    CHECK(v.sold + v.held == 150);
    CHECK(v.left == 0);
    // Nobody pays: the holds lapse and the 100 units are back for the next buyers.
    shop.clock.advance_ms(16 * kMinute);
    CHECK(shop.slot(kT0).left == 100);
    for (int i = 0; i < 50; ++i) shop.pay(shop.checkout("late-" + std::to_string(i), slot_of(kT0, 2)));
    CHECK_SC_ERROR(shop.checkout("too-late", slot_of(kT0)), SC_ERR_OUT_OF_STOCK);
    v = shop.slot(kT0);
    CHECK(v.sold == 150);
    CHECK(v.sold_out_at == kT0 + 16 * kMinute);
    CHECK(shop.engine.flash_slot_report("tea-rush", kT0).orders_lapsed == 100);
}

TEST_CASE("the flash_sales section of the program document reads strictly and writes back the same") {
    TempDb db;
    ManualClock clock;
    Engine engine(config_for(db, clock));
    const std::string doc = R"({"format":"socialcart.program/1","currency":"CNY",
        "skus":[{"id":"tea","merchant_id":"m1","title":"Tea","list_price":4400}],
        "flash_sales":[{"id":"f1","sku_id":"tea","sale_price":1990,"starts_at":0,"ends_at":4102444800000,
          "utc_offset_minutes":480,"slots":[{"start":"10:00","minutes":60},{"start":"20:00","minutes":120}],
          "stock_per_slot":100,"max_units_per_order":2,"max_units_per_user_per_day":4}]})";
    engine.import_program(doc);
    const FlashSale s = engine.flash_sale("f1");
    CHECK(s.utc_offset_minutes == 480);
    REQUIRE(s.slots.size() == 2);
    CHECK(s.slots[1] == FlashSlotTime{20 * 60, 120});
    CHECK(nlohmann::json::parse(engine.export_program())["flash_sales"] == nlohmann::json::parse(doc)["flash_sales"]);
    const size_t puts = engine.events_of_type("flash_sale.put", 0, 10).size();
    engine.put_flash_sale(s);  // unchanged: no event
    CHECK(engine.events_of_type("flash_sale.put", 0, 10).size() == puts);

    CHECK_SC_ERROR_FIELD(parse_program(R"({"format":"socialcart.program/1","flash_sales":[{"id":"f"}]})"),
                         SC_ERR_VALIDATION, "flash_sales[0].sku_id");
    CHECK_SC_ERROR_FIELD(parse_flash_sale_entry(R"({"id":"f1","sku_id":"tea","sale_price":1,"starts_at":0,
        "ends_at":10,"slots":[{"start":"24:00","minutes":60}],"stock_per_slot":1})"),
                         SC_ERR_VALIDATION, "slots[0].start");
    CHECK_SC_ERROR_FIELD(parse_flash_sale_entry(R"({"id":"f1","sku_id":"tea","sale_price":1,"starts_at":0,
        "ends_at":10,"slots":[{"start":"10:00","minutes":60,"x":1}],"stock_per_slot":1})"),
                         SC_ERR_VALIDATION, "slots[0].x");
    FlashSale unknown_sku = s;
    unknown_sku.sku_id = "nope";
    CHECK_SC_ERROR_FIELD(engine.put_flash_sale(unknown_sku), SC_ERR_VALIDATION, "sku_id");
}
