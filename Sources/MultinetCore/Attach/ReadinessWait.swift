import MultinetCNI

/// Multus's `readinessindicatorfile`: before an ADD attaches anything, wait until the file
/// exists (the cluster network's agent writes it once the network is up), polling, for a
/// bounded time. The clock, the check and the sleep are passed in, so the loop is
/// unit-tested without time passing.
public struct ReadinessWait: Sendable {
    /// The file waited for.
    public var path: String
    /// How long to wait at most.
    public var timeoutNanoseconds: UInt64
    /// The pause between two checks.
    public var pollNanoseconds: UInt64

    /// The pause between checks by default: a tenth of a second (Multus checks once a second,
    /// so a pod waits up to a second longer than needed there).
    public static let defaultPollNanoseconds: UInt64 = 100_000_000

    /// A wait for `path` of at most `timeoutSeconds`.
    public init(path: String, timeoutSeconds: Double, pollNanoseconds: UInt64 = ReadinessWait.defaultPollNanoseconds) {
        self.path = path
        self.timeoutNanoseconds = UInt64(max(0, timeoutSeconds) * 1_000_000_000)
        self.pollNanoseconds = pollNanoseconds
    }

    /// Checks at once, then after every pause, until the file exists or the time is up.
    ///
    /// - Returns: the nanoseconds waited (0 when the file was there at once).
    /// - Throws: code 11 (try again later) naming the file and the time waited.
    public func wait(exists: () -> Bool, now: () -> UInt64, sleep: (UInt64) async -> Void) async throws -> UInt64 {
        if exists() { return 0 }
        let started = now()
        while true {
            let elapsed = now() &- started
            guard elapsed < timeoutNanoseconds else {
                throw PlanFailure.clusterNetworkNotReady(path: path, seconds: Self.seconds(elapsed))
            }
            await sleep(min(pollNanoseconds, timeoutNanoseconds - elapsed))
            if exists() { return max(1, now() &- started) }
        }
    }

    static func seconds(_ nanoseconds: UInt64) -> String {
        let tenths = (nanoseconds + 50_000_000) / 100_000_000
        return "\(tenths / 10).\(tenths % 10)"
    }
}
