/// Which protobuf fields of a Kubernetes message become which JSON fields. Fields a schema
/// does not name are skipped.
struct ProtobufSchema: Sendable {
    /// How one field is decoded.
    indirect enum FieldType: Sendable {
        case string
        case bool
        case integer
        case stringList
        case stringMap
        case message(ProtobufSchema)
        case messageList(ProtobufSchema)
    }

    var fields: [Int: (name: String, type: FieldType)]

    /// Decodes a message into a JSON object.
    func decode(_ bytes: [UInt8]) throws -> KubeJSON {
        var reader = ProtobufReader(bytes)
        var object = KubeJSON.Object()
        while let (number, value) = try reader.next() {
            guard let (name, type) = fields[number] else { continue }
            switch (type, value) {
            case (.string, .bytes(let data)):
                object[name] = .string(String(decoding: data, as: UTF8.self))
            case (.bool, .varint(let number)):
                object[name] = .bool(number != 0)
            case (.integer, .varint(let number)):
                object[name] = .number(String(Int64(bitPattern: number)))
            case (.stringList, .bytes(let data)):
                object[name] = .array((object[name]?.arrayValue ?? []) + [.string(String(decoding: data, as: UTF8.self))])
            case (.stringMap, .bytes(let data)):
                let entry = try Self.mapEntry.decode(data)
                var map = object[name]?.objectValue ?? KubeJSON.Object()
                map[entry["key"]?.stringValue ?? ""] = .string(entry["value"]?.stringValue ?? "")
                object[name] = .object(map)
            case (.message(let schema), .bytes(let data)):
                object[name] = try schema.decode(data)
            case (.messageList(let schema), .bytes(let data)):
                object[name] = .array((object[name]?.arrayValue ?? []) + [try schema.decode(data)])
            default:
                throw ProtobufReader.malformed
            }
        }
        return .object(object)
    }

    /// A `map<string, string>` entry.
    static let mapEntry = ProtobufSchema(fields: [1: ("key", .string), 2: ("value", .string)])
}
