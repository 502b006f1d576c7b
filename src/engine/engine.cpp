#include "engine/engine.hpp"

#include "core/error.hpp"
#include "engine/steps.hpp"
#include "store/catalog_store.hpp"
#include "store/event_store.hpp"
#include "store/order_store.hpp"

namespace sc {

void Tx::emit(NewEvent event) { events.push_back(store::append_event(db, event, now)); }

Engine::Engine(EngineConfig config)
    : config_(std::move(config)), db_(config_.store), hub_(std::make_shared<EventHub>()) {}

Engine::~Engine() { hub_->close(); }

int64_t Engine::now() {
    // Read before any transaction opens: the clock may be a call into the host.
    return config_.clock();
}

int64_t Engine::write(const std::function<void(Tx&)>& fn) {
    std::lock_guard lock(mutex_);
    const int64_t at = now();
    std::vector<Event> events;
    int64_t settled = 0;
    db_.write([&](Connection& db) {
        events.clear();  // a busy retry runs the whole use case again
        Tx tx{db, at, events};
        settled = steps::settle_lapsed_orders(tx);
        fn(tx);
    });
    hub_->dispatch(events);
    return settled;
}

void Engine::read(const std::function<void(Connection&, int64_t)>& fn) {
    std::lock_guard lock(mutex_);
    const int64_t at = now();
    // One read transaction in the common case; only when a deadline has passed is it
    // settled first (a write), and the read made again on the settled state.
    bool lapsed = false;
    db_.read([&](Connection& db) {
        lapsed = store::any_order_lapsed(db, at);
        if (!lapsed) fn(db, at);
    });
    if (!lapsed) return;
    write([](Tx&) {});
    db_.read([&](Connection& db) { fn(db, at); });
}

int64_t Engine::sweep() { return write([](Tx&) {}); }

std::vector<Event> Engine::events(int64_t after_seq, int64_t limit) {
    if (after_seq < 0) fail(SC_ERR_INVALID_ARGUMENT, "after_seq must not be negative", "after_seq");
    if (limit < 1 || limit > 10000) fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and 10000", "limit");
    std::vector<Event> out;
    read([&](Connection& db, int64_t) { out = store::events_after(db, after_seq, limit); });
    return out;
}

}  // namespace sc
