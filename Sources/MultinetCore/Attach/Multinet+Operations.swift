import MultinetCheckpoint
import MultinetPlanning
import MultinetSystem

extension Multinet {
    /// Runs one CNI command's work on an opened store and notes its outcome and duration
    /// (since ``started``) for the agent's metrics: a thrown error is a failure. The
    /// delegate calls noted meanwhile went into the store with the command's own writes;
    /// the outcome goes in with one last commit that has no fsync (WAL, `synchronous=NORMAL`).
    /// A store that cannot take it loses the sample, never the command's result. With
    /// `operationMetrics: false` nothing is recorded.
    func recordingOperation<Value>(_ command: String, store: CheckpointStore, config: MultinetConfig,
                                   _ body: () async throws -> Value) async throws -> Value {
        guard config.operationMetrics else { return try await body() }
        store.operationLog = operations
        do {
            let value = try await body()
            finishOperation(command, .success, store: store)
            return value
        } catch {
            finishOperation(command, .failure, store: store)
            throw error
        }
    }

    private func finishOperation(_ command: String, _ outcome: OperationSample.Outcome, store: CheckpointStore) {
        operations.append(OperationSample(
            command: command, outcome: outcome,
            durationMicroseconds: Int64((MonotonicClock.nanoseconds() &- started) / 1_000), finishedAt: wallClock()))
        do throws(CheckpointError) {
            try phases.measure("store.operations") { () throws(CheckpointError) in try store.flushOperations() }
        } catch {
            logger.warning("the operation's outcome could not be recorded for the agent's metrics",
                           metadata: ["error": .string(error.description)])
        }
    }

    /// Takes the container's lock (``ContainerLock``) for an ADD or DEL, waiting for a
    /// reclaim or hot-plug of the same container to finish.
    func lockContainer(_ request: CNIRequest) throws -> ContainerLock? {
        do {
            return try phases.measure("store.lock") { () throws(CheckpointError) in
                try ContainerLock.acquire(directory: request.config.stateDir, containerID: request.environment.containerID,
                                          waitSeconds: request.config.delegateTimeoutSeconds + 30)
            }
        } catch {
            throw StoreFailure(action: "cannot lock container \(request.environment.containerID)", underlying: error)
        }
    }
}
