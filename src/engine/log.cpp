#include "engine/log.hpp"

#include <utility>
#include <vector>

namespace sc {

namespace {

struct Deferred {
    const Log* log;
    sc_log_level_t level;
    std::string message;
};

// Per thread: an engine call runs on one thread from start to finish, so what its
// store deferred is found here when the call leaves the database.
thread_local std::vector<Deferred> deferred;

}  // namespace

void Log::operator()(sc_log_level_t level, const std::string& message) const noexcept {
    if (!enabled(level)) return;
    try {
        sink_(level, message);
    } catch (...) {
        // The sink is the host's C callback; logging never turns into a failure.
    }
}

void Log::defer(sc_log_level_t level, const std::string& message) const {
    if (enabled(level)) deferred.push_back(Deferred{this, level, message});
}

void Log::flush() const noexcept {
    if (deferred.empty()) return;
    std::vector<Deferred> mine;
    try {
        std::vector<Deferred> others;
        for (auto& d : deferred) (d.log == this ? mine : others).push_back(std::move(d));
        deferred = std::move(others);
    } catch (...) {
        deferred.clear();  // out of memory: the messages are lost, the call is not
    }
    for (const auto& d : mine) (*this)(d.level, d.message);
}

}  // namespace sc
