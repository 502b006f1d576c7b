#pragma once
// A SQLite VFS over the default one that fails the Nth write, sync, truncate or lock
// call, the way SQLite's own tests inject I/O faults. Open a database with it by name
// (StoreSettings::vfs = FaultyVfs::kName), arm it, run a call, and see what is left.
#include <cstdint>

namespace sc::test {

class FaultyVfs {
public:
    static constexpr const char* kName = "sc-faulty";

    // Registers the VFS on first use (never as the default).
    static FaultyVfs& instance();

    // The nth fallible I/O call from now on fails (n >= 1); calls before it succeed.
    void arm(int64_t nth);
    void disarm();
    // Whether the armed call was reached (and failed) since arm().
    bool fired() const;
};

}  // namespace sc::test
