import MultinetCNI

/// One attachment whose teardown failed; its record stays in the store as a failed DEL.
public struct TeardownFailure: Sendable, Equatable {
    /// The attachment's network.
    public var network: String
    /// The attachment's interface.
    public var ifName: String
    /// Why it failed.
    public var error: CNIError
}
