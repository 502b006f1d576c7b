#include "events/event_hub.hpp"

#include <algorithm>

namespace sc {

uint64_t EventHub::add(Callback callback) {
    std::lock_guard lock(subscribers_mutex_);
    const uint64_t id = next_id_++;
    entries_.push_back(Entry{id, std::make_shared<Callback>(std::move(callback))});
    return id;
}

void EventHub::remove(uint64_t id) {
    std::lock_guard lock(subscribers_mutex_);
    std::erase_if(entries_, [id](const Entry& e) { return e.id == id; });
}

bool EventHub::contains(uint64_t id) const {
    return std::any_of(entries_.begin(), entries_.end(), [id](const Entry& e) { return e.id == id; });
}

void EventHub::publish(std::vector<Event> batch) {
    if (batch.empty()) return;
    std::lock_guard lock(queue_mutex_);
    queue_.push_back(std::move(batch));
}

void EventHub::deliver() {
    {
        std::lock_guard lock(queue_mutex_);
        // A callback that writes lands here on the delivering thread: its batch waits
        // in the queue until the batch in hand has reached every subscriber.
        if (delivering_ || queue_.empty()) return;
        delivering_ = true;
    }
    for (;;) {
        std::vector<Event> batch;
        {
            // Checked and cleared under the same lock as publish(), so a batch queued
            // while this thread finishes is never left behind.
            std::lock_guard lock(queue_mutex_);
            if (queue_.empty()) {
                delivering_ = false;
                return;
            }
            batch = std::move(queue_.front());
            queue_.pop_front();
        }
        dispatch(batch);
    }
}

void EventHub::dispatch(const std::vector<Event>& events) {
    std::lock_guard lock(subscribers_mutex_);
    if (closed_) return;
    const std::vector<Entry> snapshot = entries_;  // keeps each callback alive while it runs
    for (const auto& entry : snapshot) {
        if (closed_) return;
        if (!contains(entry.id)) continue;
        try {
            (*entry.callback)(events);
        } catch (...) {
            // The change has committed; a subscriber's failure cannot undo or fail it,
            // nor keep the other subscribers from hearing of it.
        }
    }
}

void EventHub::close() {
    std::lock_guard lock(subscribers_mutex_);
    closed_ = true;
}

}  // namespace sc
