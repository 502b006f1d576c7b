// I/O faults at every step of every call that moves money or stock: the Nth write,
// sync, truncate or lock fails, for N = 1, 2, … until the call no longer reaches a
// faulty step. After each failure the call is retried with the same idempotency key
// (on the same engine, and on a reopened one) and its effect must be there exactly once.
#include "faulty_vfs.hpp"
#include "store/hold_store.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <functional>

using namespace sc;
using sc::test::FaultyVfs;
using sc::test::make_sku;
using sc::test::ManualClock;
using sc::test::TempDb;

namespace {

struct Scenario {
    const char* name;
    // Brings a new file to the state before the call; returns the id the call works on.
    std::function<std::string(Engine&)> setup;
    std::function<void(Engine&, const std::string& id)> act;
    // Checks the file after the call succeeded once (read with plain SQL).
    std::function<void(SQLite::Database&, const std::string& id)> check;
};

int64_t count(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt64(); }

std::string checked_out(Engine& engine) {
    engine.put_sku(make_sku("tea", 6800, 10));
    engine.cart_add("lin", "tea", 2);
    return engine.checkout("lin", "checkout-1").id;
}

std::string paid(Engine& engine) {
    const std::string id = checked_out(engine);
    engine.pay(id, "ref", 2 * 6800, "pay-1");
    return id;
}

const std::vector<Scenario>& scenarios() {
    static const std::vector<Scenario> all = {
        {"cart add once",
         [](Engine& e) { e.put_sku(make_sku("tea", 6800, 10)); return std::string(); },
         [](Engine& e, const std::string&) { e.cart_add("lin", "tea", 2, std::string("add-1")); },
         [](SQLite::Database& db, const std::string&) {
             CHECK(count(db, "SELECT quantity FROM cart_lines WHERE user_id = 'lin'") == 2);
             CHECK(count(db, "SELECT count(*) FROM events WHERE type = 'cart.line_added'") == 1);
         }},
        {"checkout",
         [](Engine& e) { e.put_sku(make_sku("tea", 6800, 10)); e.cart_add("lin", "tea", 2); return std::string(); },
         [](Engine& e, const std::string&) { e.checkout("lin", "checkout-1"); },
         [](SQLite::Database& db, const std::string&) {
             CHECK(count(db, "SELECT count(*) FROM orders WHERE user_id = 'lin'") == 1);
             CHECK(count(db, "SELECT reserved FROM skus WHERE id = 'tea'") == 2);
             CHECK(count(db, "SELECT count(*) FROM cart_lines WHERE user_id = 'lin'") == 0);
             CHECK(count(db, "SELECT count(*) FROM events WHERE type = 'order.created'") == 1);
         }},
        {"pay",
         checked_out,
         [](Engine& e, const std::string& id) { e.pay(id, "ref", 2 * 6800, "pay-1"); },
         [](SQLite::Database& db, const std::string&) {
             CHECK(count(db, "SELECT state FROM orders") == SC_ORDER_PAID);
             CHECK(count(db, "SELECT stock_on_hand FROM skus WHERE id = 'tea'") == 8);
             CHECK(count(db, "SELECT reserved FROM skus WHERE id = 'tea'") == 0);
             CHECK(count(db, "SELECT count(*) FROM events WHERE type = 'order.paid'") == 1);
             CHECK(count(db, "SELECT count(*) FROM events WHERE type = 'hold.committed'") == 1);
         }},
        {"refund a line",
         paid,
         [](Engine& e, const std::string& id) { e.refund_line(id, 0, 1, "refund-1"); },
         [](SQLite::Database& db, const std::string&) {
             CHECK(count(db, "SELECT count(*) FROM refunds") == 1);
             CHECK(count(db, "SELECT sum(amount) FROM refunds") == 6800);
             CHECK(count(db, "SELECT state FROM orders") == SC_ORDER_PARTIALLY_REFUNDED);
             CHECK(count(db, "SELECT count(*) FROM events WHERE type = 'order.refunded'") == 1);
         }},
        {"refund an amount",
         paid,
         [](Engine& e, const std::string& id) { e.refund_amount(id, 100, "refund-1"); },
         [](SQLite::Database& db, const std::string&) {
             CHECK(count(db, "SELECT count(*) FROM refunds") == 1);
             CHECK(count(db, "SELECT sum(amount) FROM refund_lines") == 100);
             CHECK(count(db, "SELECT count(*) FROM events WHERE type = 'order.refunded'") == 1);
         }},
        {"cancel",
         checked_out,
         [](Engine& e, const std::string& id) { e.cancel(id); },
         [](SQLite::Database& db, const std::string&) {
             CHECK(count(db, "SELECT state FROM orders") == SC_ORDER_CANCELLED);
             CHECK(count(db, "SELECT reserved FROM skus WHERE id = 'tea'") == 0);
             CHECK(count(db, "SELECT count(*) FROM events WHERE type = 'order.cancelled'") == 1);
             CHECK(count(db, "SELECT count(*) FROM events WHERE type = 'hold.released'") == 1);
         }},
        {"put a SKU",
         [](Engine& e) { e.put_sku(make_sku("tea", 6800, 10)); return std::string(); },
         [](Engine& e, const std::string&) { e.put_sku(make_sku("tea", 7200, 30)); },
         [](SQLite::Database& db, const std::string&) {
             CHECK(count(db, "SELECT list_price FROM skus WHERE id = 'tea'") == 7200);
             CHECK(count(db, "SELECT stock_on_hand FROM skus WHERE id = 'tea'") == 30);
             CHECK(count(db, "SELECT count(*) FROM events WHERE type = 'sku.put'") == 2);
         }},
    };
    return all;
}

EngineConfig faulty_config(const TempDb& file, const ManualClock& clock) {
    EngineConfig config = sc::test::config_for(file, clock);
    config.store.vfs = FaultyVfs::kName;
    // A failed lock call can leave SQLite waiting for the lock it thinks another holds;
    // there is no other, so a short wait keeps the loop quick.
    config.store.busy_timeout_ms = 5;
    return config;
}

void check_file(const TempDb& file, const Scenario& s, const std::string& id) {
    SQLite::Database db(file.path, SQLite::OPEN_READONLY);
    s.check(db, id);
    Connection connection({file.path}, true);
    CHECK(store::counter_drift(connection).empty());
}

// Runs the scenario with the Nth fallible I/O call failing; returns whether the fault
// was reached. `retry_on_same_engine`: retry before closing (as an app would at once),
// otherwise close, reopen and retry (as after a crash or restart).
bool run_with_fault(const Scenario& s, int64_t nth, bool retry_on_same_engine) {
    FaultyVfs& vfs = FaultyVfs::instance();
    TempDb file;
    ManualClock clock;
    std::string id;
    {
        Engine engine(sc::test::config_for(file, clock));
        id = s.setup(engine);
    }
    bool failed = false;
    bool fired = false;
    {
        Engine engine(faulty_config(file, clock));
        vfs.arm(nth);
        try {
            s.act(engine, id);
        } catch (const Error& e) {
            failed = true;
            INFO(std::string(s.name), ", I/O call ", nth, ": ", e.what());
            CHECK((e.code() == SC_ERR_STORAGE || e.code() == SC_ERR_BUSY));
            CHECK(e.retryable());
        }
        fired = vfs.fired();
        vfs.disarm();
        if (failed && retry_on_same_engine) {
            INFO(std::string(s.name), ", I/O call ", nth, ", retried on the same engine");
            CHECK_NOTHROW(s.act(engine, id));
        }
    }
    CHECK((fired || !failed));  // nothing fails without a fault
    if (failed && !retry_on_same_engine) {
        Engine reopened(sc::test::config_for(file, clock));
        INFO(std::string(s.name), ", I/O call ", nth, ", retried after reopening");
        CHECK_NOTHROW(s.act(reopened, id));
    }
    {
        INFO(std::string(s.name), ", I/O call ", nth, failed ? " failed" : " passed");
        check_file(file, s, id);
    }
    return fired;
}

}  // namespace

