#include "store/cart_store.hpp"
#include "store/database.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

using namespace sc;
using sc::test::TempDb;

TEST_CASE("opening migrates a new database to the library's schema") {
    TempDb file;
    { Database db({file.path, SC_DURABILITY_FULL, 1000}); }
    SQLite::Database raw(file.path);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == schema_version());
    CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(raw.tableExists("holds"));
    CHECK(raw.tableExists("events"));
}

TEST_CASE("a database written by a newer library is refused with a clear error") {
    TempDb file;
    { Database db({file.path, SC_DURABILITY_FULL, 1000}); }
    {
        SQLite::Database raw(file.path, SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = " + std::to_string(schema_version() + 1));
    }
    try {
        Database db({file.path, SC_DURABILITY_FULL, 1000});
        FAIL("a newer schema was accepted");
    } catch (const Error& e) {
        CHECK(e.code() == SC_ERR_SCHEMA_TOO_NEW);
        CHECK(std::string(e.what()).find("upgrade") != std::string::npos);
    }
}

TEST_CASE("durability settings map to SQLite's synchronous levels") {
    TempDb file;
    auto synchronous = [&](sc_durability d) {
        Database db({file.path, d, 1000});
        int level = -1;
        db.read([&](Connection& c) { level = c.raw().execAndGet("PRAGMA synchronous").getInt(); });
        return level;
    };
    CHECK(synchronous(SC_DURABILITY_FULL) == 2);
    CHECK(synchronous(SC_DURABILITY_NORMAL) == 1);
}

TEST_CASE("a failed write leaves nothing behind") {
    TempDb file;
    Database db({file.path, SC_DURABILITY_FULL, 1000});
    db.write([](Connection& c) {
        c.raw().exec("INSERT INTO skus(id, merchant_id, title, currency, list_price, active) VALUES ('s','m','t','CNY',1,1)");
    });
    CHECK_THROWS_AS(db.write([](Connection& c) {
        store::save_cart_line(c, "lin", CartLine{"s", 1, true, 1, 0});
        fail(SC_ERR_OUT_OF_STOCK, "late failure");
    }), Error);
    db.read([](Connection& c) { CHECK(store::cart_lines(c, "lin").empty()); });
}

TEST_CASE("a writer blocked past the busy timeout gets a retryable SC_ERR_BUSY") {
    TempDb file;
    Database db({file.path, SC_DURABILITY_FULL, 0});
    SQLite::Database other(file.path, SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    try {
        db.write([](Connection&) {});
        FAIL("the write went through a held lock");
    } catch (const Error& e) {
        CHECK(e.code() == SC_ERR_BUSY);
        CHECK(e.retryable());
    }
    other.exec("ROLLBACK");
    CHECK_NOTHROW(db.write([](Connection&) {}));
}
