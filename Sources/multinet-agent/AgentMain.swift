#if canImport(Glibc)
import Glibc
#endif
import Logging
import MultinetAgent
import MultinetKube
import Synchronization

/// Set by SIGTERM and SIGINT; the loop checks it between waits.
private let stopRequested = Atomic<Bool>(false)

/// Wires the agent: the apiserver client, the HTTP endpoints, the signals, the loop.
enum AgentMain {
    static func run(settings: AgentSettings, logger: Logger) async throws {
        signal(SIGTERM) { _ in stopRequested.store(true, ordering: .relaxed) }
        signal(SIGINT) { _ in stopRequested.store(true, ordering: .relaxed) }
        signal(SIGPIPE, SIG_IGN)

        var cluster: AgentCluster?
        if let connection = try ClusterConnection.forPlugin(kubeconfig: settings.kubeconfig,
                                                             environment: AgentEnvironment.variables) {
            let client = try KubeClient(connection: connection,
                                        options: KubeClientOptions(timeoutSeconds: 10, maximumConnectionsPerHost: settings.hotplug ? 4 : 2,
                                                                   userAgent: "multinet-agent"))
            cluster = AgentCluster(client: client)
        }
        let agent = Agent(settings: settings, cluster: cluster, logger: logger)
        guard let address = settings.listenAddress else { return }
        let server = try await AgentHTTPServer.start(host: address.host, port: address.port) { method, path in
            agent.respond(method: method, path: path)
        }
        logger.notice("multinet-agent started", metadata: [
            "node": .string(settings.node), "listen": .string("\(address.host):\(server.port)"),
            "stateDir": .string(settings.stateDir), "reclaim": .string(String(settings.reclaim)),
            "reclaimAfter": .string(String(settings.reclaimAfterSeconds)),
            "publishNodeLabels": .string(String(settings.publishNodeLabels)), "hotplug": .string(String(settings.hotplug)),
            "apiserver": .string(cluster.map { $0.client.connection.server.description } ?? "none"),
        ])
        await agent.run { stopRequested.load(ordering: .relaxed) }
        logger.notice("multinet-agent stopping")
        await server.stop()
        await cluster?.shutdown()
    }
}
