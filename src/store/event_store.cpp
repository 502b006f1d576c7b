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

}  // namespace sc::store
