import Foundation
import MultinetCheckpoint
import MultinetTestSupport
import Testing
@testable import MultinetInspector

@Suite("reading the store")
struct DataStoreTests {
    private func listing(_ directory: String) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            let path = directory + "/" + name
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            out[name] = ["\(attributes[.modificationDate] ?? "")", "\(bytes.hashValue)", "\(bytes.count)"]
        }
        return out
    }

    static let eth0 = OutputFixtures.record(ifName: "eth0", network: "podnet", position: 0, state: .adding)
    static let net1 = OutputFixtures.record(ifName: "net1", network: "macnet", position: 1, state: .adding)

    /// Runs `body` with a state dir whose store holds `eth0` (written and closed), removed afterwards.
    private func withSeededState(_ body: (String) async throws -> Void) async throws {
        let dir = try TemporaryDirectory(prefix: "inspect-store")
        defer { dir.remove() }
        let state = dir.file("state")
        try CheckpointStore(directory: state).recordAddStarted(Self.eth0)
        try await body(state)
    }

    @Test("a missing state dir reads as empty and is not created")
    func missing() async throws {
        let dir = try TemporaryDirectory(prefix: "inspect-store")
        defer { dir.remove() }
        let reading = await CheckpointStoreSource(directory: dir.file("state")).read()
        #expect(reading == StoreReading(path: dir.file("state") + "/multinet.db"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("state")))
    }

    @Test("a store written by the plugin's code is read without changing any file in its directory")
    func readOnly() async throws {
        let dir = try TemporaryDirectory(prefix: "inspect-store")
        defer { dir.remove() }
        let state = dir.file("state")
        do {
            let store = try CheckpointStore(directory: state)
            try store.recordAddStarted(OutputFixtures.record(ifName: "eth0", network: "podnet", position: 0, state: .adding))
            try store.recordAddSucceeded(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0", result: Array("{}".utf8),
                                         durationMs: 3)
        }
        let before = try listing(state)
        let dirBefore = try FileManager.default.attributesOfItem(atPath: state)[.modificationDate]
        let reading = await CheckpointStoreSource(directory: state).read()
        #expect(reading.problem == nil)
        #expect(reading.records.map(\.state) == [.attached])
        #expect(try listing(state) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: state)[.modificationDate] as? Date == dirBefore as? Date)
    }

    @Test("the store stays open: an unchanged store is answered from the last read, another connection's commits are seen")
    func keptOpen() async throws {
        try await withSeededState { state in
            let writer = try CheckpointStore(directory: state)
            let source = CheckpointStoreSource(directory: state, turns: KeptStores())
            #expect(await source.read().records.map(\.ifName) == ["eth0"])
            #expect(await source.read().records.map(\.ifName) == ["eth0"])
            #expect(source.kept.recordReads == 1, "nothing was committed between the reads")

            try writer.recordAddStarted(Self.net1)
            #expect(await source.read().records.map(\.ifName) == ["eth0", "net1"])
            try writer.recordAddSucceeded(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "net1",
                                          result: Array("{}".utf8), durationMs: 2)
            #expect(await source.read().records.map(\.state) == [.adding, .attached])
            // A second writer, as a plugin run would be.
            try CheckpointStore(directory: state).removeAttachment(containerID: "c0ffee", runtimeIfName: "eth0", ifName: "eth0")
            #expect(await source.read().records.map(\.ifName) == ["net1"])
            #expect(await source.read().records.map(\.ifName) == ["net1"])
            #expect(source.kept.recordReads == 4)
        }
    }

    @Test("a store moved aside and created anew is read from the new file; a store that appears is read")
    func keptStoreReplaced() async throws {
        let dir = try TemporaryDirectory(prefix: "inspect-store")
        defer { dir.remove() }
        let state = dir.file("state")
        let source = CheckpointStoreSource(directory: state, turns: KeptStores())
        #expect(await source.read().records.isEmpty)
        do {
            let store = try CheckpointStore(directory: state)
            try store.recordAddStarted(OutputFixtures.record(ifName: "eth0", network: "podnet", position: 0, state: .adding))
        }
        #expect(await source.read().records.map(\.network) == ["podnet"])
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: state + "/multinet.db" + suffix) {
            try FileManager.default.moveItem(atPath: state + "/multinet.db" + suffix, toPath: state + "/old.db" + suffix)
        }
        do {
            let store = try CheckpointStore(directory: state)
            try store.recordAddStarted(OutputFixtures.record(ifName: "eth0", network: "othernet", position: 0, state: .adding))
        }
        #expect(await source.read().records.map(\.network) == ["othernet"])
        #expect(source.kept.recordReads == 2)
    }

    @Test("a writer in this process closes the kept readers first: SQLite's shared read-only -shm would refuse its writes")
    func writerTakesTurn() async throws {
        try await withSeededState { state in
            let turns = KeptStores()
            let source = CheckpointStoreSource(directory: state, turns: turns)
            #expect(await source.read().records.count == 1)
            let refused = #expect(throws: CheckpointError.self) { try CheckpointStore(directory: state).recordAddStarted(Self.net1) }
            #expect("\(refused.map { "\($0)" } ?? "")".contains("readonly"), "the reason readers and writers take turns")
            try turns.whileWriting { () throws(CheckpointError) in
                try CheckpointStore(directory: state).recordAddStarted(Self.net1)
                #expect(turns.isWriting)
            }
            #expect(!turns.isWriting)
            #expect(await source.read().records.map(\.ifName) == ["eth0", "net1"])
        }
    }

    @Test("while this process writes, a reader answers from its last read without opening the store")
    func readerWaitsTurn() async throws {
        try await withSeededState { state in
            let writer = try CheckpointStore(directory: state)
            let turns = KeptStores()
            let source = CheckpointStoreSource(directory: state, turns: turns)
            #expect(await source.read().records.count == 1)
            try turns.whileWriting { () throws(CheckpointError) in
                try writer.recordAddStarted(Self.net1)
                #expect(source.kept.read(directory: state, path: source.path).records.count == 1,
                        "the last read, while the writer writes")
            }
            #expect(await source.read().records.count == 2)
            #expect(source.kept.recordReads == 2)
        }
    }

    @Test("retry refuses --read-only, an unknown container and a container with nothing failed (usage errors)")
    func retryRefusals() throws {
        let dir = try TemporaryDirectory(prefix: "inspect-retry")
        defer { dir.remove() }
        let state = dir.file("state")
        let retry = TeardownRetry(stateDir: state, binDirs: ["/usr/lib/cni"])
        #expect(throws: RetryError.readOnly) { try retry.run(containerID: "x", interface: nil, readOnly: true) }
        #expect(throws: RetryError.unknownContainer(containerID: "x", store: state + "/multinet.db")) {
            try retry.run(containerID: "x", interface: nil, readOnly: false)
        }
        #expect(!FileManager.default.fileExists(atPath: state))
        let store = try CheckpointStore(directory: state)
        try store.recordAddStarted(OutputFixtures.record(ifName: "eth0", network: "podnet", position: 0, state: .adding))
        #expect(throws: RetryError.nothingFailed(containerID: "c0ffee", interface: nil)) {
            try retry.run(containerID: "c0ffee", interface: nil, readOnly: false)
        }
        #expect(RetryError.nothingFailed(containerID: "c", interface: "net1").isUsageError)
        #expect(!RetryError.storeNotWritable(store: "s", reason: "r").isUsageError)
    }
}
