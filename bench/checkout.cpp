// Benchmark `checkout`: the engine's write transactions per second beside the floor of
// raw single-row INSERT transactions (BEGIN IMMEDIATE; INSERT; COMMIT) on the same
// SQLite settings (WAL, the same synchronous level), for durability full and normal.
//
// Each order is cart add + checkout + pay of a 1-line order: 3 write transactions. The
// machine is shared and noisy, so the engine and the floor run in short alternating
// rounds of equal transaction counts, and the ratio reported is the median of the
// per-round ratios (with its spread).
//
//   bench_checkout [orders=3000] [rounds=15]     orders per durability setting
#include "support.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

using namespace bench;

namespace {

struct Setting {
    sc_durability_t durability;
    const char* name;
    const char* synchronous;
};

class EngineOrders {
public:
    EngineOrders(const std::string& path, sc_durability_t durability) {
        EngineSettings settings;
        settings.durability = durability;
        engine_ = open_engine(path, settings);
        put_sku(engine_, "tea", "Tea", "m1", 6800, 1'000'000'000);
    }
    ~EngineOrders() { sc_engine_close(engine_); }
    EngineOrders(const EngineOrders&) = delete;
    EngineOrders& operator=(const EngineOrders&) = delete;

    // Places n orders (3 write transactions each); returns the seconds they took.
    double run(int64_t n) {
        const auto start = Clock::now();
        for (int64_t i = 0; i < n; ++i, ++next_) {
            const std::string user = id("u", next_ % 100);
            const std::string key = id("k", next_);
            must(sc_engine_cart_add(engine_, user.c_str(), "tea", 1, err()), "sc_engine_cart_add");
            sc_order* order = nullptr;
            must(sc_engine_checkout(engine_, user.c_str(), NULL, key.c_str(), &order, err()), "sc_engine_checkout");
            must(sc_engine_order_pay(engine_, sc_order_id(order), key.c_str(), sc_order_total(order), key.c_str(),
                                     nullptr, err()),
                 "sc_engine_order_pay");
            sc_order_free(order);
        }
        return seconds_since(start);
    }

private:
    sc_engine* engine_ = nullptr;
    int64_t next_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
    const int64_t rounds = arg(argc, argv, 2, 15);
    const int64_t per_round = std::max<int64_t>(1, arg(argc, argv, 1, 3000) / rounds);
    const int64_t orders = per_round * rounds;
    std::printf("socialcart %s · checkout: %lld orders per setting (cart add + checkout + pay = 3 write tx each)\n"
                "in %lld alternating rounds of %lld orders and %lld raw single-row INSERT transactions\n\n",
                sc_version(), static_cast<long long>(orders), static_cast<long long>(rounds),
                static_cast<long long>(per_round), static_cast<long long>(per_round * 3));
    std::printf("%-10s %13s %10s %13s %15s %9s %9s %12s\n", "durability", "engine tx/s", "orders/s", "raw tx/s",
                "ratio (median)", "min", "max", "WAL eng/raw");

    Report report("checkout");
    for (const Setting& s : {Setting{SC_DURABILITY_FULL, "full", "FULL"},
                             Setting{SC_DURABILITY_NORMAL, "normal", "NORMAL"}}) {
        const TempDb engine_db("sc-bench-checkout-engine.db");
        const TempDb raw_db("sc-bench-checkout-raw.db");
        EngineOrders engine(engine_db.path(), s.durability);
        RawInsertFloor raw(raw_db.path(), s.synchronous);
        engine.run(20);  // warm up both (statement caches, first pages)
        raw.run(60);

        std::vector<double> ratios;
        double engine_seconds = 0;
        double raw_seconds = 0;
        for (int64_t r = 0; r < rounds; ++r) {
            double e = 0;
            double w = 0;
            if (r % 2 == 0) {
                e = engine.run(per_round);
                w = raw.run(per_round * 3);
            } else {
                w = raw.run(per_round * 3);
                e = engine.run(per_round);
            }
            engine_seconds += e;
            raw_seconds += w;
            ratios.push_back(w / e);  // (3n / e) / (3n / w)
        }
        const double engine_tx = static_cast<double>(orders * 3) / engine_seconds;
        const double raw_tx = static_cast<double>(orders * 3) / raw_seconds;
        const double ratio = median(ratios);
        const double engine_wal = static_cast<double>(engine_db.wal_bytes()) / 1048576.0;
        const double raw_wal = static_cast<double>(raw_db.wal_bytes()) / 1048576.0;
        char wal[32];
        std::snprintf(wal, sizeof wal, "%.0f/%.0f MiB", engine_wal, raw_wal);
        std::printf("%-10s %13.0f %10.0f %13.0f %14.1f%% %8.1f%% %8.1f%% %12s\n", s.name, engine_tx, engine_tx / 3,
                    raw_tx, 100 * ratio, 100 * min_of(ratios), 100 * max_of(ratios), wal);

        const std::string prefix = std::string("checkout.") + s.name;
        report.add(prefix + ".engine_write_tx_per_s", engine_tx, "tx/s")
            .with_baseline(raw_tx)
            .with_ratio(ratio)
            .with("ratio_min", min_of(ratios))
            .with("ratio_max", max_of(ratios))
            .with("rounds", static_cast<double>(rounds))
            .with("orders", static_cast<double>(orders))
            .with_text("ratio_is", "median over rounds of (engine write tx/s) / (raw insert tx/s)");
        report.add(prefix + ".orders_per_s", engine_tx / 3, "orders/s");
        report.add(prefix + ".raw_insert_tx_per_s", raw_tx, "tx/s");
        report.add(prefix + ".engine_wal_mib_at_end", engine_wal, "MiB").with_baseline(raw_wal);
    }
    std::printf("\nratio = engine write tx/s / raw insert tx/s, per round; the median and the spread over rounds.\n"
                "WAL = size of the engine's / the floor's WAL at the end, before closing (the floor checkpoints\n"
                "automatically every 1000 pages).\n");
    report.write();
    return 0;
}
