#pragma once
// Rule definitions (promotions, coupon templates) are stored as canonical JSON and read
// on every quote and checkout; parsing them was most of a quote's cost (bench_quote).
// The same text always parses to the same value, so parsed values are kept by their
// text: there is nothing to invalidate, since a changed definition is a new key. Shared
// by every engine in the process and safe from any thread.
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace sc::store {

template <class T>
class ParsedByText {
public:
    template <class Parse>
    T get(const std::string& text, Parse&& parse) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (auto it = items_.find(text); it != items_.end()) return it->second;
        }
        T value = parse(text);  // outside the lock: a slow parse blocks no other reader
        std::lock_guard<std::mutex> lock(mutex_);
        // A bound on memory for hosts that rewrite rules all day: start over when full.
        if (items_.size() >= kMaxItems) items_.clear();
        items_.emplace(text, value);
        return value;
    }

private:
    static constexpr size_t kMaxItems = 4096;
    std::mutex mutex_;
    std::unordered_map<std::string, T> items_;
};

}  // namespace sc::store
