#pragma once
// The facade: one entry point per use case, each in one SQLite transaction. Domain
// modules decide, the store persists, and events are delivered after the commit.
#include "cart/cart.hpp"
#include "catalog/sku.hpp"
#include "core/clock.hpp"
#include "events/event_hub.hpp"
#include "orders/order.hpp"
#include "pricing/quote.hpp"
#include "store/database.hpp"


#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace sc {

constexpr int64_t kDefaultPaymentWindowMs = 15 * 60 * 1000;

struct EngineConfig {
    StoreSettings store;
    int64_t payment_window_ms = kDefaultPaymentWindowMs;
    Clock clock = system_now_ms;
};

struct SkuView {
    Sku sku;
    int64_t available = 0;  // on hand less held; 0 when untracked
};

struct CartView {
    std::string user_id;
    std::string currency;
    std::vector<CartLineView> lines;
};

// What one write use case sees: its transaction, the time it started, and the events
// it appends (delivered to subscribers once it commits).
struct Tx {
    Connection& db;
    int64_t now;
    std::vector<Event>& events;
    int64_t settled = 0;  // lapsed orders settled on the way in

    void emit(NewEvent event);
};

class Engine {
public:
    explicit Engine(EngineConfig config);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Catalog and program document.
    void put_sku(const Sku& sku);
    SkuView get_sku(const std::string& id);
    std::vector<SkuView> catalog();
    void import_program(std::string_view json);
    std::string export_program();

    // Cart.
    void cart_add(const std::string& user_id, const std::string& sku_id, int64_t quantity);
    void cart_set_quantity(const std::string& user_id, const std::string& sku_id, int64_t quantity);
    void cart_remove(const std::string& user_id, const std::string& sku_id);
    void cart_select(const std::string& user_id, const std::string& sku_id, bool selected);
    void cart_clear(const std::string& user_id);
    void cart_merge(const std::string& guest_id, const std::string& user_id);
    CartView cart(const std::string& user_id);
    Quote quote(const std::string& user_id);

    // Orders.
    Order checkout(const std::string& user_id, const std::string& idempotency_key);
    Order order(const std::string& order_id);
    Order pay(const std::string& order_id, const std::string& payment_ref, int64_t amount,
              const std::string& idempotency_key);
    Order cancel(const std::string& order_id);
    Order refund_line(const std::string& order_id, size_t line_index, int64_t quantity,
                      const std::string& idempotency_key);
    Order refund_amount(const std::string& order_id, int64_t amount, const std::string& idempotency_key);
    int64_t sweep();

    // Events.
    std::vector<Event> events(int64_t after_seq, int64_t limit);
    std::shared_ptr<EventHub> hub() const { return hub_; }

private:
    // Runs fn in a write transaction after settling lapsed deadlines; returns how many
    // orders were settled. Delivers the events once committed.
    int64_t write(const std::function<void(Tx&)>& fn);
    // Settles what has lapsed (if anything), then runs fn in a read transaction.
    void read(const std::function<void(Connection&, int64_t now)>& fn);
    int64_t now();

    Order refund(const std::string& order_id, const std::string& idempotency_key, const std::string& request,
                 const std::function<RefundPlan(const Order&)>& plan);

    std::recursive_mutex mutex_;
    EngineConfig config_;
    Database db_;
    std::shared_ptr<EventHub> hub_;
};

}  // namespace sc
