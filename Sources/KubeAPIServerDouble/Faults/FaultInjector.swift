import Synchronization

/// Switches that make the running server misbehave, for retry and error-path tests.
/// Thread-safe; changes apply to the next request.
///
/// ```swift
/// server.faults.failNext(2, status: 503)                 // two 503s, then normal answers
/// server.faults.failNext(1, status: 429, retryAfterSeconds: 1)
/// server.faults.dropNext(1)                              // close without answering
/// server.faults.latency = .milliseconds(200)
/// server.faults.rejectAllAuthentication = true           // every request: 401
/// server.faults.reset()
/// ```
public final class FaultInjector: Sendable {
    private struct State: Sendable {
        var plan = FaultPlan()
        var latency: Duration = .zero
        var rejectAllAuthentication = false
    }

    private let state = Mutex(State())

    init() {}

    /// Delay added before every request is answered.
    public var latency: Duration {
        get { state.withLock { $0.latency } }
        set { state.withLock { $0.latency = newValue } }
    }

    /// When `true`, every request is answered 401 `Unauthorized` whatever its credentials.
    public var rejectAllAuthentication: Bool {
        get { state.withLock { $0.rejectAllAuthentication } }
        set { state.withLock { $0.rejectAllAuthentication = newValue } }
    }

    /// Answers the next `count` matching requests with `status` (500, 503, 429, ...) and a
    /// `Status` body; `retryAfterSeconds` adds a `Retry-After` header (and
    /// `details.retryAfterSeconds`).
    public func failNext(
        _ count: Int, status: Int = 500, retryAfterSeconds: Int? = nil, matching matcher: RequestMatcher = .any
    ) {
        guard count > 0 else { return }
        add(.init(matcher: matcher, action: .respond(status: status, retryAfterSeconds: retryAfterSeconds), remaining: count))
    }

    /// Answers every matching request with `status` until ``reset()``.
    public func failAll(status: Int = 500, retryAfterSeconds: Int? = nil, matching matcher: RequestMatcher = .any) {
        add(.init(matcher: matcher, action: .respond(status: status, retryAfterSeconds: retryAfterSeconds), remaining: nil))
    }

    /// Closes the next `count` connections without answering: at `.afterRequest` once the
    /// request was read (only matching requests count), at `.beforeHandshake` right after
    /// accepting them.
    public func dropNext(_ count: Int, at point: DropPoint = .afterRequest, matching matcher: RequestMatcher = .any) {
        guard count > 0 else { return }
        switch point {
        case .afterRequest:
            add(.init(matcher: matcher, action: .dropConnection, remaining: count))
        case .beforeHandshake:
            state.withLock { state in
                if let current = state.plan.handshakeDrops { state.plan.handshakeDrops = current + count }
            }
        }
    }

    /// Drops every connection (at `point`) until ``reset()``.
    public func dropAll(at point: DropPoint = .afterRequest, matching matcher: RequestMatcher = .any) {
        switch point {
        case .afterRequest: add(.init(matcher: matcher, action: .dropConnection, remaining: nil))
        case .beforeHandshake: state.withLock { $0.plan.handshakeDrops = nil }
        }
    }

    /// Rewrites the body of every matching response until ``reset()``: each occurrence of
    /// `find` becomes `replace` (which may be bytes that are not UTF-8).
    public func rewriteAllBodies(replacing find: [UInt8], with replace: [UInt8], matching matcher: RequestMatcher = .any) {
        guard !find.isEmpty else { return }
        add(.init(matcher: matcher, action: .rewriteBody(find: find, replace: replace), remaining: nil))
    }

    /// Removes every fault: no latency, no failures, no drops, authentication back on.
    public func reset() {
        state.withLock { $0 = State() }
    }

    private func add(_ rule: FaultPlan.Rule) {
        state.withLock { $0.plan.rules.append(rule) }
    }

    /// The fault for a request (using it up), the latency to add, and whether
    /// authentication is switched off.
    func decide(method: String, path: String) -> (action: FaultAction?, latency: Duration, rejectAuthentication: Bool) {
        state.withLock { state in
            (state.plan.action(method: method, path: path), state.latency, state.rejectAllAuthentication)
        }
    }

    /// Whether a freshly accepted connection must be closed at once.
    func dropsConnectionAtAccept() -> Bool {
        state.withLock { $0.plan.dropsConnectionAtAccept() }
    }
}
