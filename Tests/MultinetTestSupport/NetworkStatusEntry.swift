import Foundation
import MultinetJSON

/// One entry of the `k8s.v1.cni.cncf.io/network-status` pod annotation (NPWG
/// multi-net-spec v1.3 §4.1): a JSON list, one element per attachment.
public struct NetworkStatusEntry: Sendable, Equatable, CustomStringConvertible {
    /// The annotation's key.
    public static let annotation = "k8s.v1.cni.cncf.io/network-status"

    /// `name`: `namespace/name` for a NetworkAttachmentDefinition or Network, the plain name
    /// for an on-disk network.
    public var name: String
    /// `interface`.
    public var interface: String?
    /// `ips`, with prefix length as multinet writes them (`10.1.2.3/24`).
    public var ips: [String]
    /// `mac`.
    public var mac: String?
    /// `default`; `nil` when the key is missing or not a boolean.
    public var isDefault: Bool?
    /// Whether `dns` is present and a JSON object.
    public var hasDNSObject: Bool
    /// `gateway`: the default route's gateways (what the NPWG client library writes).
    public var gateway: [String] = []
    /// `default-route`: the same list under the older key.
    public var defaultRoute: [String] = []
    /// `mtu`, when present.
    public var mtu: Int?

    /// Parses the annotation's value.
    public static func parse(_ text: String) throws -> [NetworkStatusEntry] {
        let json = try JSONValue(parsing: text)
        guard let list = json.arrayValue, list.allSatisfy({ $0.objectValue != nil }) else {
            throw TestSupportError.unexpectedOutput(command: [annotation], reason: "not a JSON list of objects", output: text)
        }
        return list.map { entry in
            NetworkStatusEntry(
                name: entry["name"]?.stringValue ?? "",
                interface: entry["interface"]?.stringValue,
                ips: entry["ips"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                mac: entry["mac"]?.stringValue?.lowercased(),
                isDefault: entry["default"]?.boolValue,
                hasDNSObject: entry["dns"]?.objectValue != nil,
                gateway: entry["gateway"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                defaultRoute: entry["default-route"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                mtu: entry["mtu"]?.intValue)
        }
    }

    public var description: String {
        "\(name) on \(interface ?? "?") ips \(ips) mac \(mac ?? "?") default \(isDefault.map(String.init) ?? "?")"
    }
}
