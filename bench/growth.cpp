// Benchmark `growth`: what one order costs (cart add, checkout, pay; each timed) as the
// file grows to 0, largest/10 and largest paid orders (durability normal). Target: the
// median per-order cost at each size within 1.2x of an empty file's.
//
// Placing a million orders through the engine takes too long, so the file is grown with
// SQL in large transactions, writing for each order exactly the rows the engine writes
// for a paid 1-line order (src/store/schema.cpp, src/engine/*_use_cases.cpp): an
// `orders` row (state 2, paid), one `order_lines` row, one committed `holds` row, the
// "checkout" and "pay" idempotency records, the five events (cart.line_added,
// order.created, hold.placed, hold.committed, order.paid) with the engine's payloads,
// and the SKU's stock taken down by what was paid. The engine is opened once first so
// that it creates the schema. One file grows step by step: 0 → measure → grow → measure.
//
// The machine is shared and noisy, so each level is measured in alternating rounds with
// a second, near-empty reference file open beside it: the ratio reported is the median
// of the per-round ratios of median per-order costs (level / reference). Both engines are
// opened afresh for each level and place the same number of orders, so both start with
// the WAL folded into the file and end with WALs of the same length (the engine's
// background checkpointer does not shrink the WAL while an engine is open; each level
// prints both WAL sizes).
//
//   bench_growth [largest=1000000] [orders_per_level=2000]
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

using namespace bench;

namespace {

constexpr int64_t kSkus = 300;
constexpr int64_t kInitialStock = 1'000'000'000'000;
constexpr int64_t kPaymentWindowMs = 15 * 60 * 1000;  // the engine's default
constexpr int64_t kRounds = 10;

std::string sku_id(int64_t j) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "sku%03lld", static_cast<long long>(j));
    return buffer;
}
std::string sku_title(int64_t j) { return id("Product ", j); }
std::string sku_merchant(int64_t j) { return id("m", j % 25); }
int64_t sku_price(int64_t j) { return 500 + 10 * j; }

void put_catalog(sc_engine* engine) {
    for (int64_t j = 0; j < kSkus; ++j) put_sku(engine, sku_id(j), sku_title(j), sku_merchant(j), sku_price(j), kInitialStock);
}

// Appends paid 1-line orders to a closed engine's file, row for row as the engine would.
class Populator {
public:
    Populator(const std::string& path, std::mt19937_64& rng, int64_t users)
        : db_(path, SQLite::OPEN_READWRITE),
          rng_(rng),
          users_(users),
          order_(db_, "INSERT INTO orders(id, user_id, state, cancel_reason, currency, subtotal, total, created_at, "
                      "pay_deadline, paid_at, payment_ref) VALUES (?, ?, 2, 0, 'CNY', ?, ?, ?, ?, ?, ?)"),
          line_(db_, "INSERT INTO order_lines(order_id, line_index, sku_id, title, merchant_id, quantity, unit_price, "
                     "base, net) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)"),
          hold_(db_, "INSERT INTO holds(id, order_id, kind, resource, quantity, state, expires_at) "
                     "VALUES (?, ?, 'stock', ?, ?, 'committed', ?)"),
          idempotency_(db_, "INSERT INTO idempotency(scope, key, request, result_id, created_at) VALUES (?, ?, ?, ?, ?)"),
          event_(db_, "INSERT INTO events(type, subject_id, time_ms, payload) VALUES (?, ?, ?, ?)"),
          stock_(db_, "UPDATE skus SET stock_on_hand = stock_on_hand - ? WHERE id = ?") {
        db_.exec("PRAGMA journal_mode=WAL");
        db_.exec("PRAGMA synchronous=OFF");  // a crash here only loses the benchmark's file
        db_.exec("PRAGMA cache_size=-1048576");  // 1 GiB: random keys touch pages all over the indexes
    }

    int64_t orders_in_file() { return db_.execAndGet("SELECT COUNT(*) FROM orders").getInt64(); }

    // Adds n orders, a batch per transaction; the clock moves 100 ms per order.
    void add(int64_t n, ManualClock& clock) {
        constexpr int64_t kBatch = 25'000;
        std::vector<int64_t> sold(static_cast<size_t>(kSkus), 0);
        for (int64_t done = 0; done < n;) {
            const int64_t batch = std::min(kBatch, n - done);
            db_.exec("BEGIN");
            for (int64_t i = 0; i < batch; ++i) {
                add_one(clock.now(), sold);
                clock.advance(100);
            }
            if (done + batch >= n) {
                for (int64_t j = 0; j < kSkus; ++j) {
                    if (sold[static_cast<size_t>(j)] == 0) continue;
                    stock_.bind(1, sold[static_cast<size_t>(j)]);
                    stock_.bind(2, sku_id(j));
                    stock_.exec();
                    stock_.reset();
                }
            }
            db_.exec("COMMIT");
            done += batch;
        }
    }

private:
    void event(const char* type, const std::string& subject, int64_t time, const std::string& payload) {
        event_.bind(1, type);
        event_.bind(2, subject);
        event_.bind(3, time);
        event_.bind(4, payload);
        event_.exec();
        event_.reset();
    }

