import Synchronization
import Testing
@testable import MultinetCore
@testable import MultinetCNI

/// The readinessindicatorfile wait on a scripted clock: no time passes.
@Suite("readinessindicatorfile wait")
struct ReadinessWaitTests {
    /// A clock that moves only when the wait sleeps, and a file that appears after `appearsAfter` checks.
    final class Script: Sendable {
        let appearsAfter: Int?
        private let state = Mutex<(now: UInt64, checks: Int, sleeps: [UInt64])>((1_000, 0, []))
        init(appearsAfter: Int?) { self.appearsAfter = appearsAfter }
        func exists() -> Bool {
            state.withLock { s in
                s.checks += 1
                return appearsAfter.map { s.checks > $0 } ?? false
            }
        }
        func now() -> UInt64 { state.withLock { $0.now } }
        func sleep(_ nanoseconds: UInt64) { state.withLock { $0.now += nanoseconds; $0.sleeps.append(nanoseconds) } }
        var checks: Int { state.withLock { $0.checks } }
        var sleeps: [UInt64] { state.withLock { $0.sleeps } }
    }

    let wait = ReadinessWait(path: "/run/flannel/subnet.env", timeoutSeconds: 1, pollNanoseconds: 300_000_000)

    @Test("a file already there: no wait")
    func immediate() async throws {
        let script = Script(appearsAfter: 0)
        let waited = try await wait.wait(exists: script.exists, now: script.now, sleep: { script.sleep($0) })
        #expect(waited == 0)
        #expect(script.checks == 1)
        #expect(script.sleeps.isEmpty)
    }

    @Test("a file that appears: checked after each pause until it is there")
    func appears() async throws {
        let script = Script(appearsAfter: 2)
        let waited = try await wait.wait(exists: script.exists, now: script.now, sleep: { script.sleep($0) })
        #expect(script.checks == 3)
        #expect(script.sleeps == [300_000_000, 300_000_000])
        #expect(waited == 600_000_000)
    }

    @Test("a file that never appears: code 11 naming the file after the bound, the last pause cut short")
    func timesOut() async {
        let script = Script(appearsAfter: nil)
        await #expect {
            _ = try await wait.wait(exists: script.exists, now: script.now, sleep: { script.sleep($0) })
        } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == CNIErrorCode.tryAgainLater
                && error.msg == "the cluster network is not ready: readinessindicatorfile /run/flannel/subnet.env does not exist after 1.0 s"
        }
        #expect(script.sleeps == [300_000_000, 300_000_000, 300_000_000, 100_000_000])
        #expect(script.checks == 5)
    }
}
