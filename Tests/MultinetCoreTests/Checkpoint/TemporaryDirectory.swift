import Foundation

/// A fresh directory per test, removed afterwards.
enum TemporaryDirectory {
    /// Runs `body` with the path of a new empty directory, then removes the directory.
    static func with<Value>(_ body: (String) throws -> Value) throws -> Value {
        let path = NSTemporaryDirectory() + "multinet-checkpoint-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    /// The permission bits of `path` (`nil` when it does not exist).
    static func mode(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }
}
