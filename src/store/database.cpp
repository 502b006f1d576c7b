#include "store/database.hpp"

#include "core/error.hpp"
#include "store/checkpointer.hpp"
#include "store/schema.hpp"
#include "store/write_queue.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace sc {

namespace {

constexpr int kBusyRetries = 3;
// PRAGMA application_id of every socialcart file ("SCar"), so that a file is known to be
// ours before anything writes to it.
constexpr int kApplicationId = 0x53436172;

bool is_busy(const SQLite::Exception& e) {
    const int primary = e.getErrorCode() & 0xFF;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

// The commit itself failed: the transaction may or may not be in the file (SQLite can
// have written the WAL frames before the sync that failed), so the caller cannot know.
[[noreturn]] void throw_unknown_outcome(const SQLite::Exception& e) {
    throw Error(SC_ERR_STORAGE,
                std::string("storage failed while committing (") + e.getErrorStr() +
                    "): the outcome is unknown; retry with the same idempotency key to complete the call "
                    "or get its first result",
                {}, (e.getErrorCode() & 0xFF) != SQLITE_CORRUPT);
}

// Refuses a file that another application made, before anything (even the switch to
// WAL) writes to it. Files of socialcart 0.1 predate the application id: they are known
// by their schema version and tables, and get the id at their next migration.
void require_own_file(SQLite::Database& db) {
    const int id = db.execAndGet("PRAGMA application_id").getInt();
    if (id == kApplicationId) return;
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    const int tables = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
    const bool ours_before_ids =
        id == 0 && version >= 1 &&
        db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('meta', 'holds', 'events')")
                .getInt() == 3;
    if ((id == 0 && tables == 0 && version == 0) || ours_before_ids) return;
    throw Error(SC_ERR_STORAGE,
                "the file is not a socialcart database (another application's tables or id); it was left unchanged",
                "path");
}

// Ends the transaction without its changes; one that SQLite already rolled back is over.
void roll_back(SQLite::Database& db) {
    try {
        db.exec("ROLLBACK");
    } catch (const SQLite::Exception&) {
        // already rolled back
    }
}

// BEGIN … COMMIT around fn on one connection, retrying fn whole when another process
// holds the lock past the busy timeout. A refusal from fn rolls the transaction back and is
// returned.
std::optional<Error> run_transaction(Connection& connection, const char* begin, const RefusableWrite& fn,
                                     const StoreSettings& settings) {
    SQLite::Database& db = connection.raw();
    for (int attempt = 0;; ++attempt) {
        try {
            connection.run_control(begin);
            std::optional<Error> refusal;
            try {
                refusal = fn(connection);
                connection.reset_all();
            } catch (...) {
                connection.reset_all();
                roll_back(db);
                throw;
            }
            if (refusal) {
                roll_back(db);
                return refusal;
            }
            try {
                connection.run_control("COMMIT");
                return std::nullopt;
            } catch (const SQLite::Exception& e) {
                if (is_busy(e)) throw;  // nothing written: BEGIN IMMEDIATE holds the lock
                roll_back(db);
                throw_unknown_outcome(e);
            }
        } catch (const SQLite::Exception& e) {
            if (!is_busy(e) || attempt + 1 >= kBusyRetries) rethrow_sqlite(e);
            if (settings.log)
                settings.log(SC_LOG_WARNING, "the database stayed locked past the busy timeout; retrying the "
                                             "transaction (attempt " + std::to_string(attempt + 2) + " of " +
                                             std::to_string(kBusyRetries) + ")");
            // busy_timeout already waited; a short pause lets the other writer finish.
            std::this_thread::sleep_for(std::chrono::milliseconds(10 * (attempt + 1)));
        }
    }
}

// fn as a write that never refuses; it must outlive what this returns.
RefusableWrite never_refusing(const std::function<void(Connection&)>& fn) {
    return [&fn](Connection& connection) -> std::optional<Error> {
        fn(connection);
        return std::nullopt;
    };
}

// A failure SQLite confined to the statement that raised it (a constraint, a value out of
// range): the transaction is still open and a savepoint can undo the write that failed.
// Anything else (busy, I/O, a full disk, memory) is the transaction's.
bool statement_level(Connection& connection, const SQLite::Exception& e) {
    if (sqlite3_get_autocommit(connection.raw().getHandle())) return false;
    const int primary = e.getErrorCode() & 0xFF;
    return primary == SQLITE_CONSTRAINT || primary == SQLITE_MISMATCH || primary == SQLITE_RANGE ||
           primary == SQLITE_TOOBIG || primary == SQLITE_ERROR;
}

std::exception_ptr converted(const SQLite::Exception& e) {
    try {
        rethrow_sqlite(e);
    } catch (...) {
        return std::current_exception();
    }
}

// The writes of a batch one after another, each in its own savepoint: one that fails is
// rolled back alone and records its error; the others stay for the commit. A failure that
// is the transaction's (SQLite rolled it back, or it cannot go on) leaves by exception, and
// fails the batch.
void run_jobs(Connection& connection, const std::vector<WriteJob*>& jobs) {
    for (WriteJob* job : jobs) {
        job->error = nullptr;  // a busy retry runs the batch again
        job->refusal.reset();
        connection.run_control("SAVEPOINT sc_write");
        try {
            std::optional<Error> refusal = (*job->fn)(connection);
            connection.reset_all();
            if (!refusal) {
                connection.run_control("RELEASE sc_write");
                continue;
            }
            // Refused after SQLite rolled the whole transaction back: the batch's failure.
            if (sqlite3_get_autocommit(connection.raw().getHandle())) throw std::move(*refusal);
            job->refusal = std::move(refusal);
        } catch (const SQLite::Exception& e) {
            connection.reset_all();
            if (!statement_level(connection, e)) throw;
            job->error = converted(e);
        } catch (...) {
            connection.reset_all();
            if (sqlite3_get_autocommit(connection.raw().getHandle())) throw;
            job->error = std::current_exception();
        }
        connection.run_control("ROLLBACK TO sc_write");
        connection.run_control("RELEASE sc_write");
    }
}

int open_flags(bool reader) {
    return reader ? SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX
                  : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX;
}

}  // namespace

int schema_version() noexcept { return static_cast<int>(migrations().size()); }

bool is_private_database(const std::string& path) noexcept {
    return path.empty() || path == ":memory:" || path.rfind("file::memory:", 0) == 0;
}

Connection::Connection(const StoreSettings& settings, bool reader)
    : db_(settings.path, open_flags(reader), static_cast<int>(settings.busy_timeout_ms), settings.vfs) {
    if (!reader) require_own_file(db_);
    db_.exec("PRAGMA cache_size=-" + std::to_string(settings.cache_size_kib));
    if (reader) {
        db_.exec("PRAGMA query_only=ON");  // a reader that tried to write would be a bug
        return;
    }
    // WAL: readers never block the writer, and a crash never corrupts the file.
    db_.exec("PRAGMA journal_mode=WAL");
    db_.exec("PRAGMA foreign_keys=ON");
    // A WAL that started over is cut back to this size, so a burst leaves no large file.
    db_.exec("PRAGMA journal_size_limit=" +
             std::to_string(int64_t{settings.checkpoint_pages} * Checkpointer::kWriterCheckpointFactor * 4096));
    // In WAL mode FULL syncs the log on every commit (durable across power loss);
    // NORMAL syncs at checkpoints only (durable across app crashes, not power cuts).
    db_.exec(settings.durability == SC_DURABILITY_NORMAL ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=FULL");
    // A batch's savepoints keep the pages they change in a statement journal: in memory,
    // not in a temporary file once it passes 64 KiB.
    db_.exec("PRAGMA temp_store=MEMORY");
}

SQLite::Statement& Connection::statement(const std::string& sql) {
    if (auto found = statements_.find(sql); found != statements_.end()) {
        found->second->reset();
        found->second->clearBindings();
        note_used(found->second.get());
        return *found->second;
    }
    // Prepared before it enters the cache: SQL that fails to prepare (a damaged schema)
    // leaves no empty entry behind.
    auto prepared = std::make_unique<SQLite::Statement>(db_, sql);
    SQLite::Statement& out = *statements_.emplace(sql, std::move(prepared)).first->second;
    note_used(&out);
    return out;
}

void Connection::note_used(SQLite::Statement* statement) {
    // A connection used outside a transaction (a test's) is never reset: the list keeps
    // each statement once rather than growing with every use.
    if (used_.size() >= 256) {
        std::sort(used_.begin(), used_.end());
        used_.erase(std::unique(used_.begin(), used_.end()), used_.end());
    }
    used_.push_back(statement);
}

void Connection::run_control(const char* sql) {
    std::unique_ptr<SQLite::Statement>& statement = control_[sql];
    if (!statement) statement = std::make_unique<SQLite::Statement>(db_, sql);
    // tryReset: a failed step (SQLITE_BUSY) was reported when it happened; reset() would
    // throw it again. Reset after the step too, so the statement never counts as running.
    statement->tryReset();
    try {
        statement->exec();
    } catch (...) {
        statement->tryReset();
        throw;
    }
    statement->tryReset();
}

void Connection::reset_all() noexcept {
    // Only the statements handed out since the last reset can hold a cursor: a connection
    // keeps hundreds prepared, and resetting each after every transaction added up.
    for (SQLite::Statement* statement : used_) {
        try {
            statement->reset();
        } catch (const SQLite::Exception&) {
            // reset() reports the statement's last step error again; the transaction
            // already dealt with it.
        }
    }
    used_.clear();
}

std::vector<std::string> Connection::prepared_sql() const {
    std::vector<std::string> out;
    for (const auto& [sql, statement] : statements_) out.push_back(sql);
    return out;
}

void rethrow_sqlite(const SQLite::Exception& e) {
    const int primary = e.getErrorCode() & 0xFF;
    if (is_busy(e))
        throw Error(SC_ERR_BUSY, "the database is locked by another connection; retry later", {}, true);
    // Before the commit nothing was written: a full disk or a failed read may pass.
    if (primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_NOMEM)
        throw Error(SC_ERR_STORAGE, std::string("storage failed (") + e.getErrorStr() + "); nothing was changed",
                    {}, true);
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_CANTOPEN ||
        primary == SQLITE_READONLY || primary == SQLITE_PERM)
        throw Error(SC_ERR_STORAGE, std::string("database error: ") + e.what());
    throw Error(SC_ERR_INTERNAL, std::string("unexpected database error: ") + e.what());
}

Database::Database(const StoreSettings& settings) : settings_(settings) {
    open_writer();
    migrate();
    if (!is_private_database(settings_.path)) {
        checkpointer_ = std::make_unique<Checkpointer>(settings_);
        checkpointer_->watch(writer_->raw());
    }
}

Database::~Database() {
    // The checkpointer stops first; closing the writer last lets SQLite fold the WAL
    // into the file and remove it.
    checkpointer_.reset();
    idle_readers_.clear();
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
        if (db.execAndGet("PRAGMA application_id").getInt() != kApplicationId)
            db.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
    });
}

