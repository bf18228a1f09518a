import MultinetCNI

extension ConfDirectory {
    /// The first file in lexical order, whatever its ending (`.conf`, `.conflist`, `.json`),
    /// whose network `name` is `named`: how Multus finds a `clusterNetwork` or
    /// `defaultNetworks` name in `confDir`. multinet's own file and unparsable files are
    /// skipped (and reported through `skipped`).
    public func firstNetwork(named: String, skipped: (String, CNIError) -> Void = { _, _ in }) throws -> NetworkFile? {
        // The empty ending matches every candidate, so the search is in plain lexical order.
        try network(named: named, extensions: [""], skipped: skipped)
    }
}
