#include "check_error.hpp"
#include "points/points_account.hpp"
#include "points_support.hpp"

#include <numeric>

using namespace sc;

namespace {

const int64_t T0 = utc_ms(2026, 11, 1, 10);
const int64_t DAY = kMsPerDay;

int64_t entry_sum(const PointsAccount& account) {
    int64_t sum = 0;
    for (const PointsEntry& e : account.entries()) sum += balance_effect(e);
    return sum;
}

void check_consistent(const PointsAccount& account, int64_t now) {
    const auto problem = account.find_inconsistency();
    CHECK_MESSAGE(!problem, (problem ? *problem : std::string()));
    CHECK(account.balances(now).total() == entry_sum(account));
}

}  // namespace

TEST_CASE("points spend takes the soonest-expiring lot first, never-expiring last, ties by earn order") {
    PointsAccount a;
    const uint64_t never = a.earn("e1", "signin:2026-11-01", 100, T0, ExpiryPolicy::never_expires()).entry;
    const uint64_t late = a.earn("e2", "order:ord_1", 100, T0, ExpiryPolicy::days(60)).entry;
    const uint64_t soon = a.earn("e3", "order:ord_2", 100, T0 + 1, ExpiryPolicy::days(10)).entry;
    const uint64_t tie = a.earn("e4", "order:ord_3", 50, T0 + 1, ExpiryPolicy::days(10)).entry;
    CHECK(a.balances(T0 + 2).available == 350);

    const PointsReceipt r = a.spend("s1", "order:ord_9", 170, T0 + 2);
    CHECK(r.shares == std::vector<LotShare>{{soon, 100}, {tie, 50}, {late, 20}});
    const PointsReceipt r2 = a.spend("s2", "order:ord_10", 150, T0 + 3);
    CHECK(r2.shares == std::vector<LotShare>{{late, 80}, {never, 70}});
    CHECK(a.balances(T0 + 3).available == 30);
    check_consistent(a, T0 + 3);
}

TEST_CASE("points pending lots cannot be spent until they vest") {
    PointsAccount a;
    a.earn("e1", "order:ord_1", 300, T0, ExpiryPolicy::never_expires(), T0 + 7 * DAY);
    a.earn("e2", "signin:2026-11-01", 20, T0, ExpiryPolicy::never_expires());
    CHECK(a.balances(T0) == PointsBalances{20, 300, 0, 0, 0});
    CHECK_SC_ERROR_FIELD(a.spend("s1", "order:ord_2", 21, T0 + DAY), SC_ERR_INVALID_ARGUMENT, "points");
    CHECK(a.entries().size() == 2);
    a.spend("s2", "order:ord_2", 200, T0 + 7 * DAY);
    CHECK(a.balances(T0 + 7 * DAY) == PointsBalances{120, 0, 0, 0, 0});
    check_consistent(a, T0 + 7 * DAY);
}

TEST_CASE("points expiry settles the unspent, unheld remainder of each lot due") {
    PointsAccount a;
    const uint64_t l1 = a.earn("e1", "order:ord_1", 100, T0, ExpiryPolicy::days(10)).entry;
    const uint64_t l2 = a.earn("e2", "order:ord_2", 100, T0, ExpiryPolicy::month_end(0)).entry;  // ends 1 Dec
    a.earn("e3", "order:ord_3", 100, T0, ExpiryPolicy::never_expires());
    a.spend("s1", "order:ord_4", 30, T0 + 1);   // from l1
    a.hold("h1", "order:ord_5", 90, T0 + 2);    // 70 from l1, 20 from l2
    CHECK(a.balances(T0 + 10 * DAY).due_to_expire == 0);  // l1 is all spent or held
    CHECK(a.balances(utc_ms(2026, 12, 1)).due_to_expire == 80);

    CHECK(a.expire_due(utc_ms(2026, 11, 30, 23)).expired == 0);
    const size_t before = a.entries().size();
    const PointsReceipt r = a.expire_due(utc_ms(2026, 12, 1));
    CHECK(r.expired == 80);
    REQUIRE(a.entries().size() == before + 1);
    CHECK(a.entries().back().kind == PointsEntryKind::expire);
    CHECK(a.entries().back().shares == std::vector<LotShare>{{l2, 80}});
    CHECK(a.expire_due(utc_ms(2026, 12, 2)).expired == 0);  // nothing twice
    CHECK(a.balances(utc_ms(2026, 12, 2)) == PointsBalances{100, 0, 90, 0, 0});
    (void)l1;
    check_consistent(a, utc_ms(2026, 12, 2));
}

