import MultinetCheckpoint
import MultinetPlanning

/// Tears down a leaked sandbox's attachments (the agent's `--reclaim`, the inspector's `r`
/// on a `pod-gone` leak) with the DEL code path: the recorded config, netns, `CNI_PATH` and
/// `CNI_ARGS`, each attempt recorded, each success removing its record.
///
/// Race-free against the runtime: it works under the container's ``ContainerLock`` and
/// reads the records only once it holds it. A DEL that holds the lock first wins (the
/// reclaim finds it `busy`, or finds nothing left next time); a DEL that comes after finds
/// the records gone and the container's tombstone (``CheckpointStore/recordReclaimed(containerID:keepMilliseconds:)``),
/// so it tears down nothing twice and succeeds.
public struct LeakReclaimer {
    /// What happened to one container.
    public enum Outcome: Sendable, Equatable {
        /// Every attachment was torn down; these were its records.
        case reclaimed([AttachmentRecord])
        /// Another multinet process holds the container (the runtime's DEL, a hot-plug).
        case busy
        /// No record is left: someone else tore it down.
        case alreadyGone
        /// Under the lock, the records no longer look leaked (the reason).
        case notALeak(String)
        /// Some teardowns failed (the records tried, the failures); the failed ones stay as
        /// failed DELs.
        case failed([AttachmentRecord], [TeardownFailure])
        /// The store could not be read or written.
        case storeFailed(String)
    }

    /// The plugin whose teardown runs (its executor, logger and operation log).
    public var plugin: Multinet
    /// The state dir, bin dirs and delegate time limit.
    public var config: MultinetConfig

    /// A reclaimer over a plugin and a configuration.
    public init(plugin: Multinet, config: MultinetConfig) {
        self.plugin = plugin
        self.config = config
    }

    /// Reclaims `containerID` if, once its lock is held, `stillLeaked` finds no reason
    /// (`nil`) in its records to leave it alone. `lockWaitSeconds`: 0 (the agent: a
    /// container someone holds is theirs, `busy`), or how long to wait for the holder (the
    /// inspector's `r`; `storeFailed` naming the holder after a wait in vain).
    public func reclaim(containerID: String, store: CheckpointStore, lockWaitSeconds: Double = 0,
                        stillLeaked: ([AttachmentRecord]) -> String? = { _ in nil }) -> Outcome {
        let lock: ContainerLock
        do {
            guard let held = try ContainerLock.acquire(directory: config.stateDir, containerID: containerID,
                                                       waitSeconds: lockWaitSeconds) else {
                return .busy
            }
            lock = held
        } catch {
            return .storeFailed(error.description)
        }
        defer { lock.release() }
        let records: [AttachmentRecord]
        do {
            records = try store.attachments(containerID: containerID)
        } catch {
            return .storeFailed(error.description)
        }
        guard !records.isEmpty else { return .alreadyGone }
        if let reason = stillLeaked(records) { return .notALeak(reason) }
        store.operationLog = plugin.operations
        let failures = plugin.teardown(records, store: store, config: config, overrides: .replay)
        guard failures.isEmpty else { return .failed(records, failures) }
        do {
            try store.recordReclaimed(containerID: containerID)
        } catch {
            return .storeFailed(error.description)
        }
        return .reclaimed(records)
    }
}
