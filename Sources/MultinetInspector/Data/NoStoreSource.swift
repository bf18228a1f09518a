/// No store (`--all-nodes`, run away from the nodes): nothing recorded, no problem.
public struct NoStoreSource: StoreSource {
    /// The source.
    public init() {}

    public func read() async -> StoreReading { StoreReading(path: "-") }
}

/// No conf or bin dir (`--all-nodes`): usability is judged on each node, so no networks are listed.
public struct NoNodeFiles: NodeFilesSource {
    /// The source.
    public init() {}

    public func networks(for cluster: ClusterReading) async -> [NetworkRow] { [] }
}
