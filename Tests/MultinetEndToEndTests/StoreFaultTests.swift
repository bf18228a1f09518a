import Foundation
import Glibc
import MultinetTestSupport
import Testing
@testable import MultinetCNI
@testable import MultinetCheckpoint
@testable import MultinetKubeAPI

/// The checkpoint store damaged, from an older multinet, or out of space, through the real
/// binary: multinet says what happened, never loses a record silently, and keeps working.
@Suite("End to end: a damaged, old or full checkpoint store", .endToEnd)
struct StoreFaultTests {
    /// How the database file is damaged between runs.
    enum Damage: String, CaseIterable, Sendable {
        /// Overwritten with random bytes.
        case garbage
        /// Its last page cut off.
        case truncated
    }

    /// A pod sandbox on a node: its container ID, netns and pod name.
    struct Pod {
        let id: String
        let ns: NetworkNamespace
        let name: String
    }

    static func pods(_ count: Int, on node: MultinetNode, prefix: String = "pod") throws -> [Pod] {
        try (0..<count).map { Pod(id: RuntimeInvocation.randomContainerID(), ns: try node.namespace(), name: "\(prefix)-\($0)") }
    }

    /// The `multinet.db.corrupt-<ms>` files in the state dir (side files excluded).
    static func movedAside(in stateDir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: stateDir)) ?? [])
            .filter { $0.range(of: #"^multinet\.db\.corrupt-[0-9]+(-[0-9]+)?$"#, options: .regularExpression) != nil }
            .sorted()
    }

    @Test("a damaged store file: logged, moved aside to multinet.db.corrupt-<ms>, readable records salvaged, ADD and DEL keep working",
          arguments: Damage.allCases)
    func damagedFile(_ damage: Damage) async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        let before = try Self.pods(12, on: node, prefix: "old")
        for pod in before {
            try await node.run("ADD", containerID: pod.id, netns: pod.ns.path, pod: pod.name).requireSuccess()
        }
        let path = node.databasePath
        // multinet leaves its commits in the WAL (closing does not checkpoint); fold them into
        // the database file first, as SQLite's automatic checkpoint does, so the damage hits them.
        try Shell.check(["sqlite3", path, "PRAGMA wal_checkpoint(TRUNCATE);"])
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        switch damage {
        case .garbage:
            var generator = SystemRandomNumberGenerator()
            try Data((0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }).write(to: URL(fileURLWithPath: path))
        case .truncated:
            #expect(truncate(path, off_t(size - 4096)) == 0)
        }
        let damaged = try Data(contentsOf: URL(fileURLWithPath: path))

        let fresh = try Self.pods(1, on: node, prefix: "new")[0]
        let add = try await node.run("ADD", containerID: fresh.id, netns: fresh.ns.path, pod: fresh.name)
        #expect(add.succeeded, "\(add.summary)")

        // Said clearly, in the log, with the path it was moved to.
        let moved = Self.movedAside(in: node.stateDir)
        #expect(moved.count == 1, "\(moved)")
        let movedPath = node.stateDir + "/" + (moved.first ?? "")
        #expect(try Data(contentsOf: URL(fileURLWithPath: movedPath)) == damaged, "moved, not rewritten")
        let log = (try? String(contentsOfFile: node.logFile, encoding: .utf8)) ?? ""
        #expect(log.contains("the checkpoint store was damaged: moved aside to \(movedPath)"), "\(log.suffix(2000))")

        // The new store is sound, holds the new pod and whatever could be salvaged.
        #expect(try node.integrityCheck() == "ok")
        let records = try node.records()
        #expect(records.contains { $0.containerID == fresh.id && $0.state == .attached })
        let salvaged = Set(records.map(\.containerID)).intersection(before.map(\.id))
        #expect(log.contains("\(salvaged.count) attachment record(s) still readable"), "\(log.suffix(2000))")
        if damage == .truncated {
            #expect(!salvaged.isEmpty, "the last page of \(size) bytes lost, and not one record salvaged: \(log.split(separator: "\n").filter { $0.contains("damaged") })")
        }
        // Salvaged records are whole: a DEL tears those pods down.
        for pod in before + [fresh] {
            try await node.run("DEL", containerID: pod.id, netns: pod.ns.path, pod: pod.name).requireSuccess()
        }
        for pod in before where salvaged.contains(pod.id) {
            #expect(try pod.ns.linksBesidesLoopback().isEmpty, "\(pod.name)'s record was salvaged but its interface stays")
            #expect(try node.reservations.held(by: pod.id).isEmpty)
        }
        #expect(try fresh.ns.linksBesidesLoopback().isEmpty)
        #expect(try node.records().isEmpty)
        #expect(Self.movedAside(in: node.stateDir) == moved, "the damaged file is kept")
    }

    @Test("a schema version 1 store (made with sqlite3) migrates on open: records preserved, DEL from a v1 record tears down")
    func versionOneStore() async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        let pods = try Self.pods(2, on: node)
        for pod in pods {
            try await node.run("ADD", containerID: pod.id, netns: pod.ns.path, pod: pod.name).requireSuccess()
        }
        // The same records in a database built from the version 1 schema alone.
        let current = node.directory.file("current.db")
        try Shell.check(["sqlite3", node.databasePath, "VACUUM INTO '\(current)'"])
        let v1 = node.directory.file("v1.db")
        let script = """
            \(CheckpointMigrations.ledger);
            \(CheckpointMigrations.version1.sql)
            INSERT INTO schema_migrations (version, applied_at) VALUES (1, 1700000000000);
            ATTACH DATABASE '\(current)' AS current;
            INSERT INTO attachments SELECT \(CheckpointStore.salvagedColumns.joined(separator: ", ")) FROM current.attachments;
            INSERT INTO attempts SELECT * FROM current.attempts;
            DETACH DATABASE current;
            """
        try Shell.check(["sqlite3", v1], input: Data(script.utf8))
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: node.databasePath + suffix) }
        try FileManager.default.moveItem(atPath: v1, toPath: node.databasePath)
        #expect(try Self.sqlite(node.databasePath, "SELECT max(version) FROM schema_migrations") == "1")
        #expect(try Self.sqlite(node.databasePath, "SELECT count(*) FROM attachments") == "2")

        let first = pods[0]
        try await node.run("DEL", containerID: first.id, netns: first.ns.path, pod: first.name).requireSuccess()
        #expect(try first.ns.linksBesidesLoopback().isEmpty)
        #expect(try node.reservations.held(by: first.id).isEmpty)
        #expect(try Self.sqlite(node.databasePath, "SELECT group_concat(version) FROM schema_migrations") == "1,2,3,4")
        #expect(try Self.sqlite(node.databasePath, "SELECT count(*) FROM sqlite_master WHERE name = 'attempts_by_operation'") == "1")
        #expect(try Self.sqlite(node.databasePath, "SELECT count(*) FROM sqlite_master WHERE name IN ('operations', 'reclaimed')") == "2")
        // The DEL's samples went into the migrated store.
        #expect(try Self.sqlite(node.databasePath, "SELECT count(*) FROM operations WHERE command = 'del' AND plugin IS NULL") == "1")
        var info = stat()
        #expect(stat(node.databasePath, &info) == 0 && info.st_mode & 0o777 == 0o600, "the migrated file is 0600")
        let left = try node.records()
        #expect(left.map(\.containerID) == [pods[1].id])
        #expect(left.map(\.origin) == [.runtime], "step 4 reads a record written before it as the runtime's")
        #expect(left.first?.state == .attached)

        try await node.run("DEL", containerID: pods[1].id, netns: pods[1].ns.path, pod: pods[1].name).requireSuccess()
        #expect(try pods[1].ns.linksBesidesLoopback().isEmpty)
        #expect(try node.reservations.ips().isEmpty)
        #expect(try node.records().isEmpty)
        #expect(try node.integrityCheck() == "ok")
    }

    @Test("a full disk under the state dir: ADD fails with a store error and nothing half-attached; with space again it works")
    func fullDisk() async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        let stateDir = try node.directory.directory("small-state")
        try Shell.check(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", stateDir])
        defer { _ = try? Shell.run(["umount", "-l", stateDir]) }
        let config = node.config(extra: ["stateDir": .string(stateDir)])
        let pods = try Self.pods(2, on: node)
        try await node.run("ADD", containerID: pods[0].id, netns: pods[0].ns.path, pod: pods[0].name, config: config).requireSuccess()

        // The next pod's network config is large (256 KiB), and the disk fills up.
        var bridge = ConfigFixtures.bridgePlugin(bridge: node.bridge, subnet: node.subnet, dataDir: node.ipamDir)
        bridge["padding"] = .string(String(repeating: "x", count: 256 << 10))
        try node.writeConf("10-podnet.conflist", ConfigFixtures.conflist(name: node.networkName, plugins: [bridge]))
        let filler = stateDir + "/filler"
        let written = Self.fill(filler)
        #expect(written > 0)

        let add = try await node.run("ADD", containerID: pods[1].id, netns: pods[1].ns.path, pod: pods[1].name, config: config)
        #expect(add.exitCode == 1, "\(add.summary)")
        let error = try #require(add.cniError, "\(add.summary)")
        #expect(error.code == CNIErrorCode.storeFailure, "\(error)")
        for fragment in ["pod default/\(pods[1].name)", "network \"podnet\" on interface eth0", "cannot record the attachment"] {
            #expect(error.msg.contains(fragment), "msg lacks \"\(fragment)\": \(error)")
        }
        #expect(error.description.contains("SQLITE_FULL") || error.description.contains("disk is full"), "\(error)")
        // Nothing half-attached, nothing reserved, and the first pod's record intact.
        #expect(try pods[1].ns.linksBesidesLoopback().isEmpty)
        #expect(try node.reservations.held(by: pods[1].id).isEmpty)
        let records = try CheckpointStore(directory: stateDir).allAttachments()
        #expect(records.map(\.containerID) == [pods[0].id], "\(records)")
        #expect(records.first?.state == .attached)

        try FileManager.default.removeItem(atPath: filler)
        try await node.run("ADD", containerID: pods[1].id, netns: pods[1].ns.path, pod: pods[1].name, config: config).requireSuccess()
        for pod in pods {
            try await node.run("DEL", containerID: pod.id, netns: pod.ns.path, pod: pod.name, config: config).requireSuccess()
            #expect(try pod.ns.linksBesidesLoopback().isEmpty)
        }
        #expect(try node.reservations.ips().isEmpty)
        #expect(try CheckpointStore(directory: stateDir).allAttachments().isEmpty)
        #expect(try Self.sqlite(stateDir + "/multinet.db", "PRAGMA integrity_check") == "ok")
    }

    @Test("a fresh state dir: 12 multinet processes (half of them killed) and another writer create the store at once, 20 times over; every survivor succeeds")
    func concurrentCreation() async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        let ns = try node.namespace()
        var generator = SeededGenerator(seed: SeededGenerator.seed(environment: "MULTINET_STORM_SEED"))
        for round in 0..<20 {
            let stateDir = node.directory.file("state-\(round)")
            let config = node.config(extra: ["stateDir": .string(stateDir)])
            let delays = (0..<12).map { $0 < 6 ? Int.random(in: 0...30, using: &generator) : nil }
            // One connection in this process, as in multinet and the inspector: two connections of
            // one process racing killed creators of a fresh store can get SQLITE_IOERR_RDLOCK
            // from SQLite's in-process lock sharing (seen here; multinet never opens two).
            let writers = StoreWriters(directory: stateDir, threads: 1, iterations: 5)
            writers.start()
            let results = try await withThrowingTaskGroup(of: (Bool, CNIPluginResult).self) { group in
                for delay in delays {
                    group.addTask {
                        // DEL of a container nobody recorded: the store is opened (and created), nothing else.
                        let running = try node.runner.start(node.invocation("DEL", containerID: RuntimeInvocation.randomContainerID(),
                                                                            netns: ns.path, config: config))
                        if let delay {
                            try await Task.sleep(for: .milliseconds(delay))
                            running.kill()
                        }
                        return (delay != nil, try await running.wait())
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(writers.join().isEmpty, "round \(round): in-process writers failed: \(writers.join())")
            for (killed, result) in results where !killed || result.signal == nil {
                #expect(result.succeeded, "round \(round): \(result.summary)")
            }
            #expect(Self.movedAside(in: stateDir).isEmpty, "round \(round): a store being created was taken for damaged")
            #expect(try Self.sqlite(stateDir + "/multinet.db", "PRAGMA journal_mode") == "wal")
        }
    }

    /// Writes zeros to `path` until the file system is full; the bytes written.
    static func fill(_ path: String) -> Int {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 0, count: 4096)
        var total = 0
        while true {
            let count = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            total += count
        }
        return total
    }

    /// One value from the `sqlite3` command-line tool.
    static func sqlite(_ database: String, _ sql: String) throws -> String {
        try Shell.check(["sqlite3", database, sql]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
