import Logging
import MultinetCNI
import MultinetCheckpoint
import MultinetNetlink
import MultinetPlanning
import MultinetSystem

/// The multinet meta-plugin: plans a pod's attachments, runs their delegates, records every
/// step in the checkpoint store, and tears everything down from the record alone.
public struct Multinet: CNIPlugin, Sendable {
    /// How delegate plugins are run.
    public var executor: any DelegateExecutor
    /// Where operations are logged.
    public var logger: Logger
    /// How the apiserver is reached on ADD (``NoKubeAccess`` when there is none).
    public var kubeFactory: any KubeAccessFactory
    /// Wall-clock milliseconds, for record timestamps and ages.
    public var wallClock: @Sendable () -> Int64
    /// Where the invocation's phases are timed (logged at `debug` by the binary).
    public var phases: PhaseClock
    /// How the pod's network namespace is read and its routes changed (`default-route`).
    public var kernel: any NamespaceKernel
    /// The outcome and duration of the command and of each delegate call, for the agent's
    /// metrics; they reach the store with the command's writes.
    public var operations: OperationLog
    /// When the invocation started (monotonic nanoseconds): operation durations count from here.
    public var started: UInt64

    /// A plugin over an executor, a logger and the apiserver access.
    public init(executor: any DelegateExecutor, logger: Logger, kubeFactory: any KubeAccessFactory = NoKubeAccess(),
                wallClock: @escaping @Sendable () -> Int64 = CheckpointStore.wallClockMilliseconds,
                phases: PhaseClock = PhaseClock(), kernel: any NamespaceKernel = NetlinkKernel(),
                operations: OperationLog = OperationLog(), started: UInt64 = MonotonicClock.nanoseconds()) {
        self.executor = executor
        self.logger = logger
        self.kubeFactory = kubeFactory
        self.wallClock = wallClock
        self.phases = phases
        self.kernel = kernel
        self.operations = operations
        self.started = started
    }

    var invoker: ConfigListInvoker {
        ConfigListInvoker(executor: RecordingDelegateExecutor(executor, log: operations, wallClock: wallClock))
    }

    /// Opens the checkpoint store named by the configuration.
    public func openStore(_ config: MultinetConfig) throws -> CheckpointStore {
        let store: CheckpointStore
        do {
            store = try phases.measure("store.open") { () throws(CheckpointError) in
                try CheckpointStore(directory: config.stateDir)
            }
            store.phases = phases
        } catch {
            throw StoreFailure(action: "cannot open the multinet checkpoint store in \(config.stateDir)", underlying: error)
        }
        if let salvage = store.salvage {
            var metadata: Logger.Metadata = [
                "movedTo": .string(salvage.movedTo), "store": .string(store.path),
                "salvagedRecords": .string(String(salvage.records)),
            ]
            if let problem = salvage.problem { metadata["unreadable"] = .string(problem) }
            logger.error("the checkpoint store was damaged: moved aside to \(salvage.movedTo) (kept for an operator), a new store was created, and \(salvage.records) attachment record(s) still readable in the damaged file were copied into it",
                         metadata: metadata)
        }
        return store
    }

    /// The records of the runtime's container and interface, in attach order.
    func recordedAttachments(_ request: CNIRequest, store: CheckpointStore) throws -> [AttachmentRecord] {
        do {
            return try phases.measure("store.read") { () throws(CheckpointError) in
                try store.attachments(containerID: request.environment.containerID,
                                      runtimeIfName: request.environment.ifName)
            }
        } catch {
            throw StoreFailure(action: "cannot read the checkpoint store", underlying: error)
        }
    }

    /// The context for calling a delegate on behalf of the runtime's request.
    func context(_ request: CNIRequest, ifName: String) -> DelegateContext {
        DelegateContext(containerID: request.environment.containerID, netns: request.environment.netns,
                        ifName: ifName, cniPath: request.environment.rawPath,
                        cniArgs: request.environment.args.raw, binDir: request.config.binDir,
                        baseEnvironment: request.environment.inherited,
                        timeoutSeconds: request.config.delegateTimeoutSeconds)
    }

    /// The conf dir of a configuration.
    func confDirectory(_ config: MultinetConfig) -> ConfDirectory {
        ConfDirectory(path: config.confDir, ownName: config.name)
    }

    /// The default network read from disk, logging files that were skipped: Multus's
    /// `clusterNetwork` (or `delegates[0]`) when set, as far as the node alone can tell,
    /// else `defaultNetwork` or the first file in `confDir`.
    func defaultNetworkFile(_ config: MultinetConfig) throws -> NetworkFile {
        if let cluster = config.multus.clusterNetwork {
            guard let file = try localClusterNetwork(cluster, config: config) else {
                throw CommandFailure.clusterNetworkNotLocal(text: cluster.text, key: cluster.key)
            }
            return file
        }
        return try phases.measure("conf.read") { () throws in
            try confDirectory(config).defaultNetwork(named: config.defaultNetwork) { file, error in
                logger.warning("skipping an unusable network configuration file",
                               metadata: ["file": .string(file), "error": .string(error.description)])
            }
        }
    }

    /// Milliseconds elapsed since a monotonic start.
    static func millisecondsSince(_ start: UInt64) -> Int64 {
        Int64((MonotonicClock.nanoseconds() &- start) / 1_000_000)
    }
}
