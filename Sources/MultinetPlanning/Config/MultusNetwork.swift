import MultinetCNI
import MultinetModel

/// A network named by one of Multus's keys (`clusterNetwork`, an entry of `defaultNetworks`,
/// or an element of `delegates`), before it is resolved to a configuration.
public struct MultusNetwork: Sendable, Equatable {
    /// The key it came from, as errors name it: `clusterNetwork`, `defaultNetworks[1]`, `delegates[0]`.
    public var key: String
    /// What the key names.
    public var reference: Reference

    /// What a Multus network key can name, in the forms Multus accepts (its `getNetDelegate`).
    public enum Reference: Sendable, Equatable {
        /// A bare name: the NetworkAttachmentDefinition of that name in `multusNamespace` when
        /// there is one, else the configuration file in `confDir` whose network `name` it is
        /// (Multus's order: the NAD first).
        case name(String)
        /// `namespace/name`: a NetworkAttachmentDefinition in that namespace. Multus takes any
        /// value with a `/` for a path; a relative path means nothing to a CNI plugin, so
        /// multinet reads this form as a NAD reference.
        case object(namespace: String, name: String)
        /// An absolute path: a `.conf`/`.conflist` file, or a directory whose first
        /// configuration file (lexical order) is the network.
        case path(String)
        /// A configuration written inline in multinet's own configuration (`delegates`).
        case inline(NetworkConfigList)
    }

    /// A network named by `key`.
    public init(key: String, reference: Reference) {
        self.key = key
        self.reference = reference
    }

    /// Whether resolving it may read a NetworkAttachmentDefinition from the apiserver.
    public var mayReadApiserver: Bool {
        switch reference {
        case .name, .object: true
        case .path, .inline: false
        }
    }

    /// The reference as configured, for messages.
    public var text: String {
        switch reference {
        case .name(let name): name
        case .object(let namespace, let name): "\(namespace)/\(name)"
        case .path(let path): path
        case .inline(let list): list.name
        }
    }

    /// Reads the text form of a reference (`clusterNetwork`, a `defaultNetworks` entry).
    ///
    /// - Throws: code 7 naming `key` when the text is none of the accepted forms.
    public static func parse(_ text: String, key: String) throws -> MultusNetwork {
        func invalid(_ rule: String) -> ConfigError {
            .invalidKey("\"\(key)\" \"\(text.prefix(128))\" \(rule)")
        }
        if text.utf8.contains(0) { throw invalid("contains a NUL byte") }
        if text.hasPrefix("/") { return MultusNetwork(key: key, reference: .path(text)) }
        if text.contains("/") {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, KubeNames.labelProblem(parts[0]) == nil, KubeNames.subdomainProblem(parts[1]) == nil else {
                throw invalid("is not a network name, namespace/name or an absolute path (relative paths are not accepted)")
            }
            return MultusNetwork(key: key, reference: .object(namespace: parts[0], name: parts[1]))
        }
        if let problem = networkNameProblem(text) { throw invalid("is not a network name: \(problem)") }
        return MultusNetwork(key: key, reference: .name(text))
    }

    /// Why `name` is not a CNI network name (an ASCII letter or digit, then letters, digits,
    /// `_`, `.` or `-`, as the CNI specification puts it), or `nil` when it is one.
    static func networkNameProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        guard let first = bytes.first else { return "it is empty" }
        func isAlnum(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        }
        guard isAlnum(first) else { return "it must start with a letter or digit" }
        guard bytes.allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }) else {
            return "only letters, digits, '_', '.' and '-' are allowed"
        }
        return nil
    }
}
