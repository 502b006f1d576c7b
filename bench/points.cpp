// Benchmark `points`: ledger writes per second through the C ABI beside the floor of raw
// single-row INSERT transactions on the same SQLite settings (WAL, synchronous=NORMAL),
// measured in alternating rounds in the same run (the machine is shared and noisy: only
// ratios from one run compare). Earns are also measured beside their storage floor: the
// SQL an earn cannot do without (its key looked up, the member's newest seq, the entry row
// and the event row), run bare on a file with the engine's own schema, so that the table
// shows how much of the gap to a one-row insert is the engine and how much the rows an
// earn must write.
//
//   earn  : sc_engine_points_adjust(+10): a new lot, its entry and its event, one transaction
//   spend : sc_engine_points_adjust(-1): taken from the soonest-expiring lot
//   batch : sc_engine_points_adjust_batch of `batch` earns (+10) for as many members, one
//           transaction, beside raw inserts of as many rows in one transaction
//
// Members are picked round-robin from `members`, so each one's ledger grows to about
// 2 × ops / members entries. A write reuses the member's account from the engine's cache
// or replays the member's ledger (docs/points.md, "Storage and cost"); the last table shows
// one write on a member with a long ledger.
//
//   bench_points [ops=20000] [members=1000] [rounds=10] [batch=1000]
#include "ledger_floor.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

using namespace bench;

namespace {

const char* const kProgram =
    "{\"redeem\":{\"points\":100,\"amount\":100,\"unit\":1,\"max_share_bps\":5000},"
    "\"expiry\":{\"mode\":\"end_of_year\",\"periods\":1}}";

class Ledger {
public:
    Ledger(const std::string& path, int64_t members) : members_(members) {
        EngineSettings settings;
        settings.durability = SC_DURABILITY_NORMAL;
        settings.clock = &clock_;
        engine_ = open_engine(path, settings);
        must(sc_engine_points_program_put(engine_, kProgram, err()), "sc_engine_points_program_put");
    }
    ~Ledger() { sc_engine_close(engine_); }
    Ledger(const Ledger&) = delete;
    Ledger& operator=(const Ledger&) = delete;

    // n writes of `points` each (one transaction each); returns the seconds they took.
    double run(int64_t n, int64_t points) {
        const auto start = Clock::now();
        for (int64_t i = 0; i < n; ++i, ++next_) {
            const std::string user = id("member-", next_ % members_);
            const std::string key = id("k", next_);
            must(sc_engine_points_adjust(engine_, user.c_str(), points, "bench", key.c_str(), nullptr, err()),
                 "sc_engine_points_adjust");
            clock_.advance(1);
        }
        return seconds_since(start);
    }

    // n earns of +10 in batches of `size` (members round-robin); returns the seconds they
    // took, building each batch included.
    double run_batches(int64_t n, int64_t size) {
        const auto start = Clock::now();
        for (int64_t done = 0; done < n;) {
            sc_points_batch* batch = nullptr;
            must(sc_points_batch_new(&batch, err()), "sc_points_batch_new");
            for (int64_t i = 0; i < size && done < n; ++i, ++done, ++next_) {
                const std::string user = id("member-", next_ % members_);
                const std::string key = id("k", next_);
                must(sc_points_batch_add(batch, user.c_str(), 10, "bench", key.c_str(), err()), "sc_points_batch_add");
            }
            int64_t appended = 0;
            must(sc_engine_points_adjust_batch(engine_, batch, &appended, err()), "sc_engine_points_adjust_batch");
            if (appended != static_cast<int64_t>(sc_points_batch_count(batch))) {
                std::fprintf(stderr, "bench_points: a batch appended %lld of %zu\n", static_cast<long long>(appended),
                             sc_points_batch_count(batch));
                std::exit(1);
            }
            sc_points_batch_free(batch);
            clock_.advance(1);
        }
        return seconds_since(start);
    }

