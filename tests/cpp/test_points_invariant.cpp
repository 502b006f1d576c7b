// The ledger's invariants under a long random mix of every operation, retries and bad
// input included. Each seed drives one account; the seed is printed on failure, so
// putting it first in kSeeds replays the failing sequence.
#include "check_error.hpp"
#include "points/points_account.hpp"
#include "points_support.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <tuple>

using namespace sc;

namespace {

constexpr int kOpsPerSeed = 1000;
constexpr uint64_t kSeeds[] = {20261201, 20261202, 20261203, 20261204, 20261205, 20261206,
                               20261207, 20261208, 20261209, 20261210};

struct RecordedCall {
    std::function<PointsReceipt()> call;
    PointsReceipt receipt;
};

// Everything checked after every step. "The sum of the entries" is Σ balance_effect
// (ledger_entry.hpp): earn, return and adjust add their points; spend, commit and expire
// subtract theirs; reverse subtracts what it did not absorb; hold and release move
// points between free and held and add nothing.
void check_invariants(const PointsAccount& account, int64_t now) {
    const PointsBalances b = account.balances(now);
    int64_t sum = 0;
    int64_t held = 0;
    int64_t debt = 0;
    std::set<std::string> keys;
    std::map<uint64_t, int> resolutions;
    const PointsEntry* reused_key = nullptr;
    for (const PointsEntry& e : account.entries()) {
        sum += balance_effect(e);
        if (e.kind == PointsEntryKind::hold) held += e.points;
        if (e.kind == PointsEntryKind::commit || e.kind == PointsEntryKind::release) {
            held -= e.points;
            ++resolutions[e.target];
        }
        debt += e.charged;
        for (const LotShare& r : e.repaid) debt -= r.points;
        if (!keys.insert(e.key).second && !reused_key) reused_key = &e;
    }
    REQUIRE_MESSAGE(!reused_key, "key used twice: " << (reused_key ? reused_key->key : std::string()));
    REQUIRE(sum == b.total());
    REQUIRE(held == b.held);
    REQUIRE(debt == b.debt);
    REQUIRE(b.debt >= 0);
    // Not a structured binding: clang 14 cannot capture one in doctest's lambda.
    for (const auto& resolution : resolutions)
        REQUIRE_MESSAGE(resolution.second == 1, "hold " << resolution.first << " resolved twice");
    // Every bucket of every lot is checked non-negative by find_inconsistency below.
    int64_t free = 0;
    for (const PointsLot& lot : account.state().lots) free += lot.free;
    // Debt is repaid by any points that become free, so the two never coexist.
    if (b.debt > 0) REQUIRE(free == 0);
    const auto problem = account.find_inconsistency();
    REQUIRE_MESSAGE(!problem, (problem ? *problem : std::string()));
}

// Spend order, checked from outside: no available lot left with free points may rank
// before the last lot the call drew on (soonest expiry first, never last, then lot id).
void check_drawn_soonest_first(const PointsAccount& account, const PointsReceipt& receipt, int64_t now) {
    if (receipt.shares.empty()) return;
    const auto rank = [](const PointsLot& lot) {
        return std::make_tuple(!lot.expires_at.has_value(), lot.expires_at.value_or(0), lot.id);
    };
    const auto& lots = account.state().lots;
    const auto last = account.state().find_lot(receipt.shares.back().lot);
    REQUIRE(last.has_value());
    for (const PointsLot& lot : lots) {
        if (lot.free == 0 || !lot.vested(now) || lot.expired_by(now) || lot.id == lots[*last].id) continue;
        REQUIRE_MESSAGE(!(rank(lot) < rank(lots[*last])), "lot " << lot.id << " should have been drawn first");
    }
}

ExpiryPolicy random_policy(std::mt19937_64& rng) {
    switch (rng() % 4) {
        case 0: return ExpiryPolicy::never_expires();
        case 1: return ExpiryPolicy::days(1 + static_cast<int64_t>(rng() % 60));
        case 2: return ExpiryPolicy::month_end(static_cast<int64_t>(rng() % 3));
        default: return ExpiryPolicy::year_end(static_cast<int64_t>(rng() % 2));
    }
}

// An index below n (n > 0); the cast is exact because the remainder is below n.
size_t index_in(std::mt19937_64& rng, size_t n) { return static_cast<size_t>(rng() % n); }

int64_t pick(std::mt19937_64& rng, int64_t low, int64_t high) {
    return low + static_cast<int64_t>(rng() % static_cast<uint64_t>(high - low + 1));
}

struct Tally {
    int ok = 0;
    int refused = 0;
    int retried = 0;
    int into_debt = 0;         // reversals that charged debt
    int expired_at_once = 0;   // releases and returns into lots already expired
};

void run_seed(uint64_t seed, Tally& tally) {
    CAPTURE(seed);
    std::mt19937_64 rng(seed);
    PointsAccount a;
    int64_t now = utc_ms(2026, 11, 1);
    std::vector<uint64_t> lots, holds, spends;
    std::vector<RecordedCall> calls;
    int next_key = 0;

    for (int step = 0; step < kOpsPerSeed; ++step) {
        CAPTURE(step);
        now += static_cast<int64_t>(rng() % (2 * kMsPerDay));
        const std::string key = "k" + std::to_string(next_key++);
        const std::string ref = "order:ord_" + std::to_string(step);
        const int64_t available = a.balances(now).available;
        std::function<PointsReceipt()> call;
        enum { made_lot, made_hold, made_spend, other } made = other;
        bool drawn = false;  // a spend, hold or negative adjust: check the spend order
        const uint64_t roll = rng() % 100;
        if (roll < 24) {
            const int64_t points = pick(rng, 1, 500);
            const ExpiryPolicy policy = random_policy(rng);
            std::optional<int64_t> vests;
            if (rng() % 10 < 3) vests = now + pick(rng, 1, 10) * kMsPerDay;
            call = [&a, key, ref, points, now, policy, vests] { return a.earn(key, ref, points, now, policy, vests); };
            made = made_lot;
        } else if (roll < 38) {
            const int64_t points = pick(rng, 1, available + 50);
            call = [&a, key, ref, points, now] { return a.spend(key, ref, points, now); };
            made = made_spend;
            drawn = true;
        } else if (roll < 48) {
            const int64_t points = pick(rng, 1, available + 50);
            call = [&a, key, ref, points, now] { return a.hold(key, ref, points, now); };
            made = made_hold;
            drawn = true;
        } else if (roll < 62) {
            const uint64_t hold = holds.empty() ? 12345 : holds[index_in(rng, holds.size())];
            if (rng() % 2) {
                call = [&a, key, ref, hold, now] { return a.commit_hold(key, ref, hold, now); };
                made = made_spend;
            } else {
                call = [&a, key, ref, hold, now] { return a.release_hold(key, ref, hold, now); };
            }
        } else if (roll < 70) {
            const uint64_t lot = lots.empty() ? 12345 : lots[index_in(rng, lots.size())];
            const int64_t points = pick(rng, 1, 300);
            call = [&a, key, ref, lot, points, now] { return a.reverse_earn(key, ref, lot, points, now); };
        } else if (roll < 78) {
            const uint64_t spend = spends.empty() ? 12345 : spends[index_in(rng, spends.size())];
            const int64_t points = pick(rng, 1, 200);
            call = [&a, key, ref, spend, points, now] { return a.return_spent(key, ref, spend, points, now); };
        } else if (roll < 84) {
            const int64_t points = rng() % 2 ? pick(rng, 1, 200) : -pick(rng, 1, available + 20);
            const std::string reason = rng() % 20 == 0 ? std::string() : std::string("correction");
            call = [&a, key, ref, points, reason, now] { return a.adjust(key, ref, points, reason, now); };
            drawn = points < 0;
        } else if (roll < 88) {
            now += pick(rng, 20, 200) * kMsPerDay;  // a clock jump, then the sweep
            const int64_t at = now;
            call = [&a, at] { return a.expire_due(at); };
        } else if (roll < 96 && !calls.empty()) {
            const RecordedCall& again = calls[index_in(rng, calls.size())];
            const size_t before = a.entries().size();
            REQUIRE(again.call() == again.receipt);
            REQUIRE(a.entries().size() == before);
            ++tally.retried;
            check_invariants(a, now);
            continue;
        } else {
            call = [&a, key, ref, now] { return a.spend(key, ref, 0, now); };  // bad input
        }

        const std::vector<PointsEntry>::size_type entries_before = a.entries().size();
        const PointsState state_before = a.state();
        try {
            const PointsReceipt receipt = call();
            ++tally.ok;
            if (made == made_lot) lots.push_back(receipt.entry);
            if (made == made_hold) holds.push_back(receipt.entry);
            if (made == made_spend) spends.push_back(receipt.entry);
            if (receipt.debt_charged > 0) ++tally.into_debt;
            if (drawn) check_drawn_soonest_first(a, receipt, now);
            if (!a.entries().empty() && a.entries().back().kind == PointsEntryKind::expire &&
                a.entries().size() > entries_before + 1 &&
                (a.entries()[a.entries().size() - 2].kind == PointsEntryKind::release ||
                 a.entries()[a.entries().size() - 2].kind == PointsEntryKind::return_))
                ++tally.expired_at_once;
            if (roll < 84) calls.push_back(RecordedCall{call, receipt});
        } catch (const Error& e) {
            CAPTURE(e.what());
            REQUIRE(e.code() != SC_ERR_INTERNAL);
            REQUIRE(e.code() != SC_ERR_OVERFLOW);
            REQUIRE(a.entries().size() == entries_before);
            REQUIRE(a.state() == state_before);
            ++tally.refused;
        }
        check_invariants(a, now);
    }
}

}  // namespace

TEST_CASE("points invariant: 10,000 random operations keep every ledger invariant") {
    const auto started = std::chrono::steady_clock::now();
    Tally tally;
    for (const uint64_t seed : kSeeds) run_seed(seed, tally);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    MESSAGE("points invariant: " << tally.ok << " applied, " << tally.refused << " refused, " << tally.retried
                                 << " retried; " << tally.into_debt << " reversals into debt, "
                                 << tally.expired_at_once << " releases or returns expired at once; " << ms << " ms");
    CHECK(tally.ok + tally.refused + tally.retried == kOpsPerSeed * static_cast<int>(std::size(kSeeds)));
    CHECK(tally.ok > 5000);
    CHECK(tally.retried > 500);
    CHECK(tally.into_debt > 0);
    CHECK(tally.expired_at_once > 0);
}
