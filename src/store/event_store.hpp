#pragma once
// The append-only event log.
#include "events/event.hpp"

#include "store/database.hpp"

#include <vector>

namespace sc::store {

Event append_event(Connection& db, const NewEvent& event, int64_t time_ms);
std::vector<Event> events_after(Connection& db, int64_t after_seq, int64_t limit);
// Events of one type after `after_seq`, in sequence order (the index on type and seq).
std::vector<Event> events_of_type_after(Connection& db, const std::string& type, int64_t after_seq, int64_t limit);
// The highest sequence number in the log; 0 when it is empty.
int64_t latest_event_seq(Connection& db);
// Removes up to `limit` of the oldest events, in sequence order, stopping at the first
// one stamped at or after `cutoff` and never removing the newest; returns how many. Pruning
// by sequence keeps the log gap-free after its first retained event, even where the clock
// once stepped back; keeping the newest keeps sequence numbers from going back.
int64_t prune_events(Connection& db, int64_t cutoff, int64_t limit);
// The time of the latest event, or INT64_MIN when the log is empty.
int64_t latest_event_time(Connection& db);
// Whether an event other than the newest is stamped before `cutoff` (prune_events has
// more to do).
bool oldest_event_before(Connection& db, int64_t cutoff);

}  // namespace sc::store