    // The time of single writes on one member whose ledger already holds `entries`.
    double one_write_us(int64_t entries, int64_t samples) {
        const std::string user = id("long-", entries);
        for (int64_t i = 0; i < entries; ++i) {
            const std::string key = id("fill", ++next_);
            must(sc_engine_points_adjust(engine_, user.c_str(), 10, "fill", key.c_str(), nullptr, err()), "fill");
        }
        std::vector<double> us;
        for (int64_t i = 0; i < samples; ++i) {
            const std::string key = id("one", ++next_);
            us.push_back(time_us([&] {
                must(sc_engine_points_adjust(engine_, user.c_str(), 10, "one", key.c_str(), nullptr, err()), "one");
            }));
        }
        return median(us);
    }

private:
    ManualClock clock_;
    sc_engine* engine_ = nullptr;
    int64_t members_;
    int64_t next_ = 0;
};

// Engine, storage floor and raw inserts measured by turns (by_turns).
struct ThreeWay {
    double engine_per_s = 0;
    double floor_per_s = 0;
    double raw_per_s = 0;
    std::vector<double> engine_to_raw;
    std::vector<double> floor_to_raw;
    std::vector<double> engine_to_floor;
};

ThreeWay three_way(int64_t per_round, int64_t rounds, const std::function<double(int64_t)>& engine,
                   const std::function<double(int64_t)>& floor, const std::function<double(int64_t)>& raw) {
    const auto s = by_turns(per_round, rounds, {engine, floor, raw});
    ThreeWay m;
    m.engine_per_s = rate_of(s[0], per_round);
    m.floor_per_s = rate_of(s[1], per_round);
    m.raw_per_s = rate_of(s[2], per_round);
    m.engine_to_raw = ratios_to(s, 0, 2);
    m.floor_to_raw = ratios_to(s, 1, 2);
    m.engine_to_floor = ratios_to(s, 0, 1);
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    const int64_t rounds = arg(argc, argv, 3, 10);
    const int64_t members = arg(argc, argv, 2, 1000);
    const int64_t per_round = std::max<int64_t>(1, arg(argc, argv, 1, 20000) / rounds);
    const int64_t batch = std::min<int64_t>(arg(argc, argv, 4, 1000), SC_POINTS_BATCH_MAX);
    std::printf("socialcart %s · points: %lld earns then %lld spends over %lld members, durability normal,\n"
                "in %lld alternating rounds beside as many raw single-row INSERT transactions\n\n",
                sc_version(), static_cast<long long>(per_round * rounds), static_cast<long long>(per_round * rounds),
                static_cast<long long>(members), static_cast<long long>(rounds));
    const TempDb engine_db("sc-bench-points-engine.db");
    const TempDb floor_db("sc-bench-points-floor.db");
    const TempDb raw_db("sc-bench-points-raw.db");
    Ledger ledger(engine_db.path(), members);
    LedgerFloor floor(kEngineLedger, floor_db.path(), members);
    RawInsertFloor raw(raw_db.path(), "NORMAL");
    ledger.run(std::min<int64_t>(members, 200), 10);  // warm up all three
    floor.run(200, 1);
    raw.run(200);

    Report report("points");
    std::printf("%-28s %12s %12s %12s %15s %8s %8s %8s\n", "operation", "engine op/s", "floor op/s", "raw tx/s",
                "ratio (median)", "min", "max", "target");
    const auto row = [&](const std::string& name, double engine, double sql_floor, double raw_rate,
                         const std::vector<double>& ratios, const char* target) {
        std::printf("%-28s %12.0f %12s %12.0f %14.1f%% %7.1f%% %7.1f%% %8s\n", name.c_str(), engine,
                    sql_floor > 0 ? std::to_string(static_cast<int64_t>(sql_floor)).c_str() : "-", raw_rate,
                    100 * median(ratios), 100 * min_of(ratios), 100 * max_of(ratios), target);
    };
    // The floor's own figures: its rate, its share of the raw rate, and the engine's share of it.
    const auto floor_figures = [&](const std::string& prefix, const ThreeWay& m) {
        report.add(prefix + ".sql_floor_ops_per_s", m.floor_per_s, "op/s")
            .with_baseline(m.raw_per_s)
            .with_ratio(median(m.floor_to_raw))
            .with("engine_to_floor", median(m.engine_to_floor))
            .with_text("ratio_is", "median over rounds of (floor op/s) / (raw op/s); engine_to_floor: (engine op/s) / "
                                   "(floor op/s)");
    };

    {
        const ThreeWay m = three_way(
            per_round, rounds, [&](int64_t n) { return ledger.run(n, 10); }, [&](int64_t n) { return floor.run(n, 1); },
            [&](int64_t n) { return raw.run(n); });
        const double ratio = median(m.engine_to_raw);
        row("earn, one per transaction", m.engine_per_s, m.floor_per_s, m.raw_per_s, m.engine_to_raw, ">= 50%");
        report.add("points.earn.ops_per_s", m.engine_per_s, "op/s")
            .with_baseline(m.raw_per_s)
            .with_ratio(ratio)
            .with_target(0.5, ratio >= 0.5)
            .with("ratio_min", min_of(m.engine_to_raw))
            .with("ratio_max", max_of(m.engine_to_raw))
            .with("members", static_cast<double>(members))
            .with_text("ratio_is", "median over rounds of (engine op/s) / (raw insert tx/s)");
        report.add("points.earn.raw_insert_tx_per_s", m.raw_per_s, "tx/s");
        floor_figures("points.earn", m);
        std::printf("%-28s %12s %12.0f %12.0f %14.1f%% %7.1f%% %7.1f%% %8s\n", "  its storage floor", "-",
                    m.floor_per_s, m.raw_per_s, 100 * median(m.floor_to_raw), 100 * min_of(m.floor_to_raw),
                    100 * max_of(m.floor_to_raw), "");
        std::printf("%-28s %40.1f%% %7.1f%% %7.1f%%\n", "  engine / floor", 100 * median(m.engine_to_floor),
                    100 * min_of(m.engine_to_floor), 100 * max_of(m.engine_to_floor));
    }
    {
        const Alternated m = alternate_rounds(
            per_round, rounds, [&](int64_t n) { return ledger.run(n, -1); }, [&](int64_t n) { return raw.run(n); });
        row("spend, one per transaction", m.engine_per_s, 0, m.raw_per_s, m.ratios, "-");
        report.add("points.spend.ops_per_s", m.engine_per_s, "op/s")
            .with_baseline(m.raw_per_s)
            .with_ratio(median(m.ratios))
            .with("ratio_min", min_of(m.ratios))
            .with("ratio_max", max_of(m.ratios))
            .with("members", static_cast<double>(members))
            .with_text("ratio_is", "median over rounds of (engine op/s) / (raw insert tx/s)");
        report.add("points.spend.raw_insert_tx_per_s", m.raw_per_s, "tx/s");
    }
    {
        // Batched earns: 10 batches per round, beside raw inserts of as many rows per transaction.
        const int64_t n = batch * 10;
        const ThreeWay m = three_way(
            n, rounds, [&](int64_t k) { return ledger.run_batches(k, batch); },
            [&](int64_t k) { return floor.run(k, batch); }, [&](int64_t k) { return raw.run_batched(k, batch); });
        const double ops = m.engine_per_s;
        row("earn, batches of " + std::to_string(batch), ops, m.floor_per_s, m.raw_per_s, m.engine_to_raw, ">=200k/s");
        report.add("points.earn_batched.ops_per_s", ops, "op/s")
            .with_baseline(m.raw_per_s)
            .with_ratio(median(m.engine_to_raw))
            .with_target(200000, ops >= 200000)
            .with("batch", static_cast<double>(batch))
            .with("ratio_min", min_of(m.engine_to_raw))
            .with("ratio_max", max_of(m.engine_to_raw))
            .with_text("ratio_is", "median over rounds of (engine earns/s) / (raw rows/s, as many rows per transaction)");
        report.add("points.earn_batched.raw_insert_rows_per_s", m.raw_per_s, "rows/s");
        floor_figures("points.earn_batched", m);
        std::printf("%-28s %40.1f%% %7.1f%% %7.1f%%\n", "  engine / floor", 100 * median(m.engine_to_floor),
                    100 * min_of(m.engine_to_floor), 100 * max_of(m.engine_to_floor));
    }

    std::printf("\n%-28s %12s\n", "one write on a member with", "median us");
    for (const int64_t entries : {100, 1000, 5000}) {
        const double us = ledger.one_write_us(entries, 50);
        std::printf("%-28s %12.0f\n", (std::to_string(entries) + " entries").c_str(), us);
        report.add("points.write_us_at_" + std::to_string(entries) + "_entries", us, "us");
    }
    std::printf("\nratio = engine op/s / raw insert tx/s (batched: raw rows/s with as many rows per transaction),\n"
                "per round; the median and the spread over rounds. Targets: one earn >= 50%% of the raw rate,\n"
                "batched earns >= 200,000/s. floor = the SQL an earn must run (key look-up, newest seq, entry\n"
                "row, event row) on the engine's schema, with no engine code.\n");
    report.write();
    return 0;
}
