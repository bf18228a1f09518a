import MultinetCNI

/// One attachment whose teardown failed; its record stays in the store as a failed DEL.
public struct TeardownFailure: Sendable, Equatable {
    /// The attachment's network.
    public var network: String
    /// The attachment's interface.
    public var ifName: String
    /// Why it failed.
    public var error: CNIError

    /// One CNI error listing every failed teardown of a container.
    public static func aggregate(_ failures: [TeardownFailure], containerID: String, command: String) -> CNIError {
        let list = failures.map { "network \"\($0.network)\" on \($0.ifName): \($0.error.msg)" }
        let code = failures.count == 1 ? failures[0].error.code : CNIErrorCode.teardownFailed
        return CNIError(code: code,
                        msg: "\(command) of container \(containerID): \(failures.count) attachment(s) could not be torn down: \(list.joined(separator: "; "))",
                        details: "the records are kept; the runtime's next DEL or `multinet-inspect retry \(containerID)` tries again")
    }
}
