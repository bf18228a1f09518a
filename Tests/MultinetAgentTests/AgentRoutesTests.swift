import Testing
@testable import MultinetAgent

@Suite("The agent's endpoints")
struct AgentRoutesTests {
    static func respond(_ method: String, _ path: String, health: AgentHealth, now: Int64 = 100_000) -> AgentResponse {
        AgentRoutes.respond(method: method, path: path, health: health, now: now, stallSeconds: 60) { Array("m 1\n".utf8) }
    }

    static let healthy = AgentHealth(lastCycle: 90_000, notReady: nil)

    /// Each row: method, path, health, expected status and a piece of the body.
    static let rows: [(String, String, AgentHealth, Int, String)] = [
        ("GET", "/metrics", healthy, 200, "m 1"),
        ("GET", "/metrics?x=1", healthy, 200, "m 1"),
        ("HEAD", "/metrics", healthy, 200, "m 1"),
        ("GET", "/healthz", healthy, 200, "ok"),
        ("GET", "/healthz", AgentHealth(), 200, "starting"),
        ("GET", "/healthz", AgentHealth(lastCycle: 30_000, notReady: nil), 503, "has not finished a cycle for 70 s"),
        ("GET", "/readyz", healthy, 200, "ready"),
        ("GET", "/readyz", AgentHealth(), 503, "the first cycle has not finished"),
        ("GET", "/readyz", AgentHealth(lastCycle: 90_000, notReady: "listing the pods: timed out"), 503, "timed out"),
        ("POST", "/metrics", healthy, 405, "use GET"),
        ("GET", "/", healthy, 404, "serves /metrics, /healthz and /readyz"),
        ("GET", "/debug/pprof", healthy, 404, "not found: /debug/pprof"),
    ]

    @Test("status and body per route", arguments: rows.indices)
    func route(row: Int) {
        let (method, path, health, status, text) = Self.rows[row]
        let response = Self.respond(method, path, health: health)
        #expect(response.status == status, "\(method) \(path)")
        #expect(String(decoding: response.body, as: UTF8.self).contains(text), "\(method) \(path)")
    }

    @Test("metrics are served in the Prometheus text format's content type")
    func contentType() {
        #expect(Self.respond("GET", "/metrics", health: Self.healthy).contentType == "text/plain; version=0.0.4; charset=utf-8")
    }

    /// Each row: `--listen` and the address it means (`nil`: rejected).
    static let listenRows: [(String, String?, Int?)] = [
        ("127.0.0.1:9464", "127.0.0.1", 9464), ("0.0.0.0:0", "0.0.0.0", 0), ("[::1]:9464", "::1", 9464),
        ("9464", nil, nil), (":9464", nil, nil), ("host:", nil, nil), ("host:70000", nil, nil), ("host:-1", nil, nil),
    ]

    @Test("the listen address", arguments: listenRows.indices)
    func listen(row: Int) {
        let (text, host, port) = Self.listenRows[row]
        let address = AgentSettings(node: "n", listen: text).listenAddress
        #expect(address?.host == host, "\(text)")
        #expect(address?.port == port, "\(text)")
    }
}
