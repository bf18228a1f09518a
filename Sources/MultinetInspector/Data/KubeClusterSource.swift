import MultinetKube
import MultinetKubeAPI

/// The apiserver through multinet's `KubeClient`: pods with
/// `fieldSelector=spec.nodeName=NODE`, `NetworkAttachmentDefinition`s and `Network`s
/// of all namespaces, and the Events about pods (`involvedObject.kind=Pod`, cluster-wide,
/// so listed at most every 10 seconds).
///
/// The source keeps one client from read to read, with two kept-alive TLS connections: one
/// for a watch of the node's pods (metadata only, see ``PodWatch``), one for listing NADs
/// and Networks. A refresh costs those two small lists, not a handshake, and decodes no
/// pod that did not change (a source for one read, `watchesPods: false`, lists the pods and
/// opens no watch). A read that finds the apiserver unreachable drops the client
/// and the watch, so the next one connects and lists afresh. NADs and Networks are optional
/// API groups: a 404 for one of them lists none of that kind rather than marking the
/// apiserver unreachable.
public struct KubeClusterSource: ClusterSource {
    /// The apiserver and credentials.
    public var connection: ClusterConnection
    /// The kube context's name, for the header.
    public var context: String?
    /// One request's limit in seconds.
    public var timeoutSeconds: Double
    /// Whether the node's pods are followed by a watch between reads (else listed every read).
    public let watchesPods: Bool
    /// The client kept between reads.
    private let kept = KeptClient()
    /// The node's pods, watched.
    private let podWatch = PodWatch()
    /// The Events, listed at most every ``eventInterval`` seconds.
    private let keptEvents: KeptEvents

    /// A source over a resolved connection; `watchesPods: false` for a single read.
    ///
    /// `eventInterval`: how long a list of Events is reused (they are listed cluster-wide).
    public init(connection: ClusterConnection, context: String?, timeoutSeconds: Double = 5, watchesPods: Bool = true,
                eventInterval: Double = 10) {
        keptEvents = KeptEvents(interval: eventInterval)
        self.connection = connection
        self.context = context
        self.timeoutSeconds = timeoutSeconds
        self.watchesPods = watchesPods
    }

    public func read(node: String) async -> ClusterReading {
        let server = connection.server.description
        let client: KubeClient
        do {
            client = try kept.client { () throws(KubeError) in
                try KubeClient(connection: connection,
                               options: KubeClientOptions(timeoutSeconds: timeoutSeconds, maximumConnectionsPerHost: 2,
                                                          userAgent: "multinet-inspect"))
            }
        } catch {
            return ClusterReading(apiserver: .unreachable(server: server, error: error.description), context: context)
        }
        let reading = await read(node: node, client: client, server: server)
        if case .unreachable = reading.apiserver {
            podWatch.stop()
            await kept.discard(client)
        }
        return reading
    }

    /// Stops the watch and closes the kept connections.
    public func close() async {
        podWatch.stop()
        await kept.close()
    }

    /// Whether the node's pods are being watched (between a successful read and a failure).
    var isWatchingPods: Bool { podWatch.isWatching }

    private func read(node: String, client: KubeClient, server: String) async -> ClusterReading {
        async let pods = podWatch.pods(client: client, node: node, follow: watchesPods)
        async let nads = Result.capturing { () async throws(KubeError) in
            try await client.listAll(NetworkAttachmentDefinition.self, namespace: nil).items
        }
        async let networks = Result.capturing { () async throws(KubeError) in
            try await client.listAll(Network.self, namespace: nil).items
        }
        let keptEvents = self.keptEvents
        async let events = Result.capturing { () async throws(KubeError) in
            if let fresh = keptEvents.fresh() { return fresh }
            let listed = try await client.listAll(KubeEvent.self, namespace: nil, options: Self.eventOptions).items
            keptEvents.keep(listed)
            return listed
        }
        let (podList, nadList, networkList, eventList) = await (pods, nads, networks, events)
        switch podList {
        case .failure(let error):
            return ClusterReading(apiserver: .unreachable(server: server, error: error.description), context: context)
        case .success(let items):
            var reading = ClusterReading(apiserver: .reachable(server: server), context: context, pods: items)
            var problems: [String] = []
            switch nadList {
            case .success(let list): reading.networkAttachmentDefinitions = list
            case .failure(let error): if !Self.isNotFound(error) { problems.append("NetworkAttachmentDefinitions: \(error)") }
            }
            switch networkList {
            case .success(let list): reading.networks = list
            case .failure(let error): if !Self.isNotFound(error) { problems.append("Networks: \(error)") }
            }
            // Events are extra: a refusal (RBAC) leaves the Events view empty, not the apiserver down.
            reading.events = try? eventList.get()
            if !problems.isEmpty {
                reading.apiserver = .unreachable(server: server, error: problems.joined(separator: "; "))
            }
            return reading
        }
    }

    /// Pods' events, a page of 500 at a time.
    static let eventOptions = KubeListOptions(fieldSelector: "involvedObject.kind=Pod", limit: 500)

    private static func isNotFound(_ error: KubeError) -> Bool {
        if case .notFound = error { return true }
        return false
    }
}
