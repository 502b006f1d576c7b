#pragma once
// The event log (FEATURES §11): every state change appends one event.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace sc {

struct Event {
    int64_t seq = 0;
    std::string type;        // "order.paid"; docs/events.md lists them
    std::string subject_id;  // the order, SKU or user the event is about
    int64_t time_ms = 0;
    std::string payload;     // a JSON object
};

// An event about to be appended; the store gives it its seq.
struct NewEvent {
    std::string type;
    std::string subject_id;
    nlohmann::json payload = nlohmann::json::object();
};

}  // namespace sc
