extension ConfDirectory {
    /// The first file in lexical order, whatever its ending (`.conf`, `.conflist`, `.json`),
    /// whose network `name` is `named`: how Multus finds a `clusterNetwork` or
    /// `defaultNetworks` name in `confDir`. multinet's own file and unparsable files are
    /// skipped (and reported through `skipped`).
    public func firstNetwork(named: String, skipped: (String, CNIError) -> Void = { _, _ in }) throws(CNIError) -> NetworkFile? {
        for name in try fileNames() {
            do {
                let file = try load(name)
                if file.list.name == named && !isOwn(file.list) { return file }
            } catch {
                skipped(name, error)
            }
        }
        return nil
    }
}
