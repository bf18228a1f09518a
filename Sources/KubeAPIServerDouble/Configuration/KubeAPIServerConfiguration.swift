/// How a ``KubeAPIServer`` behaves; everything has a default that suits tests.
public struct KubeAPIServerConfiguration: Sendable {
    /// The bearer token every default configuration accepts (as user ``KubeUser/admin``).
    public static let defaultToken = "multinet-double-token"

    /// The address to listen on.
    public var host: String = "127.0.0.1"
    /// The port; `0` picks a free one.
    public var port: Int = 0
    /// Accepted bearer tokens and the users they authenticate as.
    public var tokens: [String: KubeUser] = [Self.defaultToken: .admin]
    /// Accepted HTTP basic credentials, by user name.
    public var basicAccounts: [String: BasicAccount] = [:]
    /// Users that authenticate but may not touch any resource (403 `Forbidden`); discovery
    /// stays open to them, as with RBAC's `system:discovery`.
    public var forbiddenUsers: Set<String> = []
    /// How often watches that asked for bookmarks (`allowWatchBookmarks=true`) get one.
    public var bookmarkInterval: Duration = .seconds(5)
    /// How many write events are kept for watches and list continuations; older
    /// resourceVersions answer 410 `Expired`.
    public var eventHistoryCapacity: Int = 1000
    /// The version `/version` reports, e.g. `v1.32.0`.
    public var kubernetesVersion: String = "v1.32.0"
    /// Whether `default`, `kube-system` and `kube-public` namespaces exist at start-up.
    public var createsDefaultNamespaces: Bool = true
    /// Whether a POST into a namespace that does not exist answers 404 (`namespaces "x" not
    /// found`), as a cluster does. Seeding through ``KubeAPIServer/store`` never checks.
    public var requiresNamespaces: Bool = true
    /// The common name of the generated certificate authority.
    public var certificateAuthorityName: String = "multinet-kube-apiserver-double-ca"

    /// The defaults.
    public init() {}
}
