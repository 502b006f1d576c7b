// Benchmark `quote`: sc_engine_quote end to end, through the C ABI, on the busy cart of
// bench_pricing (bench/busy_cart.hpp): the same 50 lines over 3 merchants, 20 promotions,
// 2 shipping rules and 10 coupons, put into an engine on a temporary file; each quote
// (a request choosing the best coupons) reads the cart, the SKUs, the rules and the
// shopper's coupons on a reader connection, prices them, and hands the host an sc_quote
// it frees. The pure pricing step is timed in alternating rounds in the same run, so the
// ratio shows what reading the inputs and crossing the ABI add.
//
//   bench_quote [quotes=5000]
//
// The fixture is built through the engine's C++ facade (it links socialcart_engine, for
// the pure pricing call too) and closed before the C ABI opens the file. Item price offers
// are left out: the engine does not yet have their sources (flash sales, member prices),
// so both sides price without them.
#include "busy_cart.hpp"

#include "engine/engine.hpp"

#include <cstdio>
#include <filesystem>
#include <string>

using namespace bench;

namespace {

struct Fixture {
    std::string path;
    std::unique_ptr<sc::Engine> engine;
    sc::PricingRequest pure;  // what the engine should build, for the pure timing
};

Fixture open_fixture(ManualClock& clock) {
    Fixture f;
    f.path = (std::filesystem::temp_directory_path() / ("sc-bench-quote-" + std::to_string(::getpid()) + ".db")).string();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(f.path + suffix);
    sc::EngineConfig config;
    config.store.path = f.path;
    config.store.durability = SC_DURABILITY_NORMAL;
    config.clock = [&clock] { return clock.now(); };
    f.engine = std::make_unique<sc::Engine>(config);

    sc::PricingRequest request = busy_cart();
    request.item_offers.clear();
    for (const auto& line : request.lines) f.engine->put_sku(line.sku);
    for (const auto& promotion : request.promotions) f.engine->put_promotion(promotion);
    for (const auto& rule : request.shipping_rules) f.engine->put_shipping_rule(rule);
    for (auto& held : request.coupons) {
        sc::CouponTemplate terms = held.terms;
        terms.issue_mode = sc::CouponIssueMode::grant;
        f.engine->put_coupon_template(terms);
        held.coupon = f.engine->grant_coupon("u1", terms.id, "grant-" + terms.id);
    }
    for (const auto& line : request.lines) f.engine->cart_add("u1", line.sku.id, line.quantity);
    f.pure = std::move(request);
    return f;
}

}  // namespace

int main(int argc, char** argv) {
    const int64_t quotes = arg(argc, argv, 1, 5000);
    constexpr int kRounds = 10;
    ManualClock clock;
    Fixture f = open_fixture(clock);
    f.engine.reset();  // the C ABI opens the file from here on
    EngineSettings settings;
    settings.clock = &clock;
    sc_engine* engine = open_engine(f.path, settings);
    sc_checkout_request* best = nullptr;
    if (sc_checkout_request_new(&best, nullptr) != SC_OK ||
        sc_checkout_request_set_coupon_choice(best, SC_COUPONS_BEST, nullptr) != SC_OK)
        return 1;
    const auto c_quote = [&] {
        sc_quote* q = nullptr;
        if (sc_engine_quote(engine, "u1", best, &q, nullptr) != SC_OK) std::abort();
        return q;
    };

    // The engine and the pure function must agree before either is timed.
    sc_quote* engine_quote = c_quote();
    const sc::Quote pure_quote = sc::price(f.pure);
    if (sc_quote_total(engine_quote) != pure_quote.payable ||
        sc_quote_coupon_count(engine_quote) != pure_quote.coupons.size()) {
        std::fprintf(stderr, "bench_quote: the engine's quote (%lld) differs from the pure one (%lld)\n",
                     static_cast<long long>(sc_quote_total(engine_quote)), static_cast<long long>(pure_quote.payable));
        return 1;
    }

    Samples engine_us, pure_us;
    std::vector<double> ratios;
    const int64_t per_round = std::max<int64_t>(1, quotes / kRounds);
    for (int round = 0; round < kRounds; ++round) {
        Samples e, p;
        for (int64_t i = 0; i < per_round; ++i) e.add(time_us([&] { sc_quote_free(c_quote()); }));
        for (int64_t i = 0; i < per_round; ++i) p.add(time_us([&] { (void)sc::price(f.pure); }));
        ratios.push_back(e.median() / p.median());
        engine_us.merge(e);
        pure_us.merge(p);
    }

    std::printf("socialcart %s · quote: sc_engine_quote (best coupons) on 50 lines / 3 merchants / 20 promotions / "
                "10 coupons, %lld quotes in %d alternating rounds\n\n",
                sc_version(), static_cast<long long>(per_round * kRounds), kRounds);
    std::printf("%-22s %9s %9s %9s\n", "", "p50 µs", "p99 µs", "max µs");
    std::printf("%-22s %9.1f %9.1f %9.1f\n", "engine quote", engine_us.median(), engine_us.p99(), engine_us.max());
    std::printf("%-22s %9.1f %9.1f %9.1f\n", "pure pricing", pure_us.median(), pure_us.p99(), pure_us.max());
    const double ratio = median(ratios);
    const double target = 1000;
    std::printf("\nengine / pure (median of per-round p50 ratios): %.2f×\n", ratio);
    std::printf("payable %lld, %zu coupon(s) chosen, %zu promotions applied\n",
                static_cast<long long>(sc_quote_total(engine_quote)), sc_quote_coupon_count(engine_quote),
                sc_quote_promotion_count(engine_quote));
    sc_quote_free(engine_quote);
    std::printf("target: end-to-end quote p99 under %.0f µs: %s\n", target, yes_no(engine_us.p99() < target));

    Report report("quote");
    report.add("quote.engine.p99_us", engine_us.p99(), "us").with_target(target, engine_us.p99() < target);
    report.add("quote.engine.p50_us", engine_us.median(), "us")
        .with_baseline(pure_us.median())
        .with_ratio(ratio);
    report.add("quote.pure.p99_us", pure_us.p99(), "us");
    report.write();

    sc_checkout_request_free(best);
    sc_engine_close(engine);
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(f.path + suffix);
    return 0;
}
