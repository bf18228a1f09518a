import MultinetJSON

/// One network a pod asks for in its annotation, before it is resolved to a configuration.
public struct NetworkSelection: Sendable, Equatable {
    /// The Network or NetworkAttachmentDefinition name.
    public var name: String
    /// Its namespace (the pod's unless the selection names another).
    public var namespace: String
    /// The interface explicitly asked for (`interface` or `@ifname`), if any.
    public var interfaceRequest: String?
    /// Static IPs for this attachment (`ips`), passed as the `ips` capability.
    public var ips: [String] = []
    /// A MAC address (`mac`), passed as the `mac` capability.
    public var mac: String?
    /// Extra `args.cni` for the delegate (`cni-args`).
    public var cniArgs: JSONObject?
    /// Port mappings (`portMappings`), passed as the `portMappings` capability.
    public var portMappings: JSONValue?
    /// Bandwidth limits (`bandwidth`), passed as the `bandwidth` capability.
    public var bandwidth: JSONValue?
    /// Gateways whose default route this attachment should carry (`default-route`).
    public var defaultRoute: [String] = []
    /// An InfiniBand GUID (`infiniband-guid`), passed as the `infinibandGUID` capability.
    public var infinibandGUID: String?
    /// An IPAMClaim reference (`ipam-claim-reference`).
    public var ipamClaimReference: String?

    /// A selection of `namespace/name`.
    public init(name: String, namespace: String, interfaceRequest: String? = nil) {
        self.name = name
        self.namespace = namespace
        self.interfaceRequest = interfaceRequest
    }

    /// `namespace/name`.
    public var qualifiedName: String { "\(namespace)/\(name)" }

    /// The per-attachment runtime configuration this selection asks for, keyed by CNI
    /// capability name (it goes to this selection's delegate only).
    public var capabilityArgs: JSONObject {
        var args = JSONObject()
        if !ips.isEmpty { args["ips"] = .array(ips.map(JSONValue.string)) }
        if let mac { args["mac"] = .string(mac) }
        if let portMappings { args["portMappings"] = portMappings }
        if let bandwidth { args["bandwidth"] = bandwidth }
        if let infinibandGUID { args["infinibandGUID"] = .string(infinibandGUID) }
        return args
    }
}
