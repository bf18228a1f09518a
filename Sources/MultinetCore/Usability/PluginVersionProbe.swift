import MultinetCNI

/// Asks a plugin binary which CNI versions it supports (`CNI_COMMAND=VERSION`).
public protocol PluginVersionProbe: Sendable {
    /// The versions the plugin at `path` reports, or why it could not say.
    func versions(ofPluginAt path: String) async -> Result<[CNIVersion], CNIError>
}
