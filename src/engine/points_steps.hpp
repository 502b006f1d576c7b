#pragma once
// The points ledger inside the engine's transactions (internal to src/engine): loading a
// member's account from its entries, running one ledger operation and persisting what it
// appended with an event per entry, and the ledger's part in checkout, payment,
// cancellation and refunds.
#include "engine/engine.hpp"
#include "points/points_account.hpp"
#include "points/points_program.hpp"

#include <functional>
#include <string>

namespace sc::steps {

// The points program as the operator set it, or the defaults (orders earn nothing and
// points pay for nothing) before one is set.
PointsProgram points_program(Connection& db);

// Stores the program (validated by the caller) and logs points_program.put, unless it is
// already the stored one.
void save_points_program(Tx& tx, const PointsProgram& program);

// The member's account as its entries imply it (a member without entries has an empty one).
PointsAccount load_points_account(Connection& db, const std::string& user_id);

// The account as a read at `now` sees it: points held by unpaid orders whose payment
// window has passed are free again, as the write that settles those orders will make them.
PointsAccount points_account_as_of(Connection& db, const std::string& user_id, int64_t now);

// Runs one ledger operation on the member's account, appends the entries it made (expiry
// settled on the way included) and emits an event for each. Returns its receipt.
PointsReceipt points_write(Tx& tx, const std::string& user_id,
                           const std::function<PointsReceipt(PointsAccount&)>& operation);

// Stage 5's inputs for pricing the member's cart at `now` (pricing/pricing.hpp).
PointsTerms points_terms(Connection& db, const std::string& user_id, int64_t now, const PointsUse& use);

// Checkout: holds the points the order uses (ledger hold and a "points" hold row with the
// order's deadline); sets and saves order.points_hold. Call once the order is inserted.
void hold_order_points(Tx& tx, Order& order);
// Payment: commits the points hold and earns the order's points at the member tier's
// multiplier (pending for the return window); saves what it did on the order.
void settle_order_points(Tx& tx, Order& order, int64_t multiplier_bps);
// Cancellation: gives the held points back (once: the ledger refuses a second release).
void release_order_points(Tx& tx, const Order& order);
// Refund: reverses the points the refunded part earned and returns the points spent on
// it, each in proportion per line, from the order before and after the refund.
void refund_order_points(Tx& tx, const Order& before, const Order& after, const std::string& refund_id);

// The canonical text of a points use for idempotency records ("" for none).
std::string points_use_text(const PointsUse& use);

}  // namespace sc::steps
