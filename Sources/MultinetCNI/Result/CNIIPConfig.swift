/// One entry of a CNI result's `ips`: an address assigned to an interface.
///
/// The `version` field of results before 1.0.0 is not stored: it is the address family,
/// checked when a result is read and computed when one is written.
public struct CNIIPConfig: Sendable, Equatable {
    /// The address with its prefix length, such as `10.1.0.5/16`.
    public var address: IPAddressPrefix
    /// The index into the result's `interfaces` of the interface holding the address, if given.
    public var interface: Int?
    /// The default gateway of the address's network, if any.
    public var gateway: IPAddress?

    /// An address assignment from its fields.
    public init(address: IPAddressPrefix, interface: Int? = nil, gateway: IPAddress? = nil) {
        self.address = address
        self.interface = interface
        self.gateway = gateway
    }

    /// The address family, which results before 1.0.0 call `version`.
    public var family: IPAddress.Family { address.family }
}
