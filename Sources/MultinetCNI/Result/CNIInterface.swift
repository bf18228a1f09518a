/// One entry of a CNI result's `interfaces`: an interface a plugin created or configured,
/// on the host (no `sandbox`) or inside the container (`sandbox` is its network namespace).
public struct CNIInterface: Sendable, Equatable {
    /// The interface name, such as `eth0`.
    public var name: String
    /// The hardware address, such as `0a:58:0a:01:00:05`, when the interface has one.
    public var mac: String?
    /// The MTU (CNI 1.1.0); dropped for earlier versions.
    public var mtu: Int?
    /// The container's network namespace path for an interface inside the container;
    /// `nil` for a host interface.
    public var sandbox: String?
    /// The socket path of a vhost-user or similar interface (CNI 1.1.0); dropped for earlier versions.
    public var socketPath: String?
    /// The PCI address of the device backing the interface (CNI 1.1.0); dropped for earlier versions.
    public var pciID: String?

    /// An interface from its fields; empty strings and a zero MTU are treated as absent.
    public init(name: String, mac: String? = nil, mtu: Int? = nil, sandbox: String? = nil,
                socketPath: String? = nil, pciID: String? = nil) {
        self.name = name
        self.mac = Self.present(mac)
        self.mtu = mtu == 0 ? nil : mtu
        self.sandbox = Self.present(sandbox)
        self.socketPath = Self.present(socketPath)
        self.pciID = Self.present(pciID)
    }

    /// `nil` for `nil` or the empty string: how Go's `omitempty` strings read back.
    private static func present(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// Whether the interface is inside the container: its `sandbox` is set.
    public var isInSandbox: Bool { !(sandbox ?? "").isEmpty }
}
