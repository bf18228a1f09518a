import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// The listening socket: accepts TLS connections and runs each one in its own task until
/// the server stops.
final class HTTPServer: Sendable {
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    /// The port actually bound.
    let port: Int
    private let serverChannel: NIOAsyncChannel<Connection, Never>
    private let acceptTask: Task<Void, Never>
    private let accepted: Accepted

    /// How many connections were accepted so far (each one a TLS handshake).
    var acceptedConnections: Int { accepted.count.withLock { $0 } }

    private final class Accepted: Sendable {
        let count = Mutex(0)
    }

    private init(port: Int, serverChannel: NIOAsyncChannel<Connection, Never>, acceptTask: Task<Void, Never>,
                 accepted: Accepted) {
        self.port = port
        self.serverChannel = serverChannel
        self.acceptTask = acceptTask
        self.accepted = accepted
    }

    /// Binds `host:port` and starts accepting.
    static func start(
        host: String, port: Int, tls: NIOSSLContext, connection: ConnectionHandler
    ) async throws -> HTTPServer {
        let serverChannel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ServerTLS.makeHandler(context: tls))
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        let boundPort = serverChannel.channel.localAddress?.port ?? port
        let accepted = Accepted()
        let acceptTask = Task(executorPreference: DedicatedExecutor.shared) {
            await withDiscardingTaskGroup { group in
                do {
                    try await serverChannel.executeThenClose { inbound in
                        for try await client in inbound {
                            accepted.count.withLock { $0 += 1 }
                            group.addTask { await connection.serve(client) }
                        }
                    }
                } catch {
                    // The listening socket closed (shutdown): stop accepting.
                }
                group.cancelAll()
            }
        }
        return HTTPServer(port: boundPort, serverChannel: serverChannel, acceptTask: acceptTask, accepted: accepted)
    }

    /// Stops accepting, cancels every connection and waits for them to end.
    func stop() async {
        acceptTask.cancel()
        try? await serverChannel.channel.close()
        await acceptTask.value
    }
}
