import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A task executor with threads of its own. The double serves every connection on it, so
/// tests that block Swift's shared cooperative threads (process waits, SQLite busy waits)
/// cannot starve the apiserver — a real apiserver is never starved by its clients either.
/// Tests that measure when something happens run on it too, so they time the code under
/// test, not how long other tests kept the shared threads busy.
public final class DedicatedExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: all mutable state is behind `state`'s mutex and `condition`.
    private let state = Mutex<[UnownedJob]>([])
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()

    /// One executor shared by every double in the process.
    public static let shared = DedicatedExecutor(threads: 4)

    private init(threads: Int) {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
        for _ in 0..<threads {
            let context = Unmanaged.passRetained(self).toOpaque()
            var thread = pthread_t()
            pthread_create(&thread, nil, { raw in
                let executor = Unmanaged<DedicatedExecutor>.fromOpaque(raw!).takeRetainedValue()
                executor.runLoop()
                return nil
            }, context)
            pthread_detach(thread)
        }
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        pthread_mutex_lock(&mutex)
        state.withLock { $0.append(unowned) }
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
    }

    private func runLoop() {
        while true {
            pthread_mutex_lock(&mutex)
            var job: UnownedJob?
            while job == nil {
                job = state.withLock { $0.isEmpty ? nil : $0.removeFirst() }
                if job == nil { pthread_cond_wait(&condition, &mutex) }
            }
            pthread_mutex_unlock(&mutex)
            job!.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
