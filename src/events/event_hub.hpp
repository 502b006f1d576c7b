#pragma once
// Delivers committed events to subscribers, outside every engine lock. Outlives the
// engine (subscriptions may be freed after the engine closed), so it is shared.
//
// Writers publish each committed batch while they still hold the write lock, so the
// queue is in commit order. After releasing the lock a writer delivers the queue unless
// another thread is already doing so, in which case that thread delivers this batch
// too, after the ones before it. So delivery is in sequence order, a slow subscriber
// delays only the thread that is delivering, and no engine call waits for a subscriber
// to become free.
#include "events/event.hpp"

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace sc {

class EventHub {
public:
    using Callback = std::function<void(const std::vector<Event>&)>;

    uint64_t add(Callback callback);
    // Once remove() returns, the callback is not called again. A callback that removes
    // itself keeps running to its end; its captured state dies after it returns.
    void remove(uint64_t id);
    // Queues one committed batch (called in commit order).
    void publish(std::vector<Event> batch);
    // Delivers what is queued, on this thread, unless another thread already is.
    void deliver();
    // The engine closed: nothing more is delivered.
    void close();

private:
    struct Entry {
        uint64_t id;
        std::shared_ptr<Callback> callback;
    };
    bool contains(uint64_t id) const;
    void dispatch(const std::vector<Event>& events);

    // Recursive: a callback may subscribe or unsubscribe from inside a dispatch.
    mutable std::recursive_mutex subscribers_mutex_;
    std::vector<Entry> entries_;
    uint64_t next_id_ = 1;
    bool closed_ = false;

    std::mutex queue_mutex_;
    std::deque<std::vector<Event>> queue_;
    bool delivering_ = false;  // some thread is draining the queue
};

}  // namespace sc
