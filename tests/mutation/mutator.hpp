#pragma once
// Deterministic mutations of JSON documents for the import mutation test: the same seed
// gives the same documents on every machine (no std::random distributions, whose
// results differ between standard libraries).
#include <cstdint>
#include <string>
#include <vector>

namespace sc::mutation {

// splitmix64: tiny, fast and fully specified.
class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }

private:
    uint64_t state_;
};

// Applies one mutation chosen by `rng` to `doc`; `donor` is another document for splices.
// Returns the mutation's name, for the failure report.
const char* mutate(std::string& doc, const std::string& donor, Rng& rng);

}  // namespace sc::mutation
