import MultinetCNI

/// Some attachments of a container could not be torn down; their records (or Multus's
/// cache entry) are kept for the next try. Reported with the one failure's own code, or
/// 103 for several, and every failure listed in the message.
enum TeardownIncomplete: CNIErrorConvertible, CustomStringConvertible {
    /// multinet's own attachments, during `command` (DEL, or an ADD clearing an earlier attempt).
    case recorded(failures: [TeardownFailure], containerID: String, command: String)
    /// Delegates of a Multus cache entry, `total` in all.
    case multusEntry(failures: [TeardownFailure], total: Int, path: String, containerID: String)

    var cniError: CNIError {
        switch self {
        case .recorded(let failures, let containerID, let command):
            let list = failures.map { "network \"\($0.network)\" on \($0.ifName): \($0.error.msg)" }
            return CNIError(code: Self.code(failures),
                            msg: "\(command) of container \(containerID): \(failures.count) attachment(s) could not be torn down: \(list.joined(separator: "; "))",
                            details: "the records are kept; the runtime's next DEL or `multinet-inspect retry \(containerID)` tries again")
        case .multusEntry(let failures, let total, let path, let containerID):
            let list = failures.map { failure in
                let error = failure.error
                return "network \"\(failure.network)\" on \(failure.ifName): \(error.msg)" + (error.details.isEmpty ? "" : " (\(error.details))")
            }
            return CNIError(code: Self.code(failures),
                            msg: "DEL of container \(containerID): \(failures.count) of \(total) delegate(s) in Multus's cache entry \(path) could not be torn down: \(list.joined(separator: "; "))",
                            details: "the others were torn down; the entry is kept, so the runtime's next DEL tries again. A delegate that cannot be read will not succeed on a retry: tear it down by hand, then remove the entry")
        }
    }

    /// The one failure's code passes through; several are code 103.
    static func code(_ failures: [TeardownFailure]) -> Int {
        failures.count == 1 ? failures[0].error.code : CNIErrorCode.teardownFailed
    }
}
