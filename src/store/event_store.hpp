#pragma once
// The append-only event log.
#include "events/event.hpp"

#include <SQLiteCpp/Database.h>

#include <vector>

namespace sc::store {

Event append_event(SQLite::Database& db, const NewEvent& event, int64_t time_ms);
std::vector<Event> events_after(SQLite::Database& db, int64_t after_seq, int64_t limit);

}  // namespace sc::store
