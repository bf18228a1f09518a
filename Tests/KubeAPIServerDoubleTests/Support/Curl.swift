import Foundation
import KubeAPIServerDouble
import MultinetTestSupport

/// `curl` against a running double, trusting its CA.
struct Curl {
    let server: KubeAPIServer
    let directory: TemporaryDirectory

    init(_ server: KubeAPIServer) throws {
        self.server = server
        directory = try TemporaryDirectory(prefix: "apiserver-curl")
        try directory.write("ca.pem", contents: server.caPEM)
    }

    /// What curl got.
    struct Response {
        var exitCode: Int32
        var status: Int
        var httpVersion: String
        var headers: [String: String]
        var body: String
        var stderr: String

        var json: KubeJSON? { try? KubeJSON.parse(body) }
    }

    /// Requests `path` (with query) from the server. `token` adds a bearer token; extra
    /// curl arguments come before the URL.
    func request(
        _ path: String, method: String = "GET", token: String? = nil, body: String? = nil,
        contentType: String = "application/json", host: String = "127.0.0.1", arguments: [String] = [],
        timeout: TimeInterval = 30
    ) async throws -> Response {
        let id = UUID().uuidString
        var command = [
            "curl", "-sS", "--max-time", String(Int(timeout)), "--cacert", directory.file("ca.pem"),
            "-X", method, "-o", directory.file("\(id).body"), "-D", directory.file("\(id).headers"),
            "-w", "%{http_code} %{http_version}",
        ]
        if let token { command += ["-H", "Authorization: Bearer \(token)"] }
        if let body { command += ["-H", "Content-Type: \(contentType)", "--data-binary", body] }
        command += arguments
        command.append("https://\(host):\(server.port)\(path)")
        let result = try await OffPool.run(command, timeout: timeout + 10)
        let written = result.stdout.split(separator: " ").map(String.init)
        var headers: [String: String] = [:]
        let headerText = (try? directory.read("\(id).headers")) ?? ""
        for line in headerText.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return Response(
            exitCode: result.status, status: written.first.flatMap { Int($0) } ?? 0,
            httpVersion: written.count > 1 ? written[1] : "",
            headers: headers, body: (try? directory.read("\(id).body")) ?? "", stderr: result.stderr)
    }

    /// Writes `text` to a file in the scratch directory and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        try directory.write(name, contents: text)
    }

    func remove() { directory.remove() }
}
