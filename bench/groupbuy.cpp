// Benchmark `groupbuy`: joins per second with 16 threads filling group-buy groups of 5
// (durability normal), beside the raw single-row INSERT transaction rate on the same
// SQLite settings and the join's storage floor (join_floor.hpp: the SQL a join cannot do
// without, bare, on the engine's schema), measured by turns in the same run (the machine is
// shared and noisy: only ratios from one run compare).
//
// A join is a shopper's group checkout (SC_GROUP_MODE_JOIN: the seat is reserved) and its
// payment, two transactions. Each round opens `groups` groups through their leaders (not
// timed), then 16 threads race to fill them in order: every thread joins the group at the
// shared cursor and moves the cursor on when told SC_ERR_GROUP_FULL. After each round the
// benchmark checks that every group ended filled with exactly 5 paid members and prints it.
// Target: at least 5,000 joins per second.
//
//   bench_groupbuy [groups=400] [rounds=5] [threads=16]
#include "join_floor.hpp"
#include "support.hpp"

#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace bench;

namespace {

constexpr int64_t kSize = 5;
constexpr double kTarget = 5000;

const char* const kCampaign =
    "{\"id\":\"bench\",\"sku_id\":\"box\",\"group_price\":9900,\"group_size\":5,\"lifetime_minutes\":43200,"
    "\"starts_at\":0,\"ends_at\":4102444800000}";

std::vector<std::string> open_groups(sc_engine* engine, int64_t round, int64_t groups) {
    sc_checkout_request* request = nullptr;
    must(sc_checkout_request_new(&request, err()), "sc_checkout_request_new");
    must(sc_checkout_request_set_group(request, SC_GROUP_MODE_OPEN, "bench", 1, err()), "sc_checkout_request_set_group");
    std::vector<std::string> ids;
    for (int64_t g = 0; g < groups; ++g) {
        const std::string leader = id(id("r", round) + "-leader-", g);
        sc_order* order = nullptr;
        sc_group* group = nullptr;
        must(sc_engine_checkout(engine, leader.c_str(), request, leader.c_str(), &order, err()), "sc_engine_checkout");
        must(sc_engine_order_pay(engine, sc_order_id(order), "psp", sc_order_total(order), leader.c_str(), nullptr,
                                 err()),
             "sc_engine_order_pay");
        must(sc_engine_order_group(engine, sc_order_id(order), &group, err()), "sc_engine_order_group");
        ids.emplace_back(sc_group_id(group));
        sc_group_free(group);
        sc_order_free(order);
    }
    sc_checkout_request_free(request);
    return ids;
}

struct Filled {
    int64_t joins = 0;
    int64_t full = 0;  // checkouts told SC_ERR_GROUP_FULL
    double seconds = 0;
};

// Fills every group with `threads` racing joiners.
Filled fill(sc_engine* engine, int64_t round, const std::vector<std::string>& groups, int64_t threads) {
    std::atomic<size_t> cursor{0};
    std::atomic<int64_t> joins{0};
    std::atomic<int64_t> full{0};
    std::atomic<int64_t> next_user{0};
    const auto start = Clock::now();
    std::vector<std::thread> pool;
    for (int64_t t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            sc_checkout_request* request = nullptr;
            must(sc_checkout_request_new(&request, err()), "sc_checkout_request_new");
            for (;;) {
                const size_t at = cursor.load();
                if (at >= groups.size()) break;
                must(sc_checkout_request_set_group(request, SC_GROUP_MODE_JOIN, groups[at].c_str(), 1, err()),
                     "sc_checkout_request_set_group");
                const std::string user = id(id("r", round) + "-joiner-", next_user++);
                sc_order* order = nullptr;
                const sc_status_t st = sc_engine_checkout(engine, user.c_str(), request, user.c_str(), &order, err());
                if (st == SC_ERR_GROUP_FULL) {
                    ++full;
                    size_t expected = at;
                    cursor.compare_exchange_strong(expected, at + 1);
                    continue;
                }
                must(st, "sc_engine_checkout");
                must(sc_engine_order_pay(engine, sc_order_id(order), "psp", sc_order_total(order), user.c_str(),
                                         nullptr, err()),
                     "sc_engine_order_pay");
                sc_order_free(order);
                ++joins;
            }
            sc_checkout_request_free(request);
        });
    for (auto& th : pool) th.join();
    return Filled{joins.load(), full.load(), seconds_since(start)};
}

