#pragma once
// The SQLite connection: settings, migrations, and transactions with busy retries.
// Every write runs in BEGIN IMMEDIATE, so two writers never deadlock on a lock upgrade
// (a plain BEGIN that reads then writes fails with SQLITE_BUSY whatever the timeout).
#include <socialcart/socialcart.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

namespace sc {

struct StoreSettings {
    std::string path;
    sc_durability durability = SC_DURABILITY_FULL;
    int64_t busy_timeout_ms = 5000;
};

// The schema version this library writes (PRAGMA user_version).
int schema_version() noexcept;

// What the store's queries run on: the connection, with its prepared statements kept
// for reuse. Preparing SQL dominated the engine's CPU time before this cache.
class Connection {
public:
    explicit Connection(SQLite::Database& db) : db_(db) {}

    // The statement for this SQL, prepared on first use, reset and unbound after.
    SQLite::Statement& statement(const std::string& sql);
    // Resets every cached statement, so none holds a read cursor past a transaction.
    void reset_all() noexcept;
    SQLite::Database& raw() { return db_; }

private:
    SQLite::Database& db_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

class Database {
public:
    explicit Database(const StoreSettings& settings);

    // Runs fn in BEGIN IMMEDIATE … COMMIT. On SQLITE_BUSY (another process kept the
    // lock past busy_timeout) the whole of fn is retried a few times, then the call
    // fails with SC_ERR_BUSY, retryable. Any exception rolls everything back.
    void write(const std::function<void(Connection&)>& fn);

    // Runs fn in a read transaction: one consistent snapshot of the database.
    void read(const std::function<void(Connection&)>& fn);

private:
    void run(const char* begin, const std::function<void(Connection&)>& fn);
    void migrate();

    std::unique_ptr<SQLite::Database> db_;
    std::unique_ptr<Connection> connection_;
};

// Converts SQLite's exceptions into the library's errors (busy, storage, internal).
[[noreturn]] void rethrow_sqlite(const SQLite::Exception& e);

}  // namespace sc
