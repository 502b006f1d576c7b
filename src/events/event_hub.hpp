#pragma once
// Delivers committed events to subscribers. Outlives the engine (subscriptions may be
// freed after the engine closed), so it is shared.
#include "events/event.hpp"

#include <cstdint>
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
    // Calls every subscriber in turn on this thread.
    void dispatch(const std::vector<Event>& events);
    // The engine closed: nothing more is delivered.
    void close();

private:
    struct Entry {
        uint64_t id;
        std::shared_ptr<Callback> callback;
    };
    bool contains(uint64_t id) const;

    // Recursive: a callback may subscribe or unsubscribe from inside a dispatch.
    mutable std::recursive_mutex mutex_;
    std::vector<Entry> entries_;
    uint64_t next_id_ = 1;
    bool closed_ = false;
};

}  // namespace sc
