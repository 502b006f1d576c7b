// Benchmark `readers`: quotes per second from 1, 2 and 4 reader threads while a writer
// thread keeps writing, on one engine (durability normal, the system clock, the default
// reader connections). Targets: 2 reader threads give >= 1.7x the quotes/s of one, and a
// quote's p99 stays under 1 ms.
//
// The catalog has 50 tracked SKUs and 100 shoppers with 3-line carts whom the readers
// quote at random. The writer works on other users: cart add and set quantity on two
// lines, then checkout and pay (so a third of its calls are checkout or pay). Each
// configuration runs for a fixed window; the configurations alternate over rounds
// (1, 2, 4, 1, 2, 4, ...) and the medians over rounds are reported. The machine has 2
// cores, and the writer competes with the readers for them.
//
// The engine is opened afresh for each configuration (so each starts with the WAL folded
// into the file): the engine's background checkpointer does not shrink the WAL while it
// is open, the writer appends hundreds of MiB per window, and a read costs more the
// longer the WAL is, so one engine kept open would favour whichever configuration ran
// first. The WAL size at the end of each window is printed.
//
//   bench_readers [window_ms=3000] [rounds=3]
#include "support.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <time.h>

using namespace bench;

namespace {

constexpr int64_t kSkus = 50;
constexpr int64_t kShoppers = 100;
constexpr int64_t kWriterUsers = 1000;

std::string sku_id(int64_t j) { return id("s", j); }

struct RunResult {
    double seconds = 0;
    int64_t quotes = 0;
    int64_t writes = 0;
    double reader_cpu = 0;  // CPU seconds the reader threads used
    double writer_cpu = 0;
    Samples latency;  // µs per quote
};

// CPU seconds the calling thread has used.
double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// The writer's position, kept across runs so idempotency keys stay fresh.
struct WriterState {
    int64_t next = 0;
};

void write_until(sc_engine* engine, Clock::time_point deadline, WriterState& state, int64_t& writes) {
    std::mt19937_64 rng(static_cast<uint64_t>(state.next) + 7);
    std::uniform_int_distribution<int64_t> pick_sku(0, kSkus - 1);
    while (Clock::now() < deadline) {
        const int64_t n = state.next++;
        const std::string user = id("w", n % kWriterUsers);
        const std::string key = id("wk", n);
        const std::string a = sku_id(pick_sku(rng));
        const std::string b = sku_id(pick_sku(rng));
        must(sc_engine_cart_add(engine, user.c_str(), a.c_str(), 1, err()), "sc_engine_cart_add");
        must(sc_engine_cart_set_quantity(engine, user.c_str(), a.c_str(), 2, err()), "sc_engine_cart_set_quantity");
        must(sc_engine_cart_add(engine, user.c_str(), b.c_str(), 1, err()), "sc_engine_cart_add");
        must(sc_engine_cart_set_quantity(engine, user.c_str(), b.c_str(), 3, err()), "sc_engine_cart_set_quantity");
        writes += 4;
        if (Clock::now() >= deadline) break;
        sc_order* order = nullptr;
        must(sc_engine_checkout(engine, user.c_str(), NULL, key.c_str(), &order, err()), "sc_engine_checkout");
        must(sc_engine_order_pay(engine, sc_order_id(order), key.c_str(), sc_order_total(order), key.c_str(), nullptr,
                                 err()),
             "sc_engine_order_pay");
        sc_order_free(order);
        writes += 2;
    }
}

void quote_until(sc_engine* engine, Clock::time_point deadline, uint64_t seed, int64_t& quotes, Samples& latency) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int64_t> pick_user(0, kShoppers - 1);
    std::vector<std::string> users;
    for (int64_t i = 0; i < kShoppers; ++i) users.push_back(id("r", i));
    latency.reserve(200'000);
    for (;;) {
        const std::string& user = users[static_cast<size_t>(pick_user(rng))];
        const auto start = Clock::now();
        if (start >= deadline) break;
        sc_quote* quote = nullptr;
        must(sc_engine_quote(engine, user.c_str(), NULL, &quote, err()), "sc_engine_quote");
        const size_t lines = sc_quote_line_count(quote);
        sc_quote_free(quote);
        latency.add(micros_since(start));
        if (lines != 3) {
            std::fprintf(stderr, "quote of %s has %zu lines, expected 3\n", user.c_str(), lines);
            std::exit(1);
        }
        ++quotes;
    }
}

RunResult run(sc_engine* engine, int readers, int64_t window_ms, WriterState& writer_state, uint64_t seed) {
    std::atomic<bool> go{false};
    Clock::time_point deadline;
    std::vector<int64_t> quotes(static_cast<size_t>(readers), 0);
    std::vector<Samples> latency(static_cast<size_t>(readers));
    std::vector<double> cpu(static_cast<size_t>(readers), 0);
    int64_t writes = 0;
    double writer_cpu = 0;
    std::vector<std::thread> threads;
    auto wait_for_go = [&] {
        while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
    };
    threads.emplace_back([&] {
        wait_for_go();
        const double cpu0 = thread_cpu_seconds();
        write_until(engine, deadline, writer_state, writes);
        writer_cpu = thread_cpu_seconds() - cpu0;
    });
    for (int t = 0; t < readers; ++t) {
        threads.emplace_back([&, t] {
            wait_for_go();
            const auto i = static_cast<size_t>(t);
            const double cpu0 = thread_cpu_seconds();
            quote_until(engine, deadline, seed + i, quotes[i], latency[i]);
            cpu[i] = thread_cpu_seconds() - cpu0;
        });
    }
    const auto start = Clock::now();
    deadline = start + std::chrono::milliseconds(window_ms);
    go.store(true, std::memory_order_release);
    for (auto& thread : threads) thread.join();
    RunResult result;
    result.seconds = seconds_since(start);
    result.writes = writes;
    result.writer_cpu = writer_cpu;
    for (int t = 0; t < readers; ++t) {
        result.quotes += quotes[static_cast<size_t>(t)];
        result.reader_cpu += cpu[static_cast<size_t>(t)];
        result.latency.merge(latency[static_cast<size_t>(t)]);
    }
    return result;
}

struct Config {
    int readers;
    std::vector<double> quotes_per_s, ratio_to_one, p50, p99, writes_per_s, reader_cores, cpu_per_quote, writer_cores,
        wal_mib;
    Samples pooled;
};

}  // namespace

