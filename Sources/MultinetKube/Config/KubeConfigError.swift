/// Why a kubeconfig, or the in-cluster service account, cannot give a connection to an apiserver.
///
/// Every message names the file and the key at fault, and never includes a secret
/// (token, password, key) or the file's contents.
public enum KubeConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kubeconfig file does not exist.
    case fileNotFound(path: String)
    /// The kubeconfig file exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// The file is not a kubeconfig: not JSON or YAML, or a key holds the wrong kind of value.
    /// `key` is `nil` when the document as a whole is at fault.
    case malformed(path: String, key: String?, reason: String)
    /// A key holds a value that cannot be used: invalid base64, a server that is not a URL,
    /// settings that contradict each other.
    case invalidValue(path: String, key: String, reason: String)
    /// A file named by a key (a certificate authority, client certificate or key, token
    /// file) cannot be read.
    case referencedFileUnreadable(path: String, key: String, file: String, reason: String)
    /// No context was chosen and no file sets `current-context`.
    case noContext(paths: [String])
    /// The chosen context is defined in none of the files.
    case unknownContext(name: String, paths: [String])
    /// The context names a cluster defined in none of the files.
    case unknownCluster(context: String, cluster: String, paths: [String])
    /// The context names a user defined in none of the files.
    case unknownUser(context: String, user: String, paths: [String])
    /// There is no kubeconfig to read, for example because `KUBECONFIG` names only missing files.
    case noConfiguration(reason: String)
    /// The in-cluster service account configuration is incomplete.
    case inCluster(reason: String)

    /// One line for an operator, naming the file and the key.
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            "kubeconfig \(path) does not exist"
        case .unreadable(let path, let reason):
            "kubeconfig \(path) cannot be read: \(reason)"
        case .malformed(let path, let key?, let reason):
            "kubeconfig \(path): \(key): \(reason)"
        case .malformed(let path, nil, let reason):
            "kubeconfig \(path) is not a valid kubeconfig: \(reason)"
        case .invalidValue(let path, let key, let reason):
            "kubeconfig \(path): \(key): \(reason)"
        case .referencedFileUnreadable(let path, let key, let file, let reason):
            "kubeconfig \(path): \(key): cannot read \(file): \(reason)"
        case .noContext(let paths):
            "kubeconfig \(Self.list(paths)) sets no current-context and no context was chosen"
        case .unknownContext(let name, let paths):
            "kubeconfig \(Self.list(paths)) has no context \"\(name)\""
        case .unknownCluster(let context, let cluster, let paths):
            "kubeconfig \(Self.list(paths)): context \"\(context)\" names cluster \"\(cluster)\", which is not defined"
        case .unknownUser(let context, let user, let paths):
            "kubeconfig \(Self.list(paths)): context \"\(context)\" names user \"\(user)\", which is not defined"
        case .noConfiguration(let reason):
            "no kubeconfig: \(reason)"
        case .inCluster(let reason):
            "in-cluster configuration: \(reason)"
        }
    }

    private static func list(_ paths: [String]) -> String {
        paths.isEmpty ? "(none)" : paths.joined(separator: ":")
    }
}
