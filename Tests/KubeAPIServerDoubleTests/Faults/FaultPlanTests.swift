import Testing
@testable import KubeAPIServerDouble

@Suite("Fault plan")
struct FaultPlanTests {
    @Test("counted rules are used up in order; unlimited rules stay")
    func counts() {
        var plan = FaultPlan()
        plan.rules = [
            .init(matcher: .path("/api/v1/namespaces/default/pods"), action: .respond(status: 503, retryAfterSeconds: nil), remaining: 2),
            .init(matcher: RequestMatcher(method: "PATCH"), action: .dropConnection, remaining: nil),
        ]
        let pods = "/api/v1/namespaces/default/pods/web"
        let requests = [("GET", "/version"), ("GET", pods), ("PATCH", pods), ("GET", pods), ("patch", pods), ("PATCH", "/x")]
        let actions = requests.map { plan.action(method: $0.0, path: $0.1) }
        let unavailable = FaultAction.respond(status: 503, retryAfterSeconds: nil)
        #expect(actions == [nil, unavailable, unavailable, nil, .dropConnection, .dropConnection])
    }

    @Test("connection drops at accept are counted, or unlimited")
    func handshakeDrops() {
        var plan = FaultPlan()
        var drops = [plan.dropsConnectionAtAccept()]
        plan.handshakeDrops = 1
        drops += [plan.dropsConnectionAtAccept(), plan.dropsConnectionAtAccept()]
        plan.handshakeDrops = nil
        drops += [plan.dropsConnectionAtAccept(), plan.dropsConnectionAtAccept()]
        #expect(drops == [false, true, false, true, true])
    }

    @Test("the injector's switches reach the decision and reset clears them")
    func injector() {
        let faults = FaultInjector()
        faults.latency = .milliseconds(5)
        faults.rejectAllAuthentication = true
        faults.failNext(1, status: 429, retryAfterSeconds: 2)
        let first = faults.decide(method: "GET", path: "/api")
        #expect(first.action == .respond(status: 429, retryAfterSeconds: 2))
        #expect(first.latency == .milliseconds(5))
        #expect(first.rejectAuthentication)
        #expect(faults.decide(method: "GET", path: "/api").action == nil)
        faults.dropNext(1, at: .beforeHandshake)
        faults.reset()
        #expect(!faults.dropsConnectionAtAccept())
        #expect(faults.decide(method: "GET", path: "/api").latency == .zero)
    }

    @Test("injected statuses carry the apiserver's reasons", arguments: [
        (429, "TooManyRequests"), (500, "InternalError"), (503, "ServiceUnavailable"), (504, "Timeout"), (401, "Unauthorized"),
    ])
    func injectedReasons(code: Int, reason: String) {
        let status = APIStatusError.injected(code: code, retryAfterSeconds: 3)
        #expect(status.code == code)
        #expect(status.reason == reason)
    }

    @Test("a body rewrite replaces every occurrence of the marker, even with bytes that are not UTF-8")
    func bodyRewrite() {
        let response = APIResponse(status: 200, headers: [("Content-Type", "application/json")],
                                   body: .bytes(Array(#"{"a":"xMx","b":"M"}"#.utf8)))
        let rewritten = response.rewritingBody(Array("M".utf8), with: [0xC3, 0x28])
        guard case .bytes(let bytes) = rewritten.body else {
            Issue.record("the body is not bytes")
            return
        }
        #expect(bytes == Array(#"{"a":"x"#.utf8) + [0xC3, 0x28] + Array(#"x","b":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8))
        #expect(rewritten.status == 200)
    }
}