void Database::write(const std::function<void(Connection&)>& fn, const std::function<void()>& after_commit) {
    if (std::optional<Error> refusal = write_or_refusal(never_refusing(fn), after_commit)) throw std::move(*refusal);
}

std::optional<Error> Database::write_or_refusal(const RefusableWrite& fn, const std::function<void()>& after_commit) {
    WriteJob job;
    job.fn = &fn;
    job.after_commit = &after_commit;
    queue_.submit(job, [this](const std::vector<WriteJob*>& batch) { run_batch(batch); });
    if (job.error) std::rethrow_exception(job.error);
    return std::move(job.refusal);
}

void Database::run_batch(const std::vector<WriteJob*>& batch) {
    std::lock_guard lock(writer_mutex_);
    try {
        if (!writer_) open_writer();
        // Alone, a write needs no savepoint: it is the whole transaction.
        if (batch.size() == 1) {
            batch.front()->refusal = run_transaction(*writer_, "BEGIN IMMEDIATE", *batch.front()->fn, settings_);
            if (batch.front()->refusal) return;  // rolled back: nothing committed
        } else {
            (void)run_transaction(
                *writer_, "BEGIN IMMEDIATE",
                [&](Connection& c) -> std::optional<Error> {
                    run_jobs(c, batch);
                    return std::nullopt;  // each job's refusal is its own
                },
                settings_);
        }
    } catch (const Error& e) {
        // After a storage failure the connection may show a state the file no longer
        // has: every connection starts again from the file.
        if (e.code() == SC_ERR_STORAGE) drop_connections();
        // Each caller gets its own copy: they rethrow it on their own threads.
        for (WriteJob* job : batch) job->error = batch.size() == 1 ? std::current_exception() : std::make_exception_ptr(e);
        return;
    } catch (...) {
        for (WriteJob* job : batch) job->error = std::current_exception();
        return;
    }
    transactions_.fetch_add(1, std::memory_order_relaxed);
    for (WriteJob* job : batch) {
        if (job->error || job->refusal || !*job->after_commit) continue;
        try {
            (*job->after_commit)();
        } catch (...) {
            job->error = std::current_exception();
        }
    }
}

