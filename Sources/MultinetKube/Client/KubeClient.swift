#if canImport(Glibc)
import Glibc
#endif
import Logging
import Synchronization
import MultinetKubeAPI

/// An HTTPS client for one apiserver, built on AsyncHTTPClient.
///
/// Make one per process (or per plugin invocation) and call ``shutdown()`` when done:
/// it owns one `HTTPClient` whose pool keeps one connection per host alive, so a plugin
/// invocation makes one TLS handshake however many requests it sends.
///
/// Every request has a deadline of ``KubeClientOptions/timeoutSeconds`` that covers its
/// retries (``KubeRetryPolicy``), any credential plugin run, and each attempt's connect,
/// TLS handshake, response head and body as one whole; an event-loop timer enforces it
/// however busy the process is (``KubeDeadlineRace``). Failures are
/// ``KubeError``s naming the server, the request and the reason.
///
/// ```swift
/// guard let connection = try ClusterConnection.forPlugin(kubeconfig: config.kubeconfig, environment: env) else { … }
/// let client = try KubeClient(connection: connection, options: KubeClientOptions(timeoutSeconds: config.apiTimeoutSeconds))
/// let pod = try await client.get(Pod.self, name: name, namespace: namespace)
/// try await client.patchAnnotations(Pod.self, name: name, namespace: namespace, annotations: [key: value])
/// try await client.shutdown()
/// ```
public final class KubeClient: Sendable {
    /// The apiserver and credentials.
    public let connection: ClusterConnection
    /// Deadlines, retries and connection limits.
    public let options: KubeClientOptions

    let transport: any KubeTransport
    let authenticator: KubeAuthenticator
    let sleep: @Sendable (Double) async throws -> Void
    let random: @Sendable () -> Double
    let logger: Logger?
    private let counters = Mutex(KubeClientStatistics())

    /// A client for `connection`. Throws ``KubeError/invalidConfiguration(server:reason:)``
    /// when a certificate or key does not parse.
    ///
    /// - Parameters:
    ///   - environment: what an exec credential plugin inherits (the process environment by default).
    ///   - logger: receives one debug line per attempt; never credentials.
    public convenience init(connection: ClusterConnection, options: KubeClientOptions = KubeClientOptions(),
                            environment: [String: String] = KubeClient.processEnvironment(),
                            logger: Logger? = nil) throws(KubeError) {
        let transport = try AsyncHTTPClientTransport(connection: connection, options: options)
        self.init(connection: connection, options: options, transport: transport, environment: environment,
                  now: { RFC3339.now() },
                  sleep: { seconds in try await Task.sleep(nanoseconds: UInt64(max(seconds, 0) * 1e9)) },
                  random: { Double.random(in: 0...1) }, logger: logger)
    }

    /// A client over any transport, clock, sleep and randomness: for tests.
    init(connection: ClusterConnection, options: KubeClientOptions, transport: any KubeTransport,
         environment: [String: String], now: @escaping @Sendable () -> Double,
         sleep: @escaping @Sendable (Double) async throws -> Void, random: @escaping @Sendable () -> Double,
         logger: Logger?) {
        self.connection = connection
        self.options = options
        self.transport = transport
        self.authenticator = KubeAuthenticator(connection: connection, environment: environment, now: now)
        self.sleep = sleep
        self.random = random
        self.logger = logger
    }

    /// Closes the connections. Required before the client is released.
    public func shutdown() async throws {
        try await transport.shutdown()
    }

    /// Requests made, attempts made and credential plugin runs so far.
    public var statistics: KubeClientStatistics {
        var snapshot = counters.withLock { $0 }
        snapshot.execPluginRuns = authenticator.execRuns
        return snapshot
    }

    func count(request: Bool = false, attempt: Bool = false) {
        counters.withLock {
            if request { $0.requests += 1 }
            if attempt { $0.attempts += 1 }
        }
    }

    /// This process's environment, as `KEY=VALUE` pairs from `environ`.
    public static func processEnvironment() -> [String: String] {
        var environment: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let pair = String(cString: entry)
            if let equals = pair.firstIndex(of: "=") {
                environment[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            cursor += 1
        }
        return environment
    }
}

/// Counters of a ``KubeClient``, for tests and diagnostics.
public struct KubeClientStatistics: Sendable, Equatable {
    /// Requests started (a list of several pages counts each page).
    public var requests = 0
    /// Attempts made, retries included.
    public var attempts = 0
    /// Times an exec credential plugin ran.
    public var execPluginRuns = 0

    /// Zero counters.
    public init() {}
}
