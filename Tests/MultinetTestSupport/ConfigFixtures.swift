import Foundation
import MultinetJSON

/// CNI configuration documents for end-to-end tests, as JSON text.
///
/// Conflists (`…Conflist`) are what lies in a conf dir; single network configs (`…Conf`,
/// `…PluginConfig`) are what a runtime writes on a plugin's standard input — for a conflist
/// that is one element of `plugins` with the list's `cniVersion` and `name` injected, as
/// ``pluginConfig(fromConflist:at:prevResult:)`` does.
///
/// Bridges use `isGateway: true` and `ipMasq: false` (no iptables); every address range is
/// a `/24` from ``uniqueSubnet()``, so parallel tests never share one.
public enum ConfigFixtures {
    /// A fresh `10.X.Y.0/24` with X in 200…254 that this process has not handed out before
    /// and that no route on the host overlaps.
    public static func uniqueSubnet() -> String {
        SubnetAllocator.shared.next()
    }

    /// The first usable host address of a `/24` subnet (`10.2.3.0/24` → `10.2.3.1`), which
    /// the bridge plugin gives the bridge as gateway.
    public static func gateway(of subnet: String) -> String {
        let network = subnet.split(separator: "/").first.map(String.init) ?? subnet
        var octets = network.split(separator: ".").map(String.init)
        if octets.count == 4 { octets[3] = "1" }
        return octets.joined(separator: ".")
    }

