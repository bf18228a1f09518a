internal import AsyncHTTPClient
internal import NIOCore

/// A response body as an asynchronous sequence of byte chunks.
struct KubeResponseBody: AsyncSequence, Sendable {
    typealias Element = [UInt8]

    enum Source: Sendable {
        /// Chunks already in memory, then optionally a failure (for tests).
        case chunks([[UInt8]], failure: (any Error & Sendable)?)
        /// A body being received by AsyncHTTPClient.
        case client(HTTPClientResponse.Body)
    }

    let source: Source

    /// A body of fixed bytes.
    static func bytes(_ bytes: [UInt8]) -> KubeResponseBody {
        KubeResponseBody(source: .chunks(bytes.isEmpty ? [] : [bytes], failure: nil))
    }

    /// Not `Sendable`: AsyncHTTPClient's body iterator is not.
    struct AsyncIterator: AsyncIteratorProtocol {
        enum State {
            case chunks([[UInt8]], Int, (any Error & Sendable)?)
            case client(HTTPClientResponse.Body.AsyncIterator)
        }

        var state: State

        mutating func next() async throws -> [UInt8]? {
            switch state {
            case .chunks(let chunks, let index, let failure):
                guard index < chunks.count else {
                    if let failure { throw failure }
                    return nil
                }
                state = .chunks(chunks, index + 1, failure)
                return chunks[index]
            case .client(var iterator):
                let buffer = try await iterator.next()
                state = .client(iterator)
                return buffer.map { Array($0.readableBytesView) }
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        switch source {
        case .chunks(let chunks, let failure): AsyncIterator(state: .chunks(chunks, 0, failure))
        case .client(let body): AsyncIterator(state: .client(body.makeAsyncIterator()))
        }
    }

    /// All of the body, failing with ``KubeTransportFailure/bodyTooLarge(limit:)`` beyond
    /// `limit` bytes and with ``KubeTransportFailure/deadlineExceeded`` when it has not
    /// all arrived by `deadline` (reading stops and the request is cancelled).
    func collect(limit: Int, deadline: KubeDeadline) async throws -> [UInt8] {
        try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask {
                var out: [UInt8] = []
                for try await chunk in self {
                    out.append(contentsOf: chunk)
                    if out.count > limit { throw KubeTransportFailure.bodyTooLarge(limit: limit) }
                }
                return out
            }
            group.addTask {
                let remaining = deadline.remainingSeconds
                if remaining < 9e9 { try await Task.sleep(nanoseconds: UInt64(remaining * 1e9)) } else {
                    try await Task.sleep(nanoseconds: UInt64.max / 2)
                }
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let bytes = first else {
                throw KubeTransportFailure.deadlineExceeded
            }
            return bytes
        }
    }
}