TEST_CASE("every call that moves money or stock takes effect exactly once across I/O faults and retries") {
    for (const Scenario& s : scenarios()) {
        for (bool same_engine : {true, false}) {
            int64_t nth = 1;
            while (run_with_fault(s, nth, same_engine)) ++nth;
            INFO(std::string(s.name));
            CHECK(nth > 3);  // the call did reach several fallible I/O calls
        }
    }
}

TEST_CASE("a failure at commit says the outcome is unknown and how to resolve it") {
    FaultyVfs& vfs = FaultyVfs::instance();
    TempDb file;
    ManualClock clock;
    std::string id;
    {
        Engine engine(sc::test::config_for(file, clock));
        id = checked_out(engine);
    }
    Engine engine(faulty_config(file, clock));
    bool saw_commit_failure = false;
    for (int64_t nth = 1; nth < 200 && !saw_commit_failure; ++nth) {
        vfs.arm(nth);
        try {
            engine.pay(id, "ref", 2 * 6800, "pay-1");
            vfs.disarm();
            break;
        } catch (const Error& e) {
            const std::string message = e.what();
            saw_commit_failure = message.find("outcome is unknown") != std::string::npos;
            if (saw_commit_failure) CHECK(message.find("same idempotency key") != std::string::npos);
        }
        vfs.disarm();
    }
    CHECK(saw_commit_failure);
}
