import ArgumentParser
import Logging
import MultinetAgent
import MultinetCore
import MultinetKube
import MultinetSystem

/// `multinet-agent`: the node agent of the multinet DaemonSet (README, "The node agent").
@main
struct MultinetAgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "multinet-agent",
        abstract: "multinet's node agent: metrics, reclaim of leaked attachments, node network labels and hot-plug.",
        discussion: """
            Runs beside the plugin, never on the pod-start path: a node whose agent is stopped or \
            killed starts and tears down pods exactly as before. Serves GET /metrics (Prometheus), \
            /healthz and /readyz on --listen. Stops on SIGTERM or SIGINT after the cycle under way.
            """)

    @Option(help: "The kubeconfig (default: in-cluster when KUBERNETES_SERVICE_HOST is set, else no apiserver).")
    var kubeconfig: String?

    @Option(help: "This node's name (default: $NODE_NAME, else the host name).")
    var node: String?

    @Option(name: .customLong("state-dir"), help: "The checkpoint store's directory.")
    var stateDir = "/var/lib/multinet"

    @Option(name: .customLong("conf-dir"), help: "The CNI conf dir.")
    var confDir = "/etc/cni/net.d"

    @Option(name: .customLong("bin-dir"), help: "Where delegate plugins are, DIR[:DIR...].")
    var binDir = "/opt/cni/bin"

    @Option(help: "ADDR:PORT of the metrics and health endpoints.")
    var listen = "127.0.0.1:9464"

    @Flag(help: "Tear down attachments whose pod and netns have been gone for --reclaim-after.")
    var reclaim = false

    @Option(name: .customLong("reclaim-after"), help: "Seconds a sandbox must have been pod-gone and netns-gone.")
    var reclaimAfter: Double = 300

    @Flag(name: .customLong("publish-node-labels"), help: "Label the node net.multinet.dev/<namespace>.<name>=true per usable network.")
    var publishNodeLabels = false

    @Flag(help: "Attach and detach networks of running pods on this node when their selection annotation changes.")
    var hotplug = false

    @Option(help: "Seconds between two cycles.")
    var interval: Double = 30

    @Option(name: .customLong("log-level"), help: "debug, info, notice, warning or error.")
    var logLevel = "info"

    func validate() throws {
        guard interval >= 0.1 else { throw ValidationError("--interval \(interval): must be at least 0.1 seconds") }
        guard reclaimAfter >= 0 else { throw ValidationError("--reclaim-after \(reclaimAfter): must not be negative") }
        guard settings(node: "n").listenAddress != nil else {
            throw ValidationError("--listen \"\(listen)\": expected ADDR:PORT, e.g. 127.0.0.1:9464 or [::1]:9464")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level \"\(logLevel)\": expected debug, info, notice, warning or error")
        }
        if (reclaim || publishNodeLabels || hotplug) && !AgentEnvironment.hasCluster(kubeconfig: kubeconfig) {
            throw ValidationError("--reclaim, --publish-node-labels and --hotplug need the apiserver: pass --kubeconfig or run in a pod")
        }
    }

    func settings(node: String) -> AgentSettings {
        AgentSettings(node: node, stateDir: stateDir, confDir: confDir,
                      binDirs: binDir.split(separator: ":").map(String.init), listen: listen, reclaim: reclaim,
                      reclaimAfterSeconds: reclaimAfter, publishNodeLabels: publishNodeLabels, hotplug: hotplug,
                      intervalSeconds: interval,
                      kubeconfig: kubeconfig)
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "multinet-agent")
        let settings = settings(node: node ?? AgentEnvironment.nodeName())
        try await AgentMain.run(settings: settings, logger: logger)
    }
}
