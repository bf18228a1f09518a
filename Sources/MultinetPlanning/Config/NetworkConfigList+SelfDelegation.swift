import MultinetCNI

extension NetworkConfigList {
    /// The plugin type of multinet itself, which no network may delegate to: the delegate
    /// would read the same pod's annotations and call itself again without end.
    public static let multinetType = "multinet"

    /// Refuses a configuration that runs multinet as one of its plugins (code 1, naming
    /// `source` and the plugin's field).
    func refuseSelfDelegation(source: String) throws(CNIError) {
        guard let index = pluginTypes.firstIndex(of: Self.multinetType) else { return }
        let field = plugins.count == 1 ? "\"type\"" : "plugins[\(index)].type"
        throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                       msg: "\(source): \(field) \"\(Self.multinetType)\" is multinet itself; a network cannot delegate back to multinet",
                       details: "multinet would call itself for the same pod without end")
    }
}
