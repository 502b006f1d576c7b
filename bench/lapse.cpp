// Benchmark `lapse`: 10k unpaid orders lapse at once (the injected clock jumps past the
// payment window); then a mixed workload runs until sc_engine_sweep reports nothing more
// to settle, and every call is timed. Target: no call takes more than 10 ms (settling
// is paid in bounded steps, never all at once by one caller).
//
// Setup: 20 tracked SKUs whose stock is exactly what the 10k orders hold (every 4th
// order has 2 lines), so after the lapse every unit of every SKU is held by a lapsed
// order. One cycle of the workload, for a fresh user and SKU c % 20:
//   cart add → quote → order get (of a lapsed order) → checkout (of that SKU, whose stock
//   is all held by lapsed orders) → pay (of the order just placed) → sweep (page of 100)
// Durability normal: the figures are the engine's work, not the disk's.
//
//   bench_lapse [orders=10000] [sweep_every=1]    sweep once every sweep_every cycles
#include "support.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace bench;

namespace {

constexpr int64_t kSkus = 20;
constexpr int64_t kWindowMs = 15 * 60 * 1000;
constexpr double kTargetUs = 10'000;

std::string sku_id(int64_t j) { return id("sku", j); }

// The SKUs of the index-th unpaid order.
std::vector<int64_t> order_skus(int64_t i) {
    std::vector<int64_t> skus = {i % kSkus};
    if (i % 4 == 0) skus.push_back((i + 7) % kSkus);
    return skus;
}

enum Call { kCartAdd, kQuote, kOrderGet, kCheckout, kPay, kSweep, kCalls };
const char* const kCallNames[kCalls] = {"cart_add", "quote", "order_get", "checkout", "pay", "sweep"};

}  // namespace

