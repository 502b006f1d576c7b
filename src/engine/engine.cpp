#include "engine/engine.hpp"

#include "core/error.hpp"
#include "engine/bargain_steps.hpp"
#include "engine/groupbuy_steps.hpp"
#include "engine/steps.hpp"
#include "store/event_store.hpp"

namespace sc {

void Tx::emit(NewEvent event) { events.push_back(store::append_event(db, event, now)); }

namespace {

// Opens the database; a failure reaches the host's log once the store has let go.
Database open_database(const StoreSettings& settings, const Log& log) {
    try {
        return Database(settings);
    } catch (const Error& e) {
        log.flush();
        if (e.code() == SC_ERR_STORAGE)
            log(SC_LOG_ERROR, std::string("the database could not be opened: ") + e.what());
        throw;
    } catch (...) {
        log.flush();
        throw;
    }
}

}  // namespace

Engine::Engine(EngineConfig config)
    : config_(std::move(config)),
      log_(config_.log, config_.log_level),
      db_(open_database(store_settings(), log_)),
      hub_(std::make_shared<EventHub>()) {
    if (!config_.random) config_.random = system_random_u64;
    log_.flush();  // what opening (migrating) the file reported
}

Engine::~Engine() { hub_->close(); }

int64_t Engine::now() {
    // Read before any transaction opens: the clock may be a call into the host. A clock
    // that steps back is held at the latest time this engine has seen, so that no change
    // is stamped before one it follows (paid_at before created_at).
    const int64_t clock = config_.clock();
    int64_t seen = latest_now_.load(std::memory_order_relaxed);
    while (clock > seen && !latest_now_.compare_exchange_weak(seen, clock, std::memory_order_relaxed)) {
    }
    return std::max(clock, seen);
}

StoreSettings Engine::store_settings() {
    StoreSettings settings = config_.store;
    const Log* log = &log_;
    settings.log = [log](sc_log_level_t level, const std::string& message) { log->defer(level, message); };
    return settings;
}

void Engine::log_failure(const Error& error) {
    log_.flush();
    if (error.code() == SC_ERR_STORAGE)
        log_(SC_LOG_ERROR, std::string("a database call failed (SC_ERR_STORAGE): ") + error.what());
    else if (error.code() == SC_ERR_BUSY)
        log_(SC_LOG_WARNING, "the database stayed locked by another connection; the call reported SC_ERR_BUSY");
}

void Engine::write(const std::function<void(Tx&)>& fn, int64_t settle_first) {
    const int64_t at = now();
    std::vector<Event> events;
    std::map<std::string, PointsAccount> points_accounts;
    int64_t settled = 0;
    std::optional<Error> refusal;
    // Logged once committed and outside the writer's lock, so the host's callback never
    // runs with the file locked.
    logged([&] {
        refusal = db_.write_or_refusal(
            [&](Connection& db) -> std::optional<Error> {
                events.clear();  // a busy retry runs the whole use case again
                points_accounts.clear();
                // Nor before the latest event in the file: another engine or process on it
                // may run on a clock ahead of this one.
                const int64_t floor = store::latest_event_time(db);
                Tx tx{db, std::max(at, floor), events};
                tx.points_accounts = &points_accounts;
                tx.points_cache = &points_cache_;
                try {
                    steps::settle_lapsed_orders(tx, settle_first);
                    steps::settle_due_groups(tx, settle_first);
                    steps::expire_due_bargains(tx, settle_first);
                    fn(tx);
                } catch (const Error& e) {
                    // The use case refused (a full group, a spent coupon): handed back as a
                    // value, it unwinds no further than here, and the store rolls it back.
                    // A storage or busy failure stays an exception: it is the transaction's.
                    if (e.code() == SC_ERR_STORAGE || e.code() == SC_ERR_BUSY) throw;
                    return e;
                }
                if (tx.refusal) return std::move(tx.refusal);
                settled = tx.settled;
                return std::nullopt;
            },
            [&] {
                hub_->publish(std::move(events));
                points_cache_.put_all(points_accounts);
            });
    });
    if (refusal) {
        log_failure(*refusal);
        throw std::move(*refusal);
    }
    if (settled > 0)
        log_(SC_LOG_INFO, "settled " + std::to_string(settled) + " lapsed order" + (settled == 1 ? "" : "s"));
    // A subscriber may close the engine: keep the hub alive and touch nothing of this
    // engine once delivery starts.
    const std::shared_ptr<EventHub> hub = hub_;
    hub->deliver();
}

void Engine::read(const std::function<void(Connection&, int64_t)>& fn) {
    const int64_t at = now();
    logged([&] { db_.read([&](Connection& db) { fn(db, at); }); });
}

void Engine::logged(const std::function<void()>& step) {
    try {
        step();
    } catch (const Error& e) {
        log_failure(e);
        throw;
    } catch (...) {
        log_.flush();  // nothing deferred outlives the call
        throw;
    }
    log_.flush();
}

std::vector<Event> Engine::events(int64_t after_seq, int64_t limit) {
    if (after_seq < 0) fail(SC_ERR_INVALID_ARGUMENT, "after_seq must not be negative", "after_seq");
    if (limit < 1 || limit > 10000) fail(SC_ERR_INVALID_ARGUMENT, "limit must be between 1 and 10000", "limit");
    std::vector<Event> out;
    read([&](Connection& db, int64_t) { out = store::events_after(db, after_seq, limit); });
    return out;
}

}  // namespace sc
