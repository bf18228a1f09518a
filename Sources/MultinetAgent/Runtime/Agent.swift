import Logging
import MultinetCheckpoint
import MultinetCore
import MultinetKubeAPI
import MultinetPlanning
import Synchronization

/// The node agent: one cycle every interval reads the store (operation samples, records),
/// the cluster (this node's pods, the networks, the node) and the kernel (each recorded
/// netns), plans with ``AgentStep``, and acts: counts metrics, reclaims leaks, patches the
/// node's labels. Never on the pod-start path: the plugin neither waits for it nor asks it
/// anything, so a stopped or killed agent changes nothing for pods.
///
/// Never removes or rewrites a CNI configuration file.
public final class Agent: Sendable {
    /// What it does and where.
    public let settings: AgentSettings
    /// Its metrics.
    public let metrics = AgentMetrics()
    /// The apiserver, when one is configured.
    public let cluster: AgentCluster?
    let logger: Logger
    let observer: KernelObserver
    let catalog: NodeNetworkCatalog
    /// The plugin code the reclaim's teardowns and the hot-plug run, delegates as processes.
    let plugin: Multinet
    private let state = Mutex(AgentState())
    private let healthState = Mutex(AgentHealth())
    private let hotplugState = Mutex(HotplugRunState())

    /// An agent; `cluster` `nil` runs it without an apiserver (metrics only: no drift, no
    /// reclaim, no labels).
    public init(settings: AgentSettings, cluster: AgentCluster?, logger: Logger,
                kernel: KernelObserver = KernelObserver(), probe: any PluginVersionProbe = CachingVersionProbe()) {
        self.settings = settings
        self.cluster = cluster
        self.logger = logger
        observer = kernel
        catalog = NodeNetworkCatalog(confDir: settings.confDir, binDirs: settings.binDirs, probe: probe)
        plugin = Multinet(executor: ProcessDelegateExecutor(logger: logger), logger: logger)
    }

    /// The health the endpoints report.
    public var health: AgentHealth { healthState.withLock { $0 } }

    /// The HTTP answer to `method path` (``AgentRoutes``).
    public func respond(method: String, path: String) -> AgentResponse {
        AgentRoutes.respond(method: method, path: path, health: health, now: CheckpointStore.wallClockMilliseconds(),
                            stallSeconds: max(60, settings.intervalSeconds * 4)) { metrics.render() }
    }

    /// Runs cycles until `shouldStop` says so (checked every 100 ms while waiting), then
    /// returns; the cycle under way when it does is finished first. With hot-plug on, the
    /// pod watch runs beside the cycles and is cancelled when they stop.
    public func run(shouldStop: @escaping @Sendable () -> Bool) async {
        await withTaskGroup(of: Void.self) { group in
            if settings.hotplug, cluster != nil {
                group.addTask { await self.watchPods() }
            }
            while !shouldStop() {
                let report = await cycle()
                log(report)
                var waited = 0.0
                while waited < settings.intervalSeconds, !shouldStop() {
                    try? await Task.sleep(for: .milliseconds(100))
                    waited += 0.1
                }
            }
            group.cancelAll()
        }
    }

    /// The plugin configuration the reclaim's teardowns run with.
    var teardownConfig: MultinetConfig {
        withAgentPaths(MultinetConfig(cniVersion: .v1_0_0, name: "multinet"))
    }

    /// `config` with the agent's state dir, conf dir and bin dirs (as mounted in its
    /// container) in place of its own.
    func withAgentPaths(_ config: MultinetConfig) -> MultinetConfig {
        var config = config
        config.stateDir = settings.stateDir
        config.confDir = settings.confDir
        config.binDir = settings.binDirs
        return config
    }

    func updateState<Value>(_ body: (inout AgentState) -> Value) -> Value {
        state.withLock { body(&$0) }
    }

    func updateHotplug<Value>(_ body: (inout HotplugRunState) -> Value) -> Value {
        hotplugState.withLock { body(&$0) }
    }

    func setHealth(_ health: AgentHealth) {
        healthState.withLock { $0 = health }
    }

    private func log(_ report: CycleReport) {
        var metadata: Logger.Metadata = [
            "records": .string(String(report.records)), "counted": .string(String(report.operationsCounted)),
        ]
        if let drift = report.drift { metadata["drift"] = .string(String(drift)) }
        for problem in report.problems {
            logger.warning("cycle problem", metadata: ["problem": .string(problem)])
        }
        logger.debug("cycle finished", metadata: metadata)
    }
}
