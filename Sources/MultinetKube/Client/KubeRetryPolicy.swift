/// Bounded retries with exponential backoff and jitter, all within one request's deadline.
///
/// Retried: connection failures (refused, reset, closed), 429 (after `Retry-After` when the
/// server gives it) and 500, 502, 503, 504. Never retried: other statuses, TLS failures.
/// A retry whose wait would reach past the deadline is not made.
public struct KubeRetryPolicy: Sendable, Equatable {
    /// The most attempts per request, counting the first.
    public var maximumAttempts: Int
    /// The wait after the first failed attempt, before jitter.
    public var initialBackoffSeconds: Double
    /// Each further wait is this many times the previous one.
    public var multiplier: Double
    /// No wait (before jitter) is longer than this.
    public var maximumBackoffSeconds: Double
    /// The wait is scaled by a random factor in `1 - jitter ... 1 + jitter`.
    public var jitter: Double

    /// A policy; the defaults make at most 5 attempts over about 3 s (0.2, 0.4, 0.8, 1.6 s ± 20 %).
    public init(maximumAttempts: Int = 5, initialBackoffSeconds: Double = 0.2, multiplier: Double = 2,
                maximumBackoffSeconds: Double = 2, jitter: Double = 0.2) {
        self.maximumAttempts = maximumAttempts
        self.initialBackoffSeconds = initialBackoffSeconds
        self.multiplier = multiplier
        self.maximumBackoffSeconds = maximumBackoffSeconds
        self.jitter = jitter
    }

    /// One attempt, no retries.
    public static let never = KubeRetryPolicy(maximumAttempts: 1)

    /// The statuses worth retrying.
    public static let retriedStatuses: Set<Int> = [429, 500, 502, 503, 504]

    /// The wait after failed attempt number `attempt` (1 for the first) before jitter.
    public func baseBackoff(attempt: Int) -> Double {
        var wait = initialBackoffSeconds
        var step = 1
        while step < attempt, wait < maximumBackoffSeconds {
            wait *= multiplier
            step += 1
        }
        return min(wait, maximumBackoffSeconds)
    }

    /// The wait after failed attempt `attempt` with jitter; `random` is uniform in `0...1`.
    public func backoff(attempt: Int, random: Double) -> Double {
        let bounds = backoffBounds(attempt: attempt)
        let wait = bounds.lowerBound + (bounds.upperBound - bounds.lowerBound) * min(max(random, 0), 1)
        return min(max(wait, bounds.lowerBound), bounds.upperBound)
    }

    /// The range `backoff(attempt:random:)` stays in.
    public func backoffBounds(attempt: Int) -> ClosedRange<Double> {
        let base = baseBackoff(attempt: attempt)
        return base * (1 - jitter)...base * (1 + jitter)
    }

    /// Whether and when to retry after attempt number `attempt` came to `outcome`, with
    /// `remainingSeconds` left before the request's deadline; `random` is uniform in `0...1`.
    public func decide(_ outcome: KubeAttemptOutcome, attempt: Int, remainingSeconds: Double,
                       random: Double) -> KubeRetryDecision {
        guard attempt < maximumAttempts else { return .stop }
        let wait: Double
        switch outcome {
        case .tlsFailure:
            return .stop
        case .connectionFailed:
            wait = backoff(attempt: attempt, random: random)
        case .status(let code, let retryAfter):
            guard Self.retriedStatuses.contains(code) else { return .stop }
            wait = retryAfter.map { max($0, 0) } ?? backoff(attempt: attempt, random: random)
        }
        // A wait that ends at or after the deadline leaves no time for the attempt.
        guard wait < remainingSeconds else { return .stop }
        return .retry(afterSeconds: wait)
    }

    /// `Retry-After` as seconds: only the delta-seconds form (what the apiserver sends);
    /// an HTTP date is ignored.
    public static func parseRetryAfter(_ value: String?) -> Double? {
        guard let value else { return nil }
        let trimmed = value.trimmingBlanks()
        guard let seconds = Int(trimmed), seconds >= 0 else { return nil }
        return Double(seconds)
    }
}
