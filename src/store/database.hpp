#pragma once
// The SQLite file: one writer connection, a pool of reader connections, and a
// checkpointer, so that reads never wait for writes (WAL) and no caller pays for a
// checkpoint. Every write runs in BEGIN IMMEDIATE, so two writers never deadlock on a
// lock upgrade (a plain BEGIN that reads then writes fails with SQLITE_BUSY whatever
// the timeout).
#include <socialcart/socialcart.h>

#include "store/write_queue.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sc {

struct StoreSettings {
    std::string path;
    sc_durability_t durability = SC_DURABILITY_FULL;
    int64_t busy_timeout_ms = 5000;
    // Page cache of each connection. SQLite's default (2 MiB) misses on every write once
    // the indexes outgrow it, and the cost of a call then grows with the file.
    int64_t cache_size_kib = 8192;
    // Reader connections opened on demand; reads wait only when all are busy.
    int read_connections = 4;
    // The WAL is checkpointed in the background once it holds this many pages.
    int checkpoint_pages = 1000;
    // The SQLite VFS to open the file with ("" for the default); the fault-injection
    // tests pass one that fails chosen I/O calls.
    std::string vfs = "";
    // Told about trouble the store handles itself (busy retries). Called on the thread
    // of the call, inside the transaction: the engine defers it to the host.
    std::function<void(sc_log_level_t, const std::string&)> log = nullptr;
};

// The schema version this library writes (PRAGMA user_version).
int schema_version() noexcept;

// True for a database that lives in one connection's memory: it cannot be shared with
// reader connections, so reads go through the writer.
bool is_private_database(const std::string& path) noexcept;

// One SQLite connection with its prepared statements kept for reuse (preparing SQL
// dominated the engine's CPU time before this cache). Used by one thread at a time.
class Connection {
public:
    Connection(const StoreSettings& settings, bool reader);

    // The statement for this SQL, prepared on first use, reset and unbound after.
    SQLite::Statement& statement(const std::string& sql);
    // Resets every cached statement used since the last call, so none holds a read cursor
    // past a transaction.
    void reset_all() noexcept;
    SQLite::Database& raw() { return db_; }
    // The SQL of every statement prepared so far (the query-plan test reads it).
    std::vector<std::string> prepared_sql() const;
    // Runs BEGIN, BEGIN IMMEDIATE or COMMIT from a statement prepared once: parsing them for
    // every transaction was a measurable part of a short read (bench share_links).
    void run_control(const char* sql);

private:
    void note_used(SQLite::Statement* statement);

    SQLite::Database db_;
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
    std::vector<SQLite::Statement*> used_;  // handed out since the last reset_all
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> control_;
};

class Checkpointer;

class Database {
public:
    explicit Database(const StoreSettings& settings);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs fn in BEGIN IMMEDIATE … COMMIT on the writer, and returns once that has
    // committed. Writes that arrive while another runs share the next transaction (group
    // commit, store/write_queue.hpp), each in its own savepoint: an exception from fn rolls
    // back fn's changes alone and reaches its own caller. On SQLITE_BUSY (another process
    // kept the lock past busy_timeout) the whole transaction is retried a few times, then
    // the call fails with SC_ERR_BUSY, retryable; fn must therefore be safe to run again.
    // after_commit runs once committed, on the thread that ran the batch, before the next
    // write may start, so whatever it records follows commit order.
    void write(const std::function<void(Connection&)>& fn, const std::function<void()>& after_commit = {});
    // As write, for a fn that may refuse its write by returning an Error rather than throwing
    // it: the write is rolled back just the same (its savepoint, or the transaction when
    // alone), and the Error is returned here. An expected refusal (a full group, a sold-out
    // slot) so costs no unwinding through the batch and no exception carried across threads.
    // Anything fn throws still fails the write by exception, as in write.
    [[nodiscard]] std::optional<Error> write_or_refusal(const RefusableWrite& fn,
                                                        const std::function<void()>& after_commit = {});

    // Runs fn in a read transaction (one consistent snapshot) on a reader connection,
    // beside any write in progress.
    void read(const std::function<void(Connection&)>& fn);

    // The SQL prepared on every connection so far, for the query-plan test.
    std::vector<std::string> prepared_sql();
    // Write transactions committed since opening (one per batch of writes).
    int64_t transactions() const noexcept { return transactions_.load(std::memory_order_relaxed); }
    // Writes waiting for the transaction in progress to finish.
    size_t writes_waiting() { return queue_.waiting(); }

private:
    void migrate();
    void run_batch(const std::vector<WriteJob*>& batch);
    void open_writer();
    void drop_connections() noexcept;
    std::unique_ptr<Connection> take_reader();
    void give_back(std::unique_ptr<Connection> reader);

    StoreSettings settings_;
    WriteQueue queue_;
    std::mutex writer_mutex_;
    std::unique_ptr<Connection> writer_;
    std::atomic<int64_t> transactions_{0};

    std::mutex pool_mutex_;
    std::condition_variable pool_free_;
    std::vector<std::unique_ptr<Connection>> idle_readers_;
    int open_readers_ = 0;

    std::unique_ptr<Checkpointer> checkpointer_;
};

// Converts SQLite's exceptions into the library's errors (busy, storage, internal).
[[noreturn]] void rethrow_sqlite(const SQLite::Exception& e);

}  // namespace sc
