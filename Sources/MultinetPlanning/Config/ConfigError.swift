import MultinetCNI

/// Why multinet's own configuration (its stdin) or a key in it is refused. Every case
/// names the key at fault.
public enum ConfigError: CNIErrorConvertible, CustomStringConvertible, Equatable {
    /// Stdin could not be read (code 5).
    case stdinUnreadable(problem: String)
    /// Larger than multinet reads (code 5).
    case tooLarge(bytes: Int, limit: Int)
    /// Not JSON (code 6).
    case notJSON(problem: String)
    /// JSON, but not an object (code 6).
    case notObject(kind: String)
    /// A `cniVersion` multinet does not speak (code 1).
    case unsupportedVersion(String)
    /// A key holds the wrong kind of value (code 7).
    case wrongType(key: String, expected: String, kind: String)
    /// Any other rule a key breaks (code 7), e.g. `"logFile" must be an absolute path, not "x"`.
    case invalidKey(String)
    /// A network configuration would run multinet itself (code 7).
    case selfDelegation(source: String, field: String)

    /// The CNI error the runtime sees.
    public var cniError: CNIError {
        let invalid = CNIErrorCode.invalidNetworkConfig
        switch self {
        case .stdinUnreadable(let problem):
            return CNIError(code: CNIErrorCode.ioFailure, msg: "cannot read the configuration from stdin", details: problem)
        case .tooLarge(let bytes, let limit):
            return CNIError(code: CNIErrorCode.ioFailure, msg: "the configuration on stdin is \(bytes) bytes; the limit is \(limit)")
        case .notJSON(let problem):
            return CNIError(code: CNIErrorCode.decodingFailure, msg: "the multinet configuration on stdin is not valid JSON",
                            details: problem)
        case .notObject(let kind):
            return CNIError(code: CNIErrorCode.decodingFailure, msg: "the multinet configuration on stdin must be a JSON object, not \(kind)")
        case .unsupportedVersion(let text):
            return CNIError(code: CNIErrorCode.incompatibleVersion,
                            msg: "incompatible CNI version \"\(text.prefix(32))\" in the multinet configuration",
                            details: "multinet supports \(CNIVersion.supported.map(\.description).joined(separator: ", "))")
        case .wrongType(let key, let expected, let kind):
            return CNIError(code: invalid, msg: "multinet configuration: \"\(key)\" must be \(expected), not \(kind)")
        case .invalidKey(let text):
            return CNIError(code: invalid, msg: "multinet configuration: \(text)")
        case .selfDelegation(let source, let field):
            return CNIError(code: invalid,
                            msg: "\(source): \(field) \"\(NetworkConfigList.multinetType)\" is multinet itself; a network cannot delegate back to multinet",
                            details: "multinet would call itself for the same pod without end")
        }
    }
}