    void idempotency(const char* scope, const std::string& key, const std::string& request,
                     const std::string& result, int64_t time) {
        idempotency_.bind(1, scope);
        idempotency_.bind(2, key);
        idempotency_.bind(3, request);
        idempotency_.bind(4, result);
        idempotency_.bind(5, time);
        idempotency_.exec();
        idempotency_.reset();
    }

    void add_one(int64_t now, std::vector<int64_t>& sold) {
        const int64_t j = std::uniform_int_distribution<int64_t>(0, kSkus - 1)(rng_);
        const int64_t quantity = std::uniform_int_distribution<int64_t>(1, 3)(rng_);
        const std::string user = id("u", std::uniform_int_distribution<int64_t>(0, users_ - 1)(rng_));
        const std::string sku = sku_id(j);
        const std::string order = random_id("ord", rng_);
        const std::string hold = random_id("hold", rng_);
        const std::string checkout_key = random_id("ck", rng_);
        const std::string pay_key = random_id("pk", rng_);
        const std::string payment_ref = id("ref-", ++serial_);
        const int64_t total = sku_price(j) * quantity;
        // The shopper adds at `now`, checks out a second later and pays a minute after.
        const int64_t added_at = now;
        const int64_t created_at = now + 1000;
        const int64_t deadline = created_at + kPaymentWindowMs;
        const int64_t paid_at = created_at + 60'000;
        sold[static_cast<size_t>(j)] += quantity;

        order_.bind(1, order);
        order_.bind(2, user);
        order_.bind(3, total);
        order_.bind(4, total);
        order_.bind(5, created_at);
        order_.bind(6, deadline);
        order_.bind(7, paid_at);
        order_.bind(8, payment_ref);
        order_.exec();
        order_.reset();
        line_.bind(1, order);
        line_.bind(2, sku);
        line_.bind(3, sku_title(j));
        line_.bind(4, sku_merchant(j));
        line_.bind(5, quantity);
        line_.bind(6, sku_price(j));
        line_.bind(7, total);
        line_.bind(8, total);
        line_.exec();
        line_.reset();
        hold_.bind(1, hold);
        hold_.bind(2, order);
        hold_.bind(3, sku);
        hold_.bind(4, quantity);
        hold_.bind(5, deadline);
        hold_.exec();
        hold_.reset();
        idempotency("checkout", checkout_key, "user=" + user, order, created_at);
        idempotency("pay", pay_key,
                    "order=" + order + ";ref=" + payment_ref + ";amount=" + std::to_string(total), order, paid_at);

        // Payloads as nlohmann::json dumps them: keys sorted, no spaces.
        const std::string q = std::to_string(quantity);
        const std::string hold_fields =
            "\"hold_id\":\"" + hold + "\",\"kind\":\"stock\",\"quantity\":" + q + ",\"resource\":\"" + sku + "\"";
        event("cart.line_added", user, added_at, "{\"quantity\":" + q + ",\"sku_id\":\"" + sku + "\"}");
        event("order.created", order, created_at,
              "{\"currency\":\"CNY\",\"lines\":1,\"pay_deadline\":" + std::to_string(deadline) +
                  ",\"total\":" + std::to_string(total) + ",\"user_id\":\"" + user + "\"}");
        event("hold.placed", order, created_at, "{\"expires_at\":" + std::to_string(deadline) + "," + hold_fields + "}");
        event("hold.committed", order, paid_at, "{" + hold_fields + "}");
        event("order.paid", order, paid_at,
              "{\"amount\":" + std::to_string(total) + ",\"currency\":\"CNY\",\"payment_ref\":\"" + payment_ref +
                  "\",\"user_id\":\"" + user + "\"}");
    }

    SQLite::Database db_;
    std::mt19937_64& rng_;
    int64_t users_;
    int64_t serial_ = 0;
    SQLite::Statement order_, line_, hold_, idempotency_, event_, stock_;
};

struct Costs {
    Samples add, checkout, pay, order;  // µs; `order` is the three summed
    void merge(const Costs& other) {
        add.merge(other.add);
        checkout.merge(other.checkout);
        pay.merge(other.pay);
        order.merge(other.order);
    }
};