void Database::open_writer() {
    try {
        writer_ = std::make_unique<Connection>(settings_, false);
    } catch (const SQLite::Exception& e) {
        rethrow_sqlite(e);
    }
    if (checkpointer_) checkpointer_->watch(writer_->raw());
}

void Database::drop_connections() noexcept {
    writer_.reset();
    std::lock_guard lock(pool_mutex_);
    open_readers_ -= static_cast<int>(idle_readers_.size());
    idle_readers_.clear();
}

void Database::read(const std::function<void(Connection&)>& fn) {
    if (is_private_database(settings_.path) || settings_.read_connections < 1) {
        std::lock_guard lock(writer_mutex_);
        if (!writer_) open_writer();
        (void)run_transaction(*writer_, "BEGIN", never_refusing(fn), settings_);
        return;
    }
    std::unique_ptr<Connection> reader = take_reader();
    try {
        (void)run_transaction(*reader, "BEGIN", never_refusing(fn), settings_);
    } catch (const Error& e) {
        // A domain answer (not found, …) leaves the connection sound; a storage error
        // may not, so that connection is closed and a fresh one opened next time.
        if (e.code() == SC_ERR_STORAGE || e.code() == SC_ERR_INTERNAL) reader.reset();
        give_back(std::move(reader));
        throw;
    } catch (...) {
        give_back(nullptr);
        throw;
    }
    give_back(std::move(reader));
}