    /// Whether `address` (`"10.2.3.5"` or `"10.2.3.5/24"`) lies in the IPv4 `subnet`.
    public static func subnet(_ subnet: String, contains address: String) -> Bool {
        let parts = subnet.split(separator: "/")
        guard parts.count == 2, let bits = Int(parts[1]), (0...32).contains(bits),
              let network = ipv4(String(parts[0])),
              let host = ipv4(String(address.split(separator: "/").first ?? "")) else { return false }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits)
        return network & mask == host & mask
    }

    /// The `host-local` IPAM section: `{"type":"host-local","subnet":…,"dataDir":…}`.
    public static func hostLocalIPAM(subnet: String, dataDir: String) -> JSONValue {
        .object(JSONObject([
            ("type", .string("host-local")),
            ("subnet", .string(subnet)),
            ("dataDir", .string(dataDir)),
        ]))
    }

    /// The bridge plugin's entry in a conflist (no `name`/`cniVersion`).
    public static func bridgePlugin(bridge: String, subnet: String, dataDir: String) -> JSONObject {
        JSONObject([
            ("type", .string("bridge")),
            ("bridge", .string(bridge)),
            ("isGateway", .bool(true)),
            ("ipMasq", .bool(false)),
            ("ipam", hostLocalIPAM(subnet: subnet, dataDir: dataDir)),
        ])
    }

    /// A conflist with one bridge plugin (host-local IPAM) for network `name`.
    public static func bridgeConflist(
        name: String, bridge: String, subnet: String, dataDir: String, cniVersion: String = "1.0.0"
    ) -> String {
        conflist(name: name, cniVersion: cniVersion, plugins: [bridgePlugin(bridge: bridge, subnet: subnet, dataDir: dataDir)])
    }

    /// The single network config a runtime sends the bridge plugin for ``bridgeConflist(name:bridge:subnet:dataDir:cniVersion:)``;
    /// also valid on its own as a `.conf` file.
    public static func bridgeConf(
        name: String, bridge: String, subnet: String, dataDir: String, cniVersion: String = "1.0.0"
    ) -> String {
        networkConfig(name: name, cniVersion: cniVersion, plugin: bridgePlugin(bridge: bridge, subnet: subnet, dataDir: dataDir))
    }

    /// A single-plugin `.conf` for a macvlan network (mode `bridge`) on `master`, e.g. one
    /// end of ``HostNetwork/createVethPair(_:_:)``.
    public static func macvlanConf(
        name: String, master: String, subnet: String, dataDir: String, cniVersion: String = "1.0.0"
    ) -> String {
        networkConfig(name: name, cniVersion: cniVersion, plugin: JSONObject([
            ("type", .string("macvlan")),
            ("master", .string(master)),
            ("mode", .string("bridge")),
            ("ipam", hostLocalIPAM(subnet: subnet, dataDir: dataDir)),
        ]))
    }

    /// multinet's own plugin entry: `type`, the four directories/files, `logLevel: debug`,
    /// then `extra` (which may also replace any of them, e.g. `"logLevel": .string("info")`).
    public static func multinetPlugin(
        confDir: String, stateDir: String, binDir: String, logFile: String,
        extra: KeyValuePairs<String, JSONValue> = [:]
    ) -> JSONObject {
        var plugin = JSONObject([
            ("type", .string("multinet")),
            ("confDir", .string(confDir)),
            ("stateDir", .string(stateDir)),
            ("binDir", .string(binDir)),
            ("logFile", .string(logFile)),
            ("logLevel", .string("debug")),
        ])
        for (key, value) in extra { plugin[key] = value }
        return plugin
    }

    /// `00-multinet.conflist` as it lies in the runtime's conf dir:
    /// `{"cniVersion":"1.0.0","name":"multinet","plugins":[{"type":"multinet",…}]}`.
    public static func multinetConflist(
        confDir: String, stateDir: String, binDir: String, logFile: String,
        extra: KeyValuePairs<String, JSONValue> = [:], cniVersion: String = "1.0.0"
    ) -> String {
        conflist(name: "multinet", cniVersion: cniVersion, plugins: [
            multinetPlugin(confDir: confDir, stateDir: stateDir, binDir: binDir, logFile: logFile, extra: extra),
        ])
    }

    /// What the runtime writes on multinet's standard input for ``multinetConflist(confDir:stateDir:binDir:logFile:extra:cniVersion:)``:
    /// `{"cniVersion":"1.0.0","name":"multinet","type":"multinet",…}`.
    public static func multinetPluginConfig(
        confDir: String, stateDir: String, binDir: String, logFile: String,
        extra: KeyValuePairs<String, JSONValue> = [:], cniVersion: String = "1.0.0"
    ) -> String {
        networkConfig(name: "multinet", cniVersion: cniVersion, plugin: multinetPlugin(
            confDir: confDir, stateDir: stateDir, binDir: binDir, logFile: logFile, extra: extra))
    }

    /// A conflist document from plugin entries.
    public static func conflist(name: String, cniVersion: String = "1.0.0", plugins: [JSONObject]) -> String {
        JSONValue.object(JSONObject([
            ("cniVersion", .string(cniVersion)),
            ("name", .string(name)),
            ("plugins", .array(plugins.map(JSONValue.object))),
        ])).jsonText
    }

    /// A single network config: `cniVersion`, `name`, then the plugin's own keys.
    public static func networkConfig(name: String, cniVersion: String = "1.0.0", plugin: JSONObject) -> String {
        var config = JSONObject([("cniVersion", .string(cniVersion)), ("name", .string(name))])
        for (key, value) in plugin { config[key] = value }
        return JSONValue.object(config).jsonText
    }

    /// What a runtime (libcni) sends the plugin at `index` of a conflist: that entry with the
    /// list's `cniVersion` and `name` put first, and `prevResult` added when given (as for
    /// the second and later plugins of a chain, and for `CHECK`/`DEL`).
    public static func pluginConfig(fromConflist text: String, at index: Int = 0, prevResult: JSONValue? = nil) throws -> String {
        let list = try JSONValue(parsing: text)
        guard let plugins = list["plugins"]?.arrayValue, plugins.indices.contains(index),
              let plugin = plugins[index].objectValue else {
            throw TestSupportError.unexpectedOutput(command: ["pluginConfig"], reason: "no plugin object at index \(index)", output: text)
        }
        var config = JSONObject([
            ("cniVersion", list["cniVersion"] ?? .string("")),
            ("name", list["name"] ?? .string("")),
        ])
        for (key, value) in plugin where key != "cniVersion" && key != "name" { config[key] = value }
        if let prevResult { config["prevResult"] = prevResult }
        return JSONValue.object(config).jsonText
    }

    /// A dotted IPv4 address as a number.
    static func ipv4(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt32($0) }
        guard octets.count == 4, octets.allSatisfy({ $0 < 256 }) else { return nil }
        return octets.reduce(0) { $0 << 8 | $1 }
    }
}
