#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import MultinetCore
import MultinetCheckpoint
import MultinetPlanning

/// Retries a container's failed teardowns with the same code as DEL
/// (`Multinet.teardown` with ``TeardownOverrides/replay``): the recorded config bytes,
/// `CNI_PATH`, `CNI_ARGS` and netns; each attempt is recorded in the store, and a success
/// removes the record.
///
/// What counts as a failed teardown: records in state `del_failed`. That includes failed
/// ADDs whose rollback failed (the plugin records those as `del_failed`, error
/// "rollback failed: …"). Records in state `add_failed` were rolled back already and are
/// left to the runtime's DEL.
public struct TeardownRetry: Sendable {
    /// The state directory.
    public var stateDir: String
    /// Where delegates are searched after the recorded `CNI_PATH` (multinet's `binDir`).
    public var binDirs: [String]
    /// One delegate call's limit in seconds.
    public var delegateTimeoutSeconds: Double

    /// A retry over a state directory.
    public init(stateDir: String, binDirs: [String], delegateTimeoutSeconds: Double = 120) {
        self.stateDir = stateDir
        self.binDirs = binDirs
        self.delegateTimeoutSeconds = delegateTimeoutSeconds
    }

    /// The database file.
    public var storePath: String { CheckpointStoreSource.path(directory: stateDir) }

    /// The failed teardowns `run` would retry, read without writing anything.
    public func candidates(containerID: String, interface: String?, everyState: Bool = false) throws(RetryError) -> [AttachmentRecord] {
        let records: [AttachmentRecord]
        do {
            records = try CheckpointStore.openReadOnly(directory: stateDir)?.attachments(containerID: containerID) ?? []
        } catch {
            throw .store(error.description)
        }
        return try Self.select(records, containerID: containerID, interface: interface, everyState: everyState, store: storePath)
    }

    /// Retries the container's failed teardowns (only those on `interface` when given),
    /// in reverse attach order; one outcome per record. The store readers this process
    /// keeps open are closed meanwhile (see ``KeptStores``).
    public func run(containerID: String, interface: String?, readOnly: Bool) throws(RetryError) -> [RetryOutcome] {
        if readOnly { throw .readOnly }
        return try KeptStores.shared.whileWriting { () throws(RetryError) -> [RetryOutcome] in
            try retry(containerID: containerID, interface: interface)
        }
    }

    /// Tears down every recorded attachment of a container whose pod is gone (a `pod-gone`
    /// leak, whatever state its records are in), in reverse attach order, with the same
    /// code as DEL and the agent's reclaim (``LeakReclaimer``: under the container's lock,
    /// waiting up to 10 s for its holder, and leaving the tombstone a later runtime DEL
    /// finds); one outcome per record.
    public func reclaim(containerID: String, readOnly: Bool) throws(RetryError) -> [RetryOutcome] {
        if readOnly { throw .readOnly }
        return try KeptStores.shared.whileWriting { () throws(RetryError) -> [RetryOutcome] in
            _ = try candidates(containerID: containerID, interface: nil, everyState: true)
            let (plugin, config, store) = try writableParts()
            switch LeakReclaimer(plugin: plugin, config: config).reclaim(containerID: containerID, store: store,
                                                                         lockWaitSeconds: 10) {
            case .reclaimed(let records):
                return Self.outcomes(records, failures: [])
            case let .failed(records, failures):
                return Self.outcomes(records, failures: failures)
            case .alreadyGone:
                throw .unknownContainer(containerID: containerID, store: storePath)
            case .busy:
                throw .store("container \(containerID) is held by another multinet process")
            case .notALeak(let reason), .storeFailed(let reason):
                throw .store(reason)
            }
        }
    }

    private func retry(containerID: String, interface: String?) throws(RetryError) -> [RetryOutcome] {
        _ = try candidates(containerID: containerID, interface: interface)
        let (plugin, config, store) = try writableParts()
        let records: [AttachmentRecord]
        let lock: ContainerLock?
        do {
            // The runtime's DEL or the agent's reclaim of the same container goes first.
            lock = try ContainerLock.acquire(directory: stateDir, containerID: containerID, waitSeconds: 10)
            records = try Self.select(try store.attachments(containerID: containerID), containerID: containerID,
                                      interface: interface, store: storePath)
        } catch let error as RetryError {
            throw error
        } catch {
            throw .store("\(error)")
        }
        defer { lock?.release() }
        return Self.outcomes(records, failures: plugin.teardown(records, store: store, config: config, overrides: .replay))
    }

    /// The plugin, configuration and store a teardown runs with, once the store is known
    /// to be writable by this process.
    private func writableParts() throws(RetryError) -> (Multinet, MultinetConfig, CheckpointStore) {
        if let reason = Self.unwritableReason(directory: stateDir, database: storePath) {
            throw .storeNotWritable(store: storePath, reason: reason)
        }
        let logger = Logger(label: "multinet-inspect", factory: { _ in SwiftLogNoOpLogHandler() })
        let plugin = Multinet(executor: ProcessDelegateExecutor(logger: logger), logger: logger)
        var config = MultinetConfig(cniVersion: .v1_0_0, name: "multinet")
        config.stateDir = stateDir
        config.binDir = binDirs
        config.delegateTimeoutSeconds = delegateTimeoutSeconds
        do {
            return (plugin, config, try CheckpointStore(directory: stateDir))
        } catch {
            throw .store("\(error)")
        }
    }

    /// One outcome per record, in reverse attach order.
    private static func outcomes(_ records: [AttachmentRecord], failures: [TeardownFailure]) -> [RetryOutcome] {
        records.sorted { $0.position > $1.position }.map { record in
            let failure = failures.first { $0.ifName == record.ifName && $0.network == record.qualifiedNetwork }
            return RetryOutcome(record: record, error: failure.map { $0.error.description })
        }
    }

    static func select(_ records: [AttachmentRecord], containerID: String, interface: String?, everyState: Bool = false,
                       store: String) throws(RetryError) -> [AttachmentRecord] {
        guard !records.isEmpty else { throw .unknownContainer(containerID: containerID, store: store) }
        if everyState { return records }
        let failed = records.filter { $0.state == .delFailed && (interface == nil || $0.ifName == interface) }
        guard !failed.isEmpty else { throw .nothingFailed(containerID: containerID, interface: interface) }
        return failed
    }

    /// Why the store cannot be written by this process, or `nil`.
    static func unwritableReason(directory: String, database: String) -> String? {
        for path in [directory, database, database + "-wal", database + "-shm"] {
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if access(path, W_OK) != 0 { return "\(path): \(String(cString: strerror(errno)))" }
        }
        return nil
    }
}