struct ShapeFloor {
    const JoinShape* shape;
    double joins_per_s;  // median over rounds
    double of_full;      // median over rounds of this shape's rate over the full join's
};

// The floor of each JoinShape, each on its own file, run by turns: what leaving each part of
// a join out would make room for.
std::vector<ShapeFloor> shape_floors(int64_t groups, int64_t rounds) {
    std::vector<std::unique_ptr<TempDb>> files;
    std::vector<std::unique_ptr<JoinFloor>> floors;
    for (const JoinShape& shape : kJoinShapes) {
        files.push_back(std::make_unique<TempDb>(id("groupbuy-shape-", static_cast<int64_t>(floors.size()))));
        floors.push_back(std::make_unique<JoinFloor>(files.back()->path(), kCampaign, "bench", "box", 12800, 9900,
                                                     kSize, shape));
    }
    std::vector<std::function<double(int64_t)>> runs;
    for (auto& floor : floors)
        runs.emplace_back([&floor, groups](int64_t) { return floor->fill(floor->open_groups(groups)); });
    const std::vector<std::vector<double>> seconds = by_turns(groups * (kSize - 1), rounds, runs);
    std::vector<ShapeFloor> out;
    for (size_t k = 0; k < floors.size(); ++k) {
        std::vector<double> rates;
        for (double s : seconds[k]) rates.push_back(static_cast<double>(groups * (kSize - 1)) / s);
        out.push_back(ShapeFloor{&kJoinShapes[k], median(rates), median(ratios_to(seconds, k, 0))});
    }
    return out;
}

