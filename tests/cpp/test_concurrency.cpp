// One engine, many threads: reads beside writes, delivery outside the lock, in order.
#include "support.hpp"

#include <chrono>
#include <future>
#include <thread>

using namespace sc;
using sc::test::config_for;
using sc::test::make_sku;
using sc::test::ManualClock;
using sc::test::TempDb;

namespace {

// A bound on how long a test waits for another thread before calling it a hang: the
// test never sleeps; it fails instead of hanging if the engine deadlocks.
constexpr auto kHang = std::chrono::seconds(20);

}  // namespace

TEST_CASE("a subscriber that blocks stalls no other thread's reads or writes") {
    TempDb file;
    ManualClock clock;
    Engine engine(config_for(file, clock));
    engine.put_sku(make_sku("tea", 6800, 100));

    std::promise<void> entered;
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::vector<int64_t> seqs;
    bool first = true;
    const uint64_t id = engine.hub()->add([&](const std::vector<Event>& events) {
        for (const auto& e : events) seqs.push_back(e.seq);
        if (first) {
            first = false;
            entered.set_value();
            released.wait();  // the slow subscriber
        }
    });
    std::thread writer([&] { engine.cart_add("lin", "tea", 1); });  // delivers, then blocks
    REQUIRE(entered.get_future().wait_for(kHang) == std::future_status::ready);

    // Meanwhile this thread reads and writes freely; its events wait their turn.
    auto other = std::async(std::launch::async, [&] {
        (void)engine.quote("lin");
        engine.cart_add("wei", "tea", 2);
        return engine.cart("wei").lines.size();
    });
    REQUIRE(other.wait_for(kHang) == std::future_status::ready);
    CHECK(other.get() == 1);
    CHECK(seqs.size() == 1);  // wei's event is queued behind the blocked batch

    release.set_value();
    writer.join();  // the delivering thread passes on wei's batch before it returns
    CHECK(seqs.size() == 2);
    CHECK(seqs[0] < seqs[1]);
    engine.hub()->remove(id);
}

TEST_CASE("events from many writing threads reach a subscriber once each, in sequence order") {
    TempDb file;
    ManualClock clock;
    EngineConfig config = config_for(file, clock);
    config.store.durability = SC_DURABILITY_NORMAL;
    Engine engine(config);
    engine.put_sku(make_sku("tea", 6800));

    std::mutex mutex;
    std::vector<int64_t> seqs;
    const uint64_t id = engine.hub()->add([&](const std::vector<Event>& events) {
        std::lock_guard lock(mutex);
        for (const auto& e : events) seqs.push_back(e.seq);
    });
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 100; ++i) {
                engine.cart_add("u" + std::to_string(t), "tea", 1);
                (void)engine.quote("u" + std::to_string((t + 1) % 4));
            }
        });
    for (auto& t : threads) t.join();
    engine.hub()->remove(id);

    const auto log = engine.events(0, 10000);
    REQUIRE(seqs.size() == log.size() - 1);  // all but the SKU put, made before subscribing
    for (size_t i = 0; i < seqs.size(); ++i) CHECK(seqs[i] == log[i + 1].seq);
}

TEST_CASE("a subscriber that writes gets its own events after the batch in hand") {
    TempDb file;
    ManualClock clock;
    Engine engine(config_for(file, clock));
    engine.put_sku(make_sku("tea", 6800));
    std::vector<std::string> heard;
    const uint64_t id = engine.hub()->add([&](const std::vector<Event>& events) {
        for (const auto& e : events) {
            heard.push_back(e.type + ":" + e.subject_id);
            if (e.type == "cart.line_added" && e.subject_id == "lin") engine.cart_add("echo", "tea", 1);
        }
    });
    const uint64_t second = engine.hub()->add([&](const std::vector<Event>& events) {
        for (const auto& e : events) heard.push_back("second saw " + e.subject_id);
    });
    engine.cart_add("lin", "tea", 1);
    CHECK(heard == std::vector<std::string>{"cart.line_added:lin", "second saw lin", "cart.line_added:echo",
                                            "second saw echo"});
    engine.hub()->remove(id);
    engine.hub()->remove(second);
}

TEST_CASE("quotes on several threads run beside a writer and agree with the committed state") {
    TempDb file;
    ManualClock clock;
    Engine engine(config_for(file, clock));
    engine.put_sku(make_sku("tea", 6800));
    engine.put_sku(make_sku("cup", 3950));
    for (int u = 0; u < 8; ++u) {
        engine.cart_add("u" + std::to_string(u), "tea", 1);
        engine.cart_add("u" + std::to_string(u), "cup", 2);
    }
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        for (int i = 0; i < 300 && !stop; ++i) engine.cart_set_quantity("w", "tea", 1 + i % 5);
    });
    std::vector<std::future<bool>> readers;
    for (int r = 0; r < 3; ++r)
        readers.push_back(std::async(std::launch::async, [&, r] {
            bool exact = true;
            for (int i = 0; i < 300; ++i) {
                const Quote q = engine.quote("u" + std::to_string((r + i) % 8));
                exact = exact && q.payable == 6800 + 2 * 3950;
                const Quote w = engine.quote("w");
                // The writer's cart is always one of its committed states, never torn.
                exact = exact && (w.lines.empty() || w.payable == 6800 * w.lines[0].quantity);
            }
            return exact;
        }));
    for (auto& r : readers) {
        REQUIRE(r.wait_for(kHang) == std::future_status::ready);
        CHECK(r.get());
    }
    stop = true;
    writer.join();
}
