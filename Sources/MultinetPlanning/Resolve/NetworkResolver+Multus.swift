import MultinetCNI
import MultinetSystem

extension NetworkResolver {
    /// The network a Multus key names by absolute path: the configuration file itself, or,
    /// for a directory, its first usable configuration file in lexical order (multinet's own
    /// skipped), as Multus's `getNetDelegate` reads paths.
    ///
    /// - Parameters:
    ///   - path: the path from the configuration.
    ///   - ownName: multinet's own network name, never used as a network.
    ///   - key: the configuration key, named in errors.
    /// - Throws: code 7 when the path is neither a file nor a directory, or names multinet
    ///   itself; the file's own parsing errors otherwise.
    public func resolve(path: String, ownName: String, key: String) throws -> NetworkDefinition {
        let file: NetworkFile
        if FileSystem.isDirectory(path) {
            file = try ConfDirectory(path: path, ownName: ownName).defaultNetwork(named: nil)
        } else {
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.read(path, limit: MultinetConfig.maximumConfigBytes)
            } catch {
                throw ResolutionError.fileUnreadable(key: key, path: path, missing: error.isNotFound, problem: error.description)
            }
            file = NetworkFile(path: path, list: try NetworkConfigList(parsing: bytes, source: path, requireName: true))
        }
        try file.list.refuseSelfDelegation(source: file.path)
        return NetworkDefinition(name: file.list.name, namespace: "", kind: "file", list: file.list, source: file.path)
    }
}