TEST_CASE("points holds resolve exactly once: commit or release") {
    PointsAccount a;
    const uint64_t lot = a.earn("e1", "order:ord_1", 500, T0, ExpiryPolicy::never_expires()).entry;
    const uint64_t h1 = a.hold("h1", "order:ord_2", 200, T0).entry;
    const uint64_t h2 = a.hold("h2", "order:ord_3", 100, T0).entry;
    CHECK(a.balances(T0) == PointsBalances{200, 0, 300, 0, 0});

    const PointsReceipt c = a.commit_hold("c1", "order:ord_2", h1, T0 + 1);
    CHECK(c.shares == std::vector<LotShare>{{lot, 200}});
    CHECK(a.balances(T0 + 1) == PointsBalances{200, 0, 100, 0, 0});
    CHECK_SC_ERROR_FIELD(a.commit_hold("c2", "order:ord_2", h1, T0 + 2), SC_ERR_INVALID_STATE, "hold_id");
    CHECK_SC_ERROR_FIELD(a.release_hold("r0", "order:ord_2", h1, T0 + 2), SC_ERR_INVALID_STATE, "hold_id");

    a.release_hold("r1", "order:ord_3", h2, T0 + 2);
    CHECK(a.balances(T0 + 2) == PointsBalances{300, 0, 0, 0, 0});
    CHECK_SC_ERROR_FIELD(a.release_hold("r2", "order:ord_3", h2, T0 + 3), SC_ERR_INVALID_STATE, "hold_id");
    CHECK_SC_ERROR_FIELD(a.commit_hold("c3", "order:ord_3", h2, T0 + 3), SC_ERR_INVALID_STATE, "hold_id");
    CHECK_SC_ERROR_FIELD(a.commit_hold("c4", "order:ord_3", 999, T0 + 3), SC_ERR_NOT_FOUND, "hold_id");
    // The retried commit is not a second resolution: it returns the first one.
    CHECK(a.commit_hold("c1", "order:ord_2", h1, T0 + 5) == c);
    CHECK(a.state().holds.at(h1).state == PointsHoldState::committed);
    CHECK(a.state().holds.at(h2).state == PointsHoldState::released);
    check_consistent(a, T0 + 5);
}

TEST_CASE("points held points do not expire; released after their lot's expiry they expire at once") {
    PointsAccount a;
    const uint64_t lot = a.earn("e1", "order:ord_1", 100, T0, ExpiryPolicy::days(5)).entry;
    const uint64_t h = a.hold("h1", "order:ord_2", 60, T0).entry;
    // Day 6: the 40 free points expire, the 60 held ones stay reserved.
    CHECK(a.expire_due(T0 + 6 * DAY).expired == 40);
    CHECK(a.balances(T0 + 6 * DAY) == PointsBalances{0, 0, 60, 0, 0});
    const PointsReceipt r = a.release_hold("r1", "order:ord_2", h, T0 + 7 * DAY);
    CHECK(r.expired == 60);
    CHECK(a.entries().back().kind == PointsEntryKind::expire);
    CHECK(a.entries().back().shares == std::vector<LotShare>{{lot, 60}});
    CHECK(a.balances(T0 + 7 * DAY) == PointsBalances{0, 0, 0, 0, 0});
    check_consistent(a, T0 + 7 * DAY);
}

