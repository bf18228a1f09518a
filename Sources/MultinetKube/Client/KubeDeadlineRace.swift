internal import AsyncHTTPClient
internal import NIOCore
import Synchronization

/// Runs an operation against a ``KubeDeadline`` that nothing can stretch.
///
/// AsyncHTTPClient's own deadline reaches its request through an actor, that is through
/// a thread of Swift's cooperative pool. When those threads are busy (blocking work
/// elsewhere in the process), the deadline is acted on late, and an answer that arrived
/// in the meantime is returned as if in time: a request with a 1 s deadline to a server
/// answering after 5 s once succeeded after 20 s. Here the deadline is an event-loop
/// timer that settles the outcome the moment it fires; the operation (connect, TLS,
/// request, response head and body) is cancelled and its late answer discarded.
enum KubeDeadlineRace {
    /// The value of `operation`, or ``KubeTransportFailure/deadlineExceeded`` as soon as
    /// `deadline` passes, or `CancellationError` when the calling task is cancelled.
    static func run<Value: Sendable>(
        until deadline: KubeDeadline, _ operation: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        guard deadline.uptimeNanoseconds != UInt64.max else { return try await operation() }
        guard !deadline.hasPassed else { throw KubeTransportFailure.deadlineExceeded }
        let race = Race<Value>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                race.start(continuation, deadline: deadline, operation: operation)
            }
        } onCancel: {
            race.finish(.failure(CancellationError()))
        }
    }
}

/// One race between an operation, its deadline and cancellation: whichever comes first
/// resumes the caller, once; the others are cancelled.
private final class Race<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, any Error>?
        /// The outcome, once settled.
        var outcome: Result<Value, any Error>?
        var task: Task<Void, Never>?
        var timer: Scheduled<Void>?
    }

    private let state = Mutex(State())

    /// Starts the operation and the timer; settles at once if cancelled before.
    func start(_ continuation: CheckedContinuation<Value, any Error>, deadline: KubeDeadline,
               operation: @escaping @Sendable () async throws -> Value) {
        let early: Result<Value, any Error>? = state.withLock { state in
            if let outcome = state.outcome { return outcome }
            state.continuation = continuation
            return nil
        }
        if let early {
            continuation.resume(with: early)
            return
        }
        let timer = HTTPClient.defaultEventLoopGroup.any().scheduleTask(deadline: deadline.nioDeadline) {
            self.finish(.failure(KubeTransportFailure.deadlineExceeded))
        }
        let task = Task {
            do {
                self.finish(.success(try await operation()))
            } catch {
                self.finish(.failure(error))
            }
        }
        let settled = state.withLock { state in
            state.timer = timer
            state.task = task
            return state.outcome != nil
        }
        if settled {
            timer.cancel()
            task.cancel()
        }
    }

    /// Settles the race with `outcome` unless it is settled already.
    func finish(_ outcome: Result<Value, any Error>) {
        let settled = state.withLock { state -> (CheckedContinuation<Value, any Error>?, Task<Void, Never>?, Scheduled<Void>?)? in
            guard state.outcome == nil else { return nil }
            state.outcome = outcome
            let continuation = state.continuation
            state.continuation = nil
            return (continuation, state.task, state.timer)
        }
        guard let (continuation, task, timer) = settled else { return }
        timer?.cancel()
        task?.cancel()
        continuation?.resume(with: outcome)
    }
}
