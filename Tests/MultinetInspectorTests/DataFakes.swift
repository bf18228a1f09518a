import MultinetCNI
import MultinetCore
import MultinetJSON
import MultinetKubeAPI
@testable import MultinetInspector

/// A store source returning a fixed reading.
struct FakeStoreSource: StoreSource {
    var reading: StoreReading
    func read() async -> StoreReading { reading }
}

/// A node-files source returning fixed rows, remembering nothing.
struct FakeNodeFiles: NodeFilesSource {
    var rows: [NetworkRow]
    func networks(for cluster: ClusterReading) async -> [NetworkRow] {
        rows + cluster.networkAttachmentDefinitions.map {
            NetworkRow(name: $0.metadata.name, namespace: $0.metadata.namespace, kind: .networkAttachmentDefinition,
                       plugin: nil, cniVersion: nil, usable: true, problem: nil)
        }
    }
}

/// A version probe answering from a table, counting calls.
actor FakeVersionProbe: PluginVersionProbe {
    var answers: [String: [CNIVersion]]
    private(set) var calls: [String] = []
    init(_ answers: [String: [CNIVersion]]) { self.answers = answers }
    func versions(ofPluginAt path: String) async -> Result<[CNIVersion], CNIError> {
        calls.append(path)
        guard let known = answers[path] else {
            return .failure(CNIError(code: 1, msg: "no answer"))
        }
        return .success(known)
    }
}

enum DataFixtures {
    static func pod(_ name: String, namespace: String = "default", uid: String) throws -> PodMetadata {
        let json = try JSONValue(parsing: Array("""
            {"metadata":{"name":"\(name)","namespace":"\(namespace)","uid":"\(uid)"},"spec":{"nodeName":"node-a"},"status":{}}
            """.utf8))
        return try PodMetadata(json: json.objectValue!)
    }

    static func nad(_ name: String, namespace: String = "default", config: String? = nil) throws -> NetworkAttachmentDefinition {
        var spec = JSONObject()
        if let config { spec["config"] = .string(config) }
        let object = JSONObject([
            ("metadata", .object(JSONObject([("name", .string(name)), ("namespace", .string(namespace))]))),
            ("spec", .object(spec)),
        ])
        return try NetworkAttachmentDefinition(json: object)
    }

    static func network(_ name: String, namespace: String = "default", plugin: String?) throws -> Network {
        var spec = JSONObject()
        if let plugin { spec["plugin"] = .string(plugin) }
        let object = JSONObject([
            ("metadata", .object(JSONObject([("name", .string(name)), ("namespace", .string(namespace))]))),
            ("spec", .object(spec)),
        ])
        return try Network(json: object)
    }
}
