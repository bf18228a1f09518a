/// Percent-encoding for request paths and query strings (RFC 3986), without Foundation.
package enum URLQuery {
    /// Unreserved characters: never encoded.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func escape(_ text: String, keeping extra: (UInt8) -> Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || extra(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One path segment (an object or namespace name): `/` and everything reserved is encoded.
    static func escapePathSegment(_ segment: String) -> String {
        escape(segment) { _ in false }
    }

    /// A query component: everything but unreserved characters is encoded, so selectors
    /// such as `app in (a,b)` or `spec.nodeName=n1` survive intact.
    static func escapeQueryComponent(_ component: String) -> String {
        escape(component) { _ in false }
    }

    /// `?k1=v1&k2=v2`, or the empty string for no items.
    package static func encode(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { escapeQueryComponent($0.0) + "=" + escapeQueryComponent($0.1) }.joined(separator: "&")
    }
}
