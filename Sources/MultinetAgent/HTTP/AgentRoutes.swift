/// The agent's three endpoints, pure: method and path in, response out.
///
/// - `GET /metrics`: the Prometheus text format (version 0.0.4).
/// - `GET /healthz`: 200 while cycles keep finishing (the last within `stallSeconds`), so a
///   wedged loop gets the container restarted.
/// - `GET /readyz`: 200 when the last cycle read the store and, with an apiserver
///   configured, the apiserver answered; 503 with the reason otherwise.
public enum AgentRoutes {
    /// The `Content-Type` of `/metrics`.
    public static let metricsContentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The response to `method path`. `HEAD` is answered like `GET` (the server sends no body).
    public static func respond(method: String, path: String, health: AgentHealth, now: Int64, stallSeconds: Double,
                               metrics: () -> [UInt8]) -> AgentResponse {
        let route = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        guard ["/metrics", "/healthz", "/readyz"].contains(route) else {
            return .text(404, "not found: \(route) (the agent serves /metrics, /healthz and /readyz)")
        }
        guard method == "GET" || method == "HEAD" else {
            return .text(405, "method \(method) not allowed on \(route): use GET")
        }
        switch route {
        case "/metrics":
            return AgentResponse(status: 200, contentType: metricsContentType, body: metrics())
        case "/healthz":
            guard let last = health.lastCycle else { return .text(200, "ok: starting") }
            let age = Double(now - last) / 1000
            if age > stallSeconds {
                return .text(503, "the reconcile loop has not finished a cycle for \(Int(age)) s")
            }
            return .text(200, "ok")
        default:
            if let reason = health.notReady { return .text(503, "not ready: \(reason)") }
            return .text(200, "ready")
        }
    }
}
