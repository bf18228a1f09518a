/// Writes the fixed-layout parts of netlink messages: integers in host byte order, as the
/// kernel reads them, and raw bytes (addresses, which are in network order).
struct NetlinkWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Appends one byte.
    mutating func u8(_ value: UInt8) { bytes.append(value) }

    /// Appends a 16-bit integer in host order.
    mutating func u16(_ value: UInt16) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }

    /// Appends a 32-bit integer in host order.
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }

    /// Appends a signed 32-bit integer in host order.
    mutating func i32(_ value: Int32) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }

    /// Appends raw bytes.
    mutating func raw(_ value: some Sequence<UInt8>) { bytes.append(contentsOf: value) }

    /// Appends zero bytes up to the netlink alignment.
    mutating func pad() {
        bytes.append(contentsOf: repeatElement(0, count: Netlink.aligned(bytes.count) - bytes.count))
    }
}

/// Reads integers in host byte order from a received message, never past its end.
struct NetlinkReader {
    /// The bytes being read.
    let bytes: ArraySlice<UInt8>

    /// A reader over `bytes`.
    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    /// Whether `count` bytes are there from `offset` on (offsets count from the slice start).
    func has(_ count: Int, at offset: Int) -> Bool {
        offset >= 0 && count >= 0 && bytes.count - offset >= count
    }

    /// The byte at `offset`; the caller has checked it is there.
    func u8(at offset: Int) -> UInt8 { bytes[bytes.startIndex + offset] }

    /// The 16-bit integer at `offset`.
    func u16(at offset: Int) -> UInt16 { load(UInt16.self, at: offset) }

    /// The 32-bit integer at `offset`.
    func u32(at offset: Int) -> UInt32 { load(UInt32.self, at: offset) }

    /// The signed 32-bit integer at `offset`.
    func i32(at offset: Int) -> Int32 { load(Int32.self, at: offset) }

    private func load<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { target in
            for index in 0..<MemoryLayout<T>.size { target[index] = bytes[bytes.startIndex + offset + index] }
        }
        return value
    }
}
