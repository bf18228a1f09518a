import MultinetCNI
import MultinetJSON

/// What a delegate's ADD produced: its exact JSON (recorded, and replayed as `prevResult`)
/// and the validated result.
public struct DelegateResult: Sendable {
    /// The JSON the last plugin printed.
    public var json: JSONValue
    /// The same, validated and typed.
    public var result: CNIResult
}

extension DelegateResult {
    /// A result from its parts.
    public init(json: JSONValue, validated result: CNIResult) {
        self.json = json
        self.result = result
    }
}
