import Foundation
import Synchronization
import MultinetTestSupport
@testable import MultinetJSON
@testable import MultinetKube

/// The namespace of the Kubernetes access tests, so `swift test --filter Kube` runs them.
enum KubeTests {}

/// Kubeconfig files and shell plugins in a scratch ``TemporaryDirectory``.
extension TemporaryDirectory {
    /// A scratch directory for the Kubernetes tests (`/tmp/multinet-kube.XXXXXX`).
    static func kubeScratch() throws -> TemporaryDirectory {
        try TemporaryDirectory(prefix: "multinet-kube")
    }

    /// Writes `contents` to `name` (intermediate directories created) with permission
    /// bits `mode` and returns its path.
    @discardableResult
    func write(_ name: String, _ contents: String, mode: Int = 0o600) throws -> String {
        let target = try write(name, contents: contents)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: target)
        return target
    }

    /// Makes `name` a symbolic link to `/bin/sh` and writes `script` beside it as
    /// `name.sh`; returns both paths. Run `name` with `name.sh` as its first argument.
    /// A script is never executed directly: executing a file just written fails with
    /// ETXTBSY when another test's fork still holds it open.
    func shellPlugin(_ name: String, script: String) throws -> (executable: String, script: String) {
        let scriptPath = try write(name + ".sh", script)
        let executable = file(name)
        try FileManager.default.createSymbolicLink(atPath: executable, withDestinationPath: "/bin/sh")
        return (executable, scriptPath)
    }
}

/// A transport that answers from a script and records what it was asked.
final class ScriptedTransport: KubeTransport {
    /// One scripted answer.
    enum Reply: Sendable {
        /// A response with status, headers and a body given as chunks.
        case respond(Int, headers: [(String, String)] = [], chunks: [[UInt8]] = [], thenFail: (any Error & Sendable)? = nil)
        /// The attempt fails with this error (a connection error, a TLS error…).
        case fail(any Error & Sendable)
    }

    private let state: Mutex<(replies: [Reply], requests: [KubeHTTPRequest], shutDown: Bool)>

    init(_ replies: [Reply]) {
        state = Mutex((replies, [], false))
    }

    /// A JSON body reply.
    static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> Reply {
        .respond(status, headers: headers, chunks: [Array(text.utf8)])
    }

    /// A Kubernetes `Status` reply.
    static func status(_ code: Int, reason: String, message: String, headers: [(String, String)] = []) -> Reply {
        json(code, #"{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"\#(reason)","message":"\#(message)","code":\#(code)}"#,
             headers: headers)
    }

    var requests: [KubeHTTPRequest] { state.withLock { $0.requests } }
    var remainingReplies: Int { state.withLock { $0.replies.count } }

    func execute(_ request: KubeHTTPRequest, deadline: KubeDeadline) async throws -> KubeHTTPResponse {
        let reply: Reply? = state.withLock { state in
            state.requests.append(request)
            return state.replies.isEmpty ? nil : state.replies.removeFirst()
        }
        switch reply {
        case nil:
            throw KubeTestError.scriptExhausted(request.method + " " + request.path)
        case .fail(let error):
            throw error
        case .respond(let status, let headers, let chunks, let failure):
            return KubeHTTPResponse(status: status, headers: headers,
                                    body: KubeResponseBody(source: .chunks(chunks, failure: failure)))
        }
    }

    func shutdown() async throws {
        state.withLock { $0.shutDown = true }
    }
}

/// Errors of the test scaffolding.
enum KubeTestError: Error, Sendable {
    case scriptExhausted(String)
    case connectionRefused
}

/// Records the waits a client asks for instead of waiting.
final class RecordedSleeps: Sendable {
    private let waits = Mutex<[Double]>([])

    var all: [Double] { waits.withLock { $0 } }

    var sleep: @Sendable (Double) async throws -> Void {
        { [self] seconds in waits.withLock { $0.append(seconds) } }
    }
}

/// A wall clock the test sets.
final class TestWallClock: Sendable {
    private let value: Mutex<Double>

    init(_ start: Double) { value = Mutex(start) }

    var now: Double {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}

extension KubeClient {
    /// A client over a scripted transport, with recorded sleeps and fixed jitter. The
    /// deadline is an hour unless `options` says otherwise: a loaded test machine must not
    /// turn a retry test into a deadline test.
    static func scripted(_ transport: ScriptedTransport, connection: ClusterConnection = .testConnection(),
                         options: KubeClientOptions = KubeClientOptions(timeoutSeconds: 3600), sleeps: RecordedSleeps = RecordedSleeps(),
                         clock: TestWallClock = TestWallClock(1_700_000_000),
                         environment: [String: String] = ["PATH": "/usr/bin:/bin"]) -> KubeClient {
        KubeClient(connection: connection, options: options, transport: transport, environment: environment,
                   now: { clock.now }, sleep: sleeps.sleep, random: { 0.5 }, logger: nil)
    }
}

extension ClusterConnection {
    /// A connection to a fictitious server with a fixed token.
    static func testConnection(credentials: KubeCredentials = .token("t0k3n")) -> ClusterConnection {
        ClusterConnection(server: KubeServerURL(host: "kube.test", port: 6443), credentials: credentials,
                          source: "test")
    }
}

/// A pod object as the apiserver would send it.
func podJSON(_ name: String, namespace: String = "default", resourceVersion: String = "1",
             annotations: [String: String] = [:], nodeName: String? = "node-1") -> String {
    var metadata = JSONObject()
    metadata["name"] = .string(name)
    metadata["namespace"] = .string(namespace)
    metadata["uid"] = .string("uid-\(name)")
    metadata["resourceVersion"] = .string(resourceVersion)
    if !annotations.isEmpty {
        metadata["annotations"] = .object(JSONObject(annotations.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
    }
    var pod = JSONObject()
    pod["kind"] = .string("Pod")
    pod["apiVersion"] = .string("v1")
    pod["metadata"] = .object(metadata)
    if let nodeName { pod["spec"] = .object(JSONObject([("nodeName", .string(nodeName))])) }
    pod["status"] = .object(JSONObject([("phase", .string("Running")),
                                        ("podIPs", .array([.object(JSONObject([("ip", .string("10.1.0.5"))]))]))]))
    return JSONValue.object(pod).jsonText
}

/// A pod list page.
func podListJSON(_ pods: [String], resourceVersion: String, continueToken: String? = nil) -> String {
    let items = pods.map { podJSON($0) }.joined(separator: ",")
    let cont = continueToken.map { #","continue":"\#($0)""# } ?? ""
    return #"{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"\#(resourceVersion)"\#(cont)},"items":[\#(items)]}"#
}
