import MultinetCheckpoint
import MultinetCore
import MultinetKubeAPI

/// The pure part of building a snapshot: joining what the sources read.
public enum SnapshotAssembly {
    /// The snapshot of one refresh.
    ///
    /// - Pods: the store's records grouped by container ID (one row per sandbox, in attach
    ///   order), joined with the apiserver's pods of this node by namespace/name
    ///   (`existsInCluster`; `nil` when the apiserver was not read); pods of this node with
    ///   no record get a row with no attachments and an empty container ID. Sorted by
    ///   namespace, name, container ID.
    /// - Networks: as given, each with the number of records naming it (kind, namespace, name).
    /// - Drift: ``Reconciler/drift(_:)`` of the records, the listed pods, `namespaces` (the
    ///   kernel's view) and the defined networks (only when the apiserver answered: without
    ///   its NADs every NAD attachment would look gone); `since` is left to the caller.
    /// - Events: those about the snapshot's pods, multinet's first, then newest first.
    /// - `--all-nodes` (the reading has ``ClusterReading/reportedPods``): one row per reported
    ///   pod with its node and status, no store, no drift, read-only.
    ///
    /// `addresses` reads an attachment's addresses from its result, `observe` a pod's
    /// `network-status` (the builder passes caches of both).
    public static func assemble(node: String, store: StoreReading, cluster: ClusterReading, networks: [NetworkRow],
                                readOnly: Bool, refreshedAt: Int64, namespaces: [String: NamespaceObservation] = [:],
                                addresses: (AttachmentRecord) -> AttachmentAddresses = AttachmentAddresses.init,
                                observe: (PodMetadata) -> ObservedPod = { ObservedPod(metadata: $0.metadata) }) -> InspectorSnapshot {
        var header = InspectorHeader(node: node, context: cluster.context, apiserver: cluster.apiserver,
                                     storePath: store.path, storeProblem: store.problem, refreshedAt: refreshedAt,
                                     readOnly: readOnly)
        if let reported = cluster.reportedPods {
            header.allNodes = true
            header.readOnly = true
            let pods = reported.map { pod in
                PodRow(namespace: pod.namespace, name: pod.name, uid: pod.uid, containerID: "", existsInCluster: true,
                       attachments: [], node: pod.node, status: pod.status)
            }
            return InspectorSnapshot(header: header, networks: networks, pods: pods, events: cluster.events.map(eventRows))
        }
        let clusterPods = cluster.pods.map { pods in Set(pods.map { PodKey($0.metadata.namespace ?? "", $0.metadata.name) }) }
        var observed: [PodKey: ObservedPod] = [:]
        for pod in cluster.pods ?? [] {
            observed[PodKey(pod.metadata.namespace ?? "", pod.metadata.name)] = observe(pod)
        }
        // Each record's addresses, read once for the rows and the reconciliation.
        var known: [AttachmentKey: AttachmentAddresses] = [:]
        for record in store.records { known[AttachmentKey(record)] = addresses(record) }
        let recordedAddresses = { (record: AttachmentRecord) in known[AttachmentKey(record)] ?? AttachmentAddresses(record) }
        var order: [String] = []
        var byContainer: [String: [AttachmentRecord]] = [:]
        for record in store.records {
            if byContainer[record.containerID] == nil { order.append(record.containerID) }
            byContainer[record.containerID, default: []].append(record)
        }
        var pods: [PodRow] = order.map { id in
            let records = byContainer[id]!.sorted { ($0.runtimeIfName, $0.position) < ($1.runtimeIfName, $1.position) }
            let named = records.first { !$0.podName.isEmpty } ?? records[0]
            let key = PodKey(named.podNamespace, named.podName)
            return PodRow(namespace: named.podNamespace, name: named.podName,
                          uid: records.first { !$0.podUID.isEmpty }?.podUID ?? "", containerID: id,
                          existsInCluster: clusterPods.map { $0.contains(key) }, attachments: records,
                          addresses: records.map(recordedAddresses), status: observed[key]?.networkStatus)
        }
        let recorded = Set(pods.map { PodKey($0.namespace, $0.name) })
        for pod in cluster.pods ?? [] {
            let key = PodKey(pod.metadata.namespace ?? "", pod.metadata.name)
            guard !recorded.contains(key) else { continue }
            pods.append(PodRow(namespace: key.namespace, name: key.name, uid: pod.metadata.uid ?? "", containerID: "",
                               existsInCluster: true, attachments: [], status: observed[key]?.networkStatus))
        }
        pods.sort { ($0.namespace, $0.name, $0.containerID) < ($1.namespace, $1.name, $1.containerID) }
        var counts: [NetworkKey: Int] = [:]
        for record in store.records {
            counts[NetworkKey(record.networkKind, record.networkNamespace, record.network), default: 0] += 1
        }
        let rows = networks.map { row in
            var row = row
            row.attachmentCount = counts[NetworkKey(row.kind.rawValue, row.namespace ?? "", row.name)] ?? 0
            return row
        }
        var defined: Set<String>?
        if case .reachable = cluster.apiserver {
            defined = Set(networks.map { $0.kind == .file ? $0.name : "\($0.namespace ?? "")/\($0.name)" })
        }
        let clusterView = cluster.pods.map { _ in
            Dictionary(observed.map { ("\($0.key.namespace)/\($0.key.name)", $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        let drift = Reconciler.drift(ReconcileInput(records: store.records, pods: clusterView, namespaces: namespaces,
                                                    definedNetworks: defined), addresses: recordedAddresses)
        let shown = Set(pods.map { PodKey($0.namespace, $0.name) })
        let events = cluster.events.map { list in
            eventRows(list.filter { event in
                event.involvedObject.kind == "Pod"
                    && shown.contains(PodKey(event.involvedObject.namespace ?? event.metadata.namespace ?? "",
                                             event.involvedObject.name ?? ""))
            })
        }
        return InspectorSnapshot(header: header, networks: rows, pods: pods, drift: drift, namespaces: namespaces,
                                 events: events)
    }

    /// Events as rows: multinet's first, then newest first, then by pod and reason.
    static func eventRows(_ events: [KubeEvent]) -> [EventRow] {
        events.map { event in
            EventRow(namespace: event.involvedObject.namespace ?? event.metadata.namespace ?? "",
                     pod: event.involvedObject.name ?? "", type: event.type ?? "", reason: event.reason ?? "",
                     message: event.message ?? "", component: event.component ?? "", count: event.count,
                     lastSeen: event.lastSeen.map { Int64($0 * 1000) })
        }.sorted { a, b in
            if a.isMultinet != b.isMultinet { return a.isMultinet }
            if a.lastSeen != b.lastSeen { return (a.lastSeen ?? .min) > (b.lastSeen ?? .min) }
            return (a.namespace, a.pod, a.reason) < (b.namespace, b.pod, b.reason)
        }
    }

    private struct PodKey: Hashable {
        var namespace: String
        var name: String
        init(_ namespace: String, _ name: String) {
            self.namespace = namespace
            self.name = name
        }
    }

    private struct NetworkKey: Hashable {
        var kind: String
        var namespace: String
        var name: String
        init(_ kind: String, _ namespace: String, _ name: String) {
            self.kind = kind
            self.namespace = namespace
            self.name = name
        }
    }
}
