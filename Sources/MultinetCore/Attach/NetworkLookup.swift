import MultinetPlanning

/// One network an ADD looks up before it attaches anything: one the node gives every pod
/// (Multus's `clusterNetwork`, `defaultNetworks`, `delegates`), or one the pod selects.
enum NetworkLookup: Sendable {
    /// A network named by multinet's configuration.
    case node(MultusNetwork)
    /// A network the pod's annotation selects.
    case selection(NetworkSelection, SelectionDialect)
}
