#pragma once
// Group commit: writers that arrive while another write runs wait here, and the next one
// to find the writer free leads: it takes every waiting write (up to kMaxBatch, oldest
// first) and runs them one after another in one transaction, so that many writers pay for
// one commit (the WAL frames of the pages they share are written once, and checkpointed
// once). Each caller still returns only once its own write has committed or failed. A
// caller alone never waits: its batch is itself.
#include "core/error.hpp"

#include <cstddef>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace sc {

class Connection;

// One write: it commits when it returns nothing, and is refused (rolled back alone) when it
// returns the Error that says why.
using RefusableWrite = std::function<std::optional<Error>(Connection&)>;

struct WriteJob {
    const RefusableWrite* fn = nullptr;
    const std::function<void()>* after_commit = nullptr;
    std::exception_ptr error;       // set by the batch when this write failed
    std::optional<Error> refusal;   // set by the batch when fn refused the write
    bool done = false;              // guarded by the queue's mutex
};

class WriteQueue {
public:
    // Writes one batch may take: enough to share a commit among every thread of a busy
    // host, few enough that no write waits behind a long queue.
    static constexpr size_t kMaxBatch = 32;

    // Queues job and returns once the batch that took it has finished; run_batch is
    // called on whichever caller leads, never on two threads at once, and must record each
    // job's failure in job.error (or its refusal in job.refusal) rather than throw.
    void submit(WriteJob& job, const std::function<void(const std::vector<WriteJob*>&)>& run_batch);
    // Jobs queued and not yet taken by a batch.
    size_t waiting();

private:
    std::mutex mutex_;
    std::condition_variable finished_;
    std::deque<WriteJob*> waiting_;
    bool running_ = false;
};

}  // namespace sc
