#pragma once
// Member tiers inside the engine's transactions (internal to src/engine): the stored
// program, placing and evaluating a member (src/tiers decides, this persists the record,
// the changes and their events), and the tier's part in pricing, payment, refunds and the
// sweep. docs/tiers.md states the rules.
#include "engine/engine.hpp"
#include "tiers/tier_program.hpp"
#include "tiers/tier_status.hpp"

#include <optional>
#include <string>

namespace sc::steps {

// The tier program as the operator set it; nullopt before one is set (no member has a
// tier and nothing prices by one).
std::optional<TierProgram> tier_program(Connection& db);
// The program, or SC_ERR_INVALID_STATE (field "tiers") before one is set.
TierProgram require_tier_program(Connection& db);

// Checks the stored coupon templates' min_tier audiences against the program, stores it
// and logs tier_program.put, unless it is already the stored one. Members whose tier the
// program dropped are placed afresh when next touched.
void save_tier_program(Tx& tx, const TierProgram& program);

// Refuses a min_tier audience the stored program has no tier for (or any, before a
// program is set) with `code` at `<field_prefix>audience.min_tier`.
void require_audience_tier(Connection& db, const CouponTemplate& coupon_template, sc_status_t code,
                           const std::string& field_prefix);

// The member's tier and page as a read at `now` sees it (a passed period end reviewed).
TierProgress member_progress(Connection& db, const TierProgram& program, const std::string& user_id, int64_t now);

// The member's tier now, for pricing a quote or checkout; nullopt without a program.
std::optional<Tier> member_tier(Connection& db, const std::string& user_id, int64_t now);

// For a write: evaluates the member to tx.now, saves the record and logs each change
// (tier.upgraded, tier.downgraded); a member without a record is placed by their figure,
// with no event. Returns the member's tier.
Tier evaluate_member(Tx& tx, const TierProgram& program, const std::string& user_id);

// For a write, before anything that moves the figure (a payment, a refund, points earned):
// the member's tier now, placed and evaluated; nullopt without a program. Placing first
// lets the first payment of a member new to the program upgrade them with an event.
std::optional<Tier> current_tier(Tx& tx, const std::string& user_id);

// Payment, after current_tier: records the order's goods total as spend (always, so a
// program set later counts it) and, with a program, evaluates the member: a payment
// crossing a threshold upgrades at once.
void tier_payment(Tx& tx, const Order& order);
// Refund, after current_tier: records the refunded amount against spend and evaluates (never a downgrade
// before the period end).
void tier_refund(Tx& tx, const Order& order, int64_t amount, const std::string& refund_id);
// After points were earned or reversed (current_tier before): evaluates the member when tiers count growth points.
void tier_growth(Tx& tx, const std::string& user_id);

// The sweep: reviews up to `limit` members whose period has ended; returns how many.
int64_t review_due_tiers(Tx& tx, int64_t limit);
// Whether a member's period end is still to be reviewed.
bool tier_reviews_due(Connection& db, int64_t now);

}  // namespace sc::steps
