import MultinetCNI
import MultinetJSON

/// One network a pod will be attached to: which configuration, on which interface.
public struct PlannedAttachment: Sendable {
    /// The network's name.
    public var network: String
    /// The network's namespace; empty for on-disk networks.
    public var networkNamespace: String
    /// Where the configuration came from: `file`, `Network` or `NetworkAttachmentDefinition`.
    public var kind: String
    /// The interface inside the pod.
    public var ifName: String
    /// Whether this is the pod's default network (its result goes to the runtime).
    public var isDefault: Bool
    /// The configuration list to run.
    public var list: NetworkConfigList
    /// Capability arguments for this attachment's plugins (`runtimeConfig`).
    public var runtimeConfig: JSONObject
    /// The gateways of the pod's default route(s), when this attachment's selection asks
    /// for them (`default-route`); empty otherwise.
    public var defaultRoute: [IPAddress] = []

    /// A planned attachment.
    public init(network: String, networkNamespace: String, kind: String, ifName: String, isDefault: Bool,
                list: NetworkConfigList, runtimeConfig: JSONObject) {
        self.network = network
        self.networkNamespace = networkNamespace
        self.kind = kind
        self.ifName = ifName
        self.isDefault = isDefault
        self.list = list
        self.runtimeConfig = runtimeConfig
    }

    /// `namespace/name`, or the bare name of an on-disk network.
    public var qualifiedName: String { networkNamespace.isEmpty ? network : "\(networkNamespace)/\(network)" }
}
