/// Reads protobuf wire format: a sequence of (field number, value) pairs.
struct ProtobufReader {
    /// One field's value as it appears on the wire.
    enum Value: Equatable {
        case varint(UInt64)
        case fixed64(UInt64)
        case bytes([UInt8])
        case fixed32(UInt32)
    }

    private let bytes: [UInt8]
    private var index: Int

    init<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        self.bytes = Array(bytes)
        index = 0
    }

    /// The next field, or `nil` at the end.
    ///
    /// - Throws: ``APIStatusError`` 400 for truncated or malformed input.
    mutating func next() throws -> (number: Int, value: Value)? {
        guard index < bytes.count else { return nil }
        let key = try varint()
        let number = Int(key >> 3)
        guard number > 0 else { throw Self.malformed }
        switch key & 7 {
        case 0: return (number, .varint(try varint()))
        case 1: return (number, .fixed64(UInt64(littleEndian: try fixed(8))))
        case 2:
            let length = Int(try varint())
            guard length >= 0, bytes.count - index >= length else { throw Self.malformed }
            defer { index += length }
            return (number, .bytes(Array(bytes[index..<index + length])))
        case 5: return (number, .fixed32(UInt32(truncatingIfNeeded: try fixed(4))))
        default: throw Self.malformed
        }
    }

    private mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        throw Self.malformed
    }

    private mutating func fixed(_ count: Int) throws -> UInt64 {
        guard bytes.count - index >= count else { throw Self.malformed }
        var result: UInt64 = 0
        for offset in 0..<count { result |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
        index += count
        return result
    }

    static let malformed = APIStatusError.badRequest("unable to decode the protobuf body: malformed wire data")
}
