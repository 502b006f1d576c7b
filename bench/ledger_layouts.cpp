// Benchmark `ledger_layouts`: what a points earn costs in SQLite alone, for ledger layouts
// from the bare minimum to the engine's own, beside the raw single-row INSERT transaction
// on the same settings, by turns in one run (only ratios from one run compare). No engine
// code runs: each earn is the SQL its layout needs, so the table is the ceiling any engine
// built on that layout could reach. It answers which storage rules the points targets
// (one earn >= 50% of the raw rate, batched earns >= 200,000/s; docs/benchmarks.md,
// "Points") leave room for.
//
//   entry+event        the entry and its event appended, no index: a member's ledger could
//                      only be read by scanning every entry (reference only)
//   +member index      entries also indexed by (member, seq): the member's reads and the
//                      newest-seq look-up have an index (ARCHITECTURE §7, an index per hot query)
//   +unique key        the idempotency key unique per member in the store as well
//                      (ARCHITECTURE §7, correctness from unique keys): the leanest layout the
//                      architecture allows
//   member-keyed       the same rules with the entries stored in (member, seq) order
//                      (WITHOUT ROWID) and the unique key beside them
//   engine schema      the file the engine makes (its ledger and event log with all their
//                      indexes), with the SQL of bench_points' storage floor
//
// Members round-robin over `members`; keys ascend, as a host's would within a batch.
//
//   bench_ledger_layouts [ops=20000] [members=1000] [rounds=6] [batch=1000]
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

using namespace bench;

