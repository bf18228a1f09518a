#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs file creation under `umask 077`, so nothing the store creates is ever, even for
/// an instant, readable by group or others.
///
/// `umask` belongs to the process, not the thread: changes are serialised by a lock so two
/// stores opening at once on different threads cannot restore each other's mask wrongly.
enum ProcessUmask {
    /// Calls `body` with the process umask set to `077`, then restores the previous mask.
    static func restricted<Value>(_ body: () throws(CheckpointError) -> Value) throws(CheckpointError) -> Value {
        lock.lock()
        defer { lock.unlock() }
        let previous = umask(0o077)
        defer { umask(previous) }
        return try body()
    }

    private static let lock = UmaskLock()
}

/// A process-wide mutex for `ProcessUmask`.
///
/// `@unchecked Sendable`: its only state is a heap-allocated pthread mutex, which is the
/// synchronisation itself; the pointer never changes after `init`.
private final class UmaskLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func lock() {
        pthread_mutex_lock(mutex)
    }

    func unlock() {
        pthread_mutex_unlock(mutex)
    }
}
