import MultinetCNI

extension NetworkConfigList {
    /// The plugin type of multinet itself, which no network may delegate to: the delegate
    /// would read the same pod's annotations and call itself again without end.
    public static let multinetType = "multinet"

    /// Refuses a configuration that runs multinet as one of its plugins (code 1, naming
    /// `source` and the plugin's field).
    func refuseSelfDelegation(source: String) throws {
        guard let index = pluginTypes.firstIndex(of: Self.multinetType) else { return }
        let field = plugins.count == 1 ? "\"type\"" : "plugins[\(index)].type"
        throw ConfigError.selfDelegation(source: source, field: field)
    }
}
