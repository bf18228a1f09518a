/// Standard base64 (RFC 4648 §4), as kubeconfig `-data` fields, ExecCredential PEM data and
/// HTTP basic authentication use it; written out so the plugin does not load Foundation.
package enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static let decodingTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    /// The padded base64 text of `bytes`.
    static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity((input.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= input.count {
            let n = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            index += 3
        }
        let rest = input.count - index
        if rest == 1 {
            let n = UInt32(input[index]) << 16
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(contentsOf: "==".utf8)
        } else if rest == 2 {
            let n = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes `text` encodes, or `nil` when it is not base64.
    ///
    /// Line breaks are ignored (PEM-style wrapping, as Go's decoder does) and padding may
    /// be omitted; any other character outside the alphabet, or a length no encoder can
    /// produce, is rejected.
    package static func decode(_ text: String) -> [UInt8]? {
        var quantum: UInt32 = 0
        var count = 0
        var padding = 0
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        for byte in text.utf8 {
            switch byte {
            case 0x0A, 0x0D:
                continue
            case UInt8(ascii: "="):
                padding += 1
                continue
            default:
                // Data after padding is not base64.
                guard padding == 0 else { return nil }
                let value = decodingTable[Int(byte)]
                guard value != 0xFF else { return nil }
                quantum = quantum << 6 | UInt32(value)
                count += 1
                if count == 4 {
                    out.append(UInt8(truncatingIfNeeded: quantum >> 16))
                    out.append(UInt8(truncatingIfNeeded: quantum >> 8))
                    out.append(UInt8(truncatingIfNeeded: quantum))
                    quantum = 0
                    count = 0
                }
            }
        }
        switch count {
        case 0:
            guard padding == 0 else { return nil }
        case 2:
            guard padding == 0 || padding == 2 else { return nil }
            out.append(UInt8(truncatingIfNeeded: quantum >> 4))
        case 3:
            guard padding == 0 || padding == 1 else { return nil }
            out.append(UInt8(truncatingIfNeeded: quantum >> 10))
            out.append(UInt8(truncatingIfNeeded: quantum >> 2))
        default:
            return nil
        }
        return out
    }
}
