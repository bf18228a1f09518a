internal import NIOSSL

/// One HTTP request as ``KubeClient`` hands it to its transport.
struct KubeHTTPRequest: Sendable {
    /// `GET`, `PATCH`, …
    var method: String
    /// The path and query, without the server's base path.
    var path: String
    /// Header fields, in order.
    var headers: [(String, String)]
    /// The body, if any.
    var body: [UInt8]?
    /// A TLS configuration replacing the client's for this request: set when an exec
    /// credential plugin supplied a client certificate.
    var tlsConfiguration: TLSConfiguration?

    /// The value of the first header named `name` (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// One HTTP response: its head, and the body still to be read.
struct KubeHTTPResponse: Sendable {
    /// The status code.
    var status: Int
    /// Header fields, in order.
    var headers: [(String, String)]
    /// The body, read on demand.
    var body: KubeResponseBody

    /// The value of the first header named `name` (case-insensitive).
    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// Sends requests to one apiserver: AsyncHTTPClient in production, a script in unit tests.
protocol KubeTransport: Sendable {
    /// Sends `request` and returns once the response head arrived, or throws when it did
    /// not arrive by `deadline` (``KubeTransportFailure/deadlineExceeded``) or the
    /// connection failed.
    func execute(_ request: KubeHTTPRequest, deadline: KubeDeadline) async throws -> KubeHTTPResponse
    /// Closes the connections.
    func shutdown() async throws
}

/// Failures the client itself raises around a transport.
enum KubeTransportFailure: Error, Sendable, Equatable {
    /// The deadline passed before the response (head or body) arrived.
    case deadlineExceeded
    /// The body is larger than the client accepts.
    case bodyTooLarge(limit: Int)
}