// Places n 1-line orders through the engine, timing each call.
Costs place_orders(sc_engine* engine, ManualClock& clock, std::mt19937_64& rng, int64_t users, int64_t n) {
    Costs costs;
    for (int64_t i = 0; i < n; ++i) {
        const std::string user = id("u", std::uniform_int_distribution<int64_t>(0, users - 1)(rng));
        const std::string sku = sku_id(std::uniform_int_distribution<int64_t>(0, kSkus - 1)(rng));
        const std::string checkout_key = random_id("ck", rng);
        const std::string pay_key = random_id("pk", rng);
        sc_order* order = nullptr;
        const double add = time_us([&] {
            must(sc_engine_cart_add(engine, user.c_str(), sku.c_str(), 1, err()), "sc_engine_cart_add");
        });
        clock.advance(1000);
        const double checkout = time_us([&] {
            must(sc_engine_checkout(engine, user.c_str(), NULL, checkout_key.c_str(), &order, err()), "sc_engine_checkout");
        });
        clock.advance(60'000);
        const double pay = time_us([&] {
            must(sc_engine_order_pay(engine, sc_order_id(order), pay_key.c_str(), sc_order_total(order),
                                     pay_key.c_str(), nullptr, err()),
                 "sc_engine_order_pay");
        });
        sc_order_free(order);
        clock.advance(100);
        costs.add.add(add);
        costs.checkout.add(checkout);
        costs.pay.add(pay);
        costs.order.add(add + checkout + pay);
    }
    return costs;
}

struct LevelResult {
    int64_t orders_in_file = 0;
    int64_t bytes = 0;
    double populate_seconds = 0;
    Costs level;
    Costs reference;
    double wal_bytes = 0;            // the level file's WAL after measuring, before closing
    double reference_wal_bytes = 0;
    std::vector<double> round_ratios;      // per round: median order cost, level / reference
    std::vector<double> round_p99_ratios;  // the same for the p99
};

}  // namespace

