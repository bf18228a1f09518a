/// The 64-bit FNV-1a hash: tiny, stable across processes, releases and machines (unlike
/// Swift's `Hasher`, seeded per process), for names derived from user data.
public enum FNV1a {
    /// The hash of `text`'s UTF-8 bytes.
    public static func hash64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// ``hash64(_:)`` as 16 lowercase hex digits.
    public static func hex64(_ text: String) -> String {
        let digits = String(hash64(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
