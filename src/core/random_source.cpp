#include "core/random_source.hpp"

#include "core/error.hpp"

#include <openssl/rand.h>

#include <array>

namespace sc {

uint64_t system_random_u64() {
    std::array<unsigned char, 8> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        fail(SC_ERR_INTERNAL, "the system random source failed");
    uint64_t out = 0;
    for (unsigned char b : bytes) out = (out << 8) | b;
    return out;
}

}  // namespace sc
