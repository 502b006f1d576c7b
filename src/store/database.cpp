#include "store/database.hpp"

#include "core/error.hpp"
#include "store/schema.hpp"

#include <sqlite3.h>

#include <chrono>
#include <thread>

namespace sc {

namespace {
constexpr int kBusyRetries = 3;
}

int schema_version() noexcept { return static_cast<int>(migrations().size()); }

SQLite::Statement& Connection::statement(const std::string& sql) {
    auto& cached = statements_[sql];
    if (!cached) {
        cached = std::make_unique<SQLite::Statement>(db_, sql);
    } else {
        cached->reset();
        cached->clearBindings();
    }
    return *cached;
}

void Connection::reset_all() noexcept {
    for (auto& [sql, statement] : statements_) {
        try {
            statement->reset();
        } catch (const SQLite::Exception&) {
            // reset() reports the statement's last step error again; the transaction
            // already dealt with it.
        }
    }
}

void rethrow_sqlite(const SQLite::Exception& e) {
    const int primary = e.getErrorCode() & 0xFF;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        throw Error(SC_ERR_BUSY, "the database is locked by another connection; retry later", {}, true);
    if (primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_CORRUPT ||
        primary == SQLITE_NOTADB || primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY ||
        primary == SQLITE_PERM || primary == SQLITE_NOMEM)
        throw Error(SC_ERR_STORAGE, std::string("database error: ") + e.what());
    throw Error(SC_ERR_INTERNAL, std::string("unexpected database error: ") + e.what());
}

Database::Database(const StoreSettings& settings) {
    try {
        db_ = std::make_unique<SQLite::Database>(settings.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db_->setBusyTimeout(static_cast<int>(settings.busy_timeout_ms));
        // WAL: readers never block the writer, and a crash never corrupts the file.
        db_->exec("PRAGMA journal_mode=WAL");
        db_->exec("PRAGMA foreign_keys=ON");
        // In WAL mode FULL syncs the log on every commit (durable across power loss);
        // NORMAL syncs at checkpoints only (durable across app crashes, not power cuts).
        db_->exec(settings.durability == SC_DURABILITY_NORMAL ? "PRAGMA synchronous=NORMAL"
                                                              : "PRAGMA synchronous=FULL");
        connection_ = std::make_unique<Connection>(*db_);
    } catch (const SQLite::Exception& e) {
        rethrow_sqlite(e);
    }
    migrate();
}

void Database::migrate() {
    write([](Connection& connection) {
        SQLite::Database& db = connection.raw();
        const int current = db.execAndGet("PRAGMA user_version").getInt();
        const int target = schema_version();
        if (current > target)
            fail(SC_ERR_SCHEMA_TOO_NEW, "the database has schema version " + std::to_string(current) +
                                            " but this library knows only up to " + std::to_string(target) +
                                            "; upgrade socialcart");
        const auto& steps = migrations();
        for (int v = current; v < target; ++v) db.exec(steps[static_cast<size_t>(v)]);
        if (current != target) db.exec("PRAGMA user_version=" + std::to_string(target));
    });
}

void Database::write(const std::function<void(Connection&)>& fn) { run("BEGIN IMMEDIATE", fn); }

void Database::read(const std::function<void(Connection&)>& fn) { run("BEGIN", fn); }

void Database::run(const char* begin, const std::function<void(Connection&)>& fn) {
    for (int attempt = 0;; ++attempt) {
        try {
            db_->exec(begin);
            try {
                fn(*connection_);
                connection_->reset_all();
                db_->exec("COMMIT");
                return;
            } catch (...) {
                connection_->reset_all();
                try { db_->exec("ROLLBACK"); } catch (const SQLite::Exception&) { /* already rolled back */ }
                throw;
            }
        } catch (const SQLite::Exception& e) {
            const int primary = e.getErrorCode() & 0xFF;
            const bool busy = primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
            if (!busy || attempt + 1 >= kBusyRetries) rethrow_sqlite(e);
            // busy_timeout already waited; a short pause lets the other writer finish.
            std::this_thread::sleep_for(std::chrono::milliseconds(10 * (attempt + 1)));
        }
    }
}

}  // namespace sc
