/// Where a snapshot's Networks rows come from: the conf dir and bin dirs of this node
/// (or a fake in tests), judged against the network objects the apiserver listed.
public protocol NodeFilesSource: Sendable {
    /// One row per conf-dir file, per `NetworkAttachmentDefinition` and per alpha `Network`
    /// of `cluster`, each saying whether it is usable on this node and why not.
    func networks(for cluster: ClusterReading) async -> [NetworkRow]
}
