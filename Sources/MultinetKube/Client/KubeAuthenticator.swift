internal import NIOSSL
import Synchronization
import MultinetSystem

/// The `Authorization` header and, for exec plugins that return a client certificate, the
/// TLS configuration one request uses.
struct KubeAuthorization: Sendable {
    /// The `Authorization` header value, if any.
    var header: String?
    /// A TLS configuration replacing the client's, if any.
    var tlsConfiguration: TLSConfiguration?
}

/// Produces the credentials of each request: a fixed token, a token file read again every
/// time, basic authentication, or an exec plugin's `ExecCredential` cached until it
/// expires or is invalidated after a 401.
final class KubeAuthenticator: Sendable {
    private struct CachedExec {
        var credential: ExecCredential
        var authorization: KubeAuthorization
    }

    private let credentials: KubeCredentials
    private let runner: ExecCredentialRunner?
    private let tls: KubeTLSSettings
    private let server: String
    private let now: @Sendable () -> Double
    private let cache = Mutex<CachedExec?>(nil)
    private let runs = Mutex(0)

    init(connection: ClusterConnection, environment: [String: String], now: @escaping @Sendable () -> Double) {
        credentials = connection.credentials
        tls = connection.tls
        server = connection.server.description
        self.now = now
        if case .exec(let config, _) = connection.credentials {
            runner = ExecCredentialRunner(config: config, server: connection.server, tls: connection.tls,
                                          environment: environment)
        } else {
            runner = nil
        }
    }

    /// Whether a 401 may be cured by getting new credentials (exec plugins).
    var canRefresh: Bool { runner != nil }

    /// How many times the exec plugin ran.
    var execRuns: Int { runs.withLock { $0 } }

    /// Forgets a cached exec credential, so the next request runs the plugin again.
    func invalidate() {
        cache.withLock { $0 = nil }
    }

    /// The credentials for the next attempt. An exec plugin runs (on a thread of its own)
    /// at most `timeoutSeconds`.
    func authorization(timeoutSeconds: Double) async throws(KubeCredentialError) -> KubeAuthorization {
        switch credentials {
        case .none:
            return KubeAuthorization()
        case .token(let token):
            return KubeAuthorization(header: "Bearer " + token)
        case .basic(let username, let password):
            return KubeAuthorization(header: "Basic " + Base64.encode(Array("\(username):\(password)".utf8)))
        case .tokenFile(let path, let fallback):
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.read(path, limit: 1 << 20)
            } catch {
                if let fallback { return KubeAuthorization(header: "Bearer " + fallback) }
                throw .tokenFile(path: path, reason: KubeConfigPath.reason(error))
            }
            let token = String(decoding: bytes, as: UTF8.self).trimmingBlanks()
            guard !token.isEmpty else {
                if let fallback { return KubeAuthorization(header: "Bearer " + fallback) }
                throw .tokenFile(path: path, reason: "the file is empty")
            }
            return KubeAuthorization(header: "Bearer " + token)
        case .exec:
            return try await execAuthorization(timeoutSeconds: timeoutSeconds)
        }
    }

    private func execAuthorization(timeoutSeconds: Double) async throws(KubeCredentialError) -> KubeAuthorization {
        guard let runner else { return KubeAuthorization() }
        let time = now()
        if let cached = cache.withLock({ $0 }), !cached.credential.isExpired(at: time) { return cached.authorization }
        // Concurrent requests that all miss the cache may each run the plugin; the last
        // credential stored wins. A plugin invocation makes its requests one at a time.
        let credential: ExecCredential
        do throws(ExecCredentialError) {
            credential = try await DedicatedThread.run { () throws(ExecCredentialError) -> ExecCredential in
                try runner.run(timeoutSeconds: timeoutSeconds)
            }
        } catch {
            throw .exec(error)
        }
        runs.withLock { $0 += 1 }
        var authorization = KubeAuthorization(header: credential.token.map { "Bearer " + $0 })
        if let certificate = credential.clientCertificatePEM, let key = credential.clientKeyPEM {
            do throws(KubeError) {
                authorization.tlsConfiguration = try KubeTLS.configuration(
                    tls, clientCertificate: (certificate, key), server: server)
            } catch {
                throw .exec(.invalidOutput("the client certificate or key is not valid PEM"))
            }
        }
        cache.withLock { $0 = CachedExec(credential: credential, authorization: authorization) }
        return authorization
    }
}

/// Why no credentials could be produced for a request.
enum KubeCredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A token file could not be read.
    case tokenFile(path: String, reason: String)
    /// The exec plugin failed.
    case exec(ExecCredentialError)

    var description: String {
        switch self {
        case .tokenFile(let path, let reason): "cannot read the token file \(path): \(reason)"
        case .exec(let error): error.description
        }
    }
}
