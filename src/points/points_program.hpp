#pragma once
// The operator's points settings (FEATURES §5): what an order earns, what points are worth
// at checkout, when lots expire, how long order points stay pending, the daily sign-in
// table and the activities that earn points under a daily cap. Plain values and the exact
// arithmetic on them; the program document reads them (its "points" section).
#include "points/expiry_policy.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sc {

// `points` per `per_amount` minor units actually paid (after discounts and points,
// excluding shipping), rounded down. points = 0: orders earn nothing.
struct PointsEarnRule {
    int64_t points = 0;
    int64_t per_amount = 100;

    bool operator==(const PointsEarnRule&) const = default;
};

// `points` pay `amount` minor units, in whole multiples of `unit` points, for at most
// max_share_bps of the goods payable after coupons. max_share_bps = 0: points do not pay.
struct PointsRedeemRule {
    int64_t points = 100;
    int64_t amount = 100;
    int64_t unit = 100;
    int64_t max_share_bps = 0;

    bool operator==(const PointsRedeemRule&) const = default;
};

// An activity the host reports (a share, a review): `points` each time, at most
// `daily_cap` times per UTC day per member.
struct PointsActivity {
    std::string name;
    int64_t points = 0;
    int64_t daily_cap = 1;

    bool operator==(const PointsActivity&) const = default;
};

struct PointsProgram {
    PointsEarnRule earn;
    PointsRedeemRule redeem;
    ExpiryPolicy expiry;
    int64_t return_window_days = 7;  // order points are pending this long after payment
    // Points for day 1, 2, … of a sign-in streak; after the last day the cycle starts
    // again at day 1. Empty: no sign-in.
    std::vector<int64_t> sign_in;
    std::vector<PointsActivity> activities;

    bool operator==(const PointsProgram&) const = default;

    const PointsActivity* activity(const std::string& name) const;
};

// Throws Error(SC_ERR_VALIDATION, "<prefix>field: rule", field) for the first problem.
// `prefix` is "points." in the program document and "" for the API's put.
void validate_points_program(const PointsProgram& program, const std::string& prefix);

// Points an order earns for `paid` minor units (≥ 0), rounded down.
int64_t points_for_payment(const PointsEarnRule& rule, int64_t paid);

// A member tier's multiplier is in basis points (10000 is ×1, at most 100000).
inline constexpr int64_t kMaxPointsMultiplierBps = 100000;
// floor(paid × rule.points × multiplier_bps / (rule.per_amount × 10000)) in one step, so a
// multiplier never rounds twice: 1 point per 1.00 at ×1.5 on 99.99 paid is
// floor(149.985) = 149. Equals points_for_payment when multiplier_bps is 10000. For a
// validated rule and multiplier (0..100000) no intermediate exceeds 64 bits; a result that
// would is SC_ERR_OVERFLOW.
int64_t points_for_payment_multiplied(const PointsEarnRule& rule, int64_t paid, int64_t multiplier_bps);

// What `points` (a whole multiple of the unit) pay, in minor units: exact, because the
// program's validation requires unit × amount to be a multiple of points.
int64_t points_value(const PointsRedeemRule& rule, int64_t points);

// The most points a checkout may use: whole units, worth at most max_share_bps of
// `goods_payable`, and no more than `available`.
int64_t max_points_usable(const PointsRedeemRule& rule, int64_t goods_payable, int64_t available);

// Day of a sign-in streak given the streak reached yesterday (nullopt: no sign-in
// yesterday, so the streak starts again) and the table's length: 1-based, cycling.
int64_t next_sign_in_day(std::optional<int64_t> yesterday, size_t table_size);

}  // namespace sc
