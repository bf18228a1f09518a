import Foundation

/// A fresh, uniquely named directory under `/tmp` (made with `mkdtemp`, mode `0700`).
///
/// ```swift
/// let tmp = try TemporaryDirectory()
/// defer { tmp.remove() }
/// let conf = try tmp.write("net.d/10-bridge.conflist", contents: ConfigFixtures.bridgeConflist(...))
/// ```
public struct TemporaryDirectory: Sendable, Hashable {
    /// The absolute path of the directory.
    public let path: String

    /// Creates `/tmp/PREFIX.XXXXXX`.
    public init(prefix: String = "multinet-test") throws {
        var template = Array("/tmp/\(prefix).XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!)
        }
        guard created != nil else {
            throw TestSupportError.fileSystem(path: "/tmp/\(prefix).XXXXXX", reason: String(cString: strerror(errno)))
        }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The path of `name` inside the directory (not created). `name` may contain `/`.
    public func file(_ name: String) -> String {
        path + "/" + name
    }

    /// Creates (if needed) the subdirectory `name`, with intermediate directories, and
    /// returns its path.
    @discardableResult
    public func directory(_ name: String) throws -> String {
        let target = file(name)
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        return target
    }

    /// Writes `contents` to `name` (creating intermediate directories) and returns its path.
    @discardableResult
    public func write(_ name: String, contents: String) throws -> String {
        try write(name, data: Data(contents.utf8))
    }

    /// Writes `data` to `name` (creating intermediate directories) and returns its path.
    @discardableResult
    public func write(_ name: String, data: Data) throws -> String {
        let target = file(name)
        let parent = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: target))
        return target
    }

    /// Reads `name` as UTF-8 text.
    public func read(_ name: String) throws -> String {
        try String(contentsOfFile: file(name), encoding: .utf8)
    }

    /// Deletes the directory and everything in it. Failures (other than it being gone
    /// already) are reported as a Swift Testing issue, so this can be called from `defer`.
    public func remove() {
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            TestIssue.record("could not remove temporary directory \(path): \(error)")
        }
    }
}

extension TemporaryDirectory {
    /// Runs `body` with the path of a new empty directory (`/tmp/PREFIX.XXXXXX`, `0700`),
    /// then removes the directory and everything in it.
    public static func with<Value>(prefix: String = "multinet-test", _ body: (String) throws -> Value) throws -> Value {
        let directory = try TemporaryDirectory(prefix: prefix)
        defer { directory.remove() }
        return try body(directory.path)
    }

    /// The permission bits of `path` (`nil` when it does not exist).
    public static func mode(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }
}
