/// A cluster source that always returns the same reading: no apiserver configured, a
/// kubeconfig that could not be loaded, or a fake in tests.
public struct FixedClusterSource: ClusterSource {
    /// The reading returned.
    public var reading: ClusterReading

    /// A source returning `reading`.
    public init(_ reading: ClusterReading) {
        self.reading = reading
    }

    public func read(node: String) async -> ClusterReading { reading }
}
