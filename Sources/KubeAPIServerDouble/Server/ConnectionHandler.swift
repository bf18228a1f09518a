import NIOCore
import NIOHTTP1
import NIOSSL
import X509

/// Serves the requests of one keep-alive connection in order, and writes watch streams.
struct ConnectionHandler: Sendable {
    typealias Connection = HTTPServer.Connection
    typealias Writer = NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>

    var pipeline: RequestPipeline
    var faults: FaultInjector
    var store: KubeObjectStore
    var bookmarkInterval: Duration

    /// Serves `connection` until the client closes it, a fault drops it, or the task is
    /// cancelled.
    func serve(_ connection: Connection) async {
        if faults.dropsConnectionAtAccept() {
            // Through executeThenClose: a channel wrapped with `wrappingChannelSynchronously`
            // must have its writer finished before it is released, and closing the channel
            // alone leaves that to the close being seen first — a race whose loss crashes the
            // process ("Deinited NIOAsyncWriter without calling finish()", once in a CI run).
            try? await connection.executeThenClose { _, _ in }
            return
        }
        do {
            try await connection.executeThenClose { inbound, outbound in
                var parts = inbound.makeAsyncIterator()
                var certificate: Certificate??
                while let part = try await parts.next() {
                    guard case .head(let head) = part else { continue }
                    var body = ByteBuffer()
                    readBody: while let next = try await parts.next() {
                        switch next {
                        case .body(var chunk): body.writeBuffer(&chunk)
                        case .end: break readBody
                        case .head: throw HTTPParserError.invalidInternalState
                        }
                    }
                    if certificate == nil {
                        certificate = .some(await Self.peerCertificate(of: connection.channel))
                    }
                    let request = APIRequest(
                        method: head.method.rawValue, target: head.uri,
                        headers: head.headers.map { ($0.name, $0.value) },
                        body: body.readBytes(length: body.readableBytes) ?? [])
                    switch await pipeline.process(request, clientCertificate: certificate ?? nil) {
                    case .drop:
                        return
                    case .respond(let response):
                        let keepAlive = head.isKeepAlive
                        try await write(
                            response, to: outbound, version: head.version, keepAlive: keepAlive,
                            isHead: head.method == .HEAD, closed: connection.channel.closeFuture)
                        if !keepAlive { return }
                    }
                }
            }
        } catch {
            // The client went away, the handshake failed, or the server is stopping.
        }
    }

    /// The certificate the client presented, parsed, or `nil`.
    private static func peerCertificate(of channel: Channel) async -> Certificate? {
        guard let peer = try? await channel.nioSSL_peerCertificate().get(),
              let der = try? peer.toDERBytes() else { return nil }
        return try? Certificate(derEncoded: der)
    }

    private func write(
        _ response: APIResponse, to outbound: Writer, version: HTTPVersion, keepAlive: Bool, isHead: Bool,
        closed: EventLoopFuture<Void>
    ) async throws {
        var headers = HTTPHeaders(response.headers)
        headers.add(name: "Cache-Control", value: "no-cache, private")
        headers.add(name: "Audit-Id", value: Self.auditID())
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        let status = HTTPResponseStatus(statusCode: response.status)
        switch response.body {
        case .bytes(let bytes):
            headers.add(name: "Content-Length", value: String(bytes.count))
            try await outbound.write(.head(HTTPResponseHead(version: version, status: status, headers: headers)))
            if !isHead, !bytes.isEmpty { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: bytes)))) }
            try await outbound.write(.end(nil))
        case .watch(let stream):
            headers.add(name: "Transfer-Encoding", value: "chunked")
            try await outbound.write(.head(HTTPResponseHead(version: version, status: status, headers: headers)))
            try await writeWatch(stream, to: outbound, closed: closed)
            try await outbound.write(.end(nil))
        }
    }

    /// Writes watch events until the stream ends (timeout, an error event, the client going
    /// away, shutdown), with bookmarks every ``bookmarkInterval`` when the client asked.
    private func writeWatch(_ stream: WatchStream, to outbound: Writer, closed: EventLoopFuture<Void>) async throws {
        let store = self.store
        let interval = bookmarkInterval
        // A client that leaves ends the watch at once (ids are never reused, so a late
        // callback after the watch ended is harmless).
        closed.whenComplete { _ in store.endWatch(stream.id) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let timeout = stream.timeout {
                group.addTask {
                    try await Task.sleep(for: timeout)
                    store.endWatch(stream.id)
                }
            }
            if stream.bookmarks, stream.id >= 0 {
                group.addTask {
                    while true {
                        try await Task.sleep(for: interval)
                        store.sendBookmark(to: stream.id)
                    }
                }
            }
            defer {
                group.cancelAll()
                store.endWatch(stream.id)
            }
            var encoder = WatchEncoder(resource: stream.resource, encoding: stream.encoding)
            for await message in stream.messages {
                try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: encoder.line(for: message)))))
                if case .error = message { break }
            }
        }
    }

    private static func auditID() -> String {
        (0..<4).map { _ in String(UInt32.random(in: 0...UInt32.max), radix: 16) }.joined(separator: "-")
    }
}
