import Dispatch
import Synchronization

/// A task executor whose jobs run on the one thread that calls ``run()``, in the order they
/// were enqueued; jobs may be enqueued from any thread (a NIO event loop resuming a
/// continuation, a timer firing).
///
/// The plugin runs its whole invocation as a task preferring this executor (SE-0417), so
/// every nonisolated async function it calls runs on the main thread and the cooperative
/// thread pool is never started unless something asks for it (an actor, a detached task):
/// a default-network ADD or DEL creates no thread, only the delegates' processes.
/// Code on this executor must not block waiting for other work of the same task tree,
/// which could only run on this thread.
public final class MainThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let queue = Mutex<(jobs: [UnownedJob], finished: Bool)>(([], false))
    /// One signal per enqueued job and one for ``finish()``.
    private let ready = DispatchSemaphore(value: 0)

    /// An executor with no jobs yet.
    public init() {}

    /// Queues `job` for ``run()``.
    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        queue.withLock { $0.jobs.append(unowned) }
        ready.signal()
    }

    /// Says the work is done: ``run()`` returns once the jobs enqueued before are run.
    public func finish() {
        queue.withLock { $0.finished = true }
        ready.signal()
    }

    /// Runs jobs on the calling thread as they come, until ``finish()``.
    public func run() {
        while true {
            ready.wait()
            let next: UnownedJob?? = queue.withLock { state in
                if !state.jobs.isEmpty { return .some(state.jobs.removeFirst()) }
                return state.finished ? .some(nil) : nil
            }
            switch next {
            case .some(.some(let job)): job.runSynchronously(on: asUnownedTaskExecutor())
            case .some(.none): return
            case .none: continue
            }
        }
    }

    /// Runs `body` as a task preferring a new executor of this kind, on the calling
    /// thread, and returns its result once it is done.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let executor = MainThreadExecutor()
        let box = ResultBox<T>()
        Task(executorPreference: executor) {
            box.value = await body()
            executor.finish()
        }
        executor.run()
        return box.value!
    }
}

/// The result handed from the task to the caller of `run(_:)` (written before `finish()`,
/// on the thread that reads it after `run()` returns).
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