int main(int argc, char** argv) {
    const int64_t window_ms = arg(argc, argv, 1, 3000, 100);
    const int64_t rounds = arg(argc, argv, 2, 3);
    std::printf("socialcart %s · readers: sc_engine_quote from 1, 2 and 4 threads while one writer thread writes;\n"
                "%lld ms per configuration, %lld rounds alternating 1, 2, 4; %u hardware threads here\n\n",
                sc_version(), static_cast<long long>(window_ms), static_cast<long long>(rounds),
                std::thread::hardware_concurrency());

    const TempDb file("sc-bench-readers.db");
    EngineSettings settings;
    settings.durability = SC_DURABILITY_NORMAL;
    sc_engine* engine = open_engine(file.path(), settings);
    for (int64_t j = 0; j < kSkus; ++j) put_sku(engine, sku_id(j), id("Item ", j), id("m", j % 5), 100 + 7 * j, 1'000'000'000);
    for (int64_t i = 0; i < kShoppers; ++i) {
        const std::string user = id("r", i);
        for (int64_t k = 0; k < 3; ++k) {
            const std::string sku = sku_id((i * 7 + k * 13) % kSkus);
            must(sc_engine_cart_add(engine, user.c_str(), sku.c_str(), 1 + k, err()), "sc_engine_cart_add");
        }
    }

    sc_engine_close(engine);
    WriterState writer_state;

    std::vector<Config> configs = {{1, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}},
                                   {2, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}},
                                   {4, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}}};
    for (int64_t r = 0; r < rounds; ++r) {
        double one = 0;
        for (Config& c : configs) {
            engine = open_engine(file.path(), settings);
            const RunResult result =
                run(engine, c.readers, window_ms, writer_state, static_cast<uint64_t>(1000 * r + 10 * c.readers));
            const double wal_mib = static_cast<double>(file.wal_bytes()) / 1048576.0;
            sc_engine_close(engine);
            const double qps = static_cast<double>(result.quotes) / result.seconds;
            if (c.readers == 1) one = qps;
            c.quotes_per_s.push_back(qps);
            c.ratio_to_one.push_back(qps / one);
            c.p50.push_back(result.latency.median());
            c.p99.push_back(result.latency.p99());
            c.writes_per_s.push_back(static_cast<double>(result.writes) / result.seconds);
            c.reader_cores.push_back(result.reader_cpu / result.seconds);
            c.cpu_per_quote.push_back(1e6 * result.reader_cpu / static_cast<double>(result.quotes));
            c.writer_cores.push_back(result.writer_cpu / result.seconds);
            c.pooled.merge(result.latency);
            c.wal_mib.push_back(wal_mib);
            std::printf("  round %lld, %d reader(s): %7.0f quotes/s, p99 %7.1f µs, readers %.2f cores, %5.1f µs "
                        "CPU/quote; writer %5.0f calls/s, %.2f cores; WAL %.1f MiB\n",
                        static_cast<long long>(r + 1), c.readers, qps, result.latency.p99(),
                        result.reader_cpu / result.seconds, 1e6 * result.reader_cpu / static_cast<double>(result.quotes),
                        static_cast<double>(result.writes) / result.seconds, result.writer_cpu / result.seconds,
                        wal_mib);
        }
    }

    std::printf("\n%-8s | %10s %11s %9s | %9s %9s %9s %6s | %9s %9s | %10s\n", "readers", "quotes/s", "vs 1 thread",
                "target", "p50", "p99", "max", "<1ms", "rd cores", "cpu/quote", "writer/s");
    Report report("readers");
    const double one = median(configs[0].quotes_per_s);
    for (const Config& c : configs) {
        const double qps = median(c.quotes_per_s);
        const double ratio = median(c.ratio_to_one);
        const double p99 = median(c.p99);
        const bool p99_met = p99 < 1000;
        char target[32] = "";
        if (c.readers == 2) std::snprintf(target, sizeof target, ">=1.7 %s", yes_no(ratio >= 1.7));
        std::printf("%-8d | %10.0f %10.2fx %9s | %9.1f %9.1f %9.1f %6s | %9.2f %9.1f | %10.0f\n", c.readers, qps, ratio,
                    target, median(c.p50), p99, c.pooled.max(), yes_no(p99_met), median(c.reader_cores),
                    median(c.cpu_per_quote), median(c.writes_per_s));

        const std::string prefix = id("readers.threads_", c.readers);
        Figure& throughput = report.add(prefix + ".quotes_per_s", qps, "quotes/s")
                                 .with_baseline(one)
                                 .with_ratio(ratio)
                                 .with("ratio_min", min_of(c.ratio_to_one))
                                 .with("ratio_max", max_of(c.ratio_to_one))
                                 .with("per_thread_quotes_per_s", qps / c.readers)
                                 .with("reader_cpu_cores", median(c.reader_cores))
                                 .with("reader_cpu_us_per_quote", median(c.cpu_per_quote))
                                 .with("writer_cpu_cores", median(c.writer_cores))
                                 .with("wal_mib_after_max", max_of(c.wal_mib))
                                 .with_text("ratio_is", "median over rounds of (quotes/s here) / (quotes/s with 1 "
                                                        "reader thread, same round); writer running in both");
        if (c.readers == 2) throughput.with_target(1.7, ratio >= 1.7);
        report.add(prefix + ".quote_p99", p99, "us")
            .with_target(1000, p99_met)
            .with("pooled_p99", c.pooled.p99())
            .with("max", c.pooled.max())
            .with_text("value_is", "median over rounds of the round's p99");
        report.add(prefix + ".quote_p50", median(c.p50), "us");
        report.add(prefix + ".writer_calls_per_s", median(c.writes_per_s), "calls/s");
    }
    std::printf("\ntimes in µs; medians over rounds; vs 1 thread = median of per-round ratios; rd cores = CPU the\n"
                "reader threads got (thread CPU time / window); cpu/quote = reader CPU µs per quote; writer/s =\n"
                "writer calls per second (cart add, set quantity, checkout, pay). Note: %u hardware threads, and\n"
                "the writer (and anything else on the machine) competes with the readers for them.\n",
                std::thread::hardware_concurrency());
    report.write();
    return 0;
}
