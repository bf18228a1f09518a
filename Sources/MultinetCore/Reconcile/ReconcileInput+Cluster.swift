import MultinetCheckpoint
import MultinetKubeAPI

extension ReconcileInput {
    /// The views from the cluster's pod metadata (`nil` when the pods could not be listed),
    /// keyed by `namespace/name` as the records name their pods.
    public init(records: [AttachmentRecord], podMetadata: [ObjectMeta]?,
                namespaces: [String: NamespaceObservation], definedNetworks: Set<String>?) {
        let pods = podMetadata.map { list in
            Dictionary(list.map { ("\($0.namespace ?? "")/\($0.name)", ObservedPod(metadata: $0)) },
                       uniquingKeysWith: { first, _ in first })
        }
        self.init(records: records, pods: pods, namespaces: namespaces, definedNetworks: definedNetworks)
    }

    /// The netns paths the kernel must be asked about: every recorded one.
    public static func netnsPaths(_ records: [AttachmentRecord]) -> Set<String> {
        Set(records.map(\.netns).filter { !$0.isEmpty })
    }
}