// Every group filled with exactly kSize paid members.
bool all_exactly_full(sc_engine* engine, const std::vector<std::string>& groups) {
    bool ok = true;
    for (const auto& g : groups) {
        sc_group* group = nullptr;
        must(sc_engine_group_get(engine, g.c_str(), &group, err()), "sc_engine_group_get");
        if (sc_group_state(group) != SC_GROUP_FILLED || sc_group_paid_members(group) != kSize) {
            std::fprintf(stderr, "group %s: %s with %lld paid\n", g.c_str(), sc_group_state_name(sc_group_state(group)),
                         static_cast<long long>(sc_group_paid_members(group)));
            ok = false;
        }
        sc_group_free(group);
    }
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    const int64_t groups = arg(argc, argv, 1, 400);
    const int64_t rounds = arg(argc, argv, 2, 5);
    const int64_t threads = arg(argc, argv, 3, 16);
    std::printf("socialcart %s · groupbuy: %lld threads fill %lld groups of %lld per round (%lld joins), %lld "
                "rounds,\ndurability normal, beside as many raw single-row INSERT transactions\n\n",
                sc_version(), static_cast<long long>(threads), static_cast<long long>(groups),
                static_cast<long long>(kSize), static_cast<long long>(groups * (kSize - 1)),
                static_cast<long long>(rounds));
    TempDb file("groupbuy");
    TempDb raw_file("groupbuy-raw");
    ManualClock clock;
    EngineSettings settings;
    settings.clock = &clock;
    sc_engine* engine = open_engine(file.path(), settings);
    put_sku(engine, "box", "Mooncake box", "m1", 12800, -1);
    must(sc_engine_groupbuy_campaign_put(engine, kCampaign, err()), "sc_engine_groupbuy_campaign_put");
    RawInsertFloor raw(raw_file.path(), "NORMAL");
    TempDb floor_file("groupbuy-floor");
    JoinFloor floor(floor_file.path(), kCampaign, "bench", "box", 12800, 9900, kSize);

    const int64_t n = groups * (kSize - 1);
    std::vector<Filled> filled;  // the engine's rounds
    std::vector<bool> exactly_full;
    int64_t engine_round = 0;
    // By turns (each starts a round in turn, so the machine's drift falls on all); each run
    // opens its round's groups untimed, then times the fill.
    const std::vector<std::vector<double>> seconds = by_turns(
        n, rounds,
        {[&](int64_t) {
             const std::vector<std::string> ids = open_groups(engine, engine_round, groups);
             filled.push_back(fill(engine, engine_round++, ids, threads));
             exactly_full.push_back(filled.back().joins == n && all_exactly_full(engine, ids));
             return filled.back().seconds;
         },
         [&](int64_t) { return raw.run(n); }, [&](int64_t) { return floor.fill(floor.open_groups(groups)); }});
    const std::vector<double> ratios = ratios_to(seconds, 0, 1), floor_ratios = ratios_to(seconds, 0, 2);
    std::vector<double> raw_rates, floor_rates;
    int64_t total_joins = 0, total_full = 0;
    double total_seconds = 0;
    bool exact = true;
    std::printf("%-6s %12s %12s %8s %12s %8s %10s %s\n", "round", "joins/s", "raw tx/s", "ratio", "floor joins/s",
                "of floor", "told full", "every group exactly 5 paid");
    for (size_t r = 0; r < filled.size(); ++r) {
        raw_rates.push_back(static_cast<double>(n) / seconds[1][r]);
        floor_rates.push_back(static_cast<double>(n) / seconds[2][r]);
        exact = exact && exactly_full[r];
        total_joins += filled[r].joins;
        total_seconds += filled[r].seconds;
        total_full += filled[r].full;
        std::printf("%-6zu %12.0f %12.0f %7.1f%% %12.0f %7.1f%% %10lld %s\n", r,
                    static_cast<double>(filled[r].joins) / filled[r].seconds, raw_rates[r], 100 * ratios[r],
                    floor_rates[r], 100 * floor_ratios[r], static_cast<long long>(filled[r].full),
                    exactly_full[r] ? "yes" : "NO");
    }
    sc_engine_close(engine);
    const double rate = static_cast<double>(total_joins) / total_seconds;
    const double ratio = median(ratios);
    std::printf("\nall rounds: %.0f joins/s (median raw %.0f tx/s, median ratio %.1f%%); target >= %.0f joins/s: %s; "
                "every group exactly 5 paid: %s\n",
                rate, median(raw_rates), 100 * ratio, kTarget, yes_no(rate >= kTarget), exact ? "yes" : "NO");
    std::printf("storage floor: median %.0f joins/s, the engine at %.1f%% of it (median over rounds); the target is "
                "%.0f%% of the floor\n",
                median(floor_rates), 100 * median(floor_ratios), 100 * kTarget / median(floor_rates));
    std::printf("a join = a group checkout and its payment (two write transactions); ratio = joins/s / raw tx/s;\n"
                "floor = the SQL a join cannot do without, bare on the engine's schema, 16 writes to a transaction\n");
    std::printf("\nwhat the floor would be with less to write per join (each on its own file, by turns, %lld "
                "rounds):\n%-42s %12s %10s\n",
                static_cast<long long>(rounds), "join", "joins/s", "x floor");
    const std::vector<ShapeFloor> shapes = shape_floors(groups, rounds);
    for (const ShapeFloor& f : shapes)
        std::printf("%-42s %12.0f %9.2fx\n", f.shape->name, f.joins_per_s, f.of_full);
    Report report("groupbuy");
    report.add("joins", rate, "joins/s")
        .with_baseline(median(raw_rates))
        .with_ratio(ratio)
        .with_target(kTarget, rate >= kTarget)
        .with("threads", static_cast<double>(threads))
        .with("group_size", static_cast<double>(kSize))
        .with("told_full", static_cast<double>(total_full))
        .with_text("every_group_exactly_full", exact ? "true" : "false")
        .with_text("ratio_is", "median over rounds of (joins/s) / (raw single-row insert tx/s)");
    report.add("join_floor", median(floor_rates), "joins/s")
        .with_ratio(median(floor_ratios))
        .with_text("ratio_is", "median over rounds of (engine joins/s) / (floor joins/s)")
        .with_text("floor_is", "the SQL a join cannot do without, bare on the engine's schema, 16 writes to a "
                               "transaction, no refusals, checkpoint untimed");
    for (const ShapeFloor& f : shapes)
        report.add("join_floor_shape", f.joins_per_s, "joins/s")
            .with_ratio(f.of_full)
            .with_text("shape", f.shape->name)
            .with_text("ratio_is", "median over rounds of (this shape's floor joins/s) / (the full join's)");
    report.write();
    return exact ? 0 : 1;
}
