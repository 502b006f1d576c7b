// Benchmark `hot_sku`: cart add and checkout of one tracked SKU while 10k unpaid orders
// hold it (payment window 7 days, so none lapses), against a second file with the same
// SKU and no holds. The holds are placed through the engine (10k users: cart add +
// checkout). Target: p99 with the holds within 2x of the p99 without.
//
// Both engines are open side by side and measured in alternating rounds (the machine is shared
// and noisy). Each measured order uses a fresh user: cart add (timed), checkout (timed),
// then pay (not timed), so the measured orders add no held holds to either file.
// Durability normal: the figures are the engine's work, not the disk's. Both engines are
// closed and reopened after the setup, so that both are measured from a file with its WAL
// folded in: the engine's background checkpointer does not shrink the WAL while it is
// open, and the 20k setup transactions would otherwise leave only the held side with a
// long WAL, which slows every read of it (see bench readers).
//
//   bench_hot_sku [holds=10000] [orders=2000]     orders measured per file
#include "support.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace bench;

namespace {

constexpr int64_t kWeekMs = 7LL * 24 * 3600 * 1000;
constexpr int64_t kRounds = 20;

struct Side {
    const char* name;
    sc_engine* engine;
    ManualClock* clock;
    int64_t next_user = 0;
    Samples add, checkout;
};

// Measures n orders on one side: a fresh user adds the SKU and checks out (timed), then pays.
void measure(Side& side, int64_t n, Samples& add_round, Samples& checkout_round) {
    for (int64_t i = 0; i < n; ++i) {
        const std::string user = id("buyer", side.next_user++);
        const std::string key = id("m-", side.next_user);
        sc_order* order = nullptr;
        const double add =
            time_us([&] { must(sc_engine_cart_add(side.engine, user.c_str(), "hot", 1, err()), "sc_engine_cart_add"); });
        side.clock->advance(1000);
        const double checkout = time_us([&] {
            must(sc_engine_checkout(side.engine, user.c_str(), NULL, key.c_str(), &order, err()), "sc_engine_checkout");
        });
        side.clock->advance(1000);
        must(sc_engine_order_pay(side.engine, sc_order_id(order), key.c_str(), sc_order_total(order), key.c_str(),
                                 nullptr, err()),
             "sc_engine_order_pay");
        sc_order_free(order);
        side.add.add(add);
        side.checkout.add(checkout);
        add_round.add(add);
        checkout_round.add(checkout);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const int64_t holds = arg(argc, argv, 1, 10'000, 0);
    const int64_t per_round = std::max<int64_t>(1, arg(argc, argv, 2, 2000) / kRounds);
    std::printf("socialcart %s · hot_sku: one tracked SKU with %lld unpaid holds (window 7 days) vs the same SKU\n"
                "with none; %lld orders per file in %lld alternating rounds (fresh user: cart add + checkout timed,\n"
                "pay untimed); durability normal\n\n",
                sc_version(), static_cast<long long>(holds), static_cast<long long>(per_round * kRounds),
                static_cast<long long>(kRounds));

    const TempDb held_file("sc-bench-hot-sku-held.db");
    const TempDb free_file("sc-bench-hot-sku-free.db");
    ManualClock held_clock;
    ManualClock free_clock;
    EngineSettings settings;
    settings.durability = SC_DURABILITY_NORMAL;
    settings.payment_window_ms = kWeekMs;
    const int64_t stock = 1'000'000;

    settings.clock = &held_clock;
    Side held{"with holds", open_engine(held_file.path(), settings), &held_clock, 0, {}, {}};
    settings.clock = &free_clock;
    Side none{"without", open_engine(free_file.path(), settings), &free_clock, 0, {}, {}};
    for (Side* side : {&held, &none}) put_sku(side->engine, "hot", "Hot item", "m1", 9900, stock);

    const auto setup = Clock::now();
    for (int64_t i = 0; i < holds; ++i) {
        const std::string user = id("holder", i);
        const std::string key = id("h-", i);
        must(sc_engine_cart_add(held.engine, user.c_str(), "hot", 1, err()), "sc_engine_cart_add");
        sc_order* order = nullptr;
        must(sc_engine_checkout(held.engine, user.c_str(), NULL, key.c_str(), &order, err()), "sc_engine_checkout");
        sc_order_free(order);
        held_clock.advance(10);
    }
    sc_sku* sku = nullptr;
    must(sc_engine_sku_get(held.engine, "hot", &sku, err()), "sc_engine_sku_get");
    const int64_t available = sc_sku_stock_available(sku);
    sc_sku_free(sku);
    std::printf("placed %lld holds in %.1f s; stock available %lld of %lld\n", static_cast<long long>(holds),
                seconds_since(setup), static_cast<long long>(available), static_cast<long long>(stock));
    if (available != stock - holds) {
        std::fprintf(stderr, "unexpected: %lld available, expected %lld\n", static_cast<long long>(available),
                     static_cast<long long>(stock - holds));
        return 1;
    }
    std::printf("WAL after the setup: %.1f MiB; closing and reopening both engines\n",
                static_cast<double>(held_file.wal_bytes()) / 1048576.0);
    sc_engine_close(held.engine);
    sc_engine_close(none.engine);
    settings.clock = &held_clock;
    held.engine = open_engine(held_file.path(), settings);
    settings.clock = &free_clock;
    none.engine = open_engine(free_file.path(), settings);

    // Warm up both, then alternate.
    Samples ignored_add, ignored_checkout;
    for (Side* side : {&held, &none}) {
        measure(*side, 50, ignored_add, ignored_checkout);
        side->add = {};
        side->checkout = {};
    }
    std::vector<double> add_p50_ratios, checkout_p50_ratios;
    for (int64_t r = 0; r < kRounds; ++r) {
        Samples add_a, checkout_a, add_b, checkout_b;
        if (r % 2 == 0) {
            measure(held, per_round, add_a, checkout_a);
            measure(none, per_round, add_b, checkout_b);
        } else {
            measure(none, per_round, add_b, checkout_b);
            measure(held, per_round, add_a, checkout_a);
        }
        add_p50_ratios.push_back(add_a.median() / add_b.median());
        checkout_p50_ratios.push_back(checkout_a.median() / checkout_b.median());
    }
    const double held_wal = static_cast<double>(held_file.wal_bytes());
    const double free_wal = static_cast<double>(free_file.wal_bytes());
    sc_engine_close(held.engine);
    sc_engine_close(none.engine);
    std::printf("WAL after measuring: %.1f MiB with the holds, %.1f MiB without\n", held_wal / 1048576.0,
                free_wal / 1048576.0);
    std::printf("\n%-10s | %12s %12s | %12s %12s | %9s %7s | %9s\n", "call", "p50 holds", "p50 none", "p99 holds",
                "p99 none", "p99 ratio", "<2x", "p50 ratio");
    Report report("hot_sku");
    struct Row {
        const char* name;
        const Samples& a;
        const Samples& b;
        const std::vector<double>& p50_ratios;
    };
    for (const Row& row : {Row{"cart_add", held.add, none.add, add_p50_ratios},
                           Row{"checkout", held.checkout, none.checkout, checkout_p50_ratios}}) {
        const double p99_ratio = row.a.p99() / row.b.p99();
        const bool met = p99_ratio <= 2.0;
        const double p50_ratio = median(row.p50_ratios);
        std::printf("%-10s | %12.1f %12.1f | %12.1f %12.1f | %8.2fx %7s | %8.2fx\n", row.name, row.a.median(),
                    row.b.median(), row.a.p99(), row.b.p99(), p99_ratio, yes_no(met), p50_ratio);
        const std::string prefix = std::string("hot_sku.") + row.name;
        report.add(prefix + ".p99", row.a.p99(), "us")
            .with_baseline(row.b.p99())
            .with_ratio(p99_ratio)
            .with_target(2.0, met)
            .with("holds", static_cast<double>(holds))
            .with("samples", static_cast<double>(row.a.count()))
            .with_text("ratio_is", "p99 with the holds / p99 without, over all rounds");
        report.add(prefix + ".p50", row.a.median(), "us")
            .with_baseline(row.b.median())
            .with_ratio(p50_ratio)
            .with("ratio_min", min_of(row.p50_ratios))
            .with("ratio_max", max_of(row.p50_ratios))
            .with_text("ratio_is", "median over rounds of (p50 with the holds) / (p50 without)");
        report.add(prefix + ".max", row.a.max(), "us").with_baseline(row.b.max());
    }
    std::printf("\ntimes in µs; p99 ratio = p99 with the holds / p99 without (all rounds pooled); target within 2x\n"
                "p50 ratio = median over rounds of the per-round p50 ratio\n");
    report.add("hot_sku.wal_bytes_after", held_wal, "bytes").with_baseline(free_wal);
    report.write();
    return 0;
}
