extension IPAddress {
    /// The canonical text: dotted decimal for IPv4; for IPv6 the RFC 5952 form (lowercase hex,
    /// no leading zeros, the longest run of two or more zero groups as `::`), with IPv4-mapped
    /// addresses written `::ffff:a.b.c.d`.
    public var description: String {
        family == .v4 ? IPAddress.dotted(bytes[...]) : ipv6Text
    }

    private static func dotted(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.map { String($0) }.joined(separator: ".")
    }

    private var ipv6Text: String {
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            return "::ffff:" + IPAddress.dotted(bytes[12..<16])
        }
        let groups = (0..<8).map { UInt16(bytes[2 * $0]) << 8 | UInt16(bytes[2 * $0 + 1]) }
        // The first longest run of at least two zero groups is compressed.
        var bestStart = -1, bestLength = 1
        var runStart = -1
        for index in 0...8 {
            if index < 8, groups[index] == 0 {
                if runStart < 0 { runStart = index }
            } else if runStart >= 0 {
                if index - runStart > bestLength { bestStart = runStart; bestLength = index - runStart }
                runStart = -1
            }
        }
        func hex(_ range: Range<Int>) -> String {
            groups[range].map { String($0, radix: 16) }.joined(separator: ":")
        }
        guard bestStart >= 0 else { return hex(0..<8) }
        return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
    }
}
