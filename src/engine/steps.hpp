#pragma once
// Steps shared by several use cases of the engine (internal to src/engine).
#include "engine/engine.hpp"
#include "orders/hold.hpp"

#include <string>

namespace sc::steps {

// Cancels up to `limit` unpaid orders whose payment window has lapsed, oldest first,
// releasing their holds; returns how many (also added to tx.settled).
int64_t settle_lapsed_orders(Tx& tx, int64_t limit);

// The payload of hold.* events: which hold, of what kind, on what, how many.
nlohmann::json hold_payload(const Hold& hold);

// Releases the order's holds and cancels it (payment lapsed, or on request).
void cancel_order(Tx& tx, Order& order, sc_cancel_reason_t reason);

// Commits the order's holds: held stock leaves the warehouse.
void commit_order_holds(Tx& tx, const Order& order);

// Places a hold, first settling lapsed orders that still hold the resource when
// they are what stands in the way (at most as many as the hold needs units).
// Fails with `code` when the resource does not have the quantity, saying `refusal`
// ("not enough left of <resource>" when empty).
void place_hold(Tx& tx, const Hold& hold, sc_status_t code, const std::string& refusal = "");

// Settles lapsed orders holding the resource until at most `limit` units stay
// reserved, or none of its holds has lapsed; returns how many orders it settled.
int64_t settle_lapsed_holders(Tx& tx, const std::string& kind, const std::string& resource, int64_t limit);

// Looks an idempotency key up: the first result's id when this exact request was seen
// before, nothing when the key is new; a different request under the key is a conflict.
std::optional<std::string> replayed(Tx& tx, const char* scope, const std::string& key, const std::string& request);

// Loads an order or fails with SC_ERR_NOT_FOUND (field: order_id).
Order require_order(Connection& db, const std::string& order_id);

// For a write: loads the order and, if its payment window has lapsed, settles it first.
Order require_current_order(Tx& tx, const std::string& order_id);

// Loads a SKU or fails with SC_ERR_NOT_FOUND (field: sku_id).
Sku require_sku(Connection& db, const std::string& sku_id);

// Tracked stock that unpaid orders have not claimed at `now` (holds whose deadline has
// passed count as free even before they are settled); 0 when untracked.
int64_t available_stock(Connection& db, const Sku& sku, int64_t now);

// The catalog's currency, or "" before the first SKU.
std::string catalog_currency(Connection& db);

// A checkout request names at most one context (group-buy, flash sale or bargain): else
// SC_ERR_INVALID_ARGUMENT (field: request).
void require_one_context(const CheckoutRequest& request);

// Everything price() needs for the user's selected cart lines at `now`: the member's
// points and the program's rates, the lines (their
// SKUs as the catalog has them now), the promotions not yet ended, the shipping rules, and
// the user's coupons that are available or held and still valid, with their terms; a
// coupon held by an order whose payment window has passed is given as available (a read
// sees it so; a write settles that order first). Fails SC_ERR_CART_EMPTY with no selected
// line when `require_lines`. Checks each line's quantity against available stock when
// `check_stock`. Reads only.
PricingRequest pricing_request(Connection& db, const std::string& user_id, int64_t now, const CheckoutRequest& checkout,
                               bool check_stock);

// For a write: cancels the orders holding a coupon of the user whose payment window has
// passed, so those coupons are available again before the user's checkout prices.
void settle_lapsed_coupon_holders(Tx& tx, const std::string& user_id);

// The canonical text of a checkout request, for idempotency records ("" for the default:
// no coupons, delivery, no points).
std::string checkout_request_text(const CheckoutRequest& request);

// Gives back every coupon the (fully refunded) order used that is still valid at tx.now.
void return_order_coupons(Tx& tx, const Order& order);

}  // namespace sc::steps