TEST_CASE("points reversal of spent points goes into debt; the next earn repays it first") {
    PointsAccount a;
    const uint64_t lot = a.earn("e1", "order:ord_1", 100, T0, ExpiryPolicy::never_expires()).entry;
    a.spend("s1", "order:ord_2", 80, T0 + 1);
    // The order that earned the 100 is refunded in full: 20 are still in the lot, 80 were
    // spent and become debt.
    const PointsReceipt r = a.reverse_earn("v1", "refund:ref_1", lot, 100, T0 + 2);
    CHECK(r.shares == std::vector<LotShare>{{lot, 20}});
    CHECK(r.debt_charged == 80);
    CHECK(a.balances(T0 + 2) == PointsBalances{0, 0, 0, 80, 0});
    CHECK(a.balances(T0 + 2).total() == -80);
    CHECK_SC_ERROR_FIELD(a.spend("s2", "order:ord_3", 1, T0 + 3), SC_ERR_INVALID_STATE, "points");
    CHECK_SC_ERROR_FIELD(a.reverse_earn("v2", "refund:ref_2", lot, 1, T0 + 3), SC_ERR_REFUND_EXCEEDS_PAID, "points");

    const PointsReceipt e = a.earn("e2", "signin:2026-11-02", 50, T0 + 4, ExpiryPolicy::never_expires());
    CHECK(e.debt_repaid == 50);
    CHECK(a.balances(T0 + 4) == PointsBalances{0, 0, 0, 30, 0});
    const PointsReceipt e3 = a.earn("e3", "signin:2026-11-03", 50, T0 + 5, ExpiryPolicy::never_expires());
    CHECK(e3.debt_repaid == 30);
    CHECK(a.balances(T0 + 5) == PointsBalances{20, 0, 0, 0, 0});
    a.spend("s3", "order:ord_3", 20, T0 + 6);
    check_consistent(a, T0 + 6);
}

TEST_CASE("points reversal takes other free points before debt, and absorbs expired points") {
    PointsAccount a;
    const uint64_t l1 = a.earn("e1", "order:ord_1", 100, T0, ExpiryPolicy::days(1)).entry;
    const uint64_t l2 = a.earn("e2", "order:ord_2", 100, T0, ExpiryPolicy::days(30)).entry;
    a.spend("s1", "order:ord_3", 30, T0 + 1);  // from l1 (soonest)
    a.expire_due(T0 + DAY);                     // l1's other 70 expire
    // Reverse all of l1: 70 expired (nothing to take), 30 spent → taken from l2.
    const PointsReceipt r = a.reverse_earn("v1", "refund:ref_1", l1, 100, T0 + DAY + 1);
    CHECK(r.shares == std::vector<LotShare>{{l2, 30}});
    CHECK(r.debt_charged == 0);
    CHECK(a.entries().back().absorbed == 70);
    CHECK(a.balances(T0 + DAY + 1) == PointsBalances{70, 0, 0, 0, 0});
    check_consistent(a, T0 + DAY + 1);
}

TEST_CASE("points returned points go back to their lots with their expiry, split by largest remainder") {
    PointsAccount a;
    const uint64_t l1 = a.earn("e1", "order:ord_1", 10, T0, ExpiryPolicy::days(3)).entry;
    const uint64_t l2 = a.earn("e2", "order:ord_2", 20, T0, ExpiryPolicy::days(30)).entry;
    const uint64_t s = a.spend("s1", "order:ord_3", 30, T0 + 1).entry;
    // A third of the order is refunded: 10 of 30 points, 10:20 over the lots.
    const PointsReceipt r1 = a.return_spent("t1", "refund:ref_1", s, 10, T0 + 2);
    CHECK(r1.shares == std::vector<LotShare>{{l1, 3}, {l2, 7}});
    CHECK(a.balances(T0 + 2).available == 10);
    // After l1's expiry, the rest comes back; l1's part expires at once.
    const PointsReceipt r2 = a.return_spent("t2", "refund:ref_2", s, 20, T0 + 4 * DAY);
    CHECK(r2.shares == std::vector<LotShare>{{l1, 7}, {l2, 13}});
    CHECK(r2.expired == 10);  // l1's 3 from before (settled first) and its 7 now
    CHECK(a.balances(T0 + 4 * DAY) == PointsBalances{20, 0, 0, 0, 0});
    CHECK_SC_ERROR_FIELD(a.return_spent("t3", "refund:ref_3", s, 1, T0 + 4 * DAY), SC_ERR_REFUND_EXCEEDS_PAID,
                         "points");
    CHECK_SC_ERROR_FIELD(a.return_spent("t4", "refund:ref_3", 999, 1, T0 + 4 * DAY), SC_ERR_NOT_FOUND, "spend_id");
    check_consistent(a, T0 + 4 * DAY);
}

