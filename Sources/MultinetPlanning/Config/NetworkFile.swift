import MultinetCNI

/// A network configuration file found in the conf dir.
public struct NetworkFile: Sendable, Equatable {
    /// The file's path.
    public var path: String
    /// Its parsed configuration list.
    public var list: NetworkConfigList

    /// A file at `path` holding `list`.
    public init(path: String, list: NetworkConfigList) {
        self.path = path
        self.list = list
    }
}
