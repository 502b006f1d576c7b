#include "points/points_program.hpp"

#include "core/checked.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/wide.hpp"

#include <set>

namespace sc {

namespace {

constexpr int64_t kMaxReturnWindowDays = 365;
constexpr size_t kMaxSignInDays = 366;
constexpr size_t kMaxActivities = 32;
constexpr int64_t kMaxRate = int64_t{1} << 40;  // keeps products of rates far from 64 bits

[[noreturn]] void invalid(const std::string& field, const std::string& why) {
    fail(SC_ERR_VALIDATION, field + ": " + why, field);
}

void require_range(int64_t value, int64_t low, int64_t high, const std::string& field) {
    if (value < low || value > high)
        invalid(field, "must be between " + std::to_string(low) + " and " + std::to_string(high));
}

}  // namespace

const PointsActivity* PointsProgram::activity(const std::string& name) const {
    for (const PointsActivity& a : activities)
        if (a.name == name) return &a;
    return nullptr;
}

void validate_points_program(const PointsProgram& program, const std::string& prefix) {
    require_range(program.earn.points, 0, kMaxRate, prefix + "earn.points");
    require_range(program.earn.per_amount, 1, kMaxRate, prefix + "earn.per_amount");
    const PointsRedeemRule& r = program.redeem;
    require_range(r.points, 1, kMaxRate, prefix + "redeem.points");
    require_range(r.amount, 1, kMaxRate, prefix + "redeem.amount");
    require_range(r.unit, 1, kMaxRate, prefix + "redeem.unit");
    require_range(r.max_share_bps, 0, 10000, prefix + "redeem.max_share_bps");
    if (mul_div(r.unit, r.amount, r.points).remainder != 0)
        invalid(prefix + "redeem.unit", "must be a number of points worth a whole number of minor units");
    try {
        validate(program.expiry);
    } catch (const Error& e) {
        invalid(prefix + "expiry.periods", e.what());
    }
    require_range(program.return_window_days, 0, kMaxReturnWindowDays, prefix + "return_window_days");
    if (program.sign_in.size() > kMaxSignInDays)
        invalid(prefix + "sign_in", "has at most " + std::to_string(kMaxSignInDays) + " days");
    for (size_t i = 0; i < program.sign_in.size(); ++i)
        require_range(program.sign_in[i], 0, kMaxRate, prefix + "sign_in[" + std::to_string(i) + "]");
    if (program.activities.size() > kMaxActivities)
        invalid(prefix + "activities", "has at most " + std::to_string(kMaxActivities) + " entries");
    std::set<std::string> names;
    for (size_t i = 0; i < program.activities.size(); ++i) {
        const PointsActivity& a = program.activities[i];
        const std::string p = prefix + "activities[" + std::to_string(i) + "].";
        try {
            require_id(a.name, "name");
        } catch (const Error& e) {
            invalid(p + "name", e.what());
        }
        if (!names.insert(a.name).second) invalid(p + "name", "names another activity already listed");
        require_range(a.points, 1, kMaxRate, p + "points");
        require_range(a.daily_cap, 1, 1000, p + "daily_cap");
    }
}

int64_t points_for_payment(const PointsEarnRule& rule, int64_t paid) {
    if (paid <= 0 || rule.points == 0) return 0;
    return mul_div(paid, rule.points, rule.per_amount, "points earned").quotient;
}

int64_t points_for_payment_multiplied(const PointsEarnRule& rule, int64_t paid, int64_t multiplier_bps) {
    if (multiplier_bps < 0 || multiplier_bps > kMaxPointsMultiplierBps)
        fail(SC_ERR_INVALID_ARGUMENT, "points multiplier must be between 0 and 100000 basis points",
             "points_multiplier_bps");
    if (paid <= 0 || rule.points == 0 || multiplier_bps == 0) return 0;
    // paid × points = q × per_amount + r and q × m = a × 10000 + b, so
    // paid × points × m / (per_amount × 10000) = a + (b × per_amount + r × m) / (per_amount × 10000),
    // every part non-negative, the last below 1 + m / 10000.
    const MulDiv base = mul_div(paid, rule.points, rule.per_amount, "points earned");
    const MulDiv scaled = mul_div(base.quotient, multiplier_bps, 10000, "points earned");
    const int64_t rest = checked_add(checked_mul(scaled.remainder, rule.per_amount, "points earned"),
                                     checked_mul(base.remainder, multiplier_bps, "points earned"), "points earned");
    return checked_add(scaled.quotient, rest / checked_mul(rule.per_amount, 10000, "points earned"), "points earned");
}

int64_t points_value(const PointsRedeemRule& rule, int64_t points) {
    return mul_div(points, rule.amount, rule.points, "points value").quotient;
}

int64_t max_points_usable(const PointsRedeemRule& rule, int64_t goods_payable, int64_t available) {
    if (rule.max_share_bps == 0 || goods_payable <= 0 || available <= 0) return 0;
    const int64_t cap_amount = mul_div(goods_payable, rule.max_share_bps, 10000, "points cap").quotient;
    const int64_t by_amount = mul_div(cap_amount, rule.points, rule.amount, "points cap").quotient;
    const int64_t most = std::min(by_amount, available);
    return most - most % rule.unit;
}

int64_t next_sign_in_day(std::optional<int64_t> yesterday, size_t table_size) {
    if (!yesterday || *yesterday >= static_cast<int64_t>(table_size)) return 1;
    return *yesterday + 1;
}

}  // namespace sc
