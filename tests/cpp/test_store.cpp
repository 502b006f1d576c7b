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
    auto synchronous = [&](sc_durability_t d) {
        Database db({file.path, d, 1000});
        int level = -1;
        // The writer's setting: readers never commit, so theirs does not matter.
        db.write([&](Connection& c) { level = c.raw().execAndGet("PRAGMA synchronous").getInt(); });
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

TEST_CASE("reads run on their own connections beside a write that holds the lock") {
    TempDb file;
    Database db({file.path, SC_DURABILITY_FULL, 0});
    db.write([](Connection& c) {
        c.raw().exec("INSERT INTO skus(id, merchant_id, title, currency, list_price, active) VALUES ('s','m','t','CNY',1,1)");
    });
    // Another connection holds the write lock mid-transaction: writes must wait for it,
    // reads must not, and they see the last committed state.
    SQLite::Database other(file.path, SQLite::OPEN_READWRITE);
    other.exec("BEGIN IMMEDIATE");
    other.exec("DELETE FROM skus");
    int skus = -1;
    CHECK_NOTHROW(db.read([&](Connection& c) { skus = c.raw().execAndGet("SELECT COUNT(*) FROM skus").getInt(); }));
    CHECK(skus == 1);
    CHECK_THROWS_AS(db.write([](Connection&) {}), Error);
    other.exec("ROLLBACK");
}

TEST_CASE("a reader connection refuses to write") {
    TempDb file;
    Database db({file.path, SC_DURABILITY_FULL, 1000});
    CHECK_THROWS_AS(db.read([](Connection& c) { c.raw().exec("DELETE FROM skus"); }), Error);
}

TEST_CASE("a private in-memory database reads through its writer") {
    Database db({":memory:", SC_DURABILITY_FULL, 1000});
    db.write([](Connection& c) {
        c.raw().exec("INSERT INTO skus(id, merchant_id, title, currency, list_price, active) VALUES ('s','m','t','CNY',1,1)");
    });
    int skus = -1;
    db.read([&](Connection& c) { skus = c.raw().execAndGet("SELECT COUNT(*) FROM skus").getInt(); });
    CHECK(skus == 1);
}

TEST_CASE("SQL that fails to prepare leaves the connection usable") {
    TempDb file;
    Database db({file.path, SC_DURABILITY_FULL, 1000});
    for (int i = 0; i < 2; ++i) {
        CHECK_THROWS_AS(db.write([](Connection& c) { (void)c.statement("SELECT id FROM no_such_table"); }), Error);
        CHECK_THROWS_AS(db.read([](Connection& c) { (void)c.statement("SELECT id FROM no_such_table"); }), Error);
    }
    int one = 0;
    db.write([&](Connection& c) {
        auto& q = c.statement("SELECT 1");
        q.executeStep();
        one = q.getColumn(0).getInt();
    });
    CHECK(one == 1);
}

TEST_CASE("the WAL stays bounded under a writer that never pauses, and reaches the file while open") {
    TempDb file;
    StoreSettings settings{file.path, SC_DURABILITY_NORMAL, 1000};
    settings.checkpoint_pages = 50;
    Database db(settings);
    int64_t largest_wal = 0;
    for (int i = 0; i < 3000; ++i) {
        db.write([i](Connection& c) {
            auto& q = c.statement("INSERT INTO meta(key, value) VALUES (?, ?)");
            q.bind(1, "k" + std::to_string(i));
            q.bind(2, std::string(200, 'x'));
            q.exec();
        });
        largest_wal = std::max<int64_t>(largest_wal, static_cast<int64_t>(std::filesystem::file_size(file.path + "-wal")));
    }
    // Unchecked, 3000 commits of a page or two each leave a WAL of some 27 MB. Checked, the
    // writer copies the rest itself past 4× the threshold, and past 8× waits for a slow
    // background round to end first: whatever the machine's load, the WAL starts over
    // before it passes 8× the threshold and one commit.
    const int64_t bound = int64_t{settings.checkpoint_pages} * 10 * 4096;
    CHECK(largest_wal <= bound);
    CHECK(std::filesystem::file_size(file.path) > 100 * 1024);  // checkpointed into the file
}
