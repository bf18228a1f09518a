/// Request bodies in `application/vnd.kubernetes.protobuf`, which kubectl's typed clients
/// send for built-in kinds (`kubectl create namespace`, `kubectl run`).
///
/// The envelope is `k8s\0` followed by a `runtime.Unknown` (`typeMeta`, `raw`). Namespaces
/// and the common fields of pods are decoded (metadata names, labels, annotations,
/// finalizers; containers' name, image, command, args, pull policy; restart and DNS
/// policy, node name and selector, service account, host network); other fields are
/// dropped. Other kinds answer 415, as they would have to be sent as JSON.
enum ProtobufBody {
    static let contentType = "application/vnd.kubernetes.protobuf"
    private static let magic: [UInt8] = [0x6B, 0x38, 0x73, 0x00]

    /// The JSON object of a protobuf body for `resource`.
    ///
    /// - Throws: ``APIStatusError`` 400 for a malformed body, 415 for a kind not decoded.
    static func decode(_ body: [UInt8], for resource: ServedResource) throws -> KubeJSON {
        guard body.starts(with: magic) else {
            throw APIStatusError.badRequest("unable to decode the protobuf body: missing the k8s envelope prefix")
        }
        let unknown = try unknownSchema.decode(Array(body.dropFirst(magic.count)))
        let apiVersion = unknown.string(at: "typeMeta.apiVersion") ?? resource.apiVersion
        let kind = unknown.string(at: "typeMeta.kind") ?? resource.kind
        let schema: ProtobufSchema
        switch resource {
        case .namespaces: schema = namespace
        case .pods: schema = pod
        default: throw APIStatusError.unsupportedMediaType(contentType)
        }
        guard case .object(let fields) = try schema.decode(rawBytes(body)) else { throw ProtobufReader.malformed }
        var object: KubeJSON.Object = ["kind": .string(kind), "apiVersion": .string(apiVersion)]
        for (key, value) in fields { object[key] = value }
        return .object(object)
    }

    /// The `raw` bytes of the envelope (kept as bytes, not text).
    private static func rawBytes(_ body: [UInt8]) throws -> [UInt8] {
        var reader = ProtobufReader(body.dropFirst(magic.count))
        while let (number, value) = try reader.next() {
            if number == 2, case .bytes(let data) = value { return data }
        }
        return []
    }

    private static let unknownSchema = ProtobufSchema(fields: [
        1: ("typeMeta", .message(ProtobufSchema(fields: [1: ("apiVersion", .string), 2: ("kind", .string)]))),
    ])

    static let objectMeta = ProtobufSchema(fields: [
        1: ("name", .string), 2: ("generateName", .string), 3: ("namespace", .string), 5: ("uid", .string),
        6: ("resourceVersion", .string), 11: ("labels", .stringMap), 12: ("annotations", .stringMap),
        14: ("finalizers", .stringList),
    ])

    static let namespace = ProtobufSchema(fields: [
        1: ("metadata", .message(objectMeta)),
        2: ("spec", .message(ProtobufSchema(fields: [1: ("finalizers", .stringList)]))),
    ])

    static let container = ProtobufSchema(fields: [
        1: ("name", .string), 2: ("image", .string), 3: ("command", .stringList), 4: ("args", .stringList),
        5: ("workingDir", .string), 8: ("resources", .message(ProtobufSchema(fields: [:]))),
        13: ("terminationMessagePath", .string), 14: ("imagePullPolicy", .string), 16: ("stdin", .bool),
        17: ("stdinOnce", .bool), 18: ("tty", .bool), 20: ("terminationMessagePolicy", .string),
    ])

    static let pod = ProtobufSchema(fields: [
        1: ("metadata", .message(objectMeta)),
        2: ("spec", .message(ProtobufSchema(fields: [
            2: ("containers", .messageList(container)), 3: ("restartPolicy", .string),
            4: ("terminationGracePeriodSeconds", .integer), 6: ("dnsPolicy", .string), 7: ("nodeSelector", .stringMap),
            8: ("serviceAccountName", .string), 10: ("nodeName", .string), 11: ("hostNetwork", .bool),
            19: ("schedulerName", .string), 20: ("initContainers", .messageList(container)),
        ]))),
    ])
}
