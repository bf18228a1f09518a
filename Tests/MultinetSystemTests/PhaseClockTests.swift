import Testing
@testable import MultinetCNI
@testable import MultinetSystem

@Suite("PhaseClock: the plugin's timings")
struct PhaseClockTests {
    @Test("runs of one phase add up and are counted, in the order phases first ran")
    func accumulates() {
        let clock = PhaseClock()
        clock.record("store.write", nanoseconds: 1_000_000)
        clock.record("delegate.add", nanoseconds: 20_000_000)
        clock.record("store.write", nanoseconds: 500_000)
        #expect(clock.snapshot == [
            PhaseClock.Phase(name: "store.write", nanoseconds: 1_500_000, count: 2),
            PhaseClock.Phase(name: "delegate.add", nanoseconds: 20_000_000, count: 1),
        ])
        #expect(clock.summary.map { "\($0.name)=\($0.value)" } == ["store.write=1.50ms/2", "delegate.add=20.00ms/1"])
    }

    @Test("a measured body that throws is still recorded, and its error passes through")
    func throwingBody() {
        let clock = PhaseClock()
        #expect(throws: CNIError.self) {
            try clock.measure("config") { () throws(CNIError) in throw CNIError(code: 7, msg: "bad") }
        }
        #expect(clock.snapshot.map(\.name) == ["config"])
    }

    @Test("milliseconds are shown with two decimals, rounded", arguments: [
        (UInt64(0), "0.00"), (4_999, "0.00"), (5_000, "0.01"), (1_234_567, "1.23"), (10_005_000, "10.01"), (2_000_000_000, "2000.00"),
    ])
    func milliseconds(_ nanoseconds: UInt64, _ text: String) {
        #expect(PhaseClock.milliseconds(nanoseconds) == text)
    }
}
