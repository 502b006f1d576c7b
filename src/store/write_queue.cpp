#include "store/write_queue.hpp"

namespace sc {

void WriteQueue::submit(WriteJob& job, const std::function<void(const std::vector<WriteJob*>&)>& run_batch) {
    std::unique_lock lock(mutex_);
    waiting_.push_back(&job);
    while (!job.done) {
        if (running_) {
            finished_.wait(lock);
            continue;
        }
        running_ = true;
        std::vector<WriteJob*> batch;
        while (!waiting_.empty() && batch.size() < kMaxBatch) {
            batch.push_back(waiting_.front());
            waiting_.pop_front();
        }
        lock.unlock();
        try {
            run_batch(batch);
        } catch (...) {
            // run_batch records failures per job; anything it let through fails them all.
            for (WriteJob* j : batch)
                if (!j->error) j->error = std::current_exception();
        }
        lock.lock();
        // Once done, a job's owner may return and destroy it: nothing here touches it after.
        for (WriteJob* j : batch) j->done = true;
        running_ = false;
        finished_.notify_all();
    }
}

size_t WriteQueue::waiting() {
    const std::lock_guard lock(mutex_);
    return waiting_.size();
}

}  // namespace sc
