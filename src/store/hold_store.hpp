#pragma once
// Holds and the counters they reserve from. Every kind of hold (stock, coupon copies,
// group seats, group-buy and flash-sale stock) reserves from a `reserved`
// counter kept on its resource's own row. The counter changes only here, in the same
// statement sequence as the hold itself, so callers cannot let the two drift: the holds
// are the ledger, the counter is their checked sum, and availability costs one row read
// however many holds a resource has. Points are the exception: a member's ledger keeps
// its own holds (store/points_store.hpp), so a "points" hold row reserves no counter.
#include "orders/hold.hpp"

#include "store/database.hpp"

#include <string>
#include <vector>

namespace sc::store {

// Reserves the hold's quantity from its resource (a conditional update of the counter
// row) and records the hold. Returns false, writing nothing, when the resource has not
// that much unreserved capacity left.
bool place_hold(Connection& db, const Hold& hold);

std::vector<Hold> holds_of_order(Connection& db, const std::string& order_id);

// Moves a hold out of `held` (released: its quantity returns to the resource;
// committed: it leaves the resource's capacity). Returns false if it was already
// resolved, so a hold resolves exactly once even if two paths race to it.
bool resolve_hold(Connection& db, const Hold& hold, HoldState to);

// The resource's counter: units held by unpaid orders, deadlines passed or not.
int64_t reserved_quantity(Connection& db, const std::string& kind, const std::string& resource);

// Units still `held` whose deadline has passed at `now` but which no call has settled
// yet. Reads only those holds (an index on resource and deadline).
int64_t lapsed_held_quantity(Connection& db, const std::string& kind, const std::string& resource, int64_t now);

// Orders with such lapsed holds on the resource, oldest deadline first.
std::vector<std::string> orders_with_lapsed_holds(Connection& db, const std::string& kind,
                                                  const std::string& resource, int64_t now, int64_t limit);

// A counter that differs from the sum of its held holds. Always empty unless the file
// was damaged; the tests check it after every step of their random runs.
struct CounterDrift {
    std::string kind;
    std::string resource;
    int64_t counter = 0;
    int64_t held = 0;
};
std::vector<CounterDrift> counter_drift(Connection& db);

}  // namespace sc::store
