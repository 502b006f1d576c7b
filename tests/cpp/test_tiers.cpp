// Member tiers (FEATURES §6): the program's validation, the qualifying figure and its
// window, the tier state machine (upgrade at once, downgrade only at a period end) and the
// benefits' arithmetic, with hand-worked figures.
#include "check_error.hpp"
#include "points_support.hpp"
#include "tiers/qualifying_figure.hpp"
#include "tiers/tier_benefits.hpp"
#include "tiers/tier_period.hpp"
#include "tiers/tier_program.hpp"
#include "tiers/tier_status.hpp"

using namespace sc;

namespace {

const int64_t DAY = kMsPerDay;

Tier tier(const char* id, int64_t threshold, int64_t member_price_bps = 0, int64_t multiplier_bps = 10000) {
    Tier t;
    t.id = id;
    t.name = std::string(id) + " member";
    t.threshold = threshold;
    t.benefits.member_price_bps = member_price_bps;
    t.benefits.points_multiplier_bps = multiplier_bps;
    return t;
}

// Normal, Silver from 1,000.00 paid, Gold from 5,000.00, Diamond from 20,000.00, over 365
// days, reviewed each quarter.
TierProgram spend_program() {
    TierProgram p;
    p.basis = TierBasis::paid_spend;
    p.window_days = 365;
    p.period = TierPeriod::quarter;
    p.tiers = {tier("normal", 0), tier("silver", 100000, 200, 12000), tier("gold", 500000, 500, 15000),
               tier("diamond", 2000000, 1000, 20000)};
    return p;
}

std::string tier_after(const TierProgram& p, const TierRecord& r, const QualifyingHistory& h, int64_t now) {
    return evaluate(p, r, h, now).record.tier_id;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// The program

TEST_CASE("tiers a valid program passes, and each field is checked with its path") {
    const TierProgram good = spend_program();
    CHECK_NOTHROW(validate_tier_program(good, ""));

    auto check = [](TierProgram p, const char* field) {
        CHECK_SC_ERROR_FIELD(validate_tier_program(p, "member_tiers."), SC_ERR_VALIDATION, field);
    };
    TierProgram p = good;
    p.window_days = 0;
    check(p, "member_tiers.window_days");
    p.window_days = kMaxTierWindowDays + 1;
    check(p, "member_tiers.window_days");
    p = good;
    p.basis = TierBasis::growth_points;  // lifetime: a window makes no sense
    check(p, "member_tiers.window_days");
    p.window_days = 0;
    CHECK_NOTHROW(validate_tier_program(p, ""));

    p = good;
    p.tiers.clear();
    check(p, "member_tiers.tiers");
    p.tiers.assign(kMaxTiers + 1, tier("x", 0));
    for (size_t i = 0; i < p.tiers.size(); ++i) {
        p.tiers[i].id = "t" + std::to_string(i);
        p.tiers[i].threshold = static_cast<int64_t>(i);
    }
    check(p, "member_tiers.tiers");
    p.tiers.pop_back();
    CHECK_NOTHROW(validate_tier_program(p, ""));  // exactly kMaxTiers

    p = good;
    p.tiers[0].threshold = 1;
    check(p, "member_tiers.tiers[0].threshold");
    p = good;
    p.tiers[2].threshold = p.tiers[1].threshold;  // not strictly increasing
    check(p, "member_tiers.tiers[2].threshold");
    p = good;
    p.tiers[3].threshold = p.tiers[2].threshold - 1;
    check(p, "member_tiers.tiers[3].threshold");
    p = good;
    p.tiers[1].threshold = 0;
    check(p, "member_tiers.tiers[1].threshold");
    p = good;
    p.tiers[3].threshold = kMaxTierAmount + 1;
    check(p, "member_tiers.tiers[3].threshold");
    p = good;
    p.tiers[1].id = "";
    check(p, "member_tiers.tiers[1].id");
    p = good;
    p.tiers[1].id = "sil\u200Bver";  // an invisible character
    check(p, "member_tiers.tiers[1].id");
    p = good;
    p.tiers[3].id = "silver";
    check(p, "member_tiers.tiers[3].id");
    p = good;
    p.tiers[2].name = "";
    check(p, "member_tiers.tiers[2].name");
    p = good;
    p.tiers[1].benefits.member_price_bps = 10001;
    check(p, "member_tiers.tiers[1].benefits.member_price_bps");
    p.tiers[1].benefits.member_price_bps = -1;
    check(p, "member_tiers.tiers[1].benefits.member_price_bps");
    p.tiers[1].benefits.member_price_bps = 10000;  // free is allowed
    CHECK_NOTHROW(validate_tier_program(p, ""));
    p = good;
    p.tiers[2].benefits.points_multiplier_bps = kMaxPointsMultiplierBps + 1;
    check(p, "member_tiers.tiers[2].benefits.points_multiplier_bps");
    p.tiers[2].benefits.points_multiplier_bps = -1;
    check(p, "member_tiers.tiers[2].benefits.points_multiplier_bps");
    p = good;
    p.tiers[3].benefits.free_shipping_over = -1;
    check(p, "member_tiers.tiers[3].benefits.free_shipping_over");
    p.tiers[3].benefits.free_shipping_over = 0;  // everything ships free
    CHECK_NOTHROW(validate_tier_program(p, ""));

    // The message names the field and the rule.
    p = good;
    p.tiers[2].threshold = 1;
    try {
        validate_tier_program(p, "");
        FAIL("expected a validation error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) == "tiers[2].threshold: must be above the threshold of the tier before it");
    }
    CHECK(good.rank_of("gold") == std::optional<size_t>(2));
    CHECK(!good.rank_of("platinum"));
    REQUIRE(good.find("silver"));
    CHECK(good.find("silver")->threshold == 100000);
}

// ---------------------------------------------------------------------------------------
// Periods and the window

TEST_CASE("tiers periods end at 00:00 UTC on the first day of the next month, quarter or year") {
    const int64_t mid_nov = utc_ms(2026, 11, 15, 13);
    CHECK(next_period_end(TierPeriod::month, mid_nov) == utc_ms(2026, 12, 1));
    CHECK(next_period_end(TierPeriod::quarter, mid_nov) == utc_ms(2027, 1, 1));
    CHECK(next_period_end(TierPeriod::year, mid_nov) == utc_ms(2027, 1, 1));
    CHECK(period_start(TierPeriod::month, mid_nov) == utc_ms(2026, 11, 1));
    CHECK(period_start(TierPeriod::quarter, mid_nov) == utc_ms(2026, 10, 1));
    CHECK(period_start(TierPeriod::year, mid_nov) == utc_ms(2026, 1, 1));
    CHECK(next_period_end(TierPeriod::quarter, utc_ms(2026, 2, 10)) == utc_ms(2026, 4, 1));
    CHECK(next_period_end(TierPeriod::month, utc_ms(2028, 2, 29, 23)) == utc_ms(2028, 3, 1));
    // An instant that is a period end starts the next period: its end is a whole period on.
    CHECK(next_period_end(TierPeriod::quarter, utc_ms(2026, 4, 1)) == utc_ms(2026, 7, 1));
    CHECK(next_period_end(TierPeriod::quarter, utc_ms(2026, 4, 1) - 1) == utc_ms(2026, 4, 1));
    CHECK(period_start(TierPeriod::quarter, utc_ms(2026, 4, 1)) == utc_ms(2026, 4, 1));
    CHECK(period_start(TierPeriod::quarter, utc_ms(2026, 4, 1) - 1) == utc_ms(2026, 1, 1));
    // Before 1970 too.
    CHECK(next_period_end(TierPeriod::month, utc_ms(1969, 12, 15)) == 0);
    CHECK(period_start(TierPeriod::year, -1) == utc_ms(1969, 1, 1));
    CHECK_SC_ERROR(next_period_end(TierPeriod::year, INT64_MAX), SC_ERR_OVERFLOW);
}

TEST_CASE("tiers the spend window is half-open: a payment exactly window_days old no longer counts") {
    TierProgram p = spend_program();
    p.window_days = 30;
    const int64_t t = utc_ms(2026, 3, 1, 10);
    const QualifyingHistory h{{t, 120000}};
    CHECK(qualifying_figure(p, h, t - 1) == 0);  // not yet
    CHECK(qualifying_figure(p, h, t) == 120000);
    CHECK(qualifying_figure(p, h, t + 30 * DAY - 1) == 120000);  // 31 March 09:59:59.999
    CHECK(qualifying_figure(p, h, t + 30 * DAY) == 0);           // 31 March 10:00
    // The instants the figure may change: the payment and its leaving the window.
    CHECK(figure_changes(p, h, t, t + 30 * DAY) == std::vector<int64_t>{t, t + 30 * DAY});
    CHECK(figure_changes(p, h, t + 1, t + 30 * DAY - 1).empty());
}

TEST_CASE("tiers refunds count against spend where they fall, and the figure is never below 0") {
    TierProgram p = spend_program();
    p.window_days = 30;
    const int64_t t = utc_ms(2026, 3, 1);
    const QualifyingHistory h{{t, 80000}, {t + 10 * DAY, 50000}, {t + 20 * DAY, -70000}};
    CHECK(qualifying_figure(p, h, t + 20 * DAY) == 60000);  // 800 + 500 − 700
    CHECK(qualifying_sum(p, h, t + 30 * DAY) == -20000);    // the 800 left; the refund still counts
    CHECK(qualifying_figure(p, h, t + 30 * DAY) == 0);
    CHECK(qualifying_figure(p, h, t + 40 * DAY) == 0);      // the 500 left too
    CHECK(qualifying_sum(p, h, t + 50 * DAY) == 0);         // and the refund
    CHECK(qualified_rank(p, 0) == 0);
    CHECK(qualified_rank(p, 99999) == 0);
    CHECK(qualified_rank(p, 100000) == 1);
    CHECK(qualified_rank(p, 2000000) == 3);
    CHECK(qualified_rank(p, INT64_MAX) == 3);
    CHECK_SC_ERROR_FIELD(validate_history({{t, 1}, {t - 1, 1}}), SC_ERR_INVALID_ARGUMENT, "history[1].at");
    CHECK_SC_ERROR(qualifying_figure(p, {{t, INT64_MAX}, {t, 1}}, t), SC_ERR_OVERFLOW);
}

// ---------------------------------------------------------------------------------------
// The state machine

TEST_CASE("tiers a payment crossing a threshold upgrades at once; a refund waits for the period end") {
    const TierProgram p = spend_program();
    const int64_t joined = utc_ms(2026, 1, 5);
    const TierRecord start = first_record(p, 0, joined);
    CHECK(start == TierRecord{"normal", joined, utc_ms(2026, 4, 1), joined});

    QualifyingHistory h{{utc_ms(2026, 2, 1, 9), 60000}};
    TierUpdate u = evaluate(p, start, h, utc_ms(2026, 2, 1, 9));
    CHECK(u.record.tier_id == "normal");  // 600.00 < 1,000.00
    CHECK(u.changes.empty());

    const int64_t crossing = utc_ms(2026, 2, 20, 15);
    h.push_back({crossing, 45000});  // 1,050.00
    u = evaluate(p, u.record, h, crossing);
    CHECK(u.record == TierRecord{"silver", crossing, utc_ms(2026, 4, 1), crossing});
    REQUIRE(u.changes.size() == 1);
    CHECK(u.changes[0] == TierChange{TierChangeKind::upgraded, "normal", "silver", crossing, false});
    CHECK(std::string(tier_change_event(u.changes[0].kind)) == "tier.upgraded");

    // A refund of 300.00 in the same quarter: 750.00 qualifies for Normal, the member stays Silver.
    const int64_t refund = utc_ms(2026, 3, 2);
    h.push_back({refund, -30000});
    u = evaluate(p, u.record, h, refund);
    CHECK(u.record.tier_id == "silver");
    CHECK(u.changes.empty());
    CHECK(tier_after(p, u.record, h, utc_ms(2026, 4, 1) - 1) == "silver");  // 31 March 23:59:59.999

    // At the quarter's end the tier becomes what 750.00 qualifies for.
    u = evaluate(p, u.record, h, utc_ms(2026, 4, 1));
    CHECK(u.record == TierRecord{"normal", utc_ms(2026, 4, 1), utc_ms(2026, 7, 1), utc_ms(2026, 4, 1)});
    REQUIRE(u.changes.size() == 1);
    CHECK(u.changes[0] == TierChange{TierChangeKind::downgraded, "silver", "normal", utc_ms(2026, 4, 1), true});
    CHECK(std::string(tier_change_event(u.changes[0].kind)) == "tier.downgraded");
}

TEST_CASE("tiers jumps over several tiers up and down are one change each") {
    const TierProgram p = spend_program();
    const int64_t joined = utc_ms(2026, 7, 1);
    QualifyingHistory h{{utc_ms(2026, 7, 10), 2500000}};  // 25,000.00: Normal → Diamond
    TierUpdate u = evaluate(p, first_record(p, 0, joined), h, utc_ms(2026, 7, 10));
    REQUIRE(u.changes.size() == 1);
    CHECK(u.changes[0] == TierChange{TierChangeKind::upgraded, "normal", "diamond", utc_ms(2026, 7, 10), false});

    h.push_back({utc_ms(2026, 8, 1), -2450000});  // refunded down to 500.00
    u = evaluate(p, u.record, h, utc_ms(2026, 8, 1));
    CHECK(u.record.tier_id == "diamond");
    u = evaluate(p, u.record, h, utc_ms(2026, 12, 31));  // the quarter ended on 1 October
    REQUIRE(u.changes.size() == 1);
    CHECK(u.changes[0] == TierChange{TierChangeKind::downgraded, "diamond", "normal", utc_ms(2026, 10, 1), true});
    CHECK(u.record == TierRecord{"normal", utc_ms(2026, 10, 1), utc_ms(2027, 1, 1), utc_ms(2026, 12, 31)});
}

TEST_CASE("tiers one evaluation across many period ends gives what evaluating every day gives") {
    const TierProgram p = spend_program();  // 365 days, quarterly
    const int64_t joined = utc_ms(2026, 1, 1);
    const QualifyingHistory h{{utc_ms(2026, 1, 10), 600000}, {utc_ms(2026, 6, 1), 1500000}};
    const TierRecord start = first_record(p, 0, joined);

    // Gold on 10 January, Diamond on 1 June (2,100,000); the first payment leaves the window on
    // 10 January 2027, so the review of 1 April 2027 finds 1,500,000: Gold; the second leaves
    // on 1 June 2027, so the review of 1 July 2027 finds 0: Normal.
    const TierUpdate once = evaluate(p, start, h, utc_ms(2028, 3, 3));
    const std::vector<TierChange> expected{
        {TierChangeKind::upgraded, "normal", "gold", utc_ms(2026, 1, 10), false},
        {TierChangeKind::upgraded, "gold", "diamond", utc_ms(2026, 6, 1), false},
        {TierChangeKind::downgraded, "diamond", "gold", utc_ms(2027, 4, 1), true},
        {TierChangeKind::downgraded, "gold", "normal", utc_ms(2027, 7, 1), true},
    };
    CHECK(once.changes == expected);
    CHECK(once.record == TierRecord{"normal", utc_ms(2027, 7, 1), utc_ms(2028, 4, 1), utc_ms(2028, 3, 3)});

    TierRecord daily = start;
    std::vector<TierChange> changes;
    for (int64_t now = joined; now <= utc_ms(2028, 3, 3); now += DAY) {
        TierUpdate u = evaluate(p, daily, h, now);
        daily = u.record;
        changes.insert(changes.end(), u.changes.begin(), u.changes.end());
    }
    CHECK(changes == expected);
    CHECK(daily == once.record);
}

TEST_CASE("tiers a refund leaving the window can raise the figure, and the tier with it, between period ends") {
    TierProgram p = spend_program();
    p.window_days = 30;
    p.period = TierPeriod::month;
    p.tiers = {tier("normal", 0), tier("silver", 1000), tier("gold", 2000)};
    QualifyingHistory h;
    TierRecord r = first_record(p, 0, utc_ms(2026, 3, 1));
    auto step = [&](int64_t at, int64_t amount) {
        h.push_back({at, amount});
        TierUpdate u = evaluate(p, r, h, at);
        r = u.record;
        return u.changes;
    };
    CHECK(step(utc_ms(2026, 3, 1, 10), 1500).size() == 1);  // Silver at once
    CHECK(step(utc_ms(2026, 3, 21, 10), -1500).empty());    // refunded: still Silver
    // 1 April: the figure is 0, Normal. The payment left on 31 March, the refund counts until 20 April.
    TierUpdate u = evaluate(p, r, h, utc_ms(2026, 4, 1));
    REQUIRE(u.changes.size() == 1);
    CHECK(u.changes[0].to == "normal");
    r = u.record;
    CHECK(step(utc_ms(2026, 4, 5), 1800).empty());  // 1,800 − 1,500 = 300: Normal
    CHECK(qualifying_figure(p, h, utc_ms(2026, 4, 5)) == 300);
    // 20 April 10:00 the refund leaves the window: 1,800, Silver, with no payment that day.
    u = evaluate(p, r, h, utc_ms(2026, 4, 25));
    REQUIRE(u.changes.size() == 1);
    CHECK(u.changes[0] == TierChange{TierChangeKind::upgraded, "normal", "silver", utc_ms(2026, 4, 20, 10), false});
}

TEST_CASE("tiers payments at the same instant and at a period end") {
    const TierProgram p = spend_program();
    const int64_t t = utc_ms(2026, 2, 2);
    QualifyingHistory h{{t, 60000}};
    TierRecord r = evaluate(p, first_record(p, 0, utc_ms(2026, 1, 1)), h, t).record;
    CHECK(r.tier_id == "normal");
    h.push_back({t, 60000});  // a second payment in the same millisecond, evaluated again at t
    TierUpdate u = evaluate(p, r, h, t);
    CHECK(u.record.tier_id == "silver");
    REQUIRE(u.changes.size() == 1);
    CHECK(u.changes[0].at == t);
    CHECK(evaluate(p, u.record, h, t).changes.empty());  // evaluating again changes nothing

    // The instant of a period end belongs to the next period: the review counts what came
    // before it (0 after the refund), then a payment at that very instant upgrades at once.
    h.push_back({utc_ms(2026, 3, 20), -120000});
    r = evaluate(p, u.record, h, utc_ms(2026, 3, 20)).record;
    CHECK(r.tier_id == "silver");
    h.push_back({utc_ms(2026, 4, 1), 510000});
    u = evaluate(p, r, h, utc_ms(2026, 4, 1));
    const std::vector<TierChange> expected{
        {TierChangeKind::downgraded, "silver", "normal", utc_ms(2026, 4, 1), true},
        {TierChangeKind::upgraded, "normal", "gold", utc_ms(2026, 4, 1), false},
    };
    CHECK(u.changes == expected);
    CHECK(u.record == TierRecord{"gold", utc_ms(2026, 4, 1), utc_ms(2026, 7, 1), utc_ms(2026, 4, 1)});
    CHECK(qualifying_sum_before(p, h, utc_ms(2026, 4, 1)) == 0);
    CHECK(qualifying_figure(p, h, utc_ms(2026, 4, 1)) == 510000);

    // A payment and its refund in one millisecond: the payment upgrades with the figure it
    // made, whether the engine evaluated between the two or only after both.
    const int64_t m = utc_ms(2026, 5, 5);
    QualifyingHistory both = h;
    both.push_back({m, 1500000});   // 2,010,000: Diamond
    both.push_back({m, -1500000});  // refunded at once: 510,000
    const TierUpdate after_both = evaluate(p, u.record, both, m);
    QualifyingHistory first = h;
    first.push_back({m, 1500000});
    const TierUpdate between = evaluate(p, evaluate(p, u.record, first, m).record, both, m);
    CHECK(after_both.record.tier_id == "diamond");
    CHECK(between.record == after_both.record);
}

TEST_CASE("tiers on growth points count the member's lifetime, reversals against it") {
    TierProgram p = spend_program();
    p.basis = TierBasis::growth_points;
    p.window_days = 0;
    p.period = TierPeriod::year;
    p.tiers = {tier("v0", 0), tier("v1", 500), tier("v2", 2000)};
    REQUIRE_NOTHROW(validate_tier_program(p, ""));
    QualifyingHistory h{{utc_ms(2020, 5, 1), 300}, {utc_ms(2026, 5, 1), 250}};
    CHECK(qualifying_figure(p, h, utc_ms(2026, 5, 1)) == 550);  // six years apart, both count
    CHECK(figure_changes(p, h, utc_ms(2020, 1, 1), utc_ms(2030, 1, 1)) ==
          std::vector<int64_t>{utc_ms(2020, 5, 1), utc_ms(2026, 5, 1)});
    TierUpdate u = evaluate(p, first_record(p, 0, utc_ms(2020, 1, 1)), h, utc_ms(2026, 5, 1));
    CHECK(u.record.tier_id == "v1");
    REQUIRE(u.changes.size() == 1);
    CHECK(u.changes[0].at == utc_ms(2026, 5, 1));
    h.push_back({utc_ms(2026, 6, 1), -100});  // reversed on a refund: 450
    u = evaluate(p, u.record, h, utc_ms(2026, 12, 31, 23));
    CHECK(u.record.tier_id == "v1");
    u = evaluate(p, u.record, h, utc_ms(2027, 1, 1));
    CHECK(u.record.tier_id == "v0");
    // The engine may pass one entry with the lifetime sum so far instead of every entry.
    const QualifyingHistory carried{{utc_ms(2026, 6, 1), 450}};
    CHECK(qualifying_figure(p, carried, utc_ms(2027, 1, 1)) == qualifying_figure(p, h, utc_ms(2027, 1, 1)));
}

TEST_CASE("tiers the record's steps refuse what would break the rules") {
    const TierProgram p = spend_program();
    const TierRecord r = first_record(p, 0, utc_ms(2026, 1, 5));
    CHECK_SC_ERROR_FIELD(apply_figure(p, r, 100000, utc_ms(2026, 4, 1)), SC_ERR_INVALID_STATE, "at");
    CHECK_SC_ERROR_FIELD(apply_figure(p, r, 100000, utc_ms(2026, 1, 4)), SC_ERR_INVALID_STATE, "at");
    TierRecord unknown = r;
    unknown.tier_id = "platinum";  // the program no longer has it
    CHECK_SC_ERROR_FIELD(apply_figure(p, unknown, 0, utc_ms(2026, 2, 1)), SC_ERR_INVALID_STATE, "tier_id");
    CHECK_SC_ERROR_FIELD(evaluate(p, unknown, {}, utc_ms(2026, 2, 1)), SC_ERR_INVALID_STATE, "tier_id");
    CHECK_SC_ERROR_FIELD(evaluate(p, r, {}, utc_ms(2026, 1, 4)), SC_ERR_INVALID_ARGUMENT, "now");
    CHECK_SC_ERROR_FIELD(evaluate(p, r, {{utc_ms(2026, 2, 2), 1}, {utc_ms(2026, 2, 1), 1}}, utc_ms(2026, 3, 1)),
                         SC_ERR_INVALID_ARGUMENT, "history[1].at");

    // The steps alone: a higher figure never lowers, a period end may.
    const TierStep up = apply_figure(p, r, 500000, utc_ms(2026, 2, 1));
    CHECK(up.record.tier_id == "gold");
    const TierStep lower = apply_figure(p, up.record, 0, utc_ms(2026, 3, 1));
    CHECK(!lower.change);
    CHECK(lower.record.tier_id == "gold");
    CHECK(lower.record.as_of == utc_ms(2026, 3, 1));
    const TierStep closed = close_period(p, lower.record, 150000);
    CHECK(closed.record == TierRecord{"silver", utc_ms(2026, 4, 1), utc_ms(2026, 7, 1), utc_ms(2026, 4, 1)});
    REQUIRE(closed.change);
    CHECK(closed.change->kind == TierChangeKind::downgraded);
    const TierStep kept = close_period(p, closed.record, 150000);
    CHECK(!kept.change);
    CHECK(kept.record.since == utc_ms(2026, 4, 1));
    CHECK(kept.record.period_end == utc_ms(2026, 10, 1));
}

TEST_CASE("tiers progress: what is missing for the next tier and to keep this one") {
    const TierProgram p = spend_program();  // 365 days, quarterly
    const QualifyingHistory h{{utc_ms(2025, 5, 1), 300000}, {utc_ms(2026, 2, 1), 300000}};
    const TierRecord r = first_record(p, 0, utc_ms(2025, 4, 1));
    const TierProgress g = tier_progress(p, r, h, utc_ms(2026, 2, 15));
    CHECK(g.record.tier_id == "gold");  // 6,000.00 since 1 February
    CHECK(g.figure == 600000);
    CHECK(g.qualified_tier_id == "gold");
    CHECK(g.next_tier_id == std::optional<std::string>("diamond"));
    CHECK(g.to_next == 1400000);
    // On 1 April the 1 May 2025 payment is still in (it leaves on 1 May 2026): Gold is kept.
    CHECK(g.record.period_end == utc_ms(2026, 4, 1));
    CHECK(g.figure_at_period_end == 600000);
    CHECK(g.tier_at_period_end == "gold");
    CHECK(g.to_keep == std::optional<int64_t>(0));

    // In the next quarter the old payment leaves before its end (1 July): 200.00 is missing.
    const TierProgress n = tier_progress(p, g.record, h, utc_ms(2026, 4, 20));
    CHECK(n.record.tier_id == "gold");
    CHECK(n.figure == 600000);
    CHECK(n.record.period_end == utc_ms(2026, 7, 1));
    CHECK(n.figure_at_period_end == 300000);
    CHECK(n.tier_at_period_end == "silver");
    CHECK(n.to_keep == std::optional<int64_t>(200000));

    // With a 30-day window, an amount paid more than 30 days before the period end will have
    // left by then: nothing paid now keeps the tier.
    TierProgram shortw = p;
    shortw.window_days = 30;
    const QualifyingHistory s{{utc_ms(2026, 1, 10), 120000}};
    const TierProgress early = tier_progress(shortw, first_record(shortw, 0, utc_ms(2026, 1, 1)), s, utc_ms(2026, 1, 20));
    CHECK(early.record.tier_id == "silver");
    CHECK(early.figure_at_period_end == 0);
    CHECK(early.tier_at_period_end == "normal");
    CHECK(!early.to_keep);
    const TierProgress late = tier_progress(shortw, early.record, s, utc_ms(2026, 3, 10));
    CHECK(late.to_keep == std::optional<int64_t>(100000));  // paid after 2 March 00:00, still in on 1 April

    // At the top there is no next tier; in the first tier nothing is needed to keep it.
    const TierProgress top = tier_progress(p, r, {{utc_ms(2026, 2, 1), 2500000}}, utc_ms(2026, 2, 2));
    CHECK(top.record.tier_id == "diamond");
    CHECK(!top.next_tier_id);
    CHECK(top.to_next == 0);
    const TierProgress bottom = tier_progress(p, r, {{utc_ms(2026, 2, 1), -5000}}, utc_ms(2026, 2, 2));
    CHECK(bottom.record.tier_id == "normal");
    CHECK(bottom.figure == 0);
    CHECK(bottom.to_next == 105000);  // the refund's overhang counts against the next payment
    CHECK(bottom.to_keep == std::optional<int64_t>(0));
}

// ---------------------------------------------------------------------------------------
// Benefits

TEST_CASE("tiers member price: the discount rounds down, so the price never goes below the percentage") {
    CHECK(member_unit_price(999, 500) == 950);   // 5% of 9.99 is 0.4995: 0.49 off
    CHECK(member_unit_price(1000, 500) == 950);
    CHECK(member_unit_price(1, 9999) == 1);      // 0.9999 of a minor unit: nothing off
    CHECK(member_unit_price(6800, 10000) == 0);
    CHECK(member_unit_price(6800, 0) == 6800);
    CHECK(member_unit_price(INT64_MAX, 1) == INT64_MAX - INT64_MAX / 10000);
    CHECK_SC_ERROR_FIELD(member_unit_price(-1, 100), SC_ERR_INVALID_ARGUMENT, "list_price");
    CHECK_SC_ERROR(member_unit_price(100, 10001), SC_ERR_INVALID_ARGUMENT);

    const TierProgram p = spend_program();
    Sku sku;
    sku.id = "sku_tea";
    sku.list_price = 6890;
    const std::optional<ItemPriceOffer> gold = member_price_offer(*p.find("gold"), sku);  // 5%: 344.5 → 344 off
    REQUIRE(gold);
    CHECK(*gold == ItemPriceOffer{"sku_tea", 6546, ItemPriceKind::member, "gold"});
    CHECK(!member_price_offer(*p.find("normal"), sku));  // 0 bps
    sku.list_price = 40;
    CHECK(!member_price_offer(*p.find("silver"), sku));  // 2% of 0.40 rounds to nothing
    // Pricing takes it as any item price offer: the lowest below the list price wins.
    sku.list_price = 6890;
    const std::vector<ItemPriceOffer> offers{*gold, {"sku_tea", 6600, ItemPriceKind::flash_sale, "flash_1"}};
    REQUIRE(winning_offer(offers, sku));
    CHECK(winning_offer(offers, sku)->kind == ItemPriceKind::member);
}

TEST_CASE("tiers multiplied points are rounded down once, in one step") {
    const PointsEarnRule one_per_yuan{1, 100};
    CHECK(points_for_payment_multiplied(one_per_yuan, 9999, 15000) == 149);  // floor(149.985)
    CHECK(points_for_payment(one_per_yuan, 9999) * 15000 / 10000 == 148);    // rounding twice loses one
    CHECK(points_for_payment_multiplied(one_per_yuan, 9999, 10000) == 99);
    CHECK(points_for_payment_multiplied(one_per_yuan, 9999, 0) == 0);
    CHECK(points_for_payment_multiplied(one_per_yuan, 0, 15000) == 0);
    CHECK(points_for_payment_multiplied(one_per_yuan, -500, 15000) == 0);
    CHECK(points_for_payment_multiplied({0, 100}, 9999, 15000) == 0);
    CHECK(points_for_payment_multiplied({3, 7}, 10, 12500) == 5);  // 30/7 × 1.25 = 5.357
    CHECK(points_for_payment_multiplied(one_per_yuan, 66, 15000) == 0);  // 0.99
    CHECK(points_for_payment_multiplied(one_per_yuan, 67, 15000) == 1);  // 1.005
    CHECK(points_for_payment_multiplied(one_per_yuan, 100, kMaxPointsMultiplierBps) == 10);
    CHECK_SC_ERROR_FIELD(points_for_payment_multiplied(one_per_yuan, 100, kMaxPointsMultiplierBps + 1),
                         SC_ERR_INVALID_ARGUMENT, "points_multiplier_bps");
    CHECK_SC_ERROR_FIELD(points_for_payment_multiplied(one_per_yuan, 100, -1), SC_ERR_INVALID_ARGUMENT,
                         "points_multiplier_bps");
    // The largest validated rates, no intermediate beyond 64 bits.
    const int64_t big = int64_t{1} << 40;
    CHECK(points_for_payment_multiplied({big, big - 1}, big - 2, 100000) == (big - 2) * 10 + 9);
    CHECK_SC_ERROR(points_for_payment_multiplied({1, 1}, INT64_MAX, 20000), SC_ERR_OVERFLOW);

    const TierProgram p = spend_program();
    CHECK(tier_points_for_payment(one_per_yuan, 9999, *p.find("gold")) == 149);
    CHECK(tier_points_for_payment(one_per_yuan, 9999, *p.find("diamond")) == 199);

    // Against the exact product, small enough for 64 bits, on a grid of cases.
    for (int64_t paid = 0; paid <= 2000; paid += 37)
        for (int64_t points : {1, 2, 3, 7, 100})
            for (int64_t per : {1, 3, 100, 999})
                for (int64_t m : {0, 1, 9999, 10000, 12345, 15000, 99999}) {
                    CAPTURE(paid);
                    CAPTURE(points);
                    CAPTURE(per);
                    CAPTURE(m);
                    REQUIRE(points_for_payment_multiplied({points, per}, paid, m) == paid * points * m / (per * 10000));
                    if (m == 10000) REQUIRE(points_for_payment_multiplied({points, per}, paid, m) ==
                                            points_for_payment({points, per}, paid));
                }
}

TEST_CASE("tiers min_tier templates: the member's rank must reach the audience's") {
    const TierProgram p = spend_program();
    const CouponAudience gold_up{CouponAudience::Kind::min_tier, 2};
    CHECK(!tier_may_claim(p, "normal", gold_up));
    CHECK(!tier_may_claim(p, "silver", gold_up));
    CHECK(tier_may_claim(p, "gold", gold_up));
    CHECK(tier_may_claim(p, "diamond", gold_up));
    CHECK(!tier_may_claim(p, "platinum", gold_up));  // not in the program
    CHECK(tier_may_claim(p, "normal", CouponAudience{CouponAudience::Kind::min_tier, 0}));
    CHECK(tier_may_claim(p, "normal", CouponAudience{}));  // everyone
    CHECK(tier_may_claim(p, "normal", CouponAudience{CouponAudience::Kind::new_users, 0}));  // not a tier rule
    CHECK_NOTHROW(validate_audience_tier(p, CouponAudience{CouponAudience::Kind::min_tier, 3}, "audience.min_tier"));
    CHECK_SC_ERROR_FIELD(validate_audience_tier(p, CouponAudience{CouponAudience::Kind::min_tier, 4},
                                                "coupon_templates[3].audience.min_tier"),
                         SC_ERR_VALIDATION, "coupon_templates[3].audience.min_tier");
    CHECK_SC_ERROR_FIELD(validate_audience_tier(p, CouponAudience{CouponAudience::Kind::min_tier, -1}, "audience.min_tier"),
                         SC_ERR_VALIDATION, "audience.min_tier");
    CHECK_NOTHROW(validate_audience_tier(p, CouponAudience{CouponAudience::Kind::everyone, 9}, "audience.min_tier"));
}

TEST_CASE("tiers free shipping: the lower of the merchant's and the tier's threshold, reached at equality") {
    TierBenefits none;
    TierBenefits gold;
    gold.free_shipping_over = 5000;
    CHECK(!member_free_shipping_over(std::nullopt, none));
    CHECK(member_free_shipping_over(9900, none) == std::optional<int64_t>(9900));
    CHECK(member_free_shipping_over(std::nullopt, gold) == std::optional<int64_t>(5000));
    CHECK(member_free_shipping_over(9900, gold) == std::optional<int64_t>(5000));
    CHECK(member_free_shipping_over(3000, gold) == std::optional<int64_t>(3000));
    CHECK(tier_ships_free(gold, 5000));
    CHECK(!tier_ships_free(gold, 4999));
    CHECK(!tier_ships_free(none, INT64_MAX));
}
