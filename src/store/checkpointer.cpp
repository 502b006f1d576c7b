#include "store/checkpointer.hpp"

#include <sqlite3.h>

namespace sc {

Checkpointer::Checkpointer(const StoreSettings& settings) : settings_(settings), thread_([this] { run(); }) {}

Checkpointer::~Checkpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void Checkpointer::watch(SQLite::Database& writer) { sqlite3_wal_hook(writer.getHandle(), &on_commit, this); }

int Checkpointer::on_commit(void* self, sqlite3* writer, const char* name, int wal_pages) {
    auto* checkpointer = static_cast<Checkpointer*>(self);
    const int writer_limit = checkpointer->settings_.checkpoint_pages * kWriterCheckpointFactor;
    if (wal_pages >= writer_limit) {
        // The WAL starts over from its beginning only once every frame has been copied, and
        // a background checkpoint never catches up with a writer that does not pause. So
        // past this size the writer copies the rest itself, between two transactions: the
        // background has copied most of it, and the next write can start the WAL over.
        int rc = sqlite3_wal_checkpoint_v2(writer, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        // A slow background round (a loaded disk) holds the checkpoint: past twice the
        // limit the writer waits for that round to end rather than let the WAL grow on.
        for (int round = 0; rc == SQLITE_BUSY && wal_pages >= 2 * writer_limit && round < 3; ++round) {
            std::unique_lock lock(checkpointer->mutex_);
            checkpointer->idle_.wait(lock, [checkpointer] { return !checkpointer->running_; });
            lock.unlock();
            rc = sqlite3_wal_checkpoint_v2(writer, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        }
        return SQLITE_OK;
    }
    if (wal_pages < checkpointer->settings_.checkpoint_pages) return SQLITE_OK;
    {
        std::lock_guard lock(checkpointer->mutex_);
        checkpointer->requested_ = true;
    }
    checkpointer->wake_.notify_one();
    return SQLITE_OK;
}

void Checkpointer::run() {
    std::unique_ptr<SQLite::Database> db;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return requested_ || stopping_; });
            if (stopping_) return;
            requested_ = false;
            running_ = true;
        }
        try {
            if (!db) {
                db = std::make_unique<SQLite::Database>(settings_.path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX,
                                                        static_cast<int>(settings_.busy_timeout_ms), settings_.vfs);
                // A connection that has read nothing has not opened the WAL yet, and its
                // checkpoint silently copies nothing.
                db->exec("SELECT count(*) FROM sqlite_master");
            }
            // PASSIVE: copies the frames that no reader needs and waits for nobody. What
            // it cannot copy now is copied by a later round; on an error (a full disk) the
            // WAL stays as it was, this connection is reopened, and the next commit asks again.
            const int rc =
                sqlite3_wal_checkpoint_v2(db->getHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            if (rc != SQLITE_OK && rc != SQLITE_BUSY) db.reset();
        } catch (const SQLite::Exception&) {
            db.reset();  // could not open: try again on the next request
        }
        {
            std::lock_guard lock(mutex_);
            running_ = false;
        }
        idle_.notify_all();
    }
}

}  // namespace sc
