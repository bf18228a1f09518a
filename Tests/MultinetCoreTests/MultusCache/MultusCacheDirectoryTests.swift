import Foundation
import Glibc
import Testing
@testable import MultinetCore
@testable import MultinetSystem

/// Reading Multus's cache directory as hostile ground: real files in a temporary directory.
@Suite("Multus cache directory: what is read and what is refused")
struct MultusCacheDirectoryTests {
    final class Scratch {
        let root: String
        var cache: MultusCacheDirectory { MultusCacheDirectory(path: root + "/multus") }
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("multus-cache-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root + "/multus/results", withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }
        func write(_ relative: String, _ text: String) throws {
            try text.write(toFile: root + "/" + relative, atomically: false, encoding: .utf8)
        }
    }

    @Test("a regular entry is read; a missing one, or a missing directory, is absent")
    func regularAndAbsent() throws {
        let s = try Scratch()
        try s.write("multus/c1", "[1]")
        #expect(s.cache.readEntry(containerID: "c1") == .contents(Array("[1]".utf8)))
        #expect(s.cache.readEntry(containerID: "c2") == .absent)
        #expect(MultusCacheDirectory(path: s.root + "/nowhere").readEntry(containerID: "c1") == .absent)
    }

    static func isUnusable(_ reading: MultusCacheDirectory.Reading, _ fragment: String) -> Bool {
        if case .unusable(let reason) = reading { return reason.contains(fragment) }
        return false
    }

    @Test("an entry that is a symbolic link is refused, also when it points at a valid entry elsewhere")
    func symlink() throws {
        let s = try Scratch()
        try s.write("elsewhere", "[1]")
        try FileManager.default.createSymbolicLink(atPath: s.root + "/multus/c1", withDestinationPath: s.root + "/elsewhere")
        #expect(Self.isUnusable(s.cache.readEntry(containerID: "c1"), "symbolic link"))
        // Removing the entry removes the link, never its target.
        try s.cache.removeEntry(containerID: "c1")
        #expect(FileManager.default.fileExists(atPath: s.root + "/elsewhere"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: s.root + "/multus/c1")) == nil)
    }

    @Test("a directory, a FIFO and a file over the limit are refused without being read")
    func notRegular() throws {
        let s = try Scratch()
        try FileManager.default.createDirectory(atPath: s.root + "/multus/dir", withIntermediateDirectories: false)
        #expect(Self.isUnusable(s.cache.readEntry(containerID: "dir"), "is a directory"))
        #expect(mkfifo(s.root + "/multus/fifo", 0o600) == 0)
        #expect(Self.isUnusable(s.cache.readEntry(containerID: "fifo"), "is a FIFO"))
        let big = s.root + "/multus/big"
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        #expect(truncate(big, off_t(MultusCacheDirectory.maximumFileBytes + 1)) == 0)
        #expect(Self.isUnusable(s.cache.readEntry(containerID: "big"), "the limit is \(MultusCacheDirectory.maximumFileBytes)"))
        // A file of exactly the limit is read.
        #expect(truncate(big, off_t(MultusCacheDirectory.maximumFileBytes)) == 0)
        if case .contents(let bytes) = s.cache.readEntry(containerID: "big") {
            #expect(bytes.count == MultusCacheDirectory.maximumFileBytes)
        } else {
            Issue.record("a file of exactly the limit was not read")
        }
    }

    @Test("names that are not one plain file name are refused before anything is opened",
          arguments: ["", ".", "..", "../c1", "a/b", "a\u{0}b"])
    func names(name: String) throws {
        let s = try Scratch()
        try s.write("multus/c1", "[1]")
        #expect(Self.isUnusable(s.cache.readEntry(containerID: name), "name"))
        #expect(Self.isUnusable(s.cache.readResult(name), "name"))
        #expect(throws: FileSystem.Failure.self) { try s.cache.removeEntry(containerID: name) }
        #expect(FileManager.default.fileExists(atPath: s.root + "/multus/c1"))
    }

    @Test("a results directory that is a symbolic link is never followed")
    func resultsSymlink() throws {
        let s = try Scratch()
        try FileManager.default.removeItem(atPath: s.root + "/multus/results")
        try FileManager.default.createDirectory(atPath: s.root + "/other", withIntermediateDirectories: false)
        try s.write("other/net-c1-eth0", "{}")
        try FileManager.default.createSymbolicLink(atPath: s.root + "/multus/results", withDestinationPath: s.root + "/other")
        #expect(Self.isUnusable(s.cache.readResult("net-c1-eth0"), "symbolic link"))
        #expect(throws: FileSystem.Failure.self) { try s.cache.removeResult("net-c1-eth0") }
        #expect(FileManager.default.fileExists(atPath: s.root + "/other/net-c1-eth0"))
    }

    @Test("results files are read and removed; the results directory stays; removing what is gone is fine")
    func results() throws {
        let s = try Scratch()
        try s.write("multus/results/net-c1-eth0", "{}")
        #expect(s.cache.readResult("net-c1-eth0") == .contents(Array("{}".utf8)))
        try s.cache.removeResult("net-c1-eth0")
        try s.cache.removeResult("net-c1-eth0")
        #expect(s.cache.readResult("net-c1-eth0") == .absent)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: s.root + "/multus/results", isDirectory: &isDirectory) && isDirectory.boolValue)
        try s.cache.removeEntry(containerID: "never-there")
    }
}
