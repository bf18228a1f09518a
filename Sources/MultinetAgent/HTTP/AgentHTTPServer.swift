import NIOCore
import NIOHTTP1
import NIOPosix

/// The agent's plain-HTTP listener for `/metrics`, `/healthz` and `/readyz` (SwiftNIO's
/// HTTP/1 codec, no framework: three read-only routes need no router, middleware or
/// TLS, and the agent already links SwiftNIO through the apiserver client).
public final class AgentHTTPServer: Sendable {
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    /// The port actually bound (the one asked for, or the kernel's choice for 0).
    public let port: Int
    private let serverChannel: NIOAsyncChannel<Connection, Never>
    private let acceptTask: Task<Void, Never>

    private init(port: Int, serverChannel: NIOAsyncChannel<Connection, Never>, acceptTask: Task<Void, Never>) {
        self.port = port
        self.serverChannel = serverChannel
        self.acceptTask = acceptTask
    }

    /// Binds `host:port` and answers every request with `respond(method, path)`.
    public static func start(host: String, port: Int,
                             respond: @escaping @Sendable (String, String) -> AgentResponse) async throws -> AgentHTTPServer {
        let serverChannel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        let bound = serverChannel.channel.localAddress?.port ?? port
        let acceptTask = Task {
            await withDiscardingTaskGroup { group in
                do {
                    try await serverChannel.executeThenClose { inbound in
                        for try await client in inbound {
                            group.addTask { await serve(client, respond: respond) }
                        }
                    }
                } catch {
                    // The listening socket closed: stop accepting.
                }
                group.cancelAll()
            }
        }
        return AgentHTTPServer(port: bound, serverChannel: serverChannel, acceptTask: acceptTask)
    }

    /// Stops accepting, ends every connection and waits for them.
    public func stop() async {
        acceptTask.cancel()
        try? await serverChannel.channel.close()
        await acceptTask.value
    }

    private static func serve(_ connection: Connection, respond: @Sendable (String, String) -> AgentResponse) async {
        do {
            try await connection.executeThenClose { inbound, outbound in
                var head: HTTPRequestHead?
                for try await part in inbound {
                    switch part {
                    case .head(let received): head = received
                    case .body: continue
                    case .end:
                        guard let request = head else { continue }
                        let response = respond(request.method.rawValue, request.uri)
                        var headers = HTTPHeaders()
                        headers.add(name: "Content-Type", value: response.contentType)
                        headers.add(name: "Content-Length", value: String(response.body.count))
                        headers.add(name: "Connection", value: request.isKeepAlive ? "keep-alive" : "close")
                        try await outbound.write(.head(HTTPResponseHead(
                            version: request.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)))
                        if request.method != .HEAD {
                            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: response.body))))
                        }
                        try await outbound.write(.end(nil))
                        if !request.isKeepAlive { return }
                        head = nil
                    }
                }
            }
        } catch {
            // The client went away or the server is stopping.
        }
    }
}
