#if canImport(Glibc)
import Glibc
#endif

/// Runs blocking work (an exec credential plugin) on a thread of its own, so it never
/// holds one of Swift's few cooperative threads: the tasks of an in-process server or
/// of the rest of the program keep running meanwhile.
enum DedicatedThread {
    private final class Work {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// The result of `body`, computed on a new detached thread.
    static func run<Value: Sendable, Failure: Error>(
        _ body: @escaping @Sendable () throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
            let work = Unmanaged.passRetained(Work {
                continuation.resume(returning: Result { () throws(Failure) -> Value in try body() })
            })
            var thread = pthread_t()
            let started = pthread_create(&thread, nil, { raw in
                Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue().body()
                return nil
            }, work.toOpaque())
            if started == 0 {
                pthread_detach(thread)
            } else {
                // No thread to be had: do the work here rather than not at all.
                work.takeRetainedValue().body()
            }
        }
        return try result.get()
    }
}