int main(int argc, char** argv) {
    const int64_t largest = arg(argc, argv, 1, 1'000'000, 10);
    const int64_t per_level = std::max(kRounds, arg(argc, argv, 2, 2000));
    const int64_t per_round = per_level / kRounds;
    const int64_t users = std::max<int64_t>(1000, largest / 5);
    const std::vector<int64_t> levels = {0, largest / 10, largest};
    std::printf("socialcart %s · growth: per-order cost (cart add + checkout + pay, durability normal) with\n"
                "0, %lld and %lld paid orders in the file; %lld orders per level in %lld rounds alternating with a\n"
                "near-empty reference file; %lld SKUs, %lld users\n\n",
                sc_version(), static_cast<long long>(levels[1]), static_cast<long long>(levels[2]),
                static_cast<long long>(per_round * kRounds), static_cast<long long>(kRounds),
                static_cast<long long>(kSkus), static_cast<long long>(users));

    std::mt19937_64 rng(42);
    const TempDb file("sc-bench-growth.db");
    const TempDb reference_file("sc-bench-growth-reference.db");
    ManualClock clock;
    ManualClock reference_clock;
    EngineSettings settings;
    settings.durability = SC_DURABILITY_NORMAL;
    settings.payment_window_ms = kPaymentWindowMs;

    settings.clock = &reference_clock;
    {
        sc_engine* reference = open_engine(reference_file.path(), settings);
        put_catalog(reference);
        sc_engine_close(reference);
    }
    settings.clock = &clock;
    {
        sc_engine* engine = open_engine(file.path(), settings);  // creates the schema
        put_catalog(engine);
        sc_engine_close(engine);
    }

    std::vector<LevelResult> results;
    for (const int64_t level : levels) {
        LevelResult result;
        {
            Populator populator(file.path(), rng, users);
            const int64_t have = populator.orders_in_file();
            const auto start = Clock::now();
            if (level > have) {
                std::printf("growing the file from %lld to %lld orders ... ", static_cast<long long>(have),
                            static_cast<long long>(level));
                std::fflush(stdout);
                populator.add(level - have, clock);
            }
            result.populate_seconds = seconds_since(start);
            if (level > have) std::printf("%.1f s\n", result.populate_seconds);
        }
        sc_engine* engine = open_engine(file.path(), settings);
        settings.clock = &reference_clock;
        sc_engine* reference = open_engine(reference_file.path(), settings);
        settings.clock = &clock;
        place_orders(engine, clock, rng, users, 200);  // warm up after opening
        place_orders(reference, reference_clock, rng, users, 200);
        for (int64_t r = 0; r < kRounds; ++r) {
            Costs a;
            Costs b;
            if (r % 2 == 0) {
                a = place_orders(engine, clock, rng, users, per_round);
                b = place_orders(reference, reference_clock, rng, users, per_round);
            } else {
                b = place_orders(reference, reference_clock, rng, users, per_round);
                a = place_orders(engine, clock, rng, users, per_round);
            }
            result.round_ratios.push_back(a.order.median() / b.order.median());
            result.round_p99_ratios.push_back(a.order.p99() / b.order.p99());
            result.level.merge(a);
            result.reference.merge(b);
        }
        result.wal_bytes = static_cast<double>(file.wal_bytes());
        result.reference_wal_bytes = static_cast<double>(reference_file.wal_bytes());
        sc_engine_close(engine);
        sc_engine_close(reference);
        {
            SQLite::Database db(file.path(), SQLite::OPEN_READONLY);
            result.orders_in_file = db.execAndGet("SELECT COUNT(*) FROM orders").getInt64();
        }
        result.bytes = file.bytes();
        std::printf("level %lld: %lld orders in the file, %.1f MiB; WAL before closing %.1f MiB (reference %.1f MiB)\n",
                    static_cast<long long>(level), static_cast<long long>(result.orders_in_file),
                    static_cast<double>(result.bytes) / 1048576.0, result.wal_bytes / 1048576.0,
                    result.reference_wal_bytes / 1048576.0);
        results.push_back(std::move(result));
    }

    std::printf("\n%-9s %9s | %9s %9s %9s | %9s %9s | %9s %10s %6s\n", "orders", "file MiB", "add p50",
                "chk p50", "pay p50", "order p50", "order p99", "ref p50", "ratio p50", "<1.2x");
    Report report("growth");
    for (size_t i = 0; i < results.size(); ++i) {
        const LevelResult& r = results[i];
        const double ratio = median(r.round_ratios);
        const double p99_ratio = median(r.round_p99_ratios);
        const bool met = ratio <= 1.2;
        std::printf("%-9lld %9.1f | %9.1f %9.1f %9.1f | %9.1f %9.1f | %9.1f %9.2fx %6s\n",
                    static_cast<long long>(levels[i]), static_cast<double>(r.bytes) / 1048576.0,
                    r.level.add.median(), r.level.checkout.median(), r.level.pay.median(), r.level.order.median(),
                    r.level.order.p99(), r.reference.order.median(), ratio, yes_no(met));

        const std::string prefix = id("growth.orders_", levels[i]);
        report.add(prefix + ".order_p50", r.level.order.median(), "us")
            .with_baseline(r.reference.order.median())
            .with_ratio(ratio)
            .with_target(1.2, met)
            .with("ratio_min", min_of(r.round_ratios))
            .with("ratio_max", max_of(r.round_ratios))
            .with("orders_in_file", static_cast<double>(r.orders_in_file))
            .with("file_bytes", static_cast<double>(r.bytes))
            .with("ratio_to_sequential_empty_level",
                  r.level.order.median() / results.front().level.order.median())
            .with_text("ratio_is", "median over rounds of (median order cost here) / (median order cost, reference file)");
        report.add(prefix + ".order_p99", r.level.order.p99(), "us")
            .with_baseline(r.reference.order.p99())
            .with_ratio(p99_ratio);
        report.add(prefix + ".cart_add_p50", r.level.add.median(), "us").with_baseline(r.reference.add.median())
            .with_ratio(r.level.add.median() / r.reference.add.median());
        report.add(prefix + ".cart_add_p99", r.level.add.p99(), "us").with_baseline(r.reference.add.p99())
            .with_ratio(r.level.add.p99() / r.reference.add.p99());
        report.add(prefix + ".checkout_p50", r.level.checkout.median(), "us")
            .with_baseline(r.reference.checkout.median())
            .with_ratio(r.level.checkout.median() / r.reference.checkout.median());
        report.add(prefix + ".checkout_p99", r.level.checkout.p99(), "us").with_baseline(r.reference.checkout.p99())
            .with_ratio(r.level.checkout.p99() / r.reference.checkout.p99());
        report.add(prefix + ".pay_p50", r.level.pay.median(), "us").with_baseline(r.reference.pay.median())
            .with_ratio(r.level.pay.median() / r.reference.pay.median());
        report.add(prefix + ".pay_p99", r.level.pay.p99(), "us").with_baseline(r.reference.pay.p99())
            .with_ratio(r.level.pay.p99() / r.reference.pay.p99());
        report.add(prefix + ".file_bytes", static_cast<double>(r.bytes), "bytes");
        report.add(prefix + ".wal_bytes_before_close", r.wal_bytes, "bytes").with("reference", r.reference_wal_bytes);
        if (r.populate_seconds > 0) report.add(prefix + ".populate_seconds", r.populate_seconds, "s");
    }
    std::printf("\ntimes in µs; order = cart add + checkout + pay of one order; ref = the reference file\n"
                "ratio = median over rounds of (median order cost at this size) / (median order cost on the\n"
                "reference file, measured in the same round); target: within 1.2x. p99s are in the json.\n");
    report.write();
    return 0;
}
