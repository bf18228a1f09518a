extension ServedResource {
    /// Core `v1` `pods`.
    public static let pods = ServedResource(
        group: "", version: "v1", plural: "pods", singular: "pod", kind: "Pod", shortNames: ["po"],
        hasStatusSubresource: true, allowsUnconditionalUpdate: true, deleteReturnsObject: true,
        extraSelectableFields: [
            "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
            "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName",
        ],
        categories: ["all"])

    /// Core `v1` `namespaces` (cluster-scoped).
    public static let namespaces = ServedResource(
        group: "", version: "v1", plural: "namespaces", singular: "namespace", kind: "Namespace",
        shortNames: ["ns"], namespaced: false, hasStatusSubresource: true, allowsUnconditionalUpdate: true,
        deleteReturnsObject: true, extraSelectableFields: ["status.phase"])

    /// Core `v1` `nodes` (cluster-scoped; the agent's node labels).
    public static let nodes = ServedResource(
        group: "", version: "v1", plural: "nodes", singular: "node", kind: "Node", shortNames: ["no"],
        namespaced: false, hasStatusSubresource: true, allowsUnconditionalUpdate: true, deleteReturnsObject: true,
        extraSelectableFields: ["spec.unschedulable"])

    /// `k8s.cni.cncf.io/v1` `network-attachment-definitions` (Network Plumbing WG).
    public static let networkAttachmentDefinitions = ServedResource(
        group: "k8s.cni.cncf.io", version: "v1", plural: "network-attachment-definitions",
        singular: "network-attachment-definition", kind: "NetworkAttachmentDefinition",
        shortNames: ["net-attach-def"], isCustomResource: true)

    /// `alpha.network.k8s.io/v1` `networks` (the 2017 proposal).
    public static let networks = ServedResource(
        group: "alpha.network.k8s.io", version: "v1", plural: "networks", singular: "network", kind: "Network",
        isCustomResource: true)

    /// Core `v1` `events` (what `kubectl describe` shows under a pod).
    public static let events = ServedResource(
        group: "", version: "v1", plural: "events", singular: "event", kind: "Event", shortNames: ["ev"],
        allowsUnconditionalUpdate: true, deleteReturnsObject: false,
        extraSelectableFields: [
            "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "reason", "type", "source",
        ])

    /// Every resource the double serves, in discovery order: built-in groups first, then
    /// the groups of custom resources, as the apiserver lists them.
    public static let all: [ServedResource] = [
        .pods, .namespaces, .nodes, .events, .serviceAccounts, .configMaps, .daemonSets, .clusterRoles, .clusterRoleBindings,
        .customResourceDefinitions, .networkAttachmentDefinitions, .networks,
    ]
}
