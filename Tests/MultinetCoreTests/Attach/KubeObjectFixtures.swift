@testable import MultinetJSON
@testable import MultinetKubeAPI

/// NetworkAttachmentDefinition and Network objects for in-process tests.
enum KubeObjectFixtures {
    static func nad(_ namespace: String, _ name: String, config: String?) -> NetworkAttachmentDefinition {
        var spec = JSONObject()
        if let config { spec["config"] = .string(config) }
        return try! NetworkAttachmentDefinition(json: JSONObject([
            ("apiVersion", .string("k8s.cni.cncf.io/v1")), ("kind", .string("NetworkAttachmentDefinition")),
            ("metadata", .object(JSONObject([("name", .string(name)), ("namespace", .string(namespace))]))),
            ("spec", .object(spec)),
        ]))
    }

    static func network(_ namespace: String, _ name: String, plugin: String?) -> Network {
        var spec = JSONObject()
        if let plugin { spec["plugin"] = .string(plugin) }
        return try! Network(json: JSONObject([
            ("apiVersion", .string("alpha.network.k8s.io/v1")), ("kind", .string("Network")),
            ("metadata", .object(JSONObject([("name", .string(name)), ("namespace", .string(namespace))]))),
            ("spec", .object(spec)),
        ]))
    }
}
