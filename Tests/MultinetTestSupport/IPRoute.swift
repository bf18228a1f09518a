import Foundation

/// One route of `ip -j route show` inside a namespace: what a test checks after multinet
/// changed the pod's routes.
public struct IPRoute: Sendable, Hashable, CustomStringConvertible {
    /// `default` or `ADDRESS/PREFIX` (a host route may be a bare address).
    public var destination: String
    /// The `via` address, if any.
    public var gateway: String?
    /// The `dev`.
    public var device: String?
    /// `kernel`, `static`, … when `ip` prints one (it leaves out `boot`, what `ip route add` sets).
    public var origin: String?

    /// A route from its fields.
    public init(destination: String, gateway: String? = nil, device: String? = nil, origin: String? = nil) {
        self.destination = destination
        self.gateway = gateway
        self.device = device
        self.origin = origin
    }

    /// Whether this is a default route.
    public var isDefault: Bool { destination == "default" }

    public var description: String {
        destination + (gateway.map { " via \($0)" } ?? "") + (device.map { " dev \($0)" } ?? "")
    }
}

extension NetworkNamespace {
    /// The main table's routes of one family (`ip -j -4 route show` or `-6`), in the kernel's order.
    public func routes(ipv6: Bool = false) throws -> [IPRoute] {
        try IPRoute2.json(netns: name, [ipv6 ? "-6" : "-4", "route", "show"]).map { entry in
            IPRoute(destination: entry["dst"] as? String ?? "?", gateway: entry["gateway"] as? String,
                    device: entry["dev"] as? String, origin: entry["protocol"] as? String)
        }
    }
}
