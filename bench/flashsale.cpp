// Benchmark `flashsale`: flash-sale checkouts per second with 16 threads buying one slot's
// stock (durability normal), beside the raw single-row INSERT transaction rate on the same
// SQLite settings, measured in alternating rounds in the same run (the machine is shared
// and noisy: only ratios from one run compare).
//
// Each round puts a sale whose slot runs now with `stock` units, then 16 threads check out
// one unit each for fresh shoppers until every thread is told SC_ERR_OUT_OF_STOCK. A
// checkout re-prices, creates the order and holds one unit of the slot: one write
// transaction. After each round the benchmark checks that exactly `stock` checkouts
// succeeded and the slot reads `stock` units held and none left, and prints it.
//
//   bench_flashsale [stock=2000] [rounds=5] [threads=16]
#include "support.hpp"

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

using namespace bench;

namespace {

constexpr int64_t kDay = 24 * 3600 * 1000;

// A sale with one slot a day, 00:00 for 24 h, so a slot runs whenever the round starts.
std::string sale_json(const std::string& id, int64_t stock) {
    return "{\"id\":\"" + id +
           "\",\"sku_id\":\"tea\",\"sale_price\":990,\"starts_at\":0,\"ends_at\":4102444800000,"
           "\"slots\":[{\"start\":\"00:00\",\"minutes\":1440}],\"stock_per_slot\":" +
           std::to_string(stock) + ",\"max_units_per_order\":1,\"max_units_per_user_per_day\":1}";
}

struct Storm {
    int64_t sold = 0;       // checkouts that held a unit
    int64_t sold_out = 0;   // checkouts told SC_ERR_OUT_OF_STOCK
    double seconds = 0;
};

Storm storm(sc_engine* engine, const std::string& sale, int64_t slot, int64_t round, int64_t threads) {
    std::atomic<int64_t> sold{0}, refused{0}, next_user{0};
    const auto start = Clock::now();
    std::vector<std::thread> pool;
    for (int64_t t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            sc_checkout_request* request = nullptr;
            must(sc_checkout_request_new(&request, err()), "sc_checkout_request_new");
            must(sc_checkout_request_set_flash_sale(request, sale.c_str(), slot, 1, err()),
                 "sc_checkout_request_set_flash_sale");
            for (;;) {
                const std::string user = id(id("r", round) + "-buyer-", next_user++);
                sc_order* order = nullptr;
                const sc_status_t st = sc_engine_checkout(engine, user.c_str(), request, user.c_str(), &order, err());
                if (st == SC_ERR_OUT_OF_STOCK) {
                    ++refused;
                    break;
                }
                must(st, "sc_engine_checkout");
                sc_order_free(order);
                ++sold;
            }
            sc_checkout_request_free(request);
        });
    for (auto& th : pool) th.join();
    return Storm{sold.load(), refused.load(), seconds_since(start)};
}

// The slot holds exactly `stock` units and has none left.
bool exactly_sold_out(sc_engine* engine, const std::string& sale, int64_t slot, int64_t stock) {
    sc_flash_report* report = nullptr;
    must(sc_engine_flash_report(engine, sale.c_str(), slot, &report, err()), "sc_engine_flash_report");
    const int64_t held = sc_flash_report_get(report, SC_FLASH_REPORT_HELD);
    const int64_t left = sc_flash_report_get(report, SC_FLASH_REPORT_LEFT);
    sc_flash_report_free(report);
    if (held != stock || left != 0)
        std::fprintf(stderr, "slot of %s: %lld held, %lld left of %lld\n", sale.c_str(), static_cast<long long>(held),
                     static_cast<long long>(left), static_cast<long long>(stock));
    return held == stock && left == 0;
}

}  // namespace

int main(int argc, char** argv) {
    const int64_t stock = arg(argc, argv, 1, 2000);
    const int64_t rounds = arg(argc, argv, 2, 5);
    const int64_t threads = arg(argc, argv, 3, 16);
    std::printf("socialcart %s · flashsale: %lld threads buy a slot's %lld units per round, %lld rounds,\n"
                "durability normal, beside as many raw single-row INSERT transactions\n\n",
                sc_version(), static_cast<long long>(threads), static_cast<long long>(stock),
                static_cast<long long>(rounds));
    TempDb file("flashsale");
    TempDb raw_file("flashsale-raw");
    ManualClock clock;
    EngineSettings settings;
    settings.clock = &clock;
    sc_engine* engine = open_engine(file.path(), settings);
    put_sku(engine, "tea", "Tea", "m1", 4400, -1);
    RawInsertFloor raw(raw_file.path(), "NORMAL");
    const int64_t slot = clock.now() - clock.now() % kDay;

    std::vector<double> ratios, raw_rates;
    int64_t total_sold = 0, total_refused = 0;
    double total_seconds = 0;
    bool exact = true;
    std::printf("%-6s %14s %12s %8s %10s %s\n", "round", "checkouts/s", "raw tx/s", "ratio", "told out",
                "exactly the stock held, none oversold");
    for (int64_t r = 0; r < rounds; ++r) {
        const std::string sale = id("bench-", r);
        must(sc_engine_flash_sale_put(engine, sale_json(sale, stock).c_str(), err()), "sc_engine_flash_sale_put");
        double raw_s = 0;
        if (r % 2 == 1) raw_s = raw.run(stock);
        const Storm s = storm(engine, sale, slot, r, threads);
        if (r % 2 == 0) raw_s = raw.run(stock);
        const bool ok = s.sold == stock && s.sold_out == threads && exactly_sold_out(engine, sale, slot, stock);
        exact = exact && ok;
        const double rate = static_cast<double>(s.sold) / s.seconds;
        const double raw_rate = static_cast<double>(stock) / raw_s;
        raw_rates.push_back(raw_rate);
        ratios.push_back(rate / raw_rate);
        total_sold += s.sold;
        total_refused += s.sold_out;
        total_seconds += s.seconds;
        std::printf("%-6lld %14.0f %12.0f %7.1f%% %10lld %s\n", static_cast<long long>(r), rate, raw_rate,
                    100 * rate / raw_rate, static_cast<long long>(s.sold_out), ok ? "yes" : "NO");
    }
    sc_engine_close(engine);
    const double rate = static_cast<double>(total_sold) / total_seconds;
    const double ratio = median(ratios);
    std::printf("\nall rounds: %.0f checkouts/s (median raw %.0f tx/s, median ratio %.1f%%); no unit oversold: %s\n",
                rate, median(raw_rates), 100 * ratio, exact ? "yes" : "NO");
    std::printf("a checkout = re-price, create the order, hold one unit (one write transaction); ratio = "
                "checkouts/s / raw tx/s\n");
    Report report("flashsale");
    report.add("checkouts", rate, "checkouts/s")
        .with_baseline(median(raw_rates))
        .with_ratio(ratio)
        .with("threads", static_cast<double>(threads))
        .with("stock_per_round", static_cast<double>(stock))
        .with("told_out_of_stock", static_cast<double>(total_refused))
        .with_text("none_oversold", exact ? "true" : "false")
        .with_text("ratio_is", "median over rounds of (checkouts/s) / (raw single-row insert tx/s)");
    report.write();
    return exact ? 0 : 1;
}
