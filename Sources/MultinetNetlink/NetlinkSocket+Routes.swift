import MultinetCNI

extension NetlinkSocket {
    /// Every IPv4 and IPv6 route of every table (`family` `nil`), or of one family.
    public func routes(family: IPAddress.Family? = nil) throws(NetlinkError) -> [KernelRoute] {
        var routes: [KernelRoute] = []
        for message in try dump(.dumpRoutes(family: family), describing: "RTM_GETROUTE dump") {
            if let route = try KernelRoute(decoding: message) { routes.append(route) }
        }
        return routes
    }

    /// Every interface.
    public func links() throws(NetlinkError) -> [KernelLink] {
        var links: [KernelLink] = []
        for message in try dump(.dumpLinks(), describing: "RTM_GETLINK dump") {
            links.append(try KernelLink(decoding: message))
        }
        return links
    }

    /// Every IPv4 and IPv6 address of every interface.
    public func addresses(family: IPAddress.Family? = nil) throws(NetlinkError) -> [KernelAddress] {
        var addresses: [KernelAddress] = []
        for message in try dump(.dumpAddresses(family: family), describing: "RTM_GETADDR dump") {
            if let address = try KernelAddress(decoding: message) { addresses.append(address) }
        }
        return addresses
    }

    /// Adds `route`; `EEXIST` when an equal one is there.
    public func add(_ route: KernelRoute) throws(NetlinkError) {
        try acknowledged(.addRoute(route), describing: "adding the route \(route)")
    }

    /// Removes exactly `route`; `ESRCH` when there is no such route.
    public func delete(_ route: KernelRoute) throws(NetlinkError) {
        try acknowledged(.deleteRoute(route), describing: "removing the route \(route)")
    }
}
