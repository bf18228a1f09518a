import Foundation
import MultinetJSON

/// Multus cache entries and libcni results files in the format Multus v4.2.2 writes (see
/// ``MultusSample``), for tests that play the node Multus left behind.
public enum MultusCacheFixtures {
    /// One element of a cache entry, as Multus marshals a `DelegateNetConf`: `Conf`,
    /// `ConfList` (plugins only for a configuration list), an empty `CNINetworkConfigList`,
    /// `Name`, the requests given, the gateway flags, and `config` as `Bytes` (base64).
    /// `extra` keys are set last (and may replace any of these).
    public static func delegate(name: String, config: String, ifnameRequest: String? = nil, macRequest: String? = nil,
                                extra: KeyValuePairs<String, JSONValue> = [:]) -> JSONValue {
        let document = (try? JSONValue(parsing: config)) ?? .null
        let plugins = document["plugins"]?.arrayValue
        func reduced(_ plugin: JSONValue) -> JSONObject {
            var out = JSONObject()
            out["ipam"] = .object(plugin["ipam"]?["type"].map { JSONObject([("type", $0)]) } ?? JSONObject())
            if let type = plugin["type"] { out["type"] = type }
            return out
        }
        var conf = JSONObject()
        var confList = JSONObject()
        if let version = document["cniVersion"] { conf["cniVersion"] = version }
        if let plugins {
            conf["ipam"] = .object(JSONObject())
            if let listName = document["name"] { conf["name"] = listName }
            if let version = document["cniVersion"] { confList["cniVersion"] = version }
            if let listName = document["name"] { confList["name"] = listName }
            confList["plugins"] = .array(plugins.map { .object(reduced($0)) })
        } else {
            for (key, value) in reduced(document) { conf[key] = value }
            if let confName = document["name"] { conf["name"] = confName }
        }
        var element = JSONObject([
            ("Conf", .object(conf)),
            ("ConfList", .object(confList)),
            ("CNINetworkConfigList", .object(JSONObject([
                ("Name", .string("")), ("CNIVersion", .string("")), ("DisableCheck", .bool(false)),
                ("DisableGC", .bool(false)), ("LoadOnlyInlinedPlugins", .bool(false)),
                ("Plugins", .null), ("Bytes", .null),
            ]))),
            ("Name", .string(name)),
        ])
        if let ifnameRequest { element["ifnameRequest"] = .string(ifnameRequest) }
        if let macRequest { element["macRequest"] = .string(macRequest) }
        element["IsFilterV4Gateway"] = .bool(false)
        element["IsFilterV6Gateway"] = .bool(false)
        element["Bytes"] = .string(base64(config))
        for (key, value) in extra { element[key] = value }
        return .object(element)
    }

    /// A cache entry: the elements as one compact JSON array, as `json.Marshal` writes it.
    public static func entry(_ delegates: [JSONValue]) -> String {
        JSONValue.array(delegates).jsonText
    }

    /// The name libcni gives an attachment's results file under `<cniDir>/results/`.
    public static func resultsFileName(network: String, containerID: String, ifName: String) -> String {
        "\(network)-\(containerID)-\(ifName)"
    }

    /// A libcni results file (`kind: cniCacheV1`) for one delegate's ADD.
    public static func resultsFile(containerID: String, network: String, ifName: String, netns: String, config: String,
                                   cniArgs: String, capabilityArgs: JSONObject = JSONObject(), result: JSONValue) -> String {
        var object = JSONObject([
            ("kind", .string("cniCacheV1")),
            ("containerId", .string(containerID)),
            ("config", .string(base64(config))),
            ("ifName", .string(ifName)),
            ("networkName", .string(network)),
            ("netns", .string(netns)),
            ("cniArgs", .array(cniArgs.split(separator: ";").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                return .array([.string(parts[0]), .string(parts.count > 1 ? parts[1] : "")])
            })),
        ])
        if !capabilityArgs.isEmpty { object["capabilityArgs"] = .object(capabilityArgs) }
        object["result"] = result
        return JSONValue.object(object).jsonText
    }

    /// Standard base64 of `text`'s UTF-8 bytes, as Go writes a `[]byte`.
    public static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
