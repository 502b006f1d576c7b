#include "support.hpp"

#include <thread>

using namespace sc;
using sc::test::config_for;
using sc::test::make_sku;
using sc::test::ManualClock;
using sc::test::TempDb;

namespace {

int64_t event_count(Engine& engine) { return static_cast<int64_t>(engine.events(0, 10000).size()); }

struct Shop {
    TempDb file;
    ManualClock clock;
    Engine engine{config_for(file, clock)};
    Shop() {
        engine.put_sku(make_sku("tea", 6800, 10));
        engine.put_sku(make_sku("cup", 3950, 3));
        engine.put_sku(make_sku("cake", 12800));
    }
};

}  // namespace

TEST_CASE("the cart lives in the database and survives a restart") {
    TempDb file;
    ManualClock clock;
    {
        Engine engine(config_for(file, clock));
        engine.put_sku(make_sku("tea", 6800, 10));
        engine.cart_add("lin", "tea", 2);
        engine.cart_add("lin", "tea", 1);
    }
    Engine reopened(config_for(file, clock));
    const CartView cart = reopened.cart("lin");
    REQUIRE(cart.lines.size() == 1);
    CHECK(cart.lines[0].line.quantity == 3);
    CHECK(cart.currency == "CNY");
}

TEST_CASE("checkout holds tracked stock until the payment window lapses") {
    Shop shop;
    shop.engine.cart_add("lin", "cup", 2);
    shop.engine.cart_add("lin", "cake", 1);
    const Order order = shop.engine.checkout("lin", "k1");
    CHECK(order.total == 2 * 3950 + 12800);
    CHECK(order.pay_deadline == order.created_at + kDefaultPaymentWindowMs);
    CHECK(shop.engine.get_sku("cup").available == 1);
    CHECK(shop.engine.get_sku("cup").sku.stock_on_hand == 3);
    CHECK(shop.engine.cart("lin").lines.empty());

    shop.clock.advance_ms(kDefaultPaymentWindowMs - 1);
    CHECK(shop.engine.order(order.id).state == SC_ORDER_CREATED);
    shop.clock.advance_ms(1);
    // Lazy and exact: a read sees the lapse at once, before anything settles it.
    const int64_t events_before = event_count(shop.engine);
    const Order lapsed = shop.engine.order(order.id);
    CHECK(lapsed.state == SC_ORDER_CANCELLED);
    CHECK(lapsed.cancel_reason == SC_CANCEL_PAYMENT_LAPSED);
    CHECK(shop.engine.get_sku("cup").available == 3);
    CHECK(event_count(shop.engine) == events_before);  // reads write nothing
    CHECK_SC_ERROR(shop.engine.pay(order.id, "ref", order.total, "p1"), SC_ERR_EXPIRED);
    const SweepResult swept = shop.engine.sweep(100);
    CHECK(swept.settled == 1);
    CHECK_FALSE(swept.more);
    CHECK(shop.engine.sweep(100).settled == 0);  // nothing left to settle
}

TEST_CASE("sweep settles lapsed orders in pages and releases each hold exactly once") {
    Shop shop;
    for (const char* user : {"a", "b", "c"}) {
        shop.engine.cart_add(user, "tea", 2);
        shop.engine.checkout(user, std::string("k-") + user);
    }
    CHECK(shop.engine.get_sku("tea").available == 4);
    shop.clock.advance_ms(kDefaultPaymentWindowMs);
    CHECK(shop.engine.get_sku("tea").available == 10);  // free at once, settled or not
    const SweepResult first = shop.engine.sweep(2);
    CHECK(first.settled == 2);
    CHECK(first.more);
    const SweepResult second = shop.engine.sweep(2);
    CHECK(second.settled == 1);
    CHECK_FALSE(second.more);
    CHECK(shop.engine.sweep(2).settled == 0);
    CHECK(shop.engine.get_sku("tea").available == 10);
    int released = 0;
    for (const auto& e : shop.engine.events(0, 10000)) released += e.type == "hold.released";
    CHECK(released == 3);
}

TEST_CASE("checkout is idempotent per key; a key reused for another user is a conflict") {
    Shop shop;
    shop.engine.cart_add("lin", "tea", 1);
    const Order first = shop.engine.checkout("lin", "same-key");
    const int64_t events = event_count(shop.engine);
    const Order again = shop.engine.checkout("lin", "same-key");
    CHECK(again.id == first.id);
    CHECK(event_count(shop.engine) == events);
    CHECK(shop.engine.get_sku("tea").available == 9);
    shop.engine.cart_add("wei", "tea", 1);
    CHECK_SC_ERROR_FIELD(shop.engine.checkout("wei", "same-key"), SC_ERR_IDEMPOTENCY_CONFLICT, "idempotency_key");
    CHECK(shop.engine.cart("wei").lines.size() == 1);
}

