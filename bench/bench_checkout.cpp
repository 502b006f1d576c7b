// Benchmark: orders (cart add + checkout + pay of a 1-line order) per second through the
// C ABI, beside the raw rate of single-row INSERT transactions on the same SQLite
// settings, measured in the same run. Prints figures; never passes or fails on time.
//
//   bench_checkout [orders=2000]
#include <socialcart/socialcart.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;

std::string temp_db(const char* name) {
    const auto path = std::filesystem::temp_directory_path() / name;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    return path.string();
}

void must(sc_status status, sc_error* err, const char* what) {
    if (status == SC_OK) return;
    std::fprintf(stderr, "%s: %s\n", what, sc_error_message(err));
    std::exit(1);
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The floor: BEGIN IMMEDIATE; one INSERT; COMMIT — with the engine's pragmas.
double raw_insert_rate(const char* synchronous, int n) {
    const std::string path = temp_db("sc-bench-raw.db");
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode=WAL");
    db.exec(std::string("PRAGMA synchronous=") + synchronous);
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
    SQLite::Statement insert(db, "INSERT INTO t(v) VALUES (?)");
    const auto start = Clock::now();
    for (int i = 0; i < n; ++i) {
        db.exec("BEGIN IMMEDIATE");
        insert.bind(1, "row");
        insert.exec();
        insert.reset();
        db.exec("COMMIT");
    }
    return n / seconds_since(start);
}

double order_rate(sc_durability durability, int n) {
    const std::string path = temp_db("sc-bench-engine.db");
    sc_error* err = nullptr;
    sc_options* options = nullptr;
    must(sc_options_new(&options, &err), err, "options");
    must(sc_options_set_durability(options, durability, &err), err, "durability");
    sc_engine* engine = nullptr;
    must(sc_engine_open(path.c_str(), options, &engine, &err), err, "open");
    sc_options_free(options);
    sc_sku* sku = nullptr;
    must(sc_sku_new("tea", "m1", "Tea", "CNY", 6800, &sku, &err), err, "sku");
    must(sc_sku_set_stock(sku, 1'000'000'000, &err), err, "stock");
    must(sc_engine_put_sku(engine, sku, &err), err, "put");
    sc_sku_free(sku);

    const auto start = Clock::now();
    for (int i = 0; i < n; ++i) {
        // Appended rather than "u" + to_string(): GCC 12's -Wrestrict misfires on the
        // latter at -O3 (a false positive), and warnings are errors here.
        std::string user = "u";
        user += std::to_string(i % 100);
        std::string key = "k";
        key += std::to_string(i);
        must(sc_engine_cart_add(engine, user.c_str(), "tea", 1, &err), err, "cart_add");
        sc_order* order = nullptr;
        must(sc_engine_checkout(engine, user.c_str(), key.c_str(), &order, &err), err, "checkout");
        must(sc_engine_order_pay(engine, sc_order_id(order), key.c_str(), sc_order_total(order), key.c_str(), nullptr,
                                 &err), err, "pay");
        sc_order_free(order);
    }
    const double rate = n / seconds_since(start);
    sc_engine_close(engine);
    return rate;
}

}  // namespace

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 2000;
    std::printf("socialcart %s benchmark: %d orders per setting (each: cart add + checkout + pay = 3 write "
                "transactions)\n\n",
                sc_version(), n);
    std::printf("%-10s %16s %16s %18s %8s\n", "durability", "orders/s", "write tx/s", "raw inserts/s", "ratio");
    for (auto [durability, name, sync] : {std::tuple{SC_DURABILITY_FULL, "full", "FULL"},
                                          std::tuple{SC_DURABILITY_NORMAL, "normal", "NORMAL"}}) {
        const double raw = raw_insert_rate(sync, n);
        const double orders = order_rate(durability, n);
        std::printf("%-10s %16.0f %16.0f %18.0f %7.1f%%\n", name, orders, orders * 3, raw, 100.0 * orders * 3 / raw);
    }
    std::printf("\nratio = engine write transactions per second / raw single-row insert transactions per second\n");
    return 0;
}
