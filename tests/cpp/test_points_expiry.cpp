#include "check_error.hpp"
#include "points/civil_date.hpp"
#include "points/expiry_policy.hpp"
#include "points_support.hpp"

using namespace sc;

TEST_CASE("points civil dates: known days and a round trip over four centuries") {
    CHECK(days_from_civil(CivilDate{1970, 1, 1}) == 0);
    CHECK(days_from_civil(CivilDate{2000, 3, 1}) == 11017);
    CHECK(days_from_civil(CivilDate{1969, 12, 31}) == -1);
    CHECK(civil_from_days(-1) == CivilDate{1969, 12, 31});
    CHECK(civil_from_ms(-1) == CivilDate{1969, 12, 31});
    CHECK(civil_from_ms(utc_ms(2028, 2, 29, 23)) == CivilDate{2028, 2, 29});
    for (int64_t d = days_from_civil(CivilDate{1900, 1, 1}); d < days_from_civil(CivilDate{2300, 1, 1}); ++d) {
        REQUIRE(days_from_civil(civil_from_days(d)) == d);
    }
}

TEST_CASE("points expiry: never, and N days after earning to the millisecond") {
    const int64_t earned = utc_ms(2026, 11, 30, 15) + 123;
    CHECK_FALSE(lot_expiry(ExpiryPolicy::never_expires(), earned).has_value());
    CHECK(lot_expiry(ExpiryPolicy::days(30), earned) == earned + 30 * kMsPerDay);
    CHECK(lot_expiry(ExpiryPolicy::days(1), earned) == utc_ms(2026, 12, 1, 15) + 123);
}

TEST_CASE("points expiry: month end N months later, across December to January") {
    const int64_t nov = utc_ms(2026, 11, 30, 15);
    // month_end(0): the end of November, so expired from 1 December 00:00 UTC.
    CHECK(lot_expiry(ExpiryPolicy::month_end(0), nov) == utc_ms(2026, 12, 1));
    // month_end(1) from November: the end of December, expired from 1 January 2027.
    CHECK(lot_expiry(ExpiryPolicy::month_end(1), nov) == utc_ms(2027, 1, 1));
    // From December, one month later is January of the next year.
    CHECK(lot_expiry(ExpiryPolicy::month_end(1), utc_ms(2026, 12, 31, 23)) == utc_ms(2027, 2, 1));
    CHECK(lot_expiry(ExpiryPolicy::month_end(13), utc_ms(2026, 12, 1)) == utc_ms(2028, 2, 1));
    CHECK(lot_expiry(ExpiryPolicy::month_end(24), utc_ms(2026, 12, 1)) == utc_ms(2029, 1, 1));
}

TEST_CASE("points expiry: the leap February's last day is 29, a common one's 28") {
    const auto leap = lot_expiry(ExpiryPolicy::month_end(1), utc_ms(2028, 1, 31, 12));
    REQUIRE(leap.has_value());
    CHECK(*leap == utc_ms(2028, 3, 1));
    CHECK(civil_from_ms(*leap - 1) == CivilDate{2028, 2, 29});
    const auto common = lot_expiry(ExpiryPolicy::month_end(1), utc_ms(2027, 1, 31, 12));
    REQUIRE(common.has_value());
    CHECK(civil_from_ms(*common - 1) == CivilDate{2027, 2, 28});
    // 2100 is not a leap year (divisible by 100, not by 400); 2000 was.
    CHECK(civil_from_ms(*lot_expiry(ExpiryPolicy::month_end(0), utc_ms(2100, 2, 3)) - 1) == CivilDate{2100, 2, 28});
    CHECK(civil_from_ms(*lot_expiry(ExpiryPolicy::month_end(0), utc_ms(2000, 2, 3)) - 1) == CivilDate{2000, 2, 29});
}

TEST_CASE("points expiry: year end N years later") {
    CHECK(lot_expiry(ExpiryPolicy::year_end(0), utc_ms(2026, 11, 30)) == utc_ms(2027, 1, 1));
    CHECK(lot_expiry(ExpiryPolicy::year_end(1), utc_ms(2026, 1, 1)) == utc_ms(2028, 1, 1));
    CHECK(lot_expiry(ExpiryPolicy::year_end(1), utc_ms(2026, 12, 31, 23)) == utc_ms(2028, 1, 1));
}

TEST_CASE("points expiry: periods out of range are refused with field expiry") {
    CHECK_SC_ERROR_FIELD(lot_expiry(ExpiryPolicy::days(0), 0), SC_ERR_INVALID_ARGUMENT, "expiry");
    CHECK_SC_ERROR_FIELD(lot_expiry(ExpiryPolicy::days(36501), 0), SC_ERR_INVALID_ARGUMENT, "expiry");
    CHECK_SC_ERROR_FIELD(lot_expiry(ExpiryPolicy::month_end(-1), 0), SC_ERR_INVALID_ARGUMENT, "expiry");
    CHECK_SC_ERROR_FIELD(lot_expiry(ExpiryPolicy::year_end(101), 0), SC_ERR_INVALID_ARGUMENT, "expiry");
    CHECK_SC_ERROR(lot_expiry(ExpiryPolicy::days(36500), INT64_MAX - 1000), SC_ERR_OVERFLOW);
}
