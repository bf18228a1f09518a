import MultinetCNI

/// One delegate of a Multus cache entry: what Multus's `DelegateNetConf` recorded for one
/// network of a pod, as far as tearing it down needs it.
///
/// An element that cannot be used (its `Bytes` are not base64, its configuration names a
/// plugin by path, a request field has the wrong type …) is kept with its ``problem``, so
/// the DEL can report it beside the delegates it did tear down.
public struct MultusCachedDelegate: Sendable, Equatable {
    /// The element's position in the entry; 0 is the cluster network (Multus's master plugin).
    public var index: Int
    /// `Name`: `namespace/name` for a NetworkAttachmentDefinition, the bare name for the
    /// cluster network; empty when the element has none.
    public var name: String
    /// `ifnameRequest`: the interface the pod's selection named, if it named one.
    public var ifnameRequest: String?
    /// `macRequest`: the selection's `mac`.
    public var macRequest: String?
    /// `ipRequest`: the selection's `ips`.
    public var ipRequest: [String]?
    /// `infinibandGUIDRequest`: the selection's `infiniband-guid`.
    public var infinibandGUIDRequest: String?
    /// `deviceID`: the device a device plugin allocated for this network.
    public var deviceID: String?
    /// Whether Multus runs it as a configuration list: its `ConfList` has plugins.
    public var isConfList: Bool
    /// `ConfList.cniVersion`; when it is empty Multus's DEL puts its own version into the list.
    public var confListCNIVersion: String
    /// The configuration Multus sent the delegate (its `Bytes`, decoded; see
    /// ``MultusCachedDelegate/init(parsing:index:source:)``), or `nil` with a ``problem``.
    public var configuration: NetworkConfigList?
    /// Why the delegate cannot be torn down, when it cannot.
    public var problem: CNIError?

    /// A delegate from its parts.
    public init(index: Int, name: String, ifnameRequest: String? = nil, macRequest: String? = nil,
                ipRequest: [String]? = nil, infinibandGUIDRequest: String? = nil, deviceID: String? = nil,
                isConfList: Bool, confListCNIVersion: String = "", configuration: NetworkConfigList?,
                problem: CNIError? = nil) {
        self.index = index
        self.name = name
        self.ifnameRequest = ifnameRequest
        self.macRequest = macRequest
        self.ipRequest = ipRequest
        self.infinibandGUIDRequest = infinibandGUIDRequest
        self.deviceID = deviceID
        self.isConfList = isConfList
        self.confListCNIVersion = confListCNIVersion
        self.configuration = configuration
        self.problem = problem
    }

    /// The delegate as messages name it: its `Name`, else its configuration's name, else its position.
    public var displayName: String {
        if !name.isEmpty { return name }
        if let listName = configuration?.name, !listName.isEmpty { return listName }
        return "delegate #\(index)"
    }

    /// Whether Multus treats it as the master plugin: the first delegate of the entry.
    public var isMaster: Bool { index == 0 }

    /// The interface Multus used for it (its `getIfname`): `ifnameRequest` when the selection
    /// named one, the runtime's `CNI_IFNAME` for the cluster network, else `net<index>`.
    public func interfaceName(runtimeIfName: String) -> String {
        if let ifnameRequest, !ifnameRequest.isEmpty { return ifnameRequest }
        return isMaster ? runtimeIfName : "net\(index)"
    }
}
