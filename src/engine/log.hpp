#pragma once
// The host's log callback. Messages are English, carry no personal data and no
// document text, and reach the host only outside every transaction and engine lock:
// what the store reports from inside a transaction (a busy retry) waits on the calling
// thread until the engine call has left the database.
#include <socialcart/socialcart.h>

#include <functional>
#include <string>

namespace sc {

using LogFn = std::function<void(sc_log_level_t, const std::string&)>;

class Log {
public:
    Log(LogFn sink, sc_log_level_t min_level) : sink_(std::move(sink)), min_level_(min_level) {}
    Log(const Log&) = delete;
    Log& operator=(const Log&) = delete;

    bool enabled(sc_log_level_t level) const noexcept { return sink_ && level >= min_level_; }
    // Delivers now: call only outside every transaction and lock.
    void operator()(sc_log_level_t level, const std::string& message) const noexcept;
    // Keeps the message on this thread until flush() (for the store, which calls it
    // while a transaction or the writer's lock is held).
    void defer(sc_log_level_t level, const std::string& message) const;
    // Delivers what this thread deferred for this log.
    void flush() const noexcept;

private:
    LogFn sink_;
    sc_log_level_t min_level_;
};

}  // namespace sc