TEST_CASE("points a committed hold can be returned; returns into debt repay it") {
    PointsAccount a;
    const uint64_t l1 = a.earn("e1", "order:ord_1", 100, T0, ExpiryPolicy::never_expires()).entry;
    const uint64_t h = a.hold("h1", "order:ord_2", 100, T0).entry;
    const uint64_t c = a.commit_hold("c1", "order:ord_2", h, T0 + 1).entry;
    a.reverse_earn("v1", "refund:ref_1", l1, 100, T0 + 2);
    CHECK(a.balances(T0 + 2).debt == 100);
    const PointsReceipt r = a.return_spent("t1", "refund:ref_2", c, 100, T0 + 3);
    CHECK(r.debt_repaid == 100);
    CHECK(a.balances(T0 + 3) == PointsBalances{0, 0, 0, 0, 0});
    check_consistent(a, T0 + 3);
}

TEST_CASE("points adjustments: with a reason, positive as a lot, negative within available") {
    PointsAccount a;
    const PointsReceipt plus = a.adjust("a1", "ticket:42", 40, "goodwill", T0);
    CHECK(a.balances(T0).available == 40);
    CHECK(a.state().lots.back().id == plus.entry);
    CHECK_FALSE(a.state().lots.back().from_earn);
    CHECK(a.adjust("a2", "ticket:43", -15, "duplicate grant", T0 + 1).shares == std::vector<LotShare>{{plus.entry, 15}});
    CHECK(a.balances(T0 + 1).available == 25);
    CHECK_SC_ERROR_FIELD(a.adjust("a3", "ticket:44", -26, "too much", T0 + 1), SC_ERR_INVALID_ARGUMENT, "points");
    CHECK_SC_ERROR_FIELD(a.adjust("a4", "ticket:44", 5, "", T0 + 1), SC_ERR_INVALID_ARGUMENT, "reason");
    CHECK_SC_ERROR_FIELD(a.adjust("a5", "ticket:44", -5, "", T0 + 1), SC_ERR_INVALID_ARGUMENT, "reason");
    CHECK_SC_ERROR_FIELD(a.adjust("a6", "ticket:44", 0, "zero", T0 + 1), SC_ERR_INVALID_ARGUMENT, "points");
    CHECK_SC_ERROR_FIELD(a.reverse_earn("v1", "refund:1", plus.entry, 1, T0 + 1), SC_ERR_NOT_FOUND, "lot_id");
    check_consistent(a, T0 + 1);
}

TEST_CASE("points idempotency: a used key replays its first receipt; other arguments conflict") {
    PointsAccount a;
    const PointsReceipt e = a.earn("e1", "order:ord_1", 100, T0, ExpiryPolicy::days(30));
    CHECK(a.earn("e1", "order:ord_1", 100, T0 + DAY, ExpiryPolicy::days(30)) == e);
    const PointsReceipt s = a.spend("s1", "order:ord_2", 40, T0 + 1);
    CHECK(a.spend("s1", "order:ord_2", 40, T0 + 2) == s);
    CHECK(a.entries().size() == 2);
    CHECK(a.balances(T0 + 2).available == 60);

    CHECK_SC_ERROR_FIELD(a.earn("e1", "order:ord_1", 101, T0, ExpiryPolicy::days(30)), SC_ERR_IDEMPOTENCY_CONFLICT, "key");
    CHECK_SC_ERROR_FIELD(a.earn("e1", "order:ord_1", 100, T0, ExpiryPolicy::days(31)), SC_ERR_IDEMPOTENCY_CONFLICT, "key");
    CHECK_SC_ERROR_FIELD(a.spend("s1", "order:ord_X", 40, T0), SC_ERR_IDEMPOTENCY_CONFLICT, "key");
    CHECK_SC_ERROR_FIELD(a.hold("s1", "order:ord_2", 40, T0), SC_ERR_IDEMPOTENCY_CONFLICT, "key");
    CHECK_SC_ERROR_FIELD(a.spend("e1", "order:ord_1", 100, T0), SC_ERR_IDEMPOTENCY_CONFLICT, "key");
    CHECK(a.entries().size() == 2);
    // A replay returns the first result even when the call could not succeed now.
    a.spend("s2", "order:ord_3", 60, T0 + 3);
    CHECK(a.spend("s1", "order:ord_2", 40, T0 + 4) == s);
    CHECK(a.entries().size() == 3);
}

