// The points ledger through the engine, under a seeded random sequence of operations:
// adjustments one at a time and in batches, activities, sign-ins, coupons bought with
// points, checkouts paying with points, payments, cancels, lapsed windows, refunds by line
// and by amount, clock jumps across vesting, expiry and tier periods, and retries of
// earlier calls with their keys. A tier program is set, so members move between tiers and
// orders earn at their tier's multiplier. After every step (for the member the step
// was about and the newest orders; for every member every 10 steps and every order every
// 100), from the stored file:
//   - each member's balance total equals the sum of its entries' effects;
//   - no lot has a bucket below zero, and the entries replay (every hold resolved at most
//     once, nothing taken beyond what a lot holds);
//   - each idempotency key is on at most one entry of a member;
//   - debt and available points never coexist;
//   - each order's points hold is in the state its order says (held while unpaid,
//     committed once paid, released once cancelled), and the "points" hold rows agree;
//   - a fully refunded order has had all it earned reversed and all it spent returned,
//     and no order more;
//   - a member's tier is never below the one their paid spend qualifies for.
// The seed and step are printed on failure; put the seed first in kSeeds to replay it.
#include "coupon_support.hpp"
#include "points/points_account.hpp"
#include "store/points_store.hpp"
#include "support.hpp"
#include "tiers/qualifying_figure.hpp"

#include <SQLiteCpp/Statement.h>

#include <map>
#include <random>
#include <set>

using namespace sc;
using namespace sc::test;

