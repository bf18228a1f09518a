/// A pod as the apiserver has it, reduced to what reconciliation compares.
public struct ObservedPod: Sendable, Equatable {
    /// One entry of its `network-status` annotation.
    public struct StatusEntry: Sendable, Equatable {
        /// The network's name as the status gives it (`namespace/name`, or a file network's name).
        public var name: String
        /// The interface in the pod.
        public var interface: String
        /// Its addresses, without prefix lengths.
        public var ips: [String]
        /// Its MAC, lowercased, when the status gives one.
        public var mac: String?
        /// Whether the status marks it the pod's default network.
        public var isDefault: Bool

        /// An entry from its parts.
        public init(name: String, interface: String, ips: [String], mac: String? = nil, isDefault: Bool = false) {
            self.name = name
            self.interface = interface
            self.ips = ips
            self.mac = mac
            self.isDefault = isDefault
        }
    }

    /// The pod's UID.
    public var uid: String
    /// Its `network-status` entries, `nil` when it has no such annotation.
    public var networkStatus: [StatusEntry]?

    /// A pod from its parts.
    public init(uid: String, networkStatus: [StatusEntry]?) {
        self.uid = uid
        self.networkStatus = networkStatus
    }
}
