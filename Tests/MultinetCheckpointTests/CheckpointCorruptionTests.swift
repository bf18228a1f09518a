import Foundation
import Testing
import MultinetTestSupport
@testable import MultinetCheckpoint

@Suite("Checkpoint store: damaged databases are moved aside")
struct CheckpointCorruptionTests {
    /// How the database file is damaged before the store opens it.
    enum Damage: String, CaseIterable {
        /// Random bytes, with a random `-wal` beside them.
        case garbage
        /// A real database with records, truncated to 1000 bytes.
        case truncated
    }

    @Test("a damaged file is renamed to <path>.corrupt-<ms> with its -wal and a fresh database is used", arguments: Damage.allCases)
    func movedAside(damage: Damage) throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let path = directory + "/" + CheckpointStore.fileName
            switch damage {
            case .garbage:
                var generator = SystemRandomNumberGenerator()
                let bytes = (0..<16_384).map { _ in UInt8.random(in: 0...255, using: &generator) }
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                try Data(bytes.prefix(100)).write(to: URL(fileURLWithPath: path + "-wal"))
            case .truncated:
                do {
                    let store = try CheckpointStore(directory: directory)
                    for index in 0..<40 {
                        try store.recordAddStarted(.fixture(containerID: "c\(index)", config: Array(repeating: 7, count: 300)))
                    }
                    // Closing leaves the commits in the WAL; fold them into the file that is then damaged.
                    try store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                }
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                try handle.truncate(atOffset: 1_000)
                try handle.close()
            }
            let damaged = try Data(contentsOf: URL(fileURLWithPath: path))

            let store = try CheckpointStore(directory: directory, now: { 1_234_567 })
            #expect(store.movedAside == path + ".corrupt-1234567")
            let moved = try #require(store.movedAside)
            #expect(try Data(contentsOf: URL(fileURLWithPath: moved)) == damaged, "moved, not rewritten")
            #expect(TemporaryDirectory.mode(of: moved) == 0o600)
            if damage == .garbage {
                #expect(FileManager.default.fileExists(atPath: moved + "-wal"))
            }
            #expect(try store.allAttachments().isEmpty)
            try store.recordAddStarted(.fixture())
            #expect(try store.allAttachments().count == 1)
            #expect(try store.integrityCheck() == "ok")
            #expect(try store.schemaVersion == CheckpointMigrations.all.count)
        }
    }

    @Test("a second damaged file in the same millisecond gets a distinct name")
    func distinctNames() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let path = directory + "/" + CheckpointStore.fileName
            var moved: [String?] = []
            for _ in 0..<2 {
                // The file is replaced without its WAL (which would otherwise still hold valid pages).
                for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                try Data(repeating: 0xAB, count: 8_192).write(to: URL(fileURLWithPath: path))
                moved.append(try CheckpointStore(directory: directory, now: { 42 }).movedAside)
            }
            #expect(moved == [path + ".corrupt-42", path + ".corrupt-42-1"])
        }
    }

    @Test("a healthy database is never moved")
    func healthyStays() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            try CheckpointStore(directory: directory).recordAddStarted(.fixture())
            let store = try CheckpointStore(directory: directory)
            #expect(store.movedAside == nil)
            #expect(try store.allAttachments().count == 1)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains("corrupt") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test("records still readable in a truncated file are salvaged into the new store, unchanged; the rest is reported")
    func salvagesReadableRecords() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            let path = directory + "/" + CheckpointStore.fileName
            var originals: [String: AttachmentRecord] = [:]
            var cutBytes: Int64 = 0
            do {
                let store = try CheckpointStore(directory: directory)
                for index in 0..<60 {
                    try store.recordAddStarted(.fixture(containerID: "c\(index)", config: Array(repeating: 7, count: 400)))
                    if index.isMultiple(of: 2) {
                        try store.recordAddSucceeded(containerID: "c\(index)", runtimeIfName: "eth0", ifName: "eth0",
                                                     result: Array(#"{"cniVersion":"1.0.0"}"#.utf8), durationMs: 3)
                    }
                }
                for record in try store.allAttachments() { originals[record.containerID] = record }
                // Closing leaves the commits in the WAL; fold them into the file that is then damaged.
                try store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                // The tables' root pages come first, then the records' pages: cut in the middle
                // of those (wherever later schema steps put them), so some records survive.
                let lastRoot = try #require(try store.connection.query("SELECT max(rootpage) FROM sqlite_master") { $0.int64(0) }.first)
                let pages = try #require(try store.connection.query("PRAGMA page_count") { $0.int64(0) }.first)
                let pageSize = try #require(try store.connection.query("PRAGMA page_size") { $0.int64(0) }.first)
                cutBytes = (lastRoot + (pages - lastRoot) / 2) * pageSize
            }
            let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            let cut = Int(cutBytes)
            #expect(cut < size)
            #expect(truncate(path, off_t(cut)) == 0)

            let store = try CheckpointStore(directory: directory, now: { 99 })
            let salvage = try #require(store.salvage)
            #expect(salvage.movedTo == path + ".corrupt-99")
            let recovered = try store.allAttachments()
            #expect(salvage.records == recovered.count)
            #expect(salvage.records > 0 && salvage.records < 60, "\(salvage)")
            #expect(salvage.problem?.contains("SQLITE_CORRUPT") == true, "\(String(describing: salvage.problem))")
            for record in recovered {
                #expect(record == originals[record.containerID], "\(record.containerID) changed on the way")
            }
            #expect(try store.integrityCheck() == "ok")
            // The damaged file is still there, unchanged in size.
            #expect(try FileManager.default.attributesOfItem(atPath: salvage.movedTo)[.size] as? Int == cut)
        }
    }

    @Test("nothing is salvaged from garbage, and the store says why")
    func nothingFromGarbage() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { directory in
            try Data(repeating: 0x5A, count: 8_192).write(to: URL(fileURLWithPath: directory + "/" + CheckpointStore.fileName))
            let store = try CheckpointStore(directory: directory)
            let salvage = try #require(store.salvage)
            #expect(salvage.records == 0)
            #expect(salvage.problem?.contains("SQLITE_NOTADB") == true, "\(String(describing: salvage.problem))")
            #expect(try store.allAttachments().isEmpty)
        }
    }
}
