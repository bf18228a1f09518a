extension CNIResult {
    /// The gateways of the result's default routes (`dst` of length 0), as the attachment
    /// on interface `name` carries them: a route's `gw`, or when it has none, the gateway of
    /// that interface's `ips` entry of the same family (the CNI spec's "default gateway").
    /// In route order, without repeats. What `network-status` lists as `gateway`.
    public func defaultGateways(forInterface name: String) -> [IPAddress] {
        let configs = ipConfigs(forInterface: name)
        var gateways: [IPAddress] = []
        for route in routes where route.dst.prefixLength == 0 {
            let gateway = route.gw ?? configs.first { $0.family == route.dst.family && $0.gateway != nil }?.gateway
            if let gateway, !gateways.contains(gateway) { gateways.append(gateway) }
        }
        return gateways
    }

    /// The result with its default routes of `families` removed, as the kernel's are when
    /// another attachment takes the pod's default route.
    public func removingDefaultRoutes(of families: Set<IPAddress.Family>) -> CNIResult {
        var copy = self
        copy.routes.removeAll { $0.dst.prefixLength == 0 && families.contains($0.dst.family) }
        return copy
    }

    /// The result with its default routes of the gateways' families replaced by one default
    /// route via each gateway: what the attachment chosen by `default-route` now carries.
    public func replacingDefaultRoutes(with gateways: [IPAddress]) -> CNIResult {
        var copy = removingDefaultRoutes(of: Set(gateways.map(\.family)))
        for gateway in gateways {
            copy.routes.append(CNIRoute(dst: IPAddressPrefix.anyDestination(gateway.family), gw: gateway))
        }
        return copy
    }
}
