import FoundationEssentials

/// Turns watch messages into the lines of a watch response: one
/// `{"type":…,"object":…}` JSON document per line. In table encoding each event's object
/// is a one-row `Table`, the first one with column definitions; in metadata encoding a
/// `PartialObjectMetadata`.
struct WatchEncoder: Sendable {
    var resource: ServedResource
    var encoding: ResponseEncoding
    var now: @Sendable () -> Date = { Date() }
    private var sentColumns = false

    init(resource: ServedResource, encoding: ResponseEncoding, now: @escaping @Sendable () -> Date = { Date() }) {
        self.resource = resource
        self.encoding = encoding
        self.now = now
    }

    /// The line (with its newline) for `message`.
    mutating func line(for message: WatchMessage) -> [UInt8] {
        var json = message.json(for: resource)
        if case .table(let includeObject) = encoding, case .event(let type, let object) = message {
            let converter = TableConverter(resource: resource, includeObject: includeObject, now: now())
            let metadata: KubeJSON.Object = ["resourceVersion": object["metadata"]?["resourceVersion"] ?? ""]
            json = ["type": .string(type.rawValue), "object": converter.table([object], listMetadata: metadata, withColumns: !sentColumns)]
            sentColumns = true
        } else if case .partialMetadata = encoding, case .event(let type, let object) = message {
            json = ["type": .string(type.rawValue), "object": ResponseEncoding.partialMetadata(object)]
        }
        return Array((json.serialized + "\n").utf8)
    }
}
