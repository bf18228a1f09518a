/// Where a snapshot's pods and network objects come from: the apiserver, or a fake in tests.
public protocol ClusterSource: Sendable {
    /// Lists the pods of `node` (by field selector) and the networks of all namespaces;
    /// never throws: a failure becomes ``APIServerState/unreachable(server:error:)``.
    func read(node: String) async -> ClusterReading
}
