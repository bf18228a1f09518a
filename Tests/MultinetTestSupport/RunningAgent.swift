import Foundation
import Glibc

/// A `multinet-agent` process started for an end-to-end test, listening on a loopback port
/// of its own: its endpoints, a way to wait for what it should do, and a way to stop it.
public final class RunningAgent: Sendable {
    /// The environment variable that names the binary explicitly.
    public static let environmentVariable = "MULTINET_AGENT_BINARY"

    /// The agent to test: `$MULTINET_AGENT_BINARY`, else `multinet-agent` next to the
    /// `multinet` the tests run.
    public static var path: String {
        get throws {
            if let explicit = ProcessInfo.processInfo.environment[environmentVariable], !explicit.isEmpty {
                return explicit
            }
            let candidates = MultinetBinary.candidatePaths().map {
                URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("multinet-agent").path
            }
            if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                return found
            }
            throw TestSupportError.binaryNotFound(name: "multinet-agent", searched: candidates)
        }
    }

    /// The port it serves on.
    public let port: Int
    private let child: ChildProcess

    /// Starts `multinet-agent ARGUMENTS --listen 127.0.0.1:PORT` (a free port) and waits
    /// until `/healthz` answers.
    public init(_ arguments: [String], timeout: Duration = .seconds(600)) async throws {
        port = try Self.freePort()
        child = try ChildProcess(executable: try Self.path, arguments: arguments + ["--listen", "127.0.0.1:\(port)"],
                                 environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"], stdin: Data(), timeout: timeout)
        let started = ContinuousClock.now
        while (try? get("/healthz")) == nil {
            guard child.isRunning, ContinuousClock.now - started < .seconds(30) else {
                let output = try? await stop(SIGKILL)
                throw TestSupportError.unexpectedOutput(command: ["multinet-agent"] + arguments,
                                                        reason: "its /healthz never answered",
                                                        output: output ?? "")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Whether the process has not exited.
    public var isRunning: Bool { child.isRunning }

    /// `GET path` on the agent: status and body. Throws when nothing answers.
    public func get(_ path: String) throws -> (status: Int, body: String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError.fileSystem(path: "socket", reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            throw TestSupportError.fileSystem(path: "127.0.0.1:\(port)", reason: String(cString: strerror(errno)))
        }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let statusLine = text.split(separator: "\r\n", maxSplits: 1).first,
              let status = Int(statusLine.split(separator: " ").dropFirst().first ?? ""),
              let split = text.range(of: "\r\n\r\n") else {
            throw TestSupportError.unexpectedOutput(command: ["GET", path], reason: "not an HTTP response", output: text)
        }
        return (status, String(text[split.upperBound...]))
    }

    /// The value of one series of `/metrics` (its name and labels exactly as printed), or
    /// `nil` when it is not there.
    public func metric(_ series: String) throws -> Double? {
        for line in try get("/metrics").body.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    /// Polls `condition` every 100 ms until it holds or `seconds` pass; returns whether it held.
    public func waitUntil(seconds: Double, _ condition: () throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if (try? condition()) == true { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try condition()
    }

    /// Sends `signal` (SIGTERM by default: a graceful stop) and waits for the exit; returns
    /// what the agent wrote to standard error (its log).
    @discardableResult
    public func stop(_ signal: Int32 = SIGTERM) async throws -> String {
        child.send(signal)
        let output = try await child.wait()
        return String(decoding: output.stderr, as: UTF8.self)
    }

    /// The exit status after ``stop(_:)`` returned it, for checks of a graceful stop.
    public func exitStatus() async throws -> Int32 {
        try await child.wait().exitCode
    }

    private static func freePort() throws -> Int {
        let reserved = try ClosedPort()
        return reserved.port
    }
}
