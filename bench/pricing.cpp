// Benchmark `pricing`: the pure pricing function (sc::price, no SQL, no I/O) on a busy
// cart in best-coupon mode: 50 lines over 3 merchants, 20 active promotions, 10 held
// coupons, item offers and shipping rules. Each run prices the same request from scratch
// (validation, scopes, every stage, the exact best-coupon search); p50 and p99 of the
// per-run time. Explicit and no-coupon modes on the same cart are timed for comparison.
//
//   bench_pricing [runs=20000]
//
// Unlike the other benchmarks it calls the engine's C++ core directly (it links
// socialcart_engine): pricing has no C API of its own yet.
#include "busy_cart.hpp"

#include <time.h>

#include <cstdio>
#include <string>
#include <vector>

using namespace bench;

namespace {

// CPU time of the calling thread in µs: unlike the wall clock, it does not count the time
// the thread waited for a core, so it shows what a run costs on a busy machine.
double thread_cpu_us() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

struct Timing {
    Samples samples;      // wall clock
    Samples cpu_samples;  // thread CPU time
    sc::Quote last;
};

Timing time_runs(const sc::PricingRequest& request, int64_t runs) {
    Timing t;
    t.samples.reserve(static_cast<size_t>(runs));
    t.cpu_samples.reserve(static_cast<size_t>(runs));
    for (int64_t i = 0; i < runs / 10; ++i) t.last = sc::price(request);  // warm up
    for (int64_t i = 0; i < runs; ++i) {
        const double cpu_start = thread_cpu_us();
        const auto start = Clock::now();
        sc::Quote q = sc::price(request);
        t.samples.add(micros_since(start));
        t.cpu_samples.add(thread_cpu_us() - cpu_start);
        if (i + 1 == runs) t.last = std::move(q);
    }
    return t;
}

}  // namespace

int main(int argc, char** argv) {
    const int64_t runs = arg(argc, argv, 1, 20000);
    const sc::PricingRequest best = busy_cart();
    sc::PricingRequest explicit_choice = best;
    sc::PricingRequest no_coupons = best;
    no_coupons.choice = sc::CouponChoice::no_coupons();

    Timing best_t = time_runs(best, runs);
    std::vector<std::string> codes;
    for (const auto& c : best_t.last.coupons) codes.push_back(c.code);
    explicit_choice.choice = sc::CouponChoice::these(codes);
    Timing explicit_t = time_runs(explicit_choice, runs);
    Timing none_t = time_runs(no_coupons, runs);

    std::printf("socialcart %s · pricing: sc::price on 50 lines / 3 merchants / 20 promotions / 10 coupons, %lld runs\n\n",
                sc_version(), static_cast<long long>(runs));
    std::printf("%-14s %9s %9s %9s %9s %12s %12s\n", "coupon choice", "p50 µs", "p99 µs", "max µs", "mean µs",
                "cpu p50 µs", "cpu p99 µs");
    const double target = 100;
    Report report("pricing");
    for (const auto& [name, t] : {std::pair<const char*, const Timing*>{"best", &best_t},
                                  {"explicit", &explicit_t}, {"none", &none_t}}) {
        std::printf("%-14s %9.1f %9.1f %9.1f %9.1f %12.1f %12.1f\n", name, t->samples.median(), t->samples.p99(),
                    t->samples.max(), t->samples.mean(), t->cpu_samples.median(), t->cpu_samples.p99());
        const std::string prefix = std::string("pricing.") + name;
        Figure& p99 = report.add(prefix + ".p99_us", t->samples.p99(), "us");
        if (std::string(name) == "best") p99.with_target(target, t->samples.p99() < target);
        p99.with("runs", static_cast<double>(runs));
        report.add(prefix + ".p50_us", t->samples.median(), "us");
        report.add(prefix + ".cpu_p99_us", t->cpu_samples.p99(), "us")
            .with_text("is", "thread CPU time per run, without the time spent waiting for a core");
        report.add(prefix + ".cpu_p50_us", t->cpu_samples.median(), "us");
    }
    std::printf("\nbest mode chose %zu coupon(s) of 10:", best_t.last.coupons.size());
    for (const auto& c : best_t.last.coupons) std::printf(" %s (%lld)", c.code.c_str(), static_cast<long long>(c.amount));
    std::printf("\npayable %lld of subtotal %lld (saved %lld); %zu promotions applied, %zu gifts\n",
                static_cast<long long>(best_t.last.payable), static_cast<long long>(best_t.last.subtotal),
                static_cast<long long>(best_t.last.saved), best_t.last.promotions.size(), best_t.last.gifts.size());
    std::printf("target: best-mode p99 (wall clock) under %.0f µs: %s\n", target, yes_no(best_t.samples.p99() < target));
    std::printf("(cpu = the thread's CPU time per run: the wall clock less the time it waited for a core.)\n");
    report.write();
    return 0;
}
