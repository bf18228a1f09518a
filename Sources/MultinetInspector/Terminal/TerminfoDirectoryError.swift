#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the private terminfo directory could not be made: the path, what was being done,
/// and the `errno` value.
public struct TerminfoDirectoryError: Error, Sendable, CustomStringConvertible {
    /// The path involved.
    public var path: String
    /// What was being done (`create a private terminfo directory in`, `write`, …).
    public var operation: String
    /// The `errno` value.
    public var code: Int32

    /// `operation path: reason`.
    public var description: String {
        "\(operation) \(path): \(String(cString: strerror(code)))"
    }
}
