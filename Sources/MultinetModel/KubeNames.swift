/// Kubernetes name rules (DNS-1123), checked before a name is used in a lookup.
public enum KubeNames {
    /// Why `name` is not a DNS-1123 label (a namespace name), or `nil` when it is one:
    /// 1–63 characters of `a-z`, `0-9` and `-`, starting and ending with a letter or digit.
    public static func labelProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty { return "it is empty" }
        if bytes.count > 63 { return "it is \(bytes.count) characters long; the limit is 63" }
        return labelCharactersProblem(bytes)
    }

    /// Why `name` is not a DNS-1123 subdomain (an object name), or `nil` when it is one:
    /// at most 253 characters, dot-separated labels.
    public static func subdomainProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty { return "it is empty" }
        if bytes.count > 253 { return "it is \(bytes.count) characters long; the limit is 253" }
        for label in bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            if label.isEmpty { return "it has an empty part between dots" }
            if let problem = labelCharactersProblem(Array(label)) { return problem }
        }
        return nil
    }

    private static func labelCharactersProblem(_ bytes: [UInt8]) -> String? {
        func isAlnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) }
        guard bytes.allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: "-") }) else {
            return "only lower-case letters, digits and '-' are allowed (DNS-1123)"
        }
        guard isAlnum(bytes.first!), isAlnum(bytes.last!) else {
            return "it must start and end with a lower-case letter or digit (DNS-1123)"
        }
        return nil
    }
}
