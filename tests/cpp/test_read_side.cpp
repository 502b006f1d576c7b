// The read side's building blocks: signed cursors, keyset pages under concurrent
// inserts, and the log messages for busy retries.
#include "core/cursor.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <mutex>
#include <set>
#include <vector>

using namespace sc;
using sc::test::config_for;
using sc::test::make_sku;
using sc::test::ManualClock;
using sc::test::TempDb;

TEST_CASE("a cursor opens only with its key and query, and only unaltered") {
    const std::string token = seal_cursor("key", "orders\nlin", {"1795428000000", "ord_x"});
    CHECK(open_cursor("key", "orders\nlin", token, 2) == std::vector<std::string>{"1795428000000", "ord_x"});
    CHECK_SC_ERROR_FIELD(open_cursor("other key", "orders\nlin", token, 2), SC_ERR_INVALID_ARGUMENT, "cursor");
    CHECK_SC_ERROR_FIELD(open_cursor("key", "orders\nwei", token, 2), SC_ERR_INVALID_ARGUMENT, "cursor");
    CHECK_SC_ERROR_FIELD(open_cursor("key", "orders\nlin", token, 1), SC_ERR_INVALID_ARGUMENT, "cursor");
    for (size_t i = 0; i < token.size(); ++i) {
        std::string altered = token;
        altered[i] = altered[i] == 'a' ? 'b' : 'a';
        CHECK_SC_ERROR_FIELD(open_cursor("key", "orders\nlin", altered, 2), SC_ERR_INVALID_ARGUMENT, "cursor");
    }
    CHECK_SC_ERROR_FIELD(open_cursor("key", "orders\nlin", token.substr(0, token.size() - 2), 2),
                         SC_ERR_INVALID_ARGUMENT, "cursor");
    CHECK_SC_ERROR_FIELD(open_cursor("key", "orders\nlin", "", 2), SC_ERR_INVALID_ARGUMENT, "cursor");
    // Empty fields survive the round trip.
    CHECK(open_cursor("key", "q", seal_cursor("key", "q", {""}), 1) == std::vector<std::string>{""});
}

TEST_CASE("paging a shopper's orders while new ones arrive repeats and skips nothing") {
    TempDb file;
    ManualClock clock;
    Engine engine(config_for(file, clock));
    engine.put_sku(make_sku("cake", 12800));
    std::set<std::string> before;
    for (int i = 0; i < 25; ++i) {
        clock.advance_ms(i % 3 == 0 ? 0 : 7);  // some share a millisecond
        engine.cart_add("lin", "cake", 1);
        before.insert(engine.checkout("lin", "k" + std::to_string(i)).id);
    }
    const OrderQuery all{"lin", SC_ORDER_STATE_ANY, 0, INT64_MAX};
    std::vector<std::string> seen;
    std::string cursor;
    int inserted = 0;
    do {
        const Page<Order> page = engine.orders_of_user(all, cursor, 4);
        for (const auto& o : page.items) seen.push_back(o.id);
        cursor = page.next_cursor;
        engine.cart_add("lin", "cake", 1);  // newer than every page still to come
        engine.checkout("lin", "new" + std::to_string(inserted++));
    } while (!cursor.empty());
    CHECK(seen.size() == before.size());
    CHECK(std::set<std::string>(seen.begin(), seen.end()) == before);
}

TEST_CASE("busy retries and a busy failure are logged after the call left the database") {
    TempDb file;
    ManualClock clock;
    EngineConfig config = config_for(file, clock);
    config.store.busy_timeout_ms = 0;
    std::mutex lock;
    std::vector<std::pair<sc_log_level_t, std::string>> lines;
    SQLite::Database other(file.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    config.log = [&](sc_log_level_t level, const std::string& message) {
        // Called outside every transaction of the engine: the other connection, which
        // holds the write lock, is the only one with a transaction open.
        std::lock_guard guard(lock);
        lines.emplace_back(level, message);
    };
    Engine engine(config);
    engine.put_sku(make_sku("tea", 6800, 10));
    CHECK(lines.empty());

    other.exec("BEGIN IMMEDIATE");
    CHECK_SC_ERROR(engine.cart_add("lin", "tea", 1), SC_ERR_BUSY);
    other.exec("ROLLBACK");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].first == SC_LOG_WARNING);
    CHECK(lines[0].second.find("retrying") != std::string::npos);
    CHECK(lines[1].first == SC_LOG_WARNING);
    CHECK(lines[2].first == SC_LOG_WARNING);
    CHECK(lines[2].second.find("SC_ERR_BUSY") != std::string::npos);
    for (const auto& [level, message] : lines) CHECK(message.find("lin") == std::string::npos);

    // With the lock free again the call succeeds and logs nothing.
    engine.cart_add("lin", "tea", 1);
    CHECK(lines.size() == 3);
}
