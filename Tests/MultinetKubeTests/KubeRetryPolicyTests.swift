import Testing
@testable import MultinetKube

extension KubeTests {
    @Suite("retry policy")
    struct KubeRetryPolicyTests {
        static let policy = KubeRetryPolicy(maximumAttempts: 5, initialBackoffSeconds: 0.2, multiplier: 2,
                                            maximumBackoffSeconds: 2, jitter: 0.2)

        @Test("which outcomes are retried, and after how long (random = 0.5: no jitter)", arguments: [
            (KubeAttemptOutcome.connectionFailed, 1, 10.0, KubeRetryDecision.retry(afterSeconds: 0.2)),
            (.connectionFailed, 2, 10, .retry(afterSeconds: 0.4)),
            (.connectionFailed, 4, 10, .retry(afterSeconds: 1.6)),
            (.connectionFailed, 5, 10, .stop),
            (.tlsFailure, 1, 10, .stop),
            (.status(503, retryAfterSeconds: nil), 1, 10, .retry(afterSeconds: 0.2)),
            (.status(500, retryAfterSeconds: nil), 2, 10, .retry(afterSeconds: 0.4)),
            (.status(502, retryAfterSeconds: nil), 1, 10, .retry(afterSeconds: 0.2)),
            (.status(504, retryAfterSeconds: nil), 1, 10, .retry(afterSeconds: 0.2)),
            (.status(503, retryAfterSeconds: 1), 1, 10, .retry(afterSeconds: 1)),
            (.status(429, retryAfterSeconds: 3), 1, 10, .retry(afterSeconds: 3)),
            (.status(429, retryAfterSeconds: nil), 3, 10, .retry(afterSeconds: 0.8)),
            (.status(429, retryAfterSeconds: 0), 1, 10, .retry(afterSeconds: 0)),
            // Retry-After beyond the deadline: no retry.
            (.status(429, retryAfterSeconds: 30), 1, 10, .stop),
            (.connectionFailed, 3, 0.5, .stop),
            (.status(400, retryAfterSeconds: nil), 1, 10, .stop),
            (.status(401, retryAfterSeconds: nil), 1, 10, .stop),
            (.status(403, retryAfterSeconds: nil), 1, 10, .stop),
            (.status(404, retryAfterSeconds: nil), 1, 10, .stop),
            (.status(409, retryAfterSeconds: nil), 1, 10, .stop),
            (.status(410, retryAfterSeconds: nil), 1, 10, .stop),
            (.status(422, retryAfterSeconds: nil), 1, 10, .stop),
            (.status(501, retryAfterSeconds: nil), 1, 10, .stop),
        ])
        func decisions(outcome: KubeAttemptOutcome, attempt: Int, remaining: Double, decision: KubeRetryDecision) {
            let made = Self.policy.decide(outcome, attempt: attempt, remainingSeconds: remaining, random: 0.5)
            switch (made, decision) {
            case (.retry(let a), .retry(let b)): #expect(abs(a - b) < 1e-9, "\(made) vs \(decision)")
            default: #expect(made == decision)
            }
        }

        @Test("backoff grows exponentially up to the cap, within the jitter bounds", arguments: 1...8)
        func backoffBounds(attempt: Int) {
            let base = min(0.2 * Double(1 << (attempt - 1)), 2)
            let bounds = Self.policy.backoffBounds(attempt: attempt)
            #expect(abs(bounds.lowerBound - base * 0.8) < 1e-9)
            #expect(abs(bounds.upperBound - base * 1.2) < 1e-9)
            for random in [0.0, 0.25, 0.5, 0.75, 1.0] {
                #expect(bounds.contains(Self.policy.backoff(attempt: attempt, random: random)))
            }
            #expect(Self.policy.backoff(attempt: attempt, random: 0) < Self.policy.backoff(attempt: attempt, random: 1))
        }

        @Test("the default policy's waits fit well inside the default 10 s deadline")
        func defaultsFit() {
            let policy = KubeRetryPolicy()
            let worst = (1..<policy.maximumAttempts).map { policy.backoffBounds(attempt: $0).upperBound }.reduce(0, +)
            #expect(worst < KubeClientOptions().timeoutSeconds / 2)
            #expect(KubeRetryPolicy.never.decide(.connectionFailed, attempt: 1, remainingSeconds: 10, random: 0.5) == .stop)
        }
    }
}
