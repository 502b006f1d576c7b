#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <system_error>

namespace bench {

namespace {

thread_local sc_error* t_error = nullptr;

std::string json_number(double v) {
    if (!std::isfinite(v)) return "null";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10g", v);
    return buffer;
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                    out += buffer;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
    return out;
}

int64_t file_size_or_zero(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : static_cast<int64_t>(size);
}

}  // namespace

sc_error** err() { return &t_error; }

void must(sc_status_t status, const char* what) {
    if (status == SC_OK) return;
    std::fprintf(stderr, "%s failed: %s: %s\n", what, sc_status_name(status),
                 t_error ? sc_error_message(t_error) : "(no error object)");
    sc_error_free(t_error);
    t_error = nullptr;
    std::exit(1);
}

int64_t arg(int argc, char** argv, int index, int64_t fallback, int64_t minimum) {
    if (index >= argc) return fallback;
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(argv[index], &end, 10);
    if (errno != 0 || end == argv[index] || *end != '\0' || v < minimum) {
        std::fprintf(stderr, "%s: argument %d must be an integer >= %lld, not \"%s\"\n", argv[0], index,
                     static_cast<long long>(minimum), argv[index]);
        std::exit(2);
    }
    return v;
}

std::string id(std::string_view prefix, int64_t n) {
    std::string out(prefix);
    out += std::to_string(n);
    return out;
}

std::string random_id(std::string_view prefix, std::mt19937_64& rng) {
    static constexpr char kAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
    std::string out(prefix);
    out += '_';
    const uint64_t words[2] = {rng(), rng()};
    // 25 characters of 5 bits and a last one of the remaining 3 bits (shifted as the
    // engine shifts them): the shape of the engine's new_id() for 16 random bytes.
    for (int i = 0; i < 25; ++i) {
        const int bit = i * 5;
        const uint64_t word = words[bit / 64];
        const int offset = bit % 64;
        uint64_t v = word >> offset;
        if (offset > 59) v |= words[1] << (64 - offset);
        out += kAlphabet[v & 31u];
    }
    out += kAlphabet[((words[1] >> 61) << 2) & 31u];
    return out;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double micros_since(Clock::time_point start) {
    return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

void Samples::merge(const Samples& other) {
    values_.insert(values_.end(), other.values_.begin(), other.values_.end());
}

double Samples::percentile(double p) const {
    if (values_.empty()) return 0;
    std::vector<double> sorted = values_;
    std::sort(sorted.begin(), sorted.end());
    const double rank = std::ceil(p / 100.0 * static_cast<double>(sorted.size()));
    const size_t index = rank < 1 ? 0 : std::min(sorted.size() - 1, static_cast<size_t>(rank) - 1);
    return sorted[index];
}

double Samples::max() const { return values_.empty() ? 0 : *std::max_element(values_.begin(), values_.end()); }

double Samples::mean() const {
    if (values_.empty()) return 0;
    return std::accumulate(values_.begin(), values_.end(), 0.0) / static_cast<double>(values_.size());
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double min_of(const std::vector<double>& values) {
    return values.empty() ? 0 : *std::min_element(values.begin(), values.end());
}

double max_of(const std::vector<double>& values) {
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

TempDb::TempDb(std::string_view name) : path_((std::filesystem::temp_directory_path() / name).string()) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
}

TempDb::~TempDb() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix, ec);
}

int64_t TempDb::bytes() const { return file_size_or_zero(path_) + wal_bytes(); }

int64_t TempDb::wal_bytes() const { return file_size_or_zero(path_ + "-wal"); }

sc_engine* open_engine(const std::string& path, const EngineSettings& settings) {
    sc_options* options = nullptr;
    must(sc_options_new(&options, err()), "sc_options_new");
    must(sc_options_set_durability(options, settings.durability, err()), "sc_options_set_durability");
    if (settings.payment_window_ms > 0)
        must(sc_options_set_payment_window_ms(options, settings.payment_window_ms, err()),
             "sc_options_set_payment_window_ms");
    if (settings.clock)
        must(sc_options_set_clock(options, &ManualClock::read, settings.clock, nullptr, err()), "sc_options_set_clock");
    if (settings.read_connections >= 0)
        must(sc_options_set_read_connections(options, settings.read_connections, err()),
             "sc_options_set_read_connections");
    sc_engine* engine = nullptr;
    must(sc_engine_open(path.c_str(), options, &engine, err()), "sc_engine_open");
    sc_options_free(options);
    return engine;
}

void put_sku(sc_engine* engine, const std::string& sku_id, const std::string& title, const std::string& merchant_id,
             int64_t list_price, int64_t stock) {
    sc_sku* sku = nullptr;
    must(sc_sku_new(sku_id.c_str(), merchant_id.c_str(), title.c_str(), "CNY", list_price, &sku, err()), "sc_sku_new");
    if (stock >= 0) must(sc_sku_set_stock(sku, stock, err()), "sc_sku_set_stock");
    must(sc_engine_sku_put(engine, sku, err()), "sc_engine_sku_put");
    sc_sku_free(sku);
}

Figure& Figure::with(const std::string& key, double v) {
    extra.emplace_back(key, json_number(v));
    return *this;
}

Figure& Figure::with_text(const std::string& key, const std::string& text) {
    extra.emplace_back(key, json_string(text));
    return *this;
}

Figure& Report::add(std::string name, double value, std::string unit) {
    Figure& f = figures_.emplace_back();
    f.name = std::move(name);
    f.value = value;
    f.unit = std::move(unit);
    return f;
}

void Report::write() const {
    const std::filesystem::path dir = "build-bench";
    std::filesystem::create_directories(dir);
    const std::filesystem::path path = dir / (benchmark_ + ".json");
    std::ofstream out(path);
    out << "[\n";
    for (size_t i = 0; i < figures_.size(); ++i) {
        const Figure& f = figures_[i];
        out << "  {\"name\": " << json_string(f.name) << ", \"value\": " << json_number(f.value)
            << ", \"unit\": " << json_string(f.unit);
        if (f.baseline) out << ", \"baseline\": " << json_number(*f.baseline);
        if (f.ratio) out << ", \"ratio\": " << json_number(*f.ratio);
        if (f.target) out << ", \"target\": " << json_number(*f.target);
        if (f.met) out << ", \"met\": " << (*f.met ? "true" : "false");
        for (const auto& [key, text] : f.extra) out << ", " << json_string(key) << ": " << text;
        out << "}" << (i + 1 < figures_.size() ? "," : "") << "\n";
    }
    out << "]\n";
    out.close();
    if (!out) {
        std::fprintf(stderr, "could not write %s\n", path.string().c_str());
        std::exit(1);
    }
    std::printf("figures: %s\n", path.string().c_str());
}

const char* yes_no(bool met) { return met ? "yes" : "NO"; }

struct RawInsertFloor::Impl {
    SQLite::Database db;
    SQLite::Statement insert;
    Impl(const std::string& path, const char* synchronous)
        : db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE), insert(prepare(db, synchronous)) {}
    static SQLite::Statement prepare(SQLite::Database& db, const char* synchronous) {
        db.exec("PRAGMA journal_mode=WAL");
        db.exec(std::string("PRAGMA synchronous=") + synchronous);
        db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        return SQLite::Statement(db, "INSERT INTO t(v) VALUES (?)");
    }
};

RawInsertFloor::RawInsertFloor(const std::string& path, const char* synchronous)
    : impl_(new Impl(path, synchronous)) {}

RawInsertFloor::~RawInsertFloor() { delete impl_; }

double RawInsertFloor::run(int64_t n) {
    const auto start = Clock::now();
    for (int64_t i = 0; i < n; ++i) {
        impl_->db.exec("BEGIN IMMEDIATE");
        impl_->insert.bind(1, "row");
        impl_->insert.exec();
        impl_->insert.reset();
        impl_->db.exec("COMMIT");
    }
    return seconds_since(start);
}

double RawInsertFloor::run_batched(int64_t n, int64_t per_tx) {
    const auto start = Clock::now();
    for (int64_t done = 0; done < n;) {
        impl_->db.exec("BEGIN IMMEDIATE");
        for (int64_t i = 0; i < per_tx && done < n; ++i, ++done) {
            impl_->insert.bind(1, "row");
            impl_->insert.exec();
            impl_->insert.reset();
        }
        impl_->db.exec("COMMIT");
    }
    return seconds_since(start);
}

std::vector<std::vector<double>> by_turns(int64_t per_round, int64_t rounds,
                                          const std::vector<std::function<double(int64_t)>>& runs) {
    const size_t k = runs.size();
    std::vector<std::vector<double>> seconds(k);
    for (int64_t r = 0; r < rounds; ++r)
        for (size_t step = 0; step < k; ++step) {
            const size_t which = (static_cast<size_t>(r) + step) % k;
            seconds[which].push_back(runs[which](per_round));
        }
    return seconds;
}

double rate_of(const std::vector<double>& seconds, int64_t per_round) {
    double total = 0;
    for (double s : seconds) total += s;
    return static_cast<double>(per_round) * static_cast<double>(seconds.size()) / total;
}

std::vector<double> ratios_to(const std::vector<std::vector<double>>& seconds, size_t run, size_t reference) {
    std::vector<double> out;
    for (size_t r = 0; r < seconds[run].size(); ++r) out.push_back(seconds[reference][r] / seconds[run][r]);
    return out;
}

Alternated alternate_rounds(int64_t per_round, int64_t rounds, const std::function<double(int64_t)>& engine,
                            const std::function<double(int64_t)>& raw) {
    const auto seconds = by_turns(per_round, rounds, {engine, raw});
    Alternated m;
    m.engine_per_s = rate_of(seconds[0], per_round);
    m.raw_per_s = rate_of(seconds[1], per_round);
    m.ratios = ratios_to(seconds, 0, 1);
    return m;
}

}  // namespace bench
