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
#include "support.hpp"

#include "pricing/pricing.hpp"

#include <time.h>

#include <cstdio>
#include <string>
#include <vector>

using namespace bench;

namespace {

constexpr int64_t kNow = ManualClock::kStart;
constexpr int64_t kDay = 86'400'000;

sc::Sku sku(int n, const std::string& merchant, int64_t price, std::vector<std::string> categories) {
    sc::Sku s;
    s.id = id("sku", n);
    s.merchant_id = merchant;
    s.title = id("Item ", n);
    s.currency = "CNY";
    s.list_price = price;
    s.categories = std::move(categories);
    return s;
}

sc::Promotion promotion(int n, sc::PromotionKind kind) {
    sc::Promotion p;
    p.id = id("promo", n);
    p.title = id("Promotion ", n);
    p.kind = kind;
    p.starts_at = kNow - kDay;
    p.ends_at = kNow + kDay;
    p.stacking.priority = n % 4;
    return p;
}

sc::HeldCoupon coupon(int n, sc::CouponKind kind, int64_t value, int64_t min_spend, const std::string& issuer) {
    sc::HeldCoupon h;
    h.terms.id = id("tpl", n);
    h.terms.title = id("Coupon ", n);
    h.terms.kind = kind;
    h.terms.value = value;
    h.terms.min_spend = min_spend;
    h.terms.issuer_merchant_id = issuer;
    h.terms.validity.valid_from = kNow - kDay;
    h.terms.validity.valid_until = kNow + 30 * kDay;
    h.coupon.code = id("CPN", n);
    h.coupon.template_id = h.terms.id;
    h.coupon.owner_user_id = "u1";
    h.coupon.valid_from = kNow - kDay;
    h.coupon.valid_until = kNow + (5 + n) * kDay;
    return h;
}

sc::PricingRequest busy_cart() {
    sc::PricingRequest r;
    r.currency = "CNY";
    r.now = kNow;
    const char* merchants[] = {"m_tea", "m_cups", "m_snacks"};
    const char* categories[] = {"tea", "cup", "snack", "gift", "premium"};
    for (int i = 0; i < 50; ++i) {
        std::vector<std::string> cats{categories[i % 3]};
        if (i % 7 == 0) cats.push_back(categories[3 + i % 2]);
        r.lines.push_back({sku(i, merchants[i % 3], 990 + 137 * ((i * 37) % 50), cats), 1 + i % 3});
        if (i % 5 == 0) r.item_offers.push_back({id("sku", i), 800 + 97 * ((i * 37) % 50), sc::ItemPriceKind::member, "gold"});
        if (i % 11 == 0) r.item_offers.push_back({id("sku", i), 700, sc::ItemPriceKind::flash_sale, id("fs", i)});
    }
    // 20 active promotions: tiers, 每满, percent off, free shipping and gifts over scopes.
    for (int n = 0; n < 20; ++n) {
        sc::Promotion p;
        switch (n % 5) {
            case 0:
                p = promotion(n, sc::PromotionKind::threshold);
                p.tiers = {{10000, 500 + 10 * n}, {30000, 2000 + 10 * n}, {60000, 5000}};
                break;
            case 1:
                p = promotion(n, sc::PromotionKind::threshold);
                p.repeating = sc::RepeatingThreshold{20000, 1000, 5000};
                break;
            case 2:
                p = promotion(n, sc::PromotionKind::percent_off);
                p.bps = 300 + 10 * n;
                p.max_off = 3000;
                break;
            case 3:
                p = promotion(n, sc::PromotionKind::free_shipping);
                p.min_spend = 20000 + 1000 * n;
                break;
            default:
                p = promotion(n, sc::PromotionKind::gift);
                p.min_spend = 5000 * n;
                p.gift_sku_id = "gift";
                p.gift_quantity = 1;
                break;
        }
        if (n % 3 == 1) p.scope.include.merchants = {merchants[n % 3]};
        if (n % 4 == 2) p.scope.include.categories = {categories[n % 5]};
        if (n % 6 == 5) p.scope.exclude.skus = {id("sku", n)};
        // One exclusive promotion whose threshold the cart does not reach: an exclusive one
        // that gives a discount applies alone, and here the stackable ones should all run.
        if (n == 10) {
            p.stacking.exclusive = true;
            p.tiers = {{10'000'000, 300}};
        }
        r.promotions.push_back(p);
    }
    r.shipping_rules = {{"", 1000, 30000}, {"m_snacks", 600, 80000}};
    // 10 coupons: platform and merchant ones of every kind, two exclusive.
    r.coupons = {
        coupon(0, sc::CouponKind::threshold, 3000, 50000, ""),
        coupon(1, sc::CouponKind::percent, 800, 0, ""),
        coupon(2, sc::CouponKind::fixed_amount, 1500, 20000, ""),
        coupon(3, sc::CouponKind::free_shipping, 0, 0, ""),
        coupon(4, sc::CouponKind::fixed_amount, 800, 10000, "m_tea"),
        coupon(5, sc::CouponKind::threshold, 1200, 15000, "m_tea"),
        coupon(6, sc::CouponKind::percent, 1000, 0, "m_cups"),
        coupon(7, sc::CouponKind::free_shipping, 0, 0, "m_cups"),
        coupon(8, sc::CouponKind::fixed_amount, 500, 0, "m_snacks"),
        coupon(9, sc::CouponKind::percent, 1500, 30000, ""),
    };
    r.coupons[9].terms.max_off = 6000;
    r.coupons[1].terms.max_off = 4000;
    r.coupons[6].terms.max_off = 1500;
    r.coupons[9].terms.stacking.exclusive = true;
    r.coupons[2].terms.stacking.exclusive = true;
    r.coupons[5].terms.scope.include.categories = {"tea"};
    r.coupons[8].terms.scope.exclude.categories = {"gift"};
    r.choice = sc::CouponChoice::best_combination();
    return r;
}

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
