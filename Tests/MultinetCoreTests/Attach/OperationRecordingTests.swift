import Logging
import Testing
@testable import MultinetCNI
@testable import MultinetCheckpoint
@testable import MultinetCore

/// The plugin records each command's outcome and each delegate call for the agent's
/// metrics, in the store, with no pod, namespace or container attached.
@Suite("Operation samples for the agent's metrics")
struct OperationRecordingTests {
    static let bridgeList = MultinetTests.bridgeList

    static func summary(_ samples: [OperationSample]) -> [String] {
        samples.map { "\($0.plugin ?? "*") \($0.command) \($0.outcome.rawValue)" }
    }

    @Test("ADD and DEL: each delegate call, then the command, all in the store and none left pending")
    func addThenDel() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", Self.bridgeList)
        let plugin = f.plugin
        _ = try await plugin.add(f.request(.add))
        try await plugin.del(f.request(.del))
        let samples = try f.store().operations(after: 0)
        #expect(Self.summary(samples) == [
            "bridge add success", "portmap add success", "* add success",
            "portmap del success", "bridge del success", "* del success",
        ])
        #expect(plugin.operations.isEmpty)
        #expect(samples.map(\.id) == samples.map(\.id).sorted())
        #expect(samples.allSatisfy { $0.durationMicroseconds >= 0 && $0.finishedAt > 0 })
    }

    @Test("a failing ADD counts as a failure, and so does the delegate that failed; the rollback's DELs are counted")
    func failingAdd() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", Self.bridgeList)
        f.executor.on("portmap") { call throws(CNIError) in
            if call.command == .add { throw CNIError(code: 11, msg: "iptables is locked") }
            return []
        }
        await #expect(throws: (any Error).self) { try await f.plugin.add(f.request(.add)) }
        #expect(Self.summary(try f.store().operations(after: 0)) == [
            "bridge add success", "portmap add failure", "portmap del success", "bridge del success", "* add failure",
        ])
    }

    @Test("an ADD refused before any delegate runs (no network configured) still counts as a failed ADD")
    func refusedAdd() async throws {
        let f = try MultinetFixture()
        await #expect(throws: (any Error).self) { try await f.plugin.add(f.request(.add)) }
        #expect(Self.summary(try f.store().operations(after: 0)) == ["* add failure"])
        #expect(f.executor.calls.isEmpty)
    }

    @Test("CHECK and GC are counted too")
    func checkAndGC() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", Self.bridgeList)
        _ = try await f.plugin.add(f.request(.add))
        try await f.plugin.check(f.request(.check))
        try await f.plugin.gc(f.request(.gc, version: "1.1.0", extra: #","cni.dev/valid-attachments":[]"#))
        let commands = try f.store().operations(after: 0).filter { $0.plugin == nil }.map(\.command)
        #expect(commands == ["add", "check", "gc"])
    }

    @Test("a DEL of a container the agent reclaimed tears down nothing and succeeds")
    func delAfterReclaim() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", Self.bridgeList)
        try f.store().recordReclaimed(containerID: "c1")
        try await f.plugin.del(f.request(.del))
        #expect(f.executor.calls.isEmpty, "\(f.executor.trace)")
        // Without the tombstone, an unrecorded DEL goes to the default network, best effort.
        try await f.plugin.del(f.request(.del, container: "c2"))
        #expect(f.executor.trace == ["portmap DEL eth0", "bridge DEL eth0"])
    }

    @Test("a DEL waits while another process (a reclaim, a hot-plug) holds the container's lock")
    func delWaitsForLock() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", Self.bridgeList)
        _ = try await f.plugin.add(f.request(.add))
        let lock = try #require(try ContainerLock.acquire(directory: f.stateDir, containerID: "c1", waitSeconds: 0))
        let plugin = f.plugin
        let request = try f.request(.del)
        let del = Task { try await plugin.del(request) }
        try await Task.sleep(for: .milliseconds(300))
        #expect(f.executor.calls.filter { $0.command == .del }.isEmpty, "the DEL ran while the lock was held")
        lock.release()
        try await del.value
        #expect(f.executor.trace.suffix(2) == ["portmap DEL eth0", "bridge DEL eth0"])
        #expect(try f.store().attachments(containerID: "c1").isEmpty)
    }
}

extension OperationRecordingTests {
    @Test("operationMetrics: false records nothing")
    func switchedOff() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", Self.bridgeList)
        _ = try await f.plugin.add(f.request(.add, extra: #","operationMetrics":false"#))
        try await f.plugin.del(f.request(.del, extra: #","operationMetrics":false"#))
        #expect(try f.store().operations(after: 0).isEmpty)
    }
}