int main(int argc, char** argv) {
    const int64_t orders = arg(argc, argv, 1, 10'000);
    const int64_t sweep_every = arg(argc, argv, 2, 1);
    std::printf("socialcart %s · lapse: %lld unpaid orders on %lld SKUs lapse at once; then cycles of cart add,\n"
                "quote, order get (lapsed), checkout (stock all held by lapsed orders), pay, and a sweep of 100\n"
                "every %lld cycle(s), until the sweep reports no more; every call timed; durability normal\n\n",
                sc_version(), static_cast<long long>(orders), static_cast<long long>(kSkus),
                static_cast<long long>(sweep_every));

    const TempDb file("sc-bench-lapse.db");
    ManualClock clock;
    EngineSettings settings;
    settings.durability = SC_DURABILITY_NORMAL;
    settings.payment_window_ms = kWindowMs;
    settings.clock = &clock;
    sc_engine* engine = open_engine(file.path(), settings);

    std::vector<int64_t> demand(static_cast<size_t>(kSkus), 0);
    for (int64_t i = 0; i < orders; ++i)
        for (const int64_t j : order_skus(i)) ++demand[static_cast<size_t>(j)];
    for (int64_t j = 0; j < kSkus; ++j)
        put_sku(engine, sku_id(j), id("Item ", j), id("m", j % 3), 1000 + 100 * j, demand[static_cast<size_t>(j)]);

    const auto setup = Clock::now();
    std::vector<std::string> unpaid;
    unpaid.reserve(static_cast<size_t>(orders));
    for (int64_t i = 0; i < orders; ++i) {
        const std::string user = id("u", i);
        for (const int64_t j : order_skus(i))
            must(sc_engine_cart_add(engine, user.c_str(), sku_id(j).c_str(), 1, err()), "sc_engine_cart_add");
        const std::string key = id("k", i);
        sc_order* order = nullptr;
        must(sc_engine_checkout(engine, user.c_str(), NULL, key.c_str(), &order, err()), "sc_engine_checkout");
        unpaid.emplace_back(sc_order_id(order));
        sc_order_free(order);
        clock.advance(10);
    }
    const double setup_wal = static_cast<double>(file.wal_bytes());
    std::printf("placed %lld unpaid orders in %.1f s; every unit of every SKU is held; WAL %.1f MiB\n",
                static_cast<long long>(orders), seconds_since(setup), setup_wal / 1048576.0);

    clock.advance(kWindowMs + 60'000);  // every deadline has passed

    Samples samples[kCalls];
    Samples all;
    int64_t swept = 0;
    int64_t cycles = 0;
    int64_t unexpected_states = 0;
    double first_sweep_us = -1;
    bool more = true;
    const auto mix_start = Clock::now();
    auto timed = [&](Call call, auto&& fn) {
        const double us = time_us(fn);
        samples[call].add(us);
        all.add(us);
        clock.advance(1);
    };
    while (more) {
        const int64_t c = cycles++;
        const std::string user = id("fresh", c);
        const std::string sku = sku_id(c % kSkus);
        const std::string key = id("fk", c);
        const std::string& lapsed = unpaid[static_cast<size_t>((c * 7919) % orders)];
        sc_order* order = nullptr;

        timed(kCartAdd, [&] { must(sc_engine_cart_add(engine, user.c_str(), sku.c_str(), 1, err()), "sc_engine_cart_add"); });
        timed(kQuote, [&] {
            sc_quote* quote = nullptr;
            must(sc_engine_quote(engine, user.c_str(), NULL, &quote, err()), "sc_engine_quote");
            sc_quote_free(quote);
        });
        timed(kOrderGet, [&] {
            sc_order* got = nullptr;
            must(sc_engine_order_get(engine, lapsed.c_str(), &got, err()), "sc_engine_order_get");
            if (sc_order_state(got) != SC_ORDER_CANCELLED || sc_order_cancel_reason(got) != SC_CANCEL_PAYMENT_LAPSED)
                ++unexpected_states;
            sc_order_free(got);
        });
        timed(kCheckout, [&] {
            must(sc_engine_checkout(engine, user.c_str(), NULL, key.c_str(), &order, err()), "sc_engine_checkout");
        });
        timed(kPay, [&] {
            must(sc_engine_order_pay(engine, sc_order_id(order), key.c_str(), sc_order_total(order), key.c_str(),
                                     nullptr, err()),
                 "sc_engine_order_pay");
        });
        sc_order_free(order);
        if ((c + 1) % sweep_every == 0) {
            int64_t settled = 0;
            timed(kSweep, [&] { must(sc_engine_sweep(engine, 100, &settled, &more, err()), "sc_engine_sweep"); });
            if (first_sweep_us < 0) first_sweep_us = samples[kSweep].max();
            swept += settled;
        }
    }
    const double mix_seconds = seconds_since(mix_start);

    // Every lapsed order must now read as cancelled, and all stock must be free again.
    int64_t left_held = 0;
    for (int64_t j = 0; j < kSkus; ++j) {
        sc_sku* s = nullptr;
        must(sc_engine_sku_get(engine, sku_id(j).c_str(), &s, err()), "sc_engine_sku_get");
        left_held += sc_sku_stock_on_hand(s) - sc_sku_stock_available(s);
        sc_sku_free(s);
    }
    const double end_wal = static_cast<double>(file.wal_bytes());
    sc_engine_close(engine);

    const bool met = all.max() <= kTargetUs;
    std::printf("settled everything in %lld cycles, %zu calls, %.2f s; sweeps settled %lld of %lld, writes the rest\n",
                static_cast<long long>(cycles), all.count(), mix_seconds, static_cast<long long>(swept),
                static_cast<long long>(orders));
    std::printf("first sweep page of 100: %.1f µs; WAL at the end %.1f MiB; times below in µs\n\n", first_sweep_us,
                end_wal / 1048576.0);
    std::printf("%-10s %7s | %9s %9s %9s %9s | %6s\n", "call", "count", "p50", "p99", "max", "mean", "<10ms");
    Report report("lapse");
    auto row = [&](const char* name, const Samples& s) {
        const bool ok = s.max() <= kTargetUs;
        std::printf("%-10s %7zu | %9.1f %9.1f %9.1f %9.1f | %6s\n", name, s.count(), s.median(), s.p99(), s.max(),
                    s.mean(), yes_no(ok));
        const std::string prefix = std::string("lapse.") + name;
        report.add(prefix + ".max", s.max(), "us").with_target(kTargetUs, ok).with("count", static_cast<double>(s.count()));
        report.add(prefix + ".p99", s.p99(), "us");
        report.add(prefix + ".p50", s.median(), "us");
    };
    for (int k = 0; k < kCalls; ++k) row(kCallNames[k], samples[k]);
    row("all", all);
    std::printf("\ntarget: no call over 10 ms: %s\n", yes_no(met));
    if (unexpected_states > 0 || left_held != 0)
        std::printf("UNEXPECTED: %lld order reads not cancelled/payment_lapsed; %lld units still held\n",
                    static_cast<long long>(unexpected_states), static_cast<long long>(left_held));

    report.add("lapse.no_call_over_10ms", met ? 1 : 0, "bool").with_target(1, met).with("max_us", all.max());
    report.add("lapse.calls_to_settle", static_cast<double>(all.count()), "calls")
        .with("cycles", static_cast<double>(cycles))
        .with("seconds", mix_seconds)
        .with("settled_by_sweeps", static_cast<double>(swept))
        .with("lapsed_orders", static_cast<double>(orders));
    report.add("lapse.first_sweep_page_100", first_sweep_us, "us");
    report.add("lapse.wal_bytes_after", end_wal, "bytes").with("after_setup", setup_wal);
    report.add("lapse.sweep_page_100_p50", samples[kSweep].median(), "us");
    report.add("lapse.unexpected_order_states", static_cast<double>(unexpected_states), "reads");
    report.add("lapse.units_still_held_after", static_cast<double>(left_held), "units");
    report.write();
    return 0;
}
