#pragma once
// Moves the WAL into the database file on a thread of its own. SQLite's automatic
// checkpoint runs inside whichever commit crosses the threshold, so one caller in a
// thousand paid for it (the tail of every latency figure); here the writer only
// signals, and a PASSIVE checkpoint on a separate connection copies what no reader
// still needs, never blocking the writer or a reader. Only when the WAL has grown to a
// few times the threshold (a writer that never pauses) does the writer copy the short
// remainder itself, so that the WAL can start over and stays bounded.
#include "store/database.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace sc {

class Checkpointer {
public:
    // Past this many times the checkpoint threshold, the writer checkpoints itself.
    static constexpr int kWriterCheckpointFactor = 4;

    explicit Checkpointer(const StoreSettings& settings);
    ~Checkpointer();  // finishes a checkpoint in progress, then stops
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    // Takes over the connection's automatic checkpoints (they share SQLite's WAL hook).
    void watch(SQLite::Database& writer);

private:
    static int on_commit(void* self, sqlite3* db, const char* name, int wal_pages);
    void run();

    StoreSettings settings_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable idle_;  // a background round has ended
    bool requested_ = false;
    bool running_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace sc
