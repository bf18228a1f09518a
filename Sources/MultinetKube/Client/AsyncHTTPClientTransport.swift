internal import AsyncHTTPClient
internal import NIOCore
internal import NIOSSL

/// The production transport: one `HTTPClient` with its own connection pool, configured for
/// one apiserver (TLS trust, client certificate, server name).
final class AsyncHTTPClientTransport: KubeTransport {
    private let client: HTTPClient
    /// `scheme://host:port` + base path, where `host` is the TLS server name when one is set.
    private let baseURL: String

    init(connection: ClusterConnection, options: KubeClientOptions) throws(KubeError) {
        let server = connection.server
        var configuration = HTTPClient.Configuration()
        if server.scheme == "https" {
            configuration.tlsConfiguration = try KubeTLS.configuration(connection.tls, clientCertificate: nil,
                                                                       server: server.description)
        }
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        configuration.httpVersion = .automatic
        let connectSeconds = max(1, Int64(options.timeoutSeconds.rounded(.up)))
        configuration.timeout = .init(connect: .seconds(connectSeconds),
                                      read: .milliseconds(Int64(options.watchIdleTimeoutSeconds * 1000)))
        var pool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, options.maximumConnectionsPerHost))
        // Fail an attempt as soon as its connection fails; KubeClient retries by its own policy.
        pool.retryConnectionEstablishment = false
        configuration.connectionPool = pool

        // tls-server-name: address the request to that name (so SNI and hostname
        // verification use it) and resolve the name to the real server.
        var host = server.hostForURL
        if server.scheme == "https", let name = connection.tls.serverName, name != server.host {
            configuration.dnsOverride = [name: server.host]
            host = name
        }
        baseURL = "\(server.scheme)://\(host):\(server.port)\(server.basePath)"
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    func execute(_ request: KubeHTTPRequest, deadline: KubeDeadline) async throws -> KubeHTTPResponse {
        var http = HTTPClientRequest(url: baseURL + request.path)
        switch request.method {
        case "GET": http.method = .GET
        case "PATCH": http.method = .PATCH
        case "POST": http.method = .POST
        case "PUT": http.method = .PUT
        case "DELETE": http.method = .DELETE
        default: http.method = .RAW(value: request.method)
        }
        for (name, value) in request.headers { http.headers.add(name: name, value: value) }
        if let body = request.body { http.body = .bytes(body) }
        http.tlsConfiguration = request.tlsConfiguration
        let response: HTTPClientResponse
        do {
            response = try await client.execute(http, deadline: deadline.nioDeadline)
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            throw KubeTransportFailure.deadlineExceeded
        }
        return KubeHTTPResponse(status: Int(response.status.code),
                                headers: response.headers.map { ($0.name, $0.value) },
                                body: KubeResponseBody(source: .client(response.body)))
    }

    func shutdown() async throws {
        try await client.shutdown()
    }
}
