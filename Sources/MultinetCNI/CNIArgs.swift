/// The `CNI_ARGS` variable: `KEY=VALUE` pairs separated by `;`, passed through to delegates
/// exactly as the runtime sent them.
public struct CNIArgs: Sendable, Equatable {
    /// The variable's exact text.
    public var raw: String
    /// The pairs in order.
    public var pairs: [(key: String, value: String)]

    /// Parses `CNI_ARGS`. An empty string has no pairs.
    public init(parsing raw: String) throws(CNIError) {
        self.raw = raw
        self.pairs = []
        guard !raw.isEmpty else { return }
        for item in raw.split(separator: ";", omittingEmptySubsequences: false) {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw CNIError(code: CNIErrorCode.invalidEnvironment,
                               msg: "CNI_ARGS: \"\(item)\" is not a KEY=VALUE pair",
                               details: "CNI_ARGS must be KEY=VALUE pairs separated by ';'")
            }
            pairs.append((String(item[..<eq]), String(item[item.index(after: eq)...])))
        }
    }

    /// The value of the first pair named `key`.
    public subscript(key: String) -> String? {
        pairs.first { $0.key == key }?.value
    }

    public static func == (lhs: CNIArgs, rhs: CNIArgs) -> Bool { lhs.raw == rhs.raw }

    /// The pod namespace the kubelet passes (`K8S_POD_NAMESPACE`), if any.
    public var podNamespace: String? { self["K8S_POD_NAMESPACE"] }
    /// The pod name the kubelet passes (`K8S_POD_NAME`), if any.
    public var podName: String? { self["K8S_POD_NAME"] }
    /// The pod UID the kubelet passes (`K8S_POD_UID`), if any.
    public var podUID: String? { self["K8S_POD_UID"] }
}
