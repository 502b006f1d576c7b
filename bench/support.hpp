#pragma once
// What every benchmark shares: failing on API errors, timing and percentiles, temporary
// database files, an injected clock, opening an engine, and writing figures as JSON.
// Benchmarks reach the engine only through the C ABI.
#include <socialcart/socialcart.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bench {

using Clock = std::chrono::steady_clock;

// ---- Errors -------------------------------------------------------------------------

// Where the calling thread's last error lands: pass err() as a call's last argument.
sc_error** err();

// Exits with the error of the calling thread when status is not SC_OK. A benchmark
// fails only when an API call fails, never on time.
void must(sc_status_t status, const char* what);

// ---- Arguments and ids ----------------------------------------------------------------

// argv[index] as an integer >= minimum, or fallback when absent; exits on a bad value.
int64_t arg(int argc, char** argv, int index, int64_t fallback, int64_t minimum = 1);

// prefix followed by n. Appended, not `prefix + std::to_string(n)`: GCC 12 at -O3 reports
// a -Wrestrict false positive on the latter, and warnings are errors.
std::string id(std::string_view prefix, int64_t n);

// An id shaped like the engine's: prefix, '_', 26 Crockford base32 characters (128 bits).
std::string random_id(std::string_view prefix, std::mt19937_64& rng);

// ---- Time -----------------------------------------------------------------------------

double seconds_since(Clock::time_point start);
double micros_since(Clock::time_point start);

// Runs fn and returns how long it took in microseconds.
template <class Fn>
double time_us(Fn&& fn) {
    const auto start = Clock::now();
    fn();
    return micros_since(start);
}

// The engine's clock, moved by hand (sc_options_set_clock): time passes only when the
// benchmark says so, and never by sleeping.
class ManualClock {
public:
    static constexpr int64_t kStart = 1'767'225'600'000;  // 2026-01-01T00:00:00Z

    int64_t now() const { return ms_.load(std::memory_order_relaxed); }
    void advance(int64_t ms) { ms_.fetch_add(ms, std::memory_order_relaxed); }
    static int64_t read(void* self) { return static_cast<ManualClock*>(self)->now(); }

private:
    std::atomic<int64_t> ms_{kStart};
};

// ---- Samples --------------------------------------------------------------------------

class Samples {
public:
    void add(double value) { values_.push_back(value); }
    void reserve(size_t n) { values_.reserve(n); }
    void merge(const Samples& other);
    size_t count() const { return values_.size(); }
    bool empty() const { return values_.empty(); }
    // Nearest-rank percentile, p in [0, 100]; 0 when empty.
    double percentile(double p) const;
    double median() const { return percentile(50); }
    double p99() const { return percentile(99); }
    double max() const;
    double mean() const;

private:
    std::vector<double> values_;
};

double median(std::vector<double> values);
double min_of(const std::vector<double>& values);
double max_of(const std::vector<double>& values);

// ---- Files and engines ------------------------------------------------------------------

// A database file in the system's temporary directory, removed (with its -wal and -shm)
// when created and again when destroyed.
class TempDb {
public:
    explicit TempDb(std::string_view name);
    ~TempDb();
    TempDb(const TempDb&) = delete;
    TempDb& operator=(const TempDb&) = delete;

    const std::string& path() const { return path_; }
    const char* c_str() const { return path_.c_str(); }
    // Bytes of the file and of its WAL.
    int64_t bytes() const;
    int64_t wal_bytes() const;

private:
    std::string path_;
};

struct EngineSettings {
    sc_durability_t durability = SC_DURABILITY_NORMAL;
    int64_t payment_window_ms = 0;   // 0: the engine's default
    ManualClock* clock = nullptr;    // nullptr: the system clock
    int64_t read_connections = -1;   // -1: the engine's default
};

sc_engine* open_engine(const std::string& path, const EngineSettings& settings);

// Creates or replaces a SKU in currency CNY; stock < 0 leaves it untracked.
void put_sku(sc_engine* engine, const std::string& sku_id, const std::string& title, const std::string& merchant_id,
             int64_t list_price, int64_t stock);

// The floor engine writes are compared with: one row per transaction (BEGIN IMMEDIATE;
// INSERT; COMMIT) on the engine's SQLite settings (WAL, the same synchronous level).
class RawInsertFloor {
public:
    RawInsertFloor(const std::string& path, const char* synchronous);
    ~RawInsertFloor();
    RawInsertFloor(const RawInsertFloor&) = delete;
    RawInsertFloor& operator=(const RawInsertFloor&) = delete;
    // Runs n transactions; returns the seconds they took.
    double run(int64_t n);
    // Inserts n rows, per_tx rows to a transaction; returns the seconds they took.
    double run_batched(int64_t n, int64_t per_tx);

private:
    struct Impl;
    Impl* impl_;
};

// ---- Alternating rounds ----------------------------------------------------------------

// The engine and its raw floor measured by turns: each round runs per_round operations on
// both, the engine first in even rounds and the floor first in odd ones, so that the
// machine's drift falls on both alike.
struct Alternated {
    double engine_per_s = 0;       // over all rounds
    double raw_per_s = 0;          // over all rounds
    std::vector<double> ratios;    // per round: (engine op/s) / (raw op/s)
};
// runs[i](n) runs n operations and returns the seconds they took. Round r runs them in the
// order r % k, (r + 1) % k, … for k runs, so each starts rounds in turn. Returns
// seconds[run][round].
std::vector<std::vector<double>> by_turns(int64_t per_round, int64_t rounds,
                                          const std::vector<std::function<double(int64_t)>>& runs);
// One run's operations per second over all its rounds (one row of by_turns' seconds).
double rate_of(const std::vector<double>& seconds, int64_t per_round);
// Per round, run `run`'s speed as a share of run `reference`'s: the reference's seconds over
// the run's.
std::vector<double> ratios_to(const std::vector<std::vector<double>>& seconds, size_t run, size_t reference);
// engine(n) and raw(n) run n operations and return the seconds they took.
Alternated alternate_rounds(int64_t per_round, int64_t rounds, const std::function<double(int64_t)>& engine,
                            const std::function<double(int64_t)>& raw);

// ---- Figures --------------------------------------------------------------------------

// One figure of build-bench/<benchmark>.json.
struct Figure {
    std::string name;
    double value = 0;
    std::string unit;
    std::optional<double> baseline;
    std::optional<double> ratio;
    std::optional<double> target;
    std::optional<bool> met;
    std::vector<std::pair<std::string, std::string>> extra;  // key and JSON text

    Figure& with_baseline(double v) { baseline = v; return *this; }
    Figure& with_ratio(double v) { ratio = v; return *this; }
    Figure& with_target(double v, bool is_met) { target = v; met = is_met; return *this; }
    Figure& with(const std::string& key, double v);
    Figure& with_text(const std::string& key, const std::string& text);
};

class Report {
public:
    explicit Report(std::string benchmark) : benchmark_(std::move(benchmark)) {}
    // The reference stays valid for the report's life.
    Figure& add(std::string name, double value, std::string unit);
    // Writes build-bench/<benchmark>.json (relative to the working directory, the
    // repository root under ./dev) and says where.
    void write() const;

private:
    std::string benchmark_;
    std::deque<Figure> figures_;
};

// "yes" or "NO", for the tables.
const char* yes_no(bool met);

}  // namespace bench
