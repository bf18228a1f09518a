import Foundation
import MultinetCore
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
