import Foundation
import Testing
import MultinetTestSupport
@testable import MultinetCheckpoint

@Suite("Checkpoint store: file permissions")
struct CheckpointPermissionTests {
    /// What is on disk before the store opens.
    enum Setup: String, CaseIterable {
        /// Nothing: the state directory and its parents are created.
        case missingDirectory
        /// A 0755 directory holding a real database, WAL and SHM at 0644.
        case looseDatabase
        /// A 0755 directory holding an empty 0644 file.
        case looseEmptyFile
    }

    @Test("directory ends up 0700 and database, -wal and -shm 0600", arguments: Setup.allCases)
    func permissions(setup: Setup) throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { root in
            let directory = root + "/var/lib/multinet"
            let path = directory + "/" + CheckpointStore.fileName
            switch setup {
            case .missingDirectory:
                break
            case .looseDatabase:
                do {
                    let store = try CheckpointStore(directory: directory)
                    try store.recordAddStarted(.fixture())
                }
                for file in [path, path + "-wal", path + "-shm"] {
                    #expect(FileManager.default.fileExists(atPath: file), "\(file) persists after close")
                    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
                }
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory)
            case .looseEmptyFile:
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o755])
                #expect(FileManager.default.createFile(atPath: path, contents: Data(), attributes: [.posixPermissions: 0o644]))
            }
            if setup != .missingDirectory {
                #expect(TemporaryDirectory.mode(of: directory) == 0o755)
                #expect(TemporaryDirectory.mode(of: path) == 0o644)
            }

            let store = try CheckpointStore(directory: directory)
            try store.recordAddStarted(.fixture(containerID: "after"))
            #expect(TemporaryDirectory.mode(of: directory) == 0o700)
            for file in [path, path + "-wal", path + "-shm"] {
                #expect(TemporaryDirectory.mode(of: file) == 0o600, "\(file)")
            }
            #expect(store.movedAside == nil)
            let expected = setup == .looseDatabase ? ["after", "c0ffee"] : ["after"]
            #expect(try store.allAttachments().map(\.containerID) == expected)
        }
    }

    @Test("a state directory path that is a file is refused with a clear error")
    func directoryIsAFile() throws {
        try TemporaryDirectory.with(prefix: "multinet-checkpoint") { root in
            let directory = root + "/state"
            #expect(FileManager.default.createFile(atPath: directory, contents: Data("x".utf8)))
            let path = directory + "/" + CheckpointStore.fileName
            #expect(throws: CheckpointError.notADirectory(path: path, directory: directory)) {
                try CheckpointStore(directory: directory)
            }
        }
    }
}
