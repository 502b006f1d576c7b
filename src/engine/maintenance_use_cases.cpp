// Housekeeping a host schedules (on app background, from a timer): settling lapsed
// deadlines in pages, and compacting the event log and idempotency records.
#include "core/error.hpp"
#include "engine/bargain_steps.hpp"
#include "engine/engine.hpp"
#include "engine/groupbuy_steps.hpp"
#include "engine/steps.hpp"
#include "engine/tier_steps.hpp"
#include "store/event_store.hpp"
#include "store/idempotency_store.hpp"
#include "store/order_store.hpp"

namespace sc {

namespace {

constexpr int64_t kMaxPage = 100000;

void require_page(int64_t limit) {
    if (limit < 1 || limit > kMaxPage) fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and 100000", "limit");
}

}  // namespace

SweepResult Engine::sweep(int64_t limit) {
    require_page(limit);
    SweepResult result;
    write(
        [&](Tx& tx) {
            result.settled = steps::settle_lapsed_orders(tx, limit);
            result.tiers_reviewed = steps::review_due_tiers(tx, limit);
            result.groups_settled = steps::settle_due_groups(tx, limit);
            result.bargains_expired = steps::expire_due_bargains(tx, limit);
            result.more = !store::lapsed_order_ids(tx.db, tx.now, 1).empty() || steps::tier_reviews_due(tx.db, tx.now) ||
                          steps::groups_due(tx.db, tx.now) || steps::bargains_due(tx.db, tx.now);
        },
        0);
    return result;
}

CompactResult Engine::compact(int64_t limit) {
    require_page(limit);
    CompactResult result;
    write([&](Tx& tx) {
        const int64_t events_cutoff = tx.now - config_.event_retention_ms;
        const int64_t keys_cutoff = tx.now - config_.idempotency_retention_ms;
        result.events_removed = store::prune_events(tx.db, events_cutoff, limit);
        result.idempotency_removed = store::prune_idempotency(tx.db, keys_cutoff, limit);
        result.more = store::oldest_event_before(tx.db, events_cutoff) ||
                      store::any_idempotency_before(tx.db, keys_cutoff);
    });
    return result;
}

}  // namespace sc
