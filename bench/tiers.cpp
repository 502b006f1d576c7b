// What member tiers cost a shop (docs/tiers.md). Two engines on two files with the same
// catalog, points program and shoppers; one also has a tier program. Each round runs the
// same purchases (add to cart, quote, checkout, pay) on both, alternating, so that the ratio
// compares like with like on a shared, noisy machine:
//
//   purchase : with tiers, every quote prices by the member's tier (member price offer,
//              multiplier, shipping threshold) and every payment records the spend and
//              evaluates the member (an upgrade when a threshold is crossed)
//   status   : sc_engine_tier_status, the member page (a read evaluating to now)
//
// Usage: bench_tiers [purchases per engine] [members] [rounds]
#include "support.hpp"

#include <cstdio>
#include <string>
#include <vector>

using namespace bench;

namespace {

const char* const kPoints = "{\"earn\":{\"points\":1,\"per_amount\":100},\"return_window_days\":7}";

// Silver from 300.00 over 365 days: members cross it during the run, so upgrades are timed too.
const char* const kTiers =
    "{\"basis\":\"paid_spend\",\"window_days\":365,\"period\":\"quarter\",\"tiers\":["
    "{\"id\":\"normal\",\"name\":\"Normal\",\"threshold\":0},"
    "{\"id\":\"silver\",\"name\":\"Silver\",\"threshold\":30000,\"benefits\":"
    "{\"member_price_bps\":500,\"points_multiplier_bps\":15000,\"free_shipping_over\":10000}},"
    "{\"id\":\"gold\",\"name\":\"Gold\",\"threshold\":1000000,\"benefits\":"
    "{\"member_price_bps\":1000,\"points_multiplier_bps\":20000}}]}";

class Shop {
public:
    Shop(const std::string& path, int64_t members, bool tiers) : members_(members) {
        EngineSettings settings;
        settings.clock = &clock_;
        engine_ = open_engine(path, settings);
        put_sku(engine_, "tea", "Tea", "m1", 6800, -1);
        must(sc_engine_points_program_put(engine_, kPoints, err()), "sc_engine_points_program_put");
        if (tiers) must(sc_engine_tier_program_put(engine_, kTiers, err()), "sc_engine_tier_program_put");
    }
    ~Shop() { sc_engine_close(engine_); }
    Shop(const Shop&) = delete;
    Shop& operator=(const Shop&) = delete;

    // n purchases of one tea (members round-robin); returns the seconds they took.
    double buy(int64_t n) {
        const auto start = Clock::now();
        for (int64_t i = 0; i < n; ++i, ++next_) {
            const std::string user = id("member-", next_ % members_);
            const std::string key = id("k", next_);
            sc_quote* quote = nullptr;
            sc_order* order = nullptr;
            sc_order* paid = nullptr;
            must(sc_engine_cart_add(engine_, user.c_str(), "tea", 1, err()), "sc_engine_cart_add");
            must(sc_engine_quote(engine_, user.c_str(), nullptr, &quote, err()), "sc_engine_quote");
            must(sc_engine_checkout(engine_, user.c_str(), nullptr, key.c_str(), &order, err()), "sc_engine_checkout");
            must(sc_engine_order_pay(engine_, sc_order_id(order), "psp", sc_order_total(order), key.c_str(), &paid,
                                     err()),
                 "sc_engine_order_pay");
            sc_order_free(paid);
            sc_order_free(order);
            sc_quote_free(quote);
            clock_.advance(1000);
        }
        return seconds_since(start);
    }

    // n member pages; returns the seconds they took.
    double status(int64_t n) {
        const auto start = Clock::now();
        for (int64_t i = 0; i < n; ++i) {
            const std::string user = id("member-", i % members_);
            sc_tier_status* s = nullptr;
            must(sc_engine_tier_status(engine_, user.c_str(), &s, err()), "sc_engine_tier_status");
            sc_tier_status_free(s);
        }
        return seconds_since(start);
    }

    // Members per tier now, for the check that the run moved members up.
    std::vector<int64_t> members_per_tier() {
        sc_tier_report* report = nullptr;
        must(sc_engine_tier_report(engine_, 0, INT64_MAX, &report, err()), "sc_engine_tier_report");
        std::vector<int64_t> out;
        for (size_t i = 0; i < sc_tier_report_count(report); ++i) out.push_back(sc_tier_report_members(report, i));
        sc_tier_report_free(report);
        return out;
    }

private:
    ManualClock clock_;
    sc_engine* engine_ = nullptr;
    int64_t members_;
    int64_t next_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
    const int64_t purchases = arg(argc, argv, 1, 6000);
    const int64_t members = arg(argc, argv, 2, 500);
    const int64_t rounds = arg(argc, argv, 3, 6);
    const int64_t per_round = std::max<int64_t>(1, purchases / rounds);
    std::printf("socialcart %s · tiers: %lld purchases (cart, quote, checkout, pay) over %lld members on each of\n"
                "two engines, with and without a tier program, in %lld alternating rounds\n\n",
                sc_version(), static_cast<long long>(per_round * rounds), static_cast<long long>(members),
                static_cast<long long>(rounds));
    const TempDb with_db("sc-bench-tiers-with.db");
    const TempDb without_db("sc-bench-tiers-without.db");
    Shop with(with_db.path(), members, true);
    Shop without(without_db.path(), members, false);
    with.buy(std::min<int64_t>(members, 100));  // warm up both
    without.buy(std::min<int64_t>(members, 100));

    std::vector<double> ratios;
    double with_s = 0, without_s = 0;
    for (int64_t r = 0; r < rounds; ++r) {
        const double w = with.buy(per_round);
        const double wo = without.buy(per_round);
        with_s += w;
        without_s += wo;
        ratios.push_back(wo / w);
    }
    const double with_ops = static_cast<double>(per_round * rounds) / with_s;
    const double without_ops = static_cast<double>(per_round * rounds) / without_s;
    const double ratio = median(ratios);
    const int64_t pages = std::max<int64_t>(members, 2000);
    const double status_ops = static_cast<double>(pages) / with.status(pages);
    const std::vector<int64_t> placed = with.members_per_tier();

    std::printf("%-34s %14s %14s %15s %8s %8s\n", "operation", "with tiers/s", "without/s", "ratio (median)", "min",
                "max");
    std::printf("%-34s %14.0f %14.0f %14.1f%% %7.1f%% %7.1f%%\n", "purchase (cart, quote, checkout, pay)", with_ops,
                without_ops, 100 * ratio, 100 * min_of(ratios), 100 * max_of(ratios));
    std::printf("%-34s %14.0f %14s\n", "member page (tier status)", status_ops, "-");
    std::printf("\nmembers per tier after the run (normal, silver, gold):");
    for (int64_t n : placed) std::printf(" %lld", static_cast<long long>(n));
    std::printf("\nratio = purchases/s with tiers / purchases/s without, per round; the median and the spread.\n");

    Report report("tiers");
    report.add("tiers.purchase.ops_per_s", with_ops, "op/s")
        .with_baseline(without_ops)
        .with_ratio(ratio)
        .with("ratio_min", min_of(ratios))
        .with("ratio_max", max_of(ratios))
        .with_text("baseline_is", "the same purchases on an engine without a tier program, interleaved by round");
    report.add("tiers.status.ops_per_s", status_ops, "op/s");
    report.add("tiers.members_upgraded", placed.size() > 1 ? static_cast<double>(placed[1]) : 0, "members");
    report.write();
    return 0;
}
