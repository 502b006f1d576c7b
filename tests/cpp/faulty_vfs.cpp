#include "faulty_vfs.hpp"

#include <sqlite3.h>

#include <atomic>
#include <mutex>

namespace sc::test {

namespace {

std::atomic<int64_t> countdown{0};  // > 0: armed; the call that takes it to 0 fails
std::atomic<bool> fired_flag{false};

bool fail_now() {
    int64_t left = countdown.load();
    while (left > 0 && !countdown.compare_exchange_weak(left, left - 1)) {
    }
    if (left != 1) return false;
    fired_flag = true;
    return true;
}

sqlite3_vfs* real_vfs = nullptr;
sqlite3_vfs faulty_vfs;
sqlite3_io_methods faulty_methods;

// Our file object: the header SQLite sees, followed by the real VFS's file object.
struct FaultyFile {
    sqlite3_file base;
    sqlite3_file* real;
};

sqlite3_file* real_of(sqlite3_file* file) { return reinterpret_cast<FaultyFile*>(file)->real; }

int f_close(sqlite3_file* f) { return real_of(f)->pMethods->xClose(real_of(f)); }
int f_read(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
    return real_of(f)->pMethods->xRead(real_of(f), buf, n, off);
}
int f_write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
    if (fail_now()) return SQLITE_IOERR_WRITE;
    return real_of(f)->pMethods->xWrite(real_of(f), buf, n, off);
}
int f_truncate(sqlite3_file* f, sqlite3_int64 size) {
    if (fail_now()) return SQLITE_IOERR_TRUNCATE;
    return real_of(f)->pMethods->xTruncate(real_of(f), size);
}
int f_sync(sqlite3_file* f, int flags) {
    if (fail_now()) return SQLITE_IOERR_FSYNC;
    return real_of(f)->pMethods->xSync(real_of(f), flags);
}
int f_file_size(sqlite3_file* f, sqlite3_int64* size) { return real_of(f)->pMethods->xFileSize(real_of(f), size); }
int f_lock(sqlite3_file* f, int level) {
    if (fail_now()) return SQLITE_IOERR_LOCK;
    return real_of(f)->pMethods->xLock(real_of(f), level);
}
int f_unlock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xUnlock(real_of(f), level); }
int f_check_reserved(sqlite3_file* f, int* out) { return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out); }
int f_file_control(sqlite3_file* f, int op, void* arg) {
    return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}
int f_sector_size(sqlite3_file* f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); }
int f_device(sqlite3_file* f) { return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f)); }
int f_shm_map(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return real_of(f)->pMethods->xShmMap(real_of(f), region, size, extend, out);
}
int f_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    // Only taking a lock can fail; an unlock that failed would leave a lock that nothing
    // could ever release, which no real file system does.
    if ((flags & SQLITE_SHM_LOCK) != 0 && fail_now()) return SQLITE_IOERR_SHMLOCK;
    return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags);
}
void f_shm_barrier(sqlite3_file* f) { real_of(f)->pMethods->xShmBarrier(real_of(f)); }
int f_shm_unmap(sqlite3_file* f, int del) { return real_of(f)->pMethods->xShmUnmap(real_of(f), del); }
int f_fetch(sqlite3_file* f, sqlite3_int64 off, int n, void** out) {
    return real_of(f)->pMethods->xFetch(real_of(f), off, n, out);
}
int f_unfetch(sqlite3_file* f, sqlite3_int64 off, void* p) { return real_of(f)->pMethods->xUnfetch(real_of(f), off, p); }

int f_open(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
    auto* ours = reinterpret_cast<FaultyFile*>(file);
    ours->real = reinterpret_cast<sqlite3_file*>(ours + 1);
    const int rc = real_vfs->xOpen(real_vfs, name, ours->real, flags, out_flags);
    ours->base.pMethods = ours->real->pMethods != nullptr ? &faulty_methods : nullptr;
    return rc;
}

}  // namespace

FaultyVfs& FaultyVfs::instance() {
    static FaultyVfs vfs;
    static std::once_flag registered;
    std::call_once(registered, [] {
        real_vfs = sqlite3_vfs_find(nullptr);
        // A copy of the default VFS (its pAppData included) with our xOpen: every other
        // call goes straight to the real one.
        faulty_vfs = *real_vfs;
        faulty_vfs.zName = kName;
        faulty_vfs.pNext = nullptr;
        faulty_vfs.szOsFile = static_cast<int>(sizeof(FaultyFile)) + real_vfs->szOsFile;
        faulty_vfs.xOpen = f_open;
        faulty_methods = sqlite3_io_methods{3,        f_close,         f_read,         f_write,
                                            f_truncate, f_sync,        f_file_size,    f_lock,
                                            f_unlock,   f_check_reserved, f_file_control, f_sector_size,
                                            f_device,   f_shm_map,     f_shm_lock,     f_shm_barrier,
                                            f_shm_unmap, f_fetch,      f_unfetch};
        sqlite3_vfs_register(&faulty_vfs, 0);
    });
    return vfs;
}

void FaultyVfs::arm(int64_t nth) {
    fired_flag = false;
    countdown = nth;
}

void FaultyVfs::disarm() { countdown = 0; }

bool FaultyVfs::fired() const { return fired_flag.load(); }

}  // namespace sc::test
