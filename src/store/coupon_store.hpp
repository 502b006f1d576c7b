#pragma once
// Coupon templates with their counters, and coupon instances (FEATURES §4). A template
// is kept as its canonical JSON beside the columns its conditional updates need. An
// instance is also a reservable resource of capacity 1 (hold kind "coupon", resource =
// its code): hold_store reserves from its `reserved` column, this store moves its state.
#include "coupons/coupon.hpp"
#include "coupons/coupon_template.hpp"
#include "store/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sc::store {

struct TemplateCounters {
    int64_t claimed = 0;
    int64_t used = 0;
    int64_t returned = 0;
    int64_t discount_given = 0;
};

struct StoredTemplate {
    CouponTemplate terms;
    TemplateCounters counters;
};

std::optional<StoredTemplate> find_coupon_template(Connection& db, const std::string& id);
std::optional<StoredTemplate> find_template_by_promo_code(Connection& db, const std::string& promo_code);
// Inserts, or replaces the definition and keeps the counters.
void upsert_coupon_template(Connection& db, const CouponTemplate& coupon_template);
std::vector<StoredTemplate> all_coupon_templates(Connection& db);  // by id

// Takes one copy of the template's total quantity: a conditional UPDATE that changes
// one row, or none (false) when every copy is issued.
bool take_template_copy(Connection& db, const std::string& template_id);
void count_template_use(Connection& db, const std::string& template_id, int64_t discount);
void count_template_return(Connection& db, const std::string& template_id, int64_t discount);

// How many instances of the template the user was ever issued.
int64_t instances_issued_to(Connection& db, const std::string& template_id, const std::string& user_id);

// A coupon instance as stored, with the columns the domain value does not carry.
struct StoredCoupon {
    CouponInstance coupon;
    std::string via;                // claim, grant or promo_code
    int64_t hold_expires_at = 0;    // while held: the holding order's payment deadline
    int64_t discount = 0;           // while held or used: its amount in that order
    std::optional<std::string> order_id;  // the order holding or having used it
};

// Inserts a new instance with the next ordinal for (template, owner).
void insert_coupon(Connection& db, const CouponInstance& coupon, const std::string& via, int64_t ordinal);
std::optional<StoredCoupon> find_coupon(Connection& db, const std::string& code);
// Every coupon of the user, oldest first.
std::vector<StoredCoupon> coupons_of_user(Connection& db, const std::string& user_id);
// The user's coupons that may price an order at `now`: available or held, still valid.
std::vector<StoredCoupon> usable_coupons_of_user(Connection& db, const std::string& user_id, int64_t now);
// Orders holding a coupon of the user whose payment window has passed at `now`.
std::vector<std::string> lapsed_coupon_holders(Connection& db, const std::string& user_id, int64_t now);
// Coupons of the template held by an order whose window has not passed at `now`.
int64_t held_coupons(Connection& db, const std::string& template_id, int64_t now);
// Whether the user has ever paid an order (the new_users audience).
bool has_paid_order(Connection& db, const std::string& user_id);

// State moves, each a conditional UPDATE from the one state it may start in; false when
// the coupon was not in it (the caller fails or skips).
bool mark_coupon_held(Connection& db, const std::string& code, const std::string& order_id, int64_t hold_expires_at,
                      int64_t discount);
bool mark_coupon_released(Connection& db, const std::string& code);
bool mark_coupon_used(Connection& db, const std::string& code);
// used → available: capacity back to 1, so it can be held again.
bool mark_coupon_returned(Connection& db, const std::string& code);
// available → revoked: capacity 0, so nothing can hold it again.
bool mark_coupon_revoked(Connection& db, const std::string& code);

}  // namespace sc::store