namespace {

constexpr uint64_t kSeeds[] = {20261211, 20261212, 20261213, 20261214, 20261215};
constexpr int kSteps = 2000;  // × 5 seeds: 10,000 operations
const char* const kUsers[] = {"ann", "bo", "cy", "di", "ed", "fay"};
constexpr int64_t kUserCount = 6;

PointsProgram program() {
    PointsProgram p;
    p.earn = PointsEarnRule{1, 100};
    p.redeem = PointsRedeemRule{100, 100, 100, 5000};
    p.expiry = ExpiryPolicy::days(90);
    p.return_window_days = 7;
    p.sign_in = {5, 10, 20};
    p.activities = {PointsActivity{"share", 7, 3}};
    return p;
}

// Spend over 30 days, reviewed monthly: the clock's jumps cross periods and the window.
TierProgram tiers() {
    TierProgram p;
    p.basis = TierBasis::paid_spend;
    p.window_days = 30;
    p.period = TierPeriod::month;
    p.tiers = {Tier{"normal", "Normal", 0, {}}, Tier{"silver", "Silver", 30000, {500, 15000, std::nullopt}},
               Tier{"gold", "Gold", 100000, {1000, 20000, 0}}};
    return p;
}

// A coupon bought with points.
CouponTemplate points_coupon() {
    CouponTemplate t = fixed_coupon("swap", 500, std::nullopt, 1000);
    t.issue_mode = CouponIssueMode::points;
    t.points_cost = 300;
    return t;
}

struct Known {
    std::string order_id;
    std::string user;
};

int64_t scalar(Connection& db, const std::string& sql, const std::string& a = "", const std::string& b = "") {
    SQLite::Statement q(db.raw(), sql);
    if (!a.empty()) q.bind(1, a);
    if (!b.empty()) q.bind(2, b);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

// The member's paid spend over the window, from the orders and refunds themselves (not the
// engine's spend rows): its tier is at least the one that spend qualifies for.
void check_tier(Connection& db, Engine& engine, const std::string& user, int64_t now) {
    const std::string from = std::to_string(now - 30 * kDay), to = std::to_string(now);
    const int64_t paid = scalar(db, "SELECT COALESCE(SUM(total - shipping), 0) FROM orders WHERE user_id = ? AND paid_at > " +
                                        from + " AND paid_at <= " + to, user);
    const int64_t refunded = scalar(db, "SELECT COALESCE(SUM(r.amount), 0) FROM refunds r JOIN orders o ON o.id = r.order_id "
                                        "WHERE o.user_id = ? AND r.created_at > " + from + " AND r.created_at <= " + to, user);
    const int64_t figure = std::max<int64_t>(0, paid - refunded);
    const TierStatusView status = engine.tier_status(user);
    CHECK(status.progress.figure == figure);
    CHECK(status.rank >= qualified_rank(tiers(), figure));
}

std::string hold_state_of(const PointsAccount& account, uint64_t hold) {
    const auto it = account.state().holds.find(hold);
    return it == account.state().holds.end() ? "none" : points_hold_state_name(it->second.state);
}

// One member's checks; returns the account the file holds, for the order checks.
PointsAccount check_member(Connection& db, const std::string& user, int64_t now) {
    PointsAccount account = PointsAccount::restore(store::points_entries_of(db, user));
    const PointsBalances b = account.balances(now);
    CHECK(b.total() == scalar(db, "SELECT COALESCE(SUM(effect), 0) FROM points_entries WHERE user_id = ?", user));
    std::string problems;
    for (const PointsLot& lot : account.state().lots)
        if (const auto problem = lot_inconsistency(lot)) problems += "lot " + std::to_string(lot.id) + ": " + *problem;
    CHECK_MESSAGE(problems.empty(), user, " ", problems);
    CHECK(scalar(db, "SELECT COUNT(*) FROM (SELECT key FROM points_entries WHERE user_id = ? GROUP BY key "
                     "HAVING COUNT(*) > 1)", user) == 0);
    CHECK((b.debt == 0 || b.available + b.pending == 0));
    int64_t ledger_held = 0;
    for (const auto& [id, hold] : account.state().holds) ledger_held += hold.state == PointsHoldState::held;
    CHECK(ledger_held == scalar(db, "SELECT COUNT(*) FROM holds WHERE kind = 'points' AND resource = ? AND "
                                    "state = 'held'", user));
    return account;
}

void check_order(Connection& db, Engine& engine, const Known& known, const PointsAccount& account, int64_t now) {
    const Order o = engine.order(known.order_id);  // as a read sees it: a lapsed order is cancelled
    if (o.points_hold != 0) {
        const std::string state = hold_state_of(account, o.points_hold);
        SQLite::Statement row(db.raw(), "SELECT state, expires_at FROM holds WHERE order_id = ? AND kind = 'points'");
        row.bind(1, o.id);
        REQUIRE(row.executeStep());
        CHECK(state == row.getColumn(0).getString());
        if (o.state == SC_ORDER_CREATED) CHECK(state == "held");
        // Lapsed and not yet settled by a write: still held in the file, past its deadline.
        else if (o.state == SC_ORDER_CANCELLED)
            CHECK((state == "released" || (state == "held" && row.getColumn(1).getInt64() <= now)));
        else CHECK(state == "committed");
    }
    if (o.state == SC_ORDER_PAID || o.state == SC_ORDER_PARTIALLY_REFUNDED || o.state == SC_ORDER_REFUNDED) {
        int64_t reversed = 0;
        int64_t returned = 0;
        for (const PointsEntry& e : account.entries()) {
            if (e.reference.rfind("refund:", 0) != 0) continue;
            if (e.kind == PointsEntryKind::reverse && e.target == o.points_lot) reversed += e.points;
            if (e.kind == PointsEntryKind::return_ && e.target == o.points_spend) returned += e.points;
        }
        CHECK(reversed <= o.points_earned);
        CHECK(returned <= o.points_used);
        if (o.state == SC_ORDER_REFUNDED) {
            CHECK(reversed == o.points_earned);
            CHECK(returned == o.points_used);
        }
    }
}

}  // namespace

TEST_CASE("points through the engine: 10,000 random operations keep every ledger invariant") {
    for (const uint64_t seed : kSeeds) {
        CAPTURE(seed);
        TempDb file;
        ManualClock clock;
        EngineConfig config = config_for(file, clock);
        config.payment_window_ms = 15 * 60 * 1000;
        config.store.durability = SC_DURABILITY_NORMAL;  // what is checked is the ledger, not fsync
        Engine engine(config);
        engine.put_sku(make_sku("tea", 6800, 1000000));
        engine.put_sku(make_sku("cake", 12800));
        engine.put_points_program(program());
        engine.put_tier_program(tiers());
        engine.put_coupon_template(points_coupon());
        Connection check(StoreSettings{file.path}, true);
        std::mt19937_64 rng(seed);
        const auto pick = [&](int64_t n) { return static_cast<int64_t>(rng() % static_cast<uint64_t>(n)); };
        std::vector<Known> orders;
        std::vector<std::tuple<std::string, int64_t, std::string, std::string>> adjustments;  // user, points, reason, key
        int64_t refusals = 0;
        int64_t key_counter = 0;

        for (int step = 0; step < kSteps; ++step) {
            CAPTURE(step);
            const std::string user = kUsers[pick(kUserCount)];
            const std::string key = "k" + std::to_string(++key_counter);
            try {
                switch (pick(14)) {
                    case 0: {  // an operator's correction, either way
                        const int64_t points = pick(4) == 0 ? -(1 + pick(300)) : 1 + pick(2000);
                        engine.points_adjust(user, points, "random", key);
                        adjustments.emplace_back(user, points, "random", key);
                        break;
                    }
                    case 1: engine.points_activity(user, "share", "sku-" + std::to_string(pick(5)), key); break;
                    case 2: engine.sign_in(user); break;
                    case 3:
                    case 4: {  // a checkout paying with points, paid or not
                        engine.cart_add(user, pick(2) ? "tea" : "cake", 1 + pick(3));
                        CheckoutRequest request;
                        if (pick(2)) request.points = PointsUse{PointsUse::Mode::most, 0};
                        else request.points = PointsUse{PointsUse::Mode::exactly, 100 * pick(5)};
                        const Order o = engine.checkout(user, request, key);
                        orders.push_back(Known{o.id, user});
                        if (pick(3) != 0) engine.pay(o.id, "psp", o.total, "pay-" + key);
                        break;
                    }
                    case 5:
                    case 6: {  // a refund of a random line or amount of a random order
                        if (orders.empty()) break;
                        const Known& k = orders[static_cast<size_t>(pick(static_cast<int64_t>(orders.size())))];
                        const Order o = engine.order(k.order_id);
                        if (pick(2)) engine.refund_line(o.id, static_cast<size_t>(pick(static_cast<int64_t>(o.lines.size()))), 1, key);
                        else engine.refund_amount(o.id, 1 + pick(std::max<int64_t>(1, o.goods_total() / 2)), key);
                        break;
                    }
                    case 7: {  // pay or cancel an unpaid order
                        if (orders.empty()) break;
                        const Known& k = orders[static_cast<size_t>(pick(static_cast<int64_t>(orders.size())))];
                        const Order o = engine.order(k.order_id);
                        if (pick(2)) engine.pay(o.id, "psp", o.total, "pay-" + key);
                        else engine.cancel(o.id);
                        break;
                    }
                    case 8: {  // the clock jumps: minutes (payment windows), days (vesting), months (expiry)
                        const int64_t jumps[] = {60'000, 20 * 60'000, kDay, 8 * kDay, 95 * kDay};
                        clock.advance_ms(jumps[pick(5)]);
                        break;
                    }
                    case 9: {  // a retry of an earlier adjustment under its key
                        if (adjustments.empty()) break;
                        const auto& [u, points, reason, k] =
                            adjustments[static_cast<size_t>(pick(static_cast<int64_t>(adjustments.size())))];
                        engine.sweep(1000);  // lapsed orders settle first: the retry itself adds nothing
                        const int64_t entries = static_cast<int64_t>(
                            store::points_entries_of(check, u).size());
                        engine.points_adjust(u, points, reason, k);
                        CHECK(static_cast<int64_t>(store::points_entries_of(check, u).size()) == entries);
                        break;
                    }
                    case 10: engine.sweep(100); break;
                    case 12: {  // a batch of corrections, some retried under keys already used
                        std::vector<PointsAdjustment> batch;
                        for (int64_t i = 0, n = 1 + pick(4); i < n; ++i) {
                            if (!adjustments.empty() && pick(3) == 0) {
                                const auto& [u, points, reason, k] =
                                    adjustments[static_cast<size_t>(pick(static_cast<int64_t>(adjustments.size())))];
                                if (points > 0) batch.push_back(PointsAdjustment{u, points, reason, k});
                                continue;
                            }
                            const std::string u = kUsers[pick(kUserCount)];
                            const std::string k = key + "-" + std::to_string(i);
                            const int64_t points = 1 + pick(500);
                            batch.push_back(PointsAdjustment{u, points, "batch", k});
                            adjustments.emplace_back(u, points, "batch", k);
                        }
                        if (!batch.empty()) engine.points_adjust_batch(batch);
                        break;
                    }
                    case 13: engine.exchange_points_for_coupon(user, "swap", key); break;
                    case 11: {  // a debit beyond what the member has: refused, nothing changes
                        engine.sweep(1000);
                        const auto before = store::points_entries_of(check, user);
                        CHECK_THROWS(engine.points_adjust(user, -1'000'000'000, "too much", key));
                        CHECK(store::points_entries_of(check, user) == before);
                        break;
                    }
                }
            } catch (const Error& e) {
                // Refusals are expected (not enough points, caps, refunds beyond what is left);
                // failures of the engine itself are not.
                CAPTURE(e.what());
                CHECK(e.code() != SC_ERR_INTERNAL);
                CHECK(e.code() != SC_ERR_STORAGE);
                ++refusals;
            }
            const int64_t now = clock.now->load();
            // The member and orders a step is likely to have touched every step; every member
            // every 10 steps (a write settles others' lapsed orders); every order every 100.
            std::map<std::string, PointsAccount> accounts;
            const auto account_of = [&](const std::string& u) -> const PointsAccount& {
                auto it = accounts.find(u);
                if (it == accounts.end()) it = accounts.emplace(u, check_member(check, u, now)).first;
                return it->second;
            };
            account_of(user);
            check_tier(check, engine, user, now);
            if (step % 10 == 9)
                for (const char* u : kUsers) account_of(u);
            const size_t from = step % 100 == 99 || orders.size() < 4 ? 0 : orders.size() - 4;
            for (size_t i = from; i < orders.size(); ++i)
                check_order(check, engine, orders[i], account_of(orders[i].user), now);
        }
        const size_t upgrades = engine.events_of_type("tier.upgraded", 0, 10000).size();
        const size_t downgrades = engine.events_of_type("tier.downgraded", 0, 10000).size();
        CHECK(upgrades > 0);  // the run moved members between tiers, so check_tier saw them move
        CHECK(downgrades > 0);
        MESSAGE("seed ", seed, ": ", kSteps, " operations, ", refusals, " refused, ", orders.size(), " orders, ",
                upgrades, " tier upgrades, ", downgrades, " downgrades");
    }
}