TEST_CASE("pay commits the holds: stock leaves the warehouse, once") {
    Shop shop;
    shop.engine.cart_add("lin", "cup", 2);
    const Order order = shop.engine.checkout("lin", "k");
    CHECK_SC_ERROR(shop.engine.pay(order.id, "ref-1", order.total + 1, "p1"), SC_ERR_AMOUNT_MISMATCH);
    const Order paid = shop.engine.pay(order.id, "ref-1", order.total, "p1");
    CHECK(paid.state == SC_ORDER_PAID);
    CHECK(paid.payment_ref == "ref-1");
    CHECK(shop.engine.get_sku("cup").sku.stock_on_hand == 1);
    CHECK(shop.engine.get_sku("cup").available == 1);
    // The provider's webhook fires twice: same key, same result, no second decrement.
    CHECK(shop.engine.pay(order.id, "ref-1", order.total, "p1").state == SC_ORDER_PAID);
    CHECK(shop.engine.get_sku("cup").sku.stock_on_hand == 1);
    CHECK_SC_ERROR(shop.engine.pay(order.id, "ref-2", order.total, "p2"), SC_ERR_INVALID_STATE);
    CHECK_SC_ERROR(shop.engine.pay(order.id, "ref-2", order.total, "p1"), SC_ERR_IDEMPOTENCY_CONFLICT);
    CHECK_SC_ERROR(shop.engine.cancel(order.id), SC_ERR_INVALID_STATE);
}

TEST_CASE("a price change never alters an existing order") {
    Shop shop;
    shop.engine.cart_add("lin", "tea", 1);
    const Order order = shop.engine.checkout("lin", "k");
    Sku dearer = make_sku("tea", 9900, 10);
    shop.engine.put_sku(dearer);
    CHECK(shop.engine.order(order.id).total == 6800);
    CHECK(shop.engine.order(order.id).lines[0].unit_price == 6800);
}

TEST_CASE("stock cannot be set below what unpaid orders hold") {
    Shop shop;
    shop.engine.cart_add("lin", "tea", 4);
    shop.engine.checkout("lin", "k");
    CHECK_SC_ERROR_FIELD(shop.engine.put_sku(make_sku("tea", 6800, 3)), SC_ERR_INVALID_ARGUMENT, "stock");
    CHECK(shop.engine.get_sku("tea").sku.stock_on_hand == 10);
    CHECK_NOTHROW(shop.engine.put_sku(make_sku("tea", 6800, 4)));
    CHECK(shop.engine.get_sku("tea").available == 0);
}

TEST_CASE("a failing call changes nothing and logs nothing") {
    Shop shop;
    shop.engine.cart_add("lin", "cup", 3);
    const int64_t events = event_count(shop.engine);
    CHECK_SC_ERROR(shop.engine.cart_add("lin", "cup", 1), SC_ERR_OUT_OF_STOCK);
    CHECK_SC_ERROR(shop.engine.cart_add("lin", "nope", 1), SC_ERR_NOT_FOUND);
    CHECK_SC_ERROR(shop.engine.cart_remove("lin", "tea"), SC_ERR_NOT_FOUND);
    CHECK_SC_ERROR(shop.engine.checkout("nobody", "k"), SC_ERR_CART_EMPTY);
    Sku usd = make_sku("usd-thing", 100);
    usd.currency = "USD";
    CHECK_SC_ERROR(shop.engine.put_sku(usd), SC_ERR_CURRENCY_MISMATCH);
    // A program whose second SKU breaks a rule imports nothing at all.
    CHECK_SC_ERROR(shop.engine.import_program(
                       R"({"format":"socialcart.program/1","currency":"CNY","skus":[
                           {"id":"new","merchant_id":"m","title":"New","list_price":1},
                           {"id":"cup","merchant_id":"m","title":"Cup","list_price":1,"stock":-1}]})"),
                   SC_ERR_VALIDATION);
    CHECK_SC_ERROR(shop.engine.get_sku("new"), SC_ERR_NOT_FOUND);
    CHECK(event_count(shop.engine) == events);
    CHECK(shop.engine.cart("lin").lines[0].line.quantity == 3);
}

TEST_CASE("refunds by line and by amount add up to the order, exactly") {
    Shop shop;
    shop.engine.cart_add("lin", "tea", 3);
    shop.engine.cart_add("lin", "cup", 1);
    const Order order = shop.engine.checkout("lin", "k");
    shop.engine.pay(order.id, "ref", order.total, "p");
    Order o = shop.engine.refund_line(order.id, 0, 1, "r1");
    CHECK(o.refunded() == 6800);
    CHECK(shop.engine.refund_line(order.id, 0, 1, "r1").refunds.size() == 1);  // retried: no second refund
    o = shop.engine.refund_amount(order.id, 1001, "r2");
    CHECK(o.refunded() == 7801);
    CHECK(o.state == SC_ORDER_PARTIALLY_REFUNDED);
    o = shop.engine.refund_amount(order.id, o.total - o.refunded(), "r3");
    CHECK(o.state == SC_ORDER_REFUNDED);
    int64_t per_line = 0;
    for (const auto& line : o.lines) per_line += line.refunded_amount;
    CHECK(per_line == o.total);
    CHECK(shop.engine.order(order.id).refunded() == o.total);
    CHECK_SC_ERROR(shop.engine.refund_amount(order.id, 1, "r4"), SC_ERR_REFUND_EXCEEDS_PAID);
}