TEST_CASE("points bad input is refused with a field and changes nothing") {
    PointsAccount a;
    a.earn("e1", "order:ord_1", 100, T0, ExpiryPolicy::days(30));
    const uint64_t h = a.hold("h1", "order:ord_2", 10, T0).entry;
    const std::vector<PointsEntry> entries = a.entries();
    const PointsState state = a.state();

    CHECK_SC_ERROR_FIELD(a.earn("", "order:ord_1", 1, T0, {}), SC_ERR_INVALID_ARGUMENT, "key");
    CHECK_SC_ERROR_FIELD(a.earn("sys:expire:9", "order:ord_1", 1, T0, {}), SC_ERR_INVALID_ARGUMENT, "key");
    CHECK_SC_ERROR_FIELD(a.earn(std::string(201, 'k'), "order:ord_1", 1, T0, {}), SC_ERR_INVALID_ARGUMENT, "key");
    CHECK_SC_ERROR_FIELD(a.earn("x1", "", 1, T0, {}), SC_ERR_INVALID_ARGUMENT, "reference");
    CHECK_SC_ERROR_FIELD(a.earn("x2", "order:ord_1", 0, T0, {}), SC_ERR_INVALID_ARGUMENT, "points");
    CHECK_SC_ERROR_FIELD(a.earn("x3", "order:ord_1", -5, T0, {}), SC_ERR_INVALID_ARGUMENT, "points");
    CHECK_SC_ERROR_FIELD(a.earn("x4", "order:ord_1", 5, T0, ExpiryPolicy::days(0)), SC_ERR_INVALID_ARGUMENT, "expiry");
    CHECK_SC_ERROR_FIELD(a.spend("x5", "order:ord_3", 0, T0), SC_ERR_INVALID_ARGUMENT, "points");
    CHECK_SC_ERROR_FIELD(a.spend("x6", "order:ord_3", 91, T0), SC_ERR_INVALID_ARGUMENT, "points");
    CHECK_SC_ERROR_FIELD(a.hold("x7", "order:ord_3", 91, T0), SC_ERR_INVALID_ARGUMENT, "points");
    CHECK_SC_ERROR_FIELD(a.release_hold("x8", "order:ord_3", h + 100, T0), SC_ERR_NOT_FOUND, "hold_id");
    CHECK_SC_ERROR_FIELD(a.reverse_earn("x9", "refund:1", 1, 101, T0), SC_ERR_REFUND_EXCEEDS_PAID, "points");
    CHECK_SC_ERROR_FIELD(a.reverse_earn("x10", "refund:1", 77, 1, T0), SC_ERR_NOT_FOUND, "lot_id");
    // A failing spend after the lot's expiry would have settled it: still nothing changes.
    CHECK_SC_ERROR_FIELD(a.spend("x11", "order:ord_3", 1, T0 + 31 * DAY), SC_ERR_INVALID_ARGUMENT, "points");

    CHECK(a.entries() == entries);
    CHECK(a.state() == state);
    // None of the refused keys was taken.
    a.spend("x6", "order:ord_3", 90, T0);
    CHECK(a.balances(T0).available == 0);
}

TEST_CASE("points earnings whose total would overflow 64 bits are refused") {
    PointsAccount a;
    a.earn("e1", "order:ord_1", INT64_MAX - 10, T0, ExpiryPolicy::never_expires());
    const PointsState state = a.state();
    CHECK_SC_ERROR(a.earn("e2", "order:ord_2", 11, T0, ExpiryPolicy::never_expires()), SC_ERR_OVERFLOW);
    CHECK_SC_ERROR(a.adjust("a1", "ticket:1", 11, "goodwill", T0), SC_ERR_OVERFLOW);
    CHECK(a.state() == state);
    CHECK(a.entries().size() == 1);
    a.earn("e3", "order:ord_3", 10, T0, ExpiryPolicy::never_expires());
    CHECK(a.balances(T0).available == INT64_MAX);
    check_consistent(a, T0);
}
