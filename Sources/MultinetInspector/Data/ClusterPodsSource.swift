import MultinetCore
import MultinetKube
import MultinetKubeAPI
import MultinetPlanning

/// `--all-nodes`: every pod of the cluster that has a `network-status`, from the apiserver
/// alone (no store, no kernel, no conf dir), listed a page at a time (`limit`/`continue`)
/// so a large cluster is never one huge response.
public struct ClusterPodsSource: ClusterSource {
    /// The apiserver and credentials.
    public var connection: ClusterConnection
    /// The kube context's name, for the header.
    public var context: String?
    /// Pods per page.
    public var pageSize: Int
    /// One request's limit in seconds.
    public var timeoutSeconds: Double
    private let kept = KeptClient()
    /// The Events, listed at most every 10 seconds.
    private let keptEvents = KeptEvents(interval: 10)

    /// A source over a resolved connection.
    public init(connection: ClusterConnection, context: String?, pageSize: Int = 500, timeoutSeconds: Double = 10) {
        self.connection = connection
        self.context = context
        self.pageSize = pageSize
        self.timeoutSeconds = timeoutSeconds
    }

    /// Lists the pods (whatever `node` is) and the Events about them.
    public func read(node: String) async -> ClusterReading {
        let server = connection.server.description
        do {
            let client = try kept.client { () throws(KubeError) in
                try KubeClient(connection: connection,
                               options: KubeClientOptions(timeoutSeconds: timeoutSeconds, maximumConnectionsPerHost: 2,
                                                          userAgent: "multinet-inspect"))
            }
            let limit = KubeListOptions(limit: pageSize)
            async let pods = client.listAll(Pod.self, namespace: nil, options: limit)
            let keptEvents = self.keptEvents
            async let events: [KubeEvent]? = {
                if let fresh = keptEvents.fresh() { return fresh }
                let listed = try? await client.listAll(KubeEvent.self, namespace: nil, options: KubeClusterSource.eventOptions).items
                if let listed { keptEvents.keep(listed) }
                return listed
            }()
            let listed = try await pods.items
            var reading = ClusterReading(apiserver: .reachable(server: server), context: context, events: await events)
            reading.reportedPods = Self.reported(listed)
            return reading
        } catch {
            return ClusterReading(apiserver: .unreachable(server: server, error: "\(error)"), context: context)
        }
    }

    /// Stops the kept connections.
    public func close() async {
        await kept.close()
    }

    /// The pods that have a `network-status`, by namespace and name.
    static func reported(_ pods: [Pod]) -> [ReportedPod] {
        pods.compactMap { pod in
            guard let value = pod.metadata.annotations[NetworkStatus.annotation] else { return nil }
            return ReportedPod(namespace: pod.metadata.namespace ?? "", name: pod.metadata.name, uid: pod.metadata.uid ?? "",
                               node: pod.nodeName ?? "", status: ObservedPod.statusEntries(value))
        }.sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    }
}