TEST_CASE("guest cart merges into the user's at sign-in") {
    Shop shop;
    Sku tea = make_sku("tea", 6800, 10);
    tea.max_per_order = 5;
    shop.engine.put_sku(tea);
    shop.engine.cart_add("lin", "tea", 3);
    shop.engine.cart_select("lin", "tea", false);
    shop.engine.cart_add("guest", "tea", 4);
    shop.engine.cart_add("guest", "cake", 2);
    shop.engine.cart_merge_guest("lin", "guest");
    const CartView cart = shop.engine.cart("lin");
    REQUIRE(cart.lines.size() == 2);
    CHECK(cart.lines[0].line.quantity == 5);  // 3 + 4, capped at the per-order maximum
    CHECK(cart.lines[0].line.selected);
    CHECK(cart.lines[1].line.sku_id == "cake");
    CHECK(shop.engine.cart("guest").lines.empty());
    CHECK_SC_ERROR_FIELD(shop.engine.cart_merge_guest("lin", "lin"), SC_ERR_INVALID_ARGUMENT, "guest_id");
}

TEST_CASE("subscribers receive each committed change, in order, after the commit") {
    Shop shop;
    std::vector<std::string> seen;
    int64_t last_seq = 0;
    bool ordered = true;
    const uint64_t id = shop.engine.hub()->add([&](const std::vector<Event>& events) {
        for (const auto& e : events) {
            ordered = ordered && e.seq > last_seq;
            last_seq = e.seq;
            seen.push_back(e.type);
            // The change is visible from inside the callback: it has committed.
            if (e.type == "cart.line_added") CHECK(shop.engine.cart("lin").lines.size() == 1);
        }
    });
    shop.engine.cart_add("lin", "tea", 1);
    shop.engine.checkout("lin", "k");
    CHECK_SC_ERROR(shop.engine.checkout("lin", "k2"), SC_ERR_CART_EMPTY);
    shop.engine.hub()->remove(id);
    shop.engine.cart_add("lin", "tea", 1);
    CHECK(seen == std::vector<std::string>{"cart.line_added", "order.created", "hold.placed"});
    CHECK(ordered);
}

TEST_CASE("eight engines on one file never oversell the last units") {
    TempDb file;
    ManualClock clock;
    {
        Engine setup(config_for(file, clock));
        setup.put_sku(make_sku("last", 100, 5));
    }
    std::atomic<int> paid{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            Engine engine(config_for(file, clock));
            const std::string user = "buyer-" + std::to_string(t);
            for (int attempt = 0; attempt < 10; ++attempt) {
                try {
                    engine.cart_set_quantity(user, "last", 1);
                    const Order o = engine.checkout(user, user + "-" + std::to_string(attempt));
                    engine.pay(o.id, "ref-" + o.id, o.total, "pay-" + o.id);
                    ++paid;
                } catch (const Error& e) {
                    if (e.code() != SC_ERR_OUT_OF_STOCK) FAIL_CHECK(e.what());
                    return;
                }
            }
        });
    }
    for (auto& t : threads) t.join();
    Engine check(config_for(file, clock));
    CHECK(paid.load() == 5);
    CHECK(check.get_sku("last").sku.stock_on_hand == 0);
    CHECK(check.get_sku("last").available == 0);
}

TEST_CASE("a subscriber that throws neither fails the committed call nor silences the others") {
    Shop shop;
    int heard = 0;
    const uint64_t thrower = shop.engine.hub()->add([](const std::vector<Event>&) { throw std::runtime_error("boom"); });
    const uint64_t listener = shop.engine.hub()->add([&](const std::vector<Event>& events) { heard += int(events.size()); });
    CHECK_NOTHROW(shop.engine.cart_add("lin", "tea", 1));
    CHECK(heard == 1);
    CHECK(shop.engine.cart("lin").lines.size() == 1);
    shop.engine.hub()->remove(thrower);
    shop.engine.hub()->remove(listener);
}

TEST_CASE("a checkout retried after its window lapsed reports the order as lapsed") {
    Shop shop;
    shop.engine.cart_add("lin", "cup", 1);
    const Order first = shop.engine.checkout("lin", "k");
    shop.clock.advance_ms(kDefaultPaymentWindowMs);
    const Order again = shop.engine.checkout("lin", "k");
    CHECK(again.id == first.id);
    CHECK(again.state == SC_ORDER_CANCELLED);
    CHECK(again.cancel_reason == SC_CANCEL_PAYMENT_LAPSED);
}
