import MultinetCNI
import MultinetModel

/// Which namespaces' networks a pod may use (`namespaceIsolation`, `globalNamespaces`).
public struct NamespacePolicy: Sendable, Equatable {
    /// Whether pods are limited to their own namespace's networks (plus the global ones).
    public var isolation: Bool
    /// Namespaces whose networks every pod may use.
    public var globalNamespaces: [String]

    /// A policy.
    public init(isolation: Bool, globalNamespaces: [String]) {
        self.isolation = isolation
        self.globalNamespaces = globalNamespaces
    }

    /// The policy of a multinet configuration.
    public init(_ config: MultinetConfig) {
        self.init(isolation: config.namespaceIsolation, globalNamespaces: config.globalNamespaces)
    }

    /// Refuses the first selection that reaches into a namespace the pod may not use.
    ///
    /// - Throws: code 7 naming the pod, the annotation, the element and the rule.
    public func check(_ request: PodNetworkRequest, pod: PodReference) throws {
        guard isolation, let dialect = request.dialect else { return }
        for (index, entry) in request.selections.enumerated() {
            let namespace = entry.selection.namespace
            guard namespace != pod.namespace, !globalNamespaces.contains(namespace) else { continue }
            let allowed = ([pod.namespace] + globalNamespaces).joined(separator: ", ")
            throw ResolutionError.namespaceNotAllowed(pod: pod.displayName, annotation: dialect.annotation, element: index + 1,
                                                      network: entry.selection.qualifiedName, allowed: allowed)
        }
    }
}