namespace {

struct Layout {
    const char* name;
    const char* schema;  // nullptr: the engine's own file
    bool member_index;   // the newest seq is looked up
    bool unique_key;     // the key is looked up
};

const Layout kLayouts[] = {
    {"entry+event",
     "CREATE TABLE entries (id INTEGER PRIMARY KEY, user_id TEXT NOT NULL, seq INTEGER NOT NULL, key TEXT NOT NULL, "
     "points INTEGER NOT NULL, at INTEGER NOT NULL, expires_at INTEGER, reason TEXT NOT NULL);"
     "CREATE TABLE events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, subject_id TEXT NOT NULL, "
     "time_ms INTEGER NOT NULL, payload TEXT NOT NULL);",
     false, false},
    {"+member index",
     "CREATE TABLE entries (id INTEGER PRIMARY KEY, user_id TEXT NOT NULL, seq INTEGER NOT NULL, key TEXT NOT NULL, "
     "points INTEGER NOT NULL, at INTEGER NOT NULL, expires_at INTEGER, reason TEXT NOT NULL);"
     "CREATE UNIQUE INDEX entries_by_member ON entries(user_id, seq);"
     "CREATE TABLE events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, subject_id TEXT NOT NULL, "
     "time_ms INTEGER NOT NULL, payload TEXT NOT NULL);",
     true, false},
    {"+unique key",
     "CREATE TABLE entries (id INTEGER PRIMARY KEY, user_id TEXT NOT NULL, seq INTEGER NOT NULL, key TEXT NOT NULL, "
     "points INTEGER NOT NULL, at INTEGER NOT NULL, expires_at INTEGER, reason TEXT NOT NULL);"
     "CREATE UNIQUE INDEX entries_by_member ON entries(user_id, seq);"
     "CREATE UNIQUE INDEX entries_by_key ON entries(user_id, key);"
     "CREATE TABLE events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, subject_id TEXT NOT NULL, "
     "time_ms INTEGER NOT NULL, payload TEXT NOT NULL);",
     true, true},
    {"member-keyed",
     "CREATE TABLE entries (user_id TEXT NOT NULL, seq INTEGER NOT NULL, key TEXT NOT NULL, points INTEGER NOT NULL, "
     "at INTEGER NOT NULL, expires_at INTEGER, reason TEXT NOT NULL, PRIMARY KEY (user_id, seq), "
     "UNIQUE (user_id, key)) WITHOUT ROWID;"
     "CREATE TABLE events (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, subject_id TEXT NOT NULL, "
     "time_ms INTEGER NOT NULL, payload TEXT NOT NULL);",
     true, true},
    {"engine schema", nullptr, true, true},
};

// One layout's file and the statements of an earn on it.
class LayoutFloor {
public:
    LayoutFloor(const Layout& layout, const std::string& path, int64_t members)
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
    static const std::string& prepared_file(const Layout& layout, const std::string& path) {
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

    const Layout& layout_;
    int64_t members_;
    int64_t next_ = 0;
    SQLite::Database db_;
    std::unique_ptr<SQLite::Statement> by_key_;
    std::unique_ptr<SQLite::Statement> newest_;
    std::unique_ptr<SQLite::Statement> entry_;
    std::unique_ptr<SQLite::Statement> event_;
};

}  // namespace

int main(int argc, char** argv) {
    const int64_t rounds = arg(argc, argv, 3, 6);
    const int64_t members = arg(argc, argv, 2, 1000);
    const int64_t per_round = std::max<int64_t>(1, arg(argc, argv, 1, 20000) / rounds);
    const int64_t batch = arg(argc, argv, 4, 1000);
    std::printf("socialcart %s · ledger_layouts: earns in SQLite alone on five ledger layouts, %lld members,\n"
                "one per transaction and in batches of %lld, by turns with raw single-row INSERTs (durability "
                "normal)\n\n",
                sc_version(), static_cast<long long>(members), static_cast<long long>(batch));
    const TempDb raw_db("sc-bench-layouts-raw.db");
    RawInsertFloor raw(raw_db.path(), "NORMAL");
    std::vector<std::unique_ptr<TempDb>> files;
    std::vector<std::unique_ptr<LayoutFloor>> floors;
    for (const Layout& layout : kLayouts) {
        files.push_back(std::make_unique<TempDb>("sc-bench-layouts-" + std::to_string(files.size()) + ".db"));
        floors.push_back(std::make_unique<LayoutFloor>(layout, files.back()->path(), members));
        floors.back()->run(4 * members, batch);  // every member has entries before timing
    }

    Report report("ledger_layouts");
    std::printf("%-16s %14s %10s %16s %12s\n", "layout", "one per tx/s", "of raw", "batched earns/s", "of raw");
    struct Mode {
        const char* name;
        int64_t per_round;
        int64_t per_tx;
    };
    const Mode modes[] = {{"single", per_round, 1}, {"batched", per_round * 5, batch}};
    std::vector<double> rates[2];
    std::vector<double> ratios[2];
    double raw_rates[2] = {0, 0};
    for (int m = 0; m < 2; ++m) {
        std::vector<std::function<double(int64_t)>> runs;
        for (auto& floor : floors) {
            LayoutFloor* f = floor.get();
            const int64_t per_tx = modes[m].per_tx;
            runs.push_back([f, per_tx](int64_t n) { return f->run(n, per_tx); });
        }
        runs.push_back([&, m](int64_t n) { return modes[m].per_tx == 1 ? raw.run(n) : raw.run_batched(n, batch); });
        const auto seconds = by_turns(modes[m].per_round, rounds, runs);
        const size_t k = floors.size();
        double raw_total = 0;
        for (double s : seconds[k]) raw_total += s;
        raw_rates[m] = static_cast<double>(modes[m].per_round * rounds) / raw_total;
        for (size_t i = 0; i < k; ++i) {
            double total = 0;
            std::vector<double> per_round_ratio;
            for (size_t r = 0; r < seconds[i].size(); ++r) {
                total += seconds[i][r];
                per_round_ratio.push_back(seconds[k][r] / seconds[i][r]);
            }
            rates[m].push_back(static_cast<double>(modes[m].per_round * rounds) / total);
            ratios[m].push_back(median(per_round_ratio));
        }
    }
    for (size_t i = 0; i < floors.size(); ++i) {
        std::printf("%-16s %14.0f %9.1f%% %16.0f %11.1f%%\n", floors[i]->name(), rates[0][i], 100 * ratios[0][i],
                    rates[1][i], 100 * ratios[1][i]);
        const std::string key = std::string("ledger_layouts.") + floors[i]->name();
        report.add(key + ".single_ops_per_s", rates[0][i], "op/s")
            .with_baseline(raw_rates[0])
            .with_ratio(ratios[0][i])
            .with_text("ratio_is", "median over rounds of (layout earns/s) / (raw insert tx/s)");
        report.add(key + ".batched_ops_per_s", rates[1][i], "op/s")
            .with_baseline(raw_rates[1])
            .with_ratio(ratios[1][i])
            .with("batch", static_cast<double>(batch))
            .with_text("ratio_is", "median over rounds of (layout earns/s) / (raw rows/s, as many per transaction)");
    }
    std::printf("%-16s %14.0f %10s %16.0f\n", "raw insert", raw_rates[0], "", raw_rates[1]);
    std::printf("\nThe points targets: one earn >= 50%% of the raw rate, batched earns >= 200,000/s. A layout's\n"
                "figures are SQL only; the engine's own work comes on top (bench_points).\n");
    report.write();
    return 0;
}
