// libFuzzer target: bytes to sc_engine_program_import, checked against the importer's
// invariants (importer_oracle.hpp). Built only with -DSOCIALCART_FUZZ=ON and clang;
// `./dev fuzz importer 60` builds it in build-fuzz/ and runs it for 60 seconds.
#include "importer_oracle.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view document(reinterpret_cast<const char*>(data), size);
    const std::string problem = sc::fuzz::check_import(document);
    if (!problem.empty()) {
        std::fprintf(stderr, "importer invariant broken: %s\n", problem.c_str());
        std::abort();  // libFuzzer saves the input as crash-<sha1>
    }
    return 0;
}
