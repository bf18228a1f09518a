import FoundationEssentials
import X509

/// Everything between reading a request and writing its answer, without sockets: injected
/// faults and latency, authentication, the handler, and the request log.
struct RequestPipeline: Sendable {
    /// What to do with a request.
    enum Outcome: Sendable {
        case respond(APIResponse)
        /// Close the connection without answering.
        case drop
    }

    var authenticator: Authenticator
    var handler: APIHandler
    var faults: FaultInjector
    var log: RequestLog

    /// The outcome for `request` on a connection whose client presented `clientCertificate`.
    func process(_ request: APIRequest, clientCertificate: Certificate?) async -> Outcome {
        let received = Date()
        let decision = faults.decide(method: request.method, path: request.path)
        if decision.latency > .zero {
            try? await Task.sleep(for: decision.latency)
        }
        var user: KubeUser?
        if !decision.rejectAuthentication {
            user = authenticator.authenticate(
                authorization: request.header("authorization"), clientCertificate: clientCertificate)
        }
        // Injected faults come first, so "the next N requests" are exactly the next N.
        let outcome: Outcome
        switch (decision.action, user) {
        case (.dropConnection?, _):
            outcome = .drop
        case (.respond(let status, let retryAfter)?, _):
            outcome = .respond(.status(.injected(code: status, retryAfterSeconds: retryAfter)))
        case (.rewriteBody?, nil), (nil, nil):
            outcome = .respond(.status(.unauthorized))
        case (.rewriteBody(let find, let replace)?, let user?):
            outcome = .respond(handler.handle(request, user: user).rewritingBody(find, with: replace))
        case (nil, let user?):
            outcome = .respond(handler.handle(request, user: user))
        }
        var status: Int?
        if case .respond(let response) = outcome { status = response.status }
        log.record(RecordedRequest(
            method: request.method, path: request.path, query: request.rawQuery, user: user?.name, status: status,
            userAgent: request.header("user-agent"), contentType: request.header("content-type"),
            accept: request.header("accept"), date: received))
        return outcome
    }
}
