import MultinetCNI

extension ConfDirectory {
    /// multinet's own configuration as the runtime would pass it: the first file in lexical
    /// order with a plugin of type `multinet`, that plugin's entry with the list's `name` and
    /// `cniVersion` injected (libcni's `buildOneConfig`), parsed. `nil` when no file has one.
    ///
    /// The node agent's hot-plug plans with it (namespace isolation, default networks,
    /// timeouts), so that a hot-plugged network obeys what the runtime's ADD would.
    /// Files that cannot be parsed are skipped unless they are multinet's own.
    public func ownConfig() throws -> (path: String, config: MultinetConfig)? {
        for name in try fileNames() {
            guard let file = try? load(name, requireName: false),
                  let index = file.list.pluginTypes.firstIndex(of: "multinet") else { continue }
            do {
                return (file.path, try MultinetConfig(parsing: file.list.pluginConfig(at: index, prevResult: nil).serialized()))
            } catch {
                throw ConfDirectoryError.ownConfigInvalid(path: file.path, problem: CNIError(reporting: error).msg)
            }
        }
        return nil
    }
}
