#include "events/event_hub.hpp"

#include <algorithm>

namespace sc {

uint64_t EventHub::add(Callback callback) {
    std::lock_guard lock(mutex_);
    const uint64_t id = next_id_++;
    entries_.push_back(Entry{id, std::make_shared<Callback>(std::move(callback))});
    return id;
}

void EventHub::remove(uint64_t id) {
    std::lock_guard lock(mutex_);
    std::erase_if(entries_, [id](const Entry& e) { return e.id == id; });
}

bool EventHub::contains(uint64_t id) const {
    return std::any_of(entries_.begin(), entries_.end(), [id](const Entry& e) { return e.id == id; });
}

void EventHub::dispatch(const std::vector<Event>& events) {
    if (events.empty()) return;
    std::lock_guard lock(mutex_);
    if (closed_) return;
    const std::vector<Entry> snapshot = entries_;  // keeps each callback alive while it runs
    for (const auto& entry : snapshot) {
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
    std::lock_guard lock(mutex_);
    closed_ = true;
}

}  // namespace sc
