#pragma once
// Helpers shared by the C++ tests: a manual clock and temporary database files.
#include "check_error.hpp"
#include "core/error.hpp"
#include "engine/engine.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace sc::test {

// Time stands still until a test moves it.
struct ManualClock {
    std::shared_ptr<std::atomic<int64_t>> now = std::make_shared<std::atomic<int64_t>>(1'795'428'000'000);
    Clock clock() const {
        auto n = now;
        return [n] { return n->load(); };
    }
    void advance_ms(int64_t ms) { *now += ms; }
};

// A database file that is removed (with its WAL and SHM files) at the end of the test.
struct TempDb {
    std::string path;
    TempDb() {
        static std::atomic<int> counter{0};
        path = (std::filesystem::temp_directory_path() /
                ("sc-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".db"))
                   .string();
        remove_files();
    }
    ~TempDb() { remove_files(); }
    void remove_files() const {
        for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    }
};

inline EngineConfig config_for(const TempDb& db, const ManualClock& clock) {
    EngineConfig config;
    config.store.path = db.path;
    config.clock = clock.clock();
    return config;
}

inline Sku make_sku(std::string id, int64_t price, std::optional<int64_t> stock = std::nullopt) {
    Sku sku;
    sku.id = std::move(id);
    sku.merchant_id = "m1";
    sku.title = "Title of " + sku.id;
    sku.currency = "CNY";
    sku.list_price = price;
    sku.stock_on_hand = stock;
    return sku;
}

}  // namespace sc::test