std::unique_ptr<Connection> Database::take_reader() {
    std::unique_lock lock(pool_mutex_);
    pool_free_.wait(lock, [this] { return !idle_readers_.empty() || open_readers_ < settings_.read_connections; });
    if (!idle_readers_.empty()) {
        auto reader = std::move(idle_readers_.back());
        idle_readers_.pop_back();
        return reader;
    }
    ++open_readers_;
    lock.unlock();
    try {
        return std::make_unique<Connection>(settings_, true);
    } catch (const SQLite::Exception& e) {
        give_back(nullptr);
        rethrow_sqlite(e);
    }
}

void Database::give_back(std::unique_ptr<Connection> reader) {
    {
        std::lock_guard lock(pool_mutex_);
        if (reader) {
            idle_readers_.push_back(std::move(reader));
        } else {
            --open_readers_;
        }
    }
    pool_free_.notify_one();
}

std::vector<std::string> Database::prepared_sql() {
    std::vector<std::string> out;
    {
        std::lock_guard lock(writer_mutex_);
        if (writer_) out = writer_->prepared_sql();
    }
    std::lock_guard lock(pool_mutex_);
    for (const auto& reader : idle_readers_)
        for (auto& sql : reader->prepared_sql()) out.push_back(std::move(sql));
    return out;
}

}  // namespace sc
