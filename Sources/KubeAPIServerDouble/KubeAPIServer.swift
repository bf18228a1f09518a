/// A stand-in for a Kubernetes apiserver that real clients (kubectl, client-go, the multinet
/// client) cannot tell from the real one for what multinet needs: HTTPS with its own CA,
/// bearer tokens, basic auth and client certificates; pods, namespaces,
/// NetworkAttachmentDefinitions and Networks, and what `deploy/` installs
/// (CustomResourceDefinitions, RBAC, service accounts, config maps, DaemonSets); discovery; get, list (selectors, pagination),
/// watch (bookmarks, 410 Gone), create, update, patch (merge, strategic merge, JSON patch)
/// and delete with the apiserver's `Status` errors; and switches that inject faults.
///
/// ```swift
/// let server = try await KubeAPIServer.start()
/// try server.store.create(.pods, KubeObjects.pod(name: "web", nodeName: "node-a"))
/// try server.writeKubeconfig(to: path, credential: .token(server.token))
/// server.faults.failNext(1, status: 503)
/// …
/// try await server.shutdown()
/// ```
public final class KubeAPIServer: Sendable {
    /// The configuration it was started with.
    public let configuration: KubeAPIServerConfiguration
    /// The certificate authority that signed the serving certificate; client certificates
    /// it issues are accepted.
    public let certificateAuthority: CertificateAuthority
    /// The objects; seed them here and look at what clients wrote.
    public let store: KubeObjectStore
    /// Fault switches (latency, failures, dropped connections, rejected authentication).
    public let faults: FaultInjector
    /// Every request received.
    public let requests: RequestLog
    /// The port it listens on.
    public let port: Int
    private let server: HTTPServer

    init(
        configuration: KubeAPIServerConfiguration, certificateAuthority: CertificateAuthority, store: KubeObjectStore,
        faults: FaultInjector, requests: RequestLog, server: HTTPServer
    ) {
        self.configuration = configuration
        self.certificateAuthority = certificateAuthority
        self.store = store
        self.faults = faults
        self.requests = requests
        self.port = server.port
        self.server = server
    }

    /// How many client connections the server accepted so far: each is one TLS handshake,
    /// so a client that reuses its connection adds one however many requests it makes.
    public var acceptedConnections: Int { server.acceptedConnections }

    /// `https://HOST:PORT`.
    public var url: String {
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        return "https://\(host):\(port)"
    }

    /// The CA certificate in PEM: what a client must trust.
    public var caPEM: String { certificateAuthority.certificatePEM }

    /// A bearer token the server accepts (the configuration's first token in sorted order,
    /// ``KubeAPIServerConfiguration/defaultToken`` by default).
    public var token: String {
        configuration.tokens.keys.contains(KubeAPIServerConfiguration.defaultToken)
            ? KubeAPIServerConfiguration.defaultToken : configuration.tokens.keys.sorted().first ?? ""
    }

    /// A client certificate for `user` in `groups`, signed by the server's CA.
    public func issueClientCertificate(user: String, groups: [String] = []) throws -> IssuedCertificate {
        try certificateAuthority.issueClientCertificate(user: user, groups: groups)
    }

    /// Stops listening, ends every watch and connection.
    public func shutdown() async throws {
        store.endAllWatches()
        await server.stop()
    }
}
