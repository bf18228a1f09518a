import MultinetCNI

/// Why a `default-route` request cannot be carried out; found before any route changes.
public enum DefaultRouteProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The gateway is not inside any of the interface's subnets of its family: the kernel
    /// could not reach it on that interface.
    case gatewayNotOnInterface(gateway: IPAddress, interface: String, subnets: [IPAddressPrefix])
    /// The gateway is one of the interface's own addresses.
    case gatewayIsOwnAddress(gateway: IPAddress, interface: String)
    /// Two gateways of one address family: one default route per family (no ECMP).
    case twoGateways(IPAddress, IPAddress)
    /// The interface is not in the pod's network namespace.
    case interfaceMissing(String)

    public var description: String {
        switch self {
        case .gatewayNotOnInterface(let gateway, let interface, let subnets):
            let own = subnets.filter { $0.family == gateway.family }
            let listed = own.isEmpty ? "it has no \(gateway.family.name) address"
                : "its subnet\(own.count == 1 ? " is" : "s are") \(own.map { Self.network(of: $0) }.joined(separator: ", "))"
            return "gateway \(gateway) is not reachable on \(interface): \(listed)"
        case .gatewayIsOwnAddress(let gateway, let interface):
            return "gateway \(gateway) is \(interface)'s own address"
        case .twoGateways(let first, let second):
            return "gateways \(first) and \(second) are both \(first.family.name): one default route per address family (multinet, like Multus, does not set up ECMP)"
        case .interfaceMissing(let interface):
            return "interface \(interface) is not in the pod's network namespace"
        }
    }

    /// `10.1.0.0/24` for `10.1.0.5/24`.
    static func network(of prefix: IPAddressPrefix) -> String {
        var bytes = prefix.address.bytes
        var remaining = prefix.prefixLength
        for index in bytes.indices {
            let bits = min(max(remaining, 0), 8)
            bytes[index] &= UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            remaining -= 8
        }
        return "\(IPAddress(bytes: bytes) ?? prefix.address)/\(prefix.prefixLength)"
    }
}
