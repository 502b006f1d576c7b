#pragma once
// The append-only event log.
#include "events/event.hpp"

#include "store/database.hpp"

#include <vector>

namespace sc::store {

Event append_event(Connection& db, const NewEvent& event, int64_t time_ms);
std::vector<Event> events_after(Connection& db, int64_t after_seq, int64_t limit);

}  // namespace sc::store
