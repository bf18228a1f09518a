extension IPAddress {
    /// Parses an address in its usual text form; `nil` for anything else.
    ///
    /// IPv4 is four decimal octets without leading zeros (`10.1.0.5`), as Go's `net.ParseIP`
    /// accepts. IPv6 is up to eight groups of one to four hex digits with at most one `::`
    /// standing for one or more zero groups, optionally ending in an embedded IPv4 address
    /// (`::ffff:10.1.0.5`, `64:ff9b::192.0.2.33`). Zones (`fe80::1%eth0`) and surrounding
    /// whitespace are not accepted.
    public init?(_ text: String) {
        let utf8 = Array(text.utf8)
        // The longest valid form is 45 characters; anything much longer is not an address.
        guard !utf8.isEmpty, utf8.count <= 64 else { return nil }
        let parsed = utf8.contains(UInt8(ascii: ":")) ? IPAddress.parseIPv6(utf8[...]) : IPAddress.parseIPv4(utf8[...])
        guard let parsed else { return nil }
        self.bytes = parsed
    }

    /// Four dotted decimal octets, each 0–255 without leading zeros.
    static func parseIPv4(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        let parts = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4)
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(isDecimalDigit) else { return nil }
            if part.count > 1, part.first == UInt8(ascii: "0") { return nil }
            var value = 0
            for digit in part { value = value * 10 + Int(digit - UInt8(ascii: "0")) }
            guard value <= 255 else { return nil }
            bytes.append(UInt8(value))
        }
        return bytes
    }

    /// RFC 4291 section 2.2 text: hex groups, at most one `::`, an optional trailing IPv4 address.
    static func parseIPv6(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        let colon = UInt8(ascii: ":")
        var ellipsis: Int?
        var index = text.startIndex
        while index < text.endIndex - 1 {
            if text[index] == colon, text[index + 1] == colon {
                guard ellipsis == nil else { return nil }
                ellipsis = index
            }
            index += 1
        }
        if let ellipsis {
            guard let head = parseGroups(text[text.startIndex..<ellipsis], mayEndInIPv4: false),
                  let tail = parseGroups(text[(ellipsis + 2)...], mayEndInIPv4: true),
                  head.count + tail.count <= 7 else { return nil }
            return bytes(of: head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail)
        }
        guard let groups = parseGroups(text, mayEndInIPv4: true), groups.count == 8 else { return nil }
        return bytes(of: groups)
    }

    /// The 16-bit groups of one side of a `::`; an empty side has none.
    private static func parseGroups(_ text: ArraySlice<UInt8>, mayEndInIPv4: Bool) -> [UInt16]? {
        guard !text.isEmpty else { return [] }
        let parts = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        var groups: [UInt16] = []
        for (position, part) in parts.enumerated() {
            if mayEndInIPv4, position == parts.count - 1, part.contains(UInt8(ascii: ".")) {
                guard let v4 = parseIPv4(part) else { return nil }
                groups.append(UInt16(v4[0]) << 8 | UInt16(v4[1]))
                groups.append(UInt16(v4[2]) << 8 | UInt16(v4[3]))
                continue
            }
            guard (1...4).contains(part.count) else { return nil }
            var value: UInt16 = 0
            for digit in part {
                guard let nibble = hexValue(digit) else { return nil }
                value = value << 4 | UInt16(nibble)
            }
            groups.append(value)
        }
        return groups.count <= 8 ? groups : nil
    }

    private static func bytes(of groups: [UInt16]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for group in groups {
            bytes.append(UInt8(group >> 8))
            bytes.append(UInt8(group & 0xFF))
        }
        return bytes
    }

    private static func isDecimalDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
