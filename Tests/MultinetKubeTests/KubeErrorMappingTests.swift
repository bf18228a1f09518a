import Testing
@testable import MultinetKube

extension KubeTests {
    @Suite("Status to KubeError")
    struct KubeErrorMappingTests {
        static let request = KubeRequestDescription(server: "https://10.0.0.1:6443", method: "GET",
                                                    path: "/api/v1/namespaces/default/pods/web")

        @Test("HTTP status and reason map to a kind, transient or not", arguments: [
            (404, "NotFound", "notFound", false),
            (409, "AlreadyExists", "alreadyExists", false),
            (409, "Conflict", "conflict", false),
            (410, "Expired", "gone", false),
            (410, "Gone", "gone", false),
            (500, "Expired", "gone", false),
            (401, "Unauthorized", "unauthorized", false),
            (403, "Forbidden", "forbidden", false),
            (422, "Invalid", "invalid", false),
            (400, "BadRequest", "badRequest", false),
            (429, "TooManyRequests", "tooManyRequests", true),
            (500, "InternalError", "serverError", true),
            (503, "ServiceUnavailable", "serverError", true),
            (504, "Timeout", "timeout", true),
            (500, "ServerTimeout", "timeout", true),
            (405, "MethodNotAllowed", "unexpectedStatus", false),
            (415, "UnsupportedMediaType", "unexpectedStatus", false),
        ])
        func mapping(code: Int, reason: String, kind: String, transient: Bool) {
            let error = KubeError(status: KubeStatus(code: code, reason: reason, message: "details"), request: Self.request)
            #expect(Self.kindName(error) == kind)
            #expect(error.isTransient == transient)
        }

        static func kindName(_ error: KubeError) -> String {
            switch error {
            case .notFound: "notFound"
            case .alreadyExists: "alreadyExists"
            case .conflict: "conflict"
            case .gone: "gone"
            case .unauthorized: "unauthorized"
            case .forbidden: "forbidden"
            case .invalid: "invalid"
            case .badRequest: "badRequest"
            case .tooManyRequests: "tooManyRequests"
            case .serverError: "serverError"
            case .unexpectedStatus: "unexpectedStatus"
            case .timeout: "timeout"
            case .unreachable: "unreachable"
            case .tlsFailure: "tlsFailure"
            case .decoding: "decoding"
            case .credentials: "credentials"
            case .invalidConfiguration: "invalidConfiguration"
            case .cancelled: "cancelled"
            }
        }

        @Test("a Status body is decoded; other bodies give their first line")
        func statusBodies() {
            let status = KubeStatus(httpStatus: 404, body: Array(#"{"kind":"Status","apiVersion":"v1","status":"Failure","message":"pods \"web\" not found","reason":"NotFound","code":404}"#.utf8))
            #expect(status == KubeStatus(code: 404, reason: "NotFound", message: "pods \"web\" not found"))
            let proxy = KubeStatus(httpStatus: 502, body: Array("Bad Gateway\n<html>…</html>".utf8))
            #expect(proxy == KubeStatus(code: 502, message: "Bad Gateway"))
            #expect(KubeStatus(httpStatus: 503, body: []) == KubeStatus(code: 503))
        }

        @Test("messages name the server, the request and the reason")
        func messages() {
            let notFound = KubeError(status: KubeStatus(code: 404, reason: "NotFound", message: "pods \"web\" not found"),
                                     request: Self.request)
            #expect(notFound.description
                == "apiserver request GET https://10.0.0.1:6443/api/v1/namespaces/default/pods/web not found (404 NotFound: pods \"web\" not found)")
            var retried = Self.request
            retried.attempts = 3
            #expect(KubeError.unreachable(retried, reason: "connection refused").description
                == "apiserver request GET https://10.0.0.1:6443/api/v1/namespaces/default/pods/web (3 attempts) failed: the apiserver is unreachable: connection refused")
            #expect(KubeError.tlsFailure(Self.request, reason: KubeTransportError.untrustedCertificate).description
                .contains("TLS handshake failed: the server's certificate is not signed by the configured certificate authority"))
            #expect(KubeError.unreachable(Self.request, reason: "x").isTransient)
            #expect(KubeError.timeout(Self.request, reason: "x").isTransient)
            #expect(!KubeError.tlsFailure(Self.request, reason: "x").isTransient)
            #expect(!KubeError.credentials(Self.request, reason: "x").isTransient)
        }
    }
}
