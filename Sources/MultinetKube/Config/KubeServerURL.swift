/// An apiserver's address as a kubeconfig `server` gives it: scheme, host, port and an
/// optional path prefix (for apiservers behind a proxy, `https://proxy/k8s/clusters/c1`).
public struct KubeServerURL: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// `https` or `http`.
    public var scheme: String
    /// The host name or IP address, without brackets around IPv6 addresses.
    public var host: String
    /// The port.
    public var port: Int
    /// A path prefix without a trailing slash; empty for none.
    public var basePath: String

    /// A server URL from its parts.
    public init(scheme: String = "https", host: String, port: Int, basePath: String = "") {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
    }

    /// Parses `https://host[:port][/prefix]` (also `http://`, IPv6 in brackets). A missing
    /// scheme means `https`, as for kubectl; a missing port is the scheme's default.
    /// Returns `nil` with no reason; callers say which key was at fault.
    public init?(parsing text: String) {
        var rest = Substring(text)
        if let range = rest.firstRange(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
        } else {
            scheme = "https"
        }
        guard scheme == "https" || scheme == "http" else { return nil }
        let authority: Substring
        if let slash = rest.firstIndex(of: "/") {
            authority = rest[..<slash]
            var path = String(rest[slash...])
            while path.hasSuffix("/") { path.removeLast() }
            basePath = path
        } else {
            authority = rest
            basePath = ""
        }
        guard !authority.contains("@"), !basePath.contains("?"), !basePath.contains("#") else { return nil }
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return nil }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            portText = authority[authority.index(after: colon)...]
        } else {
            host = String(authority)
        }
        guard !host.isEmpty, !host.contains(" ") else { return nil }
        if let portText {
            guard let value = Int(portText), (1...65_535).contains(value) else { return nil }
            port = value
        } else {
            port = scheme == "https" ? 443 : 80
        }
    }

    /// The host as it appears in a URL: IPv6 addresses in brackets.
    public var hostForURL: String { host.contains(":") ? "[\(host)]" : host }

    /// `scheme://host:port/prefix`.
    public var description: String { "\(scheme)://\(hostForURL):\(port)\(basePath)" }
}
