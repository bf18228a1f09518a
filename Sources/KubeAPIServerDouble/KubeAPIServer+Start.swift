extension KubeAPIServer {
    /// Generates a CA and a serving certificate for `127.0.0.1` and `localhost`, and starts
    /// listening on `configuration.host` (an ephemeral port unless one is configured).
    public static func start(_ configuration: KubeAPIServerConfiguration = KubeAPIServerConfiguration()) async throws -> KubeAPIServer {
        let authority = try CertificateAuthority.generate(commonName: configuration.certificateAuthorityName)
        var hosts = ["127.0.0.1", "localhost"]
        if !hosts.contains(configuration.host) { hosts.append(configuration.host) }
        let serving = try authority.issueServerCertificate(hosts: hosts)
        let tls = try ServerTLS.makeContext(serving: serving, authority: authority)

        let store = KubeObjectStore(historyCapacity: configuration.eventHistoryCapacity)
        if configuration.createsDefaultNamespaces {
            for name in ["default", "kube-system", "kube-public"] {
                try store.create(.namespaces, ["metadata": ["name": .string(name)], "status": ["phase": "Active"]])
            }
        }
        let faults = FaultInjector()
        let requests = RequestLog()
        // The port is known only once bound: `/api` reads it when asked.
        let boundPort = BoundPort()
        let host = configuration.host
        var handler = APIHandler(
            store: store,
            discovery: Discovery(resources: ServedResource.all, kubernetesVersion: configuration.kubernetesVersion),
            serverAddress: { "\(host):\(boundPort.value)" })
        handler.forbiddenUsers = configuration.forbiddenUsers
        handler.requiresNamespaces = configuration.requiresNamespaces
        let authenticator = Authenticator(
            tokens: configuration.tokens, basicAccounts: configuration.basicAccounts, certificateAuthority: authority)
        let pipeline = RequestPipeline(authenticator: authenticator, handler: handler, faults: faults, log: requests)
        let connection = ConnectionHandler(
            pipeline: pipeline, faults: faults, store: store, bookmarkInterval: configuration.bookmarkInterval)
        let server = try await HTTPServer.start(
            host: configuration.host, port: configuration.port, tls: tls, connection: connection)
        boundPort.value = server.port
        return KubeAPIServer(
            configuration: configuration, certificateAuthority: authority, store: store, faults: faults,
            requests: requests, server: server)
    }
}
