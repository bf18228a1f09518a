import MultinetCNI
import MultinetJSON
import MultinetModel

/// The pod annotation `k8s.v1.cni.cncf.io/network-status` (NPWG multi-net-spec): one entry
/// per attachment, in attach order.
public enum NetworkStatus {
    /// The annotation's key.
    public static let annotation = "k8s.v1.cni.cncf.io/network-status"

    /// One attachment as the annotation describes it.
    public struct Entry: Sendable, Equatable {
        /// `namespace/name` for Networks and NADs; the file network's name for the default.
        public var name: String
        /// The interface inside the pod.
        public var interface: String
        /// Its addresses with prefix lengths.
        public var ips: [String]
        /// Its MAC address, if the result gives one.
        public var mac: String?
        /// Its MTU, if the result reports one (CNI 1.1.0 interfaces).
        public var mtu: Int?
        /// Whether this is the pod's default network.
        public var isDefault: Bool
        /// The DNS settings of the result.
        public var dns: CNIDNS
        /// The gateways of the result's default routes (see
        /// `CNIResult.defaultGateways(forInterface:)`): non-empty on the attachment that
        /// carries the pod's default route.
        public var gateways: [String]

        /// An entry from an attachment's plan and result.
        public init(planned: PlannedAttachment, result: CNIResult) {
            name = planned.qualifiedName
            interface = planned.ifName
            ips = result.addresses(forInterface: planned.ifName)
            mac = result.mac(forInterface: planned.ifName)
            mtu = result.mtu(forInterface: planned.ifName)
            isDefault = planned.isDefault
            dns = result.dns
            gateways = result.defaultGateways(forInterface: planned.ifName).map(\.description)
        }

        /// The entry as JSON: `name`, `interface`, `ips`, `mac` (when known), `mtu` (when
        /// reported), `default`, `dns`, and on an attachment with a default route `gateway`
        /// (as the NPWG client library writes it) and `default-route` (the older key some
        /// consumers read), both the list of its default gateways.
        public var json: JSONValue {
            var object = JSONObject()
            object["name"] = .string(name)
            object["interface"] = .string(interface)
            object["ips"] = .array(ips.map(JSONValue.string))
            if let mac { object["mac"] = .string(mac) }
            if let mtu { object["mtu"] = .int(mtu) }
            object["default"] = .bool(isDefault)
            object["dns"] = dns.json
            if !gateways.isEmpty {
                object["gateway"] = .array(gateways.map(JSONValue.string))
                object["default-route"] = .array(gateways.map(JSONValue.string))
            }
            return .object(object)
        }
    }

    /// The annotation's value: a JSON list of the entries.
    public static func value(_ entries: [Entry]) -> String {
        JSONValue.array(entries.map(\.json)).jsonText
    }
}
