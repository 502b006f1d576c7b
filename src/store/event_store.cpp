#include "store/event_store.hpp"

#include <SQLiteCpp/Statement.h>

namespace sc::store {

Event append_event(Connection& db, const NewEvent& event, int64_t time_ms) {
    Event e{0, event.type, event.subject_id, time_ms, event.payload.dump()};
    SQLite::Statement& q = db.statement("INSERT INTO events(type, subject_id, time_ms, payload) VALUES (?, ?, ?, ?)");
    q.bind(1, e.type);
    q.bind(2, e.subject_id);
    q.bind(3, e.time_ms);
    q.bind(4, e.payload);
    q.exec();
    e.seq = db.raw().getLastInsertRowid();
    return e;
}

std::vector<Event> events_after(Connection& db, int64_t after_seq, int64_t limit) {
    SQLite::Statement& q = db.statement("SELECT seq, type, subject_id, time_ms, payload FROM events WHERE seq > ? "
                            "ORDER BY seq LIMIT ?");
    q.bind(1, after_seq);
    q.bind(2, limit);
    std::vector<Event> out;
    while (q.executeStep())
        out.push_back(Event{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                            q.getColumn(3).getInt64(), q.getColumn(4).getString()});
    return out;
}

int64_t prune_events(Connection& db, int64_t cutoff, int64_t limit) {
    // The first event still inside the window bounds the deletion; if none is (within
    // the next `limit`), delete the `limit` oldest. The newest event always stays: a new
    // row's seq is the largest one + 1, so an emptied log would number from 1 again and
    // every host's cursor would skip what follows.
    const int64_t newest = latest_event_seq(db);
    SQLite::Statement& oldest = db.statement("SELECT seq, time_ms FROM events ORDER BY seq LIMIT ?");
    oldest.bind(1, limit);
    int64_t last_to_delete = -1;
    while (oldest.executeStep()) {
        if (oldest.getColumn(1).getInt64() >= cutoff || oldest.getColumn(0).getInt64() == newest) break;
        last_to_delete = oldest.getColumn(0).getInt64();
    }
    oldest.reset();
    if (last_to_delete < 0) return 0;
    SQLite::Statement& q = db.statement("DELETE FROM events WHERE seq <= ?");
    q.bind(1, last_to_delete);
    return q.exec();
}

int64_t latest_event_time(Connection& db) {
    SQLite::Statement& q = db.statement("SELECT time_ms FROM events WHERE seq = (SELECT MAX(seq) FROM events)");
    return q.executeStep() ? q.getColumn(0).getInt64() : INT64_MIN;
}

bool oldest_event_before(Connection& db, int64_t cutoff) {
    // The newest event is kept whatever its age (prune_events).
    SQLite::Statement& q =
        db.statement("SELECT time_ms FROM events WHERE seq < (SELECT MAX(seq) FROM events) ORDER BY seq LIMIT 1");
    return q.executeStep() && q.getColumn(0).getInt64() < cutoff;
}

std::vector<Event> events_of_type_after(Connection& db, const std::string& type, int64_t after_seq, int64_t limit) {
    SQLite::Statement& q = db.statement("SELECT seq, type, subject_id, time_ms, payload FROM events "
                                        "WHERE type = ? AND seq > ? ORDER BY seq LIMIT ?");
    q.bind(1, type);
    q.bind(2, after_seq);
    q.bind(3, limit);
    std::vector<Event> out;
    while (q.executeStep())
        out.push_back(Event{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                            q.getColumn(3).getInt64(), q.getColumn(4).getString()});
    return out;
}

int64_t latest_event_seq(Connection& db) {
    // MAX over the integer primary key reads the last row of the table's b-tree.
    SQLite::Statement& q = db.statement("SELECT COALESCE(MAX(seq), 0) FROM events");
    return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

}  // namespace sc::store
