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
#include "ledger_floor.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <vector>

using namespace bench;

namespace {

const LedgerLayout kLayouts[] = {
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
    kEngineLedger,
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
    std::vector<std::unique_ptr<LedgerFloor>> floors;
    for (const LedgerLayout& layout : kLayouts) {
        files.push_back(std::make_unique<TempDb>("sc-bench-layouts-" + std::to_string(files.size()) + ".db"));
        floors.push_back(std::make_unique<LedgerFloor>(layout, files.back()->path(), members));
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
            LedgerFloor* f = floor.get();
            const int64_t per_tx = modes[m].per_tx;
            runs.push_back([f, per_tx](int64_t n) { return f->run(n, per_tx); });
        }
        runs.push_back([&, m](int64_t n) { return modes[m].per_tx == 1 ? raw.run(n) : raw.run_batched(n, batch); });
        const auto seconds = by_turns(modes[m].per_round, rounds, runs);
        const size_t k = floors.size();  // the raw run comes last
        raw_rates[m] = rate_of(seconds[k], modes[m].per_round);
        for (size_t i = 0; i < k; ++i) {
            rates[m].push_back(rate_of(seconds[i], modes[m].per_round));
            ratios[m].push_back(median(ratios_to(seconds, i, k)));
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
