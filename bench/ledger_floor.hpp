#pragma once
// The SQL a points earn cannot do without, run bare (no engine code) on a ledger layout:
// the key look-up where the layout keeps the key unique, the member's newest seq where it
// indexes members, the entry row and the event row with a payload like the engine's. With
// the engine's own file it is the earn's storage floor (bench_points); with other layouts,
// what each would leave room for (bench_ledger_layouts). The file has the engine's SQLite
// settings; SQLite checkpoints it itself, where the engine checkpoints on its own thread.
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

namespace bench {

struct LedgerLayout {
    const char* name;
    const char* schema;  // nullptr: the file the engine makes, with its ledger and event log
    bool member_index;   // the member's newest seq is looked up
    bool unique_key;     // the key is looked up
};

inline constexpr LedgerLayout kEngineLedger{"engine schema", nullptr, true, true};

// A file with one ledger layout and the statements of an earn on it.
class LedgerFloor {
public:
    LedgerFloor(const LedgerLayout& layout, const std::string& path, int64_t members)
        : layout_(layout), members_(members), db_(prepared_file(layout, path), SQLite::OPEN_READWRITE) {
        db_.exec("PRAGMA synchronous=NORMAL");  // the engine's settings (store/database.cpp)
        db_.exec("PRAGMA cache_size=-8192");
        db_.exec("PRAGMA temp_store=MEMORY");
        const bool engine = layout.schema == nullptr;
        const std::string table = engine ? "points_entries" : "entries";
        by_key_ = std::make_unique<SQLite::Statement>(db_, "SELECT seq FROM " + table + " WHERE user_id = ? AND key = ?");
        newest_ = std::make_unique<SQLite::Statement>(
            db_, "SELECT COALESCE(MAX(seq), 0) FROM " + table + " WHERE user_id = ?");
        entry_ = std::make_unique<SQLite::Statement>(
            db_, engine ? "INSERT INTO points_entries(user_id, seq, kind, key, reference, points, effect, at, vests_at, "
                          "expires_at, reason) VALUES (?1, ?2, 'adjust', ?3, 'operator', 10, 10, ?4, 0, ?5, 'bench')"
                        : "INSERT INTO entries(user_id, seq, key, points, at, expires_at, reason) "
                          "VALUES (?1, ?2, ?3, 10, ?4, ?5, 'bench')");
        event_ = std::make_unique<SQLite::Statement>(
            db_, "INSERT INTO events(type, subject_id, time_ms, payload) VALUES ('points.adjusted', ?, ?, ?)");
    }

    double run(int64_t n, int64_t per_tx) {
        const auto start = Clock::now();
        for (int64_t done = 0; done < n;) {
            db_.exec("BEGIN IMMEDIATE");
            for (int64_t i = 0; i < per_tx && done < n; ++i, ++done) earn();
            db_.exec("COMMIT");
        }
        return seconds_since(start);
    }

    const char* name() const { return layout_.name; }

private:
    static const std::string& prepared_file(const LedgerLayout& layout, const std::string& path) {
        if (layout.schema == nullptr) {
            sc_engine_close(open_engine(path, EngineSettings{}));
            return path;
        }
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA journal_mode=WAL");
        db.exec(layout.schema);
        return path;
    }

    void earn() {
        const int64_t member = next_ % members_;
        const std::string user = id("member-", member);
        const std::string key = id("adjust:k", next_);
        const int64_t at = int64_t{1'800'000'000'000} + next_;
        const int64_t expires_at = at + int64_t{365} * 86'400'000;
        ++next_;
        if (layout_.unique_key) {
            by_key_->bind(1, user);
            by_key_->bind(2, key);
            if (by_key_->executeStep()) std::exit(1);  // every key is new
            by_key_->reset();
        }
        int64_t seq = next_ / members_ + 1;  // without a member index: kept by the caller
        if (layout_.member_index) {
            newest_->bind(1, user);
            newest_->executeStep();
            seq = newest_->getColumn(0).getInt64() + 1;
            newest_->reset();
        }
        entry_->bind(1, user);
        entry_->bind(2, seq);
        entry_->bind(3, key);
        entry_->bind(4, at);
        entry_->bind(5, expires_at);
        entry_->exec();
        entry_->reset();
        event_->bind(1, user);
        event_->bind(2, at);
        event_->bind(3, "{\"user_id\":\"" + user + "\",\"seq\":" + std::to_string(seq) +
                            ",\"points\":10,\"effect\":10,\"reference\":\"operator\",\"expires_at\":" +
                            std::to_string(expires_at) + ",\"reason\":\"bench\"}");
        event_->exec();
        event_->reset();
    }

    LedgerLayout layout_;
    int64_t members_;
    int64_t next_ = 0;
    SQLite::Database db_;
    std::unique_ptr<SQLite::Statement> by_key_;
    std::unique_ptr<SQLite::Statement> newest_;
    std::unique_ptr<SQLite::Statement> entry_;
    std::unique_ptr<SQLite::Statement> event_;
};

}  // namespace bench
