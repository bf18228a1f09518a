import MultinetCNI
import MultinetSystem

/// The on-disk network configurations in `confDir` (`.conflist`, `.conf` and `.json` files),
/// looked up as libcni and the kubelet do: lexical order, first match wins.
public struct ConfDirectory: Sendable {
    /// The directory.
    public var path: String
    /// multinet's own network name, skipped when choosing the default.
    public var ownName: String

    /// The file endings libcni reads.
    public static let extensions = [".conflist", ".conf", ".json"]

    /// A conf dir.
    public init(path: String, ownName: String) {
        self.path = path
        self.ownName = ownName
    }

    /// The candidate file names in lexical order.
    public func fileNames() throws -> [String] {
        do {
            return try FileSystem.list(path).filter { name in
                !name.hasPrefix(".") && Self.extensions.contains { name.hasSuffix($0) }
            }
        } catch {
            throw ConfDirectoryError.unreadable(path: path, problem: error.description)
        }
    }

    /// Reads and parses one file of the directory; `requireName: false` for templates.
    public func load(_ fileName: String, requireName: Bool = true) throws -> NetworkFile {
        let filePath = path.hasSuffix("/") ? path + fileName : path + "/" + fileName
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(filePath, limit: MultinetConfig.maximumConfigBytes)
        } catch {
            throw ConfDirectoryError.fileUnreadable(path: filePath, problem: error.description)
        }
        return NetworkFile(path: filePath, list: try NetworkConfigList(parsing: bytes, source: filePath, requireName: requireName))
    }

    /// Whether a file is multinet's own configuration, which must never be its own default.
    public func isOwn(_ list: NetworkConfigList) -> Bool {
        list.name == ownName || list.pluginTypes.contains("multinet")
    }

    /// The default network: the file whose `name` is `named`, or else the first valid file
    /// in lexical order that is not multinet's own. Invalid files are skipped (and reported
    /// through `skipped`) unless none is left.
    public func defaultNetwork(named: String?, skipped: (String, CNIError) -> Void = { _, _ in }) throws -> NetworkFile {
        let names = try fileNames()
        var problems: [String] = []
        if let named {
            if let file = try network(named: named, in: names, skipped: skipped) { return file }
            throw ConfDirectoryError.defaultNetworkMissing(name: named, path: path)
        }
        for name in names {
            do {
                let file = try load(name)
                if isOwn(file.list) { continue }
                return file
            } catch {
                let error = CNIError(reporting: error)
                skipped(name, error)
                problems.append(error.details.isEmpty ? error.msg : "\(error.msg) (\(error.details))")
            }
        }
        throw ConfDirectoryError.noDefaultNetwork(path: path, problems: problems)
    }

    /// The file whose network `name` matches, preferring the endings in the order given
    /// (`.conflist` over `.conf` over `.json` by default) and then lexical order.
    public func network(named: String, extensions: [String] = ConfDirectory.extensions,
                        skipped: (String, CNIError) -> Void = { _, _ in }) throws -> NetworkFile? {
        try network(named: named, in: try fileNames(), extensions: extensions, skipped: skipped)
    }

    private func network(named: String, in names: [String], extensions: [String] = ConfDirectory.extensions,
                         skipped: (String, CNIError) -> Void) throws -> NetworkFile? {
        for ext in extensions {
            for name in names where name.hasSuffix(ext) {
                do {
                    let file = try load(name)
                    if file.list.name == named && !isOwn(file.list) { return file }
                } catch {
                    skipped(name, CNIError(reporting: error))
                }
            }
        }
        return nil
    }
}
