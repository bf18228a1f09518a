/// Everything needed to talk to one apiserver as one user: one kubeconfig context, or the
/// in-cluster service account, resolved. Files named by the configuration (CA, client
/// certificate and key) are read when it is resolved; a token file is read again before
/// every request.
///
/// Its description names the server, the source and the kinds of credentials, never
/// their values.
public struct ClusterConnection: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The apiserver.
    public var server: KubeServerURL
    /// Trust, server name and client certificate.
    public var tls: KubeTLSSettings
    /// Bearer token, basic authentication or a credential plugin.
    public var credentials: KubeCredentials
    /// The context's namespace, or `default`.
    public var namespace: String
    /// Where this came from, for messages: `kubeconfig /root/.kube/config, context "prod"`
    /// or `in-cluster service account`.
    public var source: String

    /// A connection from its parts.
    public init(server: KubeServerURL, tls: KubeTLSSettings = KubeTLSSettings(), credentials: KubeCredentials = .none,
                namespace: String = "default", source: String) {
        self.server = server
        self.tls = tls
        self.credentials = credentials
        self.namespace = namespace
        self.source = source
    }

    /// The server, the source and the kinds of credentials and TLS settings.
    public var description: String { "\(server) (\(source); \(credentials); \(tls))" }

    /// Same as ``description``: secrets never appear in logs or test output.
    public var debugDescription: String { description }
}
