/// The result of a CNI ADD: the interfaces, addresses, routes and DNS settings a plugin
/// configured, as any of the versions multinet speaks (0.3.0 through 1.1.0) describes them.
///
/// Read one with `init(json:)`, which validates it; write it as any supported version
/// with `json(as:)`, which adds or drops what that version has or lacks.
public struct CNIResult: Sendable, Equatable {
    /// The version the result was written in, or is to be written in.
    public var cniVersion: CNIVersion
    /// The interfaces, host and container side; `ips[].interface` indexes this list.
    public var interfaces: [CNIInterface]
    /// The addresses assigned.
    public var ips: [CNIIPConfig]
    /// The routes added.
    public var routes: [CNIRoute]
    /// The DNS settings; empty when the plugin suggests none.
    public var dns: CNIDNS

    /// A result from its parts.
    public init(cniVersion: CNIVersion, interfaces: [CNIInterface] = [], ips: [CNIIPConfig] = [],
                routes: [CNIRoute] = [], dns: CNIDNS = CNIDNS()) {
        self.cniVersion = cniVersion
        self.interfaces = interfaces
        self.ips = ips
        self.routes = routes
        self.dns = dns
    }
}
