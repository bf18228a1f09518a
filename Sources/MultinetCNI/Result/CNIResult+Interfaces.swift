extension CNIResult {
    /// The index in `interfaces` of the interface called `name`; when several share the
    /// name (a host-side and a container-side `eth0`), the first one inside the container
    /// (with a `sandbox`), else the first one.
    public func interfaceIndex(forInterface name: String) -> Int? {
        let matching = interfaces.indices.filter { interfaces[$0].name == name }
        return matching.first { interfaces[$0].isInSandbox } ?? matching.first
    }

    /// The addresses of the interface called `name` (see `interfaceIndex(forInterface:)`):
    /// the `ips` entries that point at it, and those that name no interface when it is the
    /// only one they can belong to — the only interface inside the container, or the only
    /// interface listed. When the result lists no interfaces at all, every address.
    public func prefixes(forInterface name: String) -> [IPAddressPrefix] {
        ipConfigs(forInterface: name).map(\.address)
    }

    /// The `ips` entries of the interface called `name`, by the rules of
    /// `prefixes(forInterface:)`, with their gateways.
    public func ipConfigs(forInterface name: String) -> [CNIIPConfig] {
        guard !interfaces.isEmpty else { return ips }
        guard let index = interfaceIndex(forInterface: name) else { return [] }
        let sandboxed = interfaces.indices.filter { interfaces[$0].isInSandbox }
        let ownsUnindexed = sandboxed.isEmpty ? interfaces.count == 1 : sandboxed == [index]
        return ips.filter { $0.interface == index || ($0.interface == nil && ownsUnindexed) }
    }

    /// The MTU the result reports for the interface called `name` (CNI 1.1.0 `mtu`), if any.
    public func mtu(forInterface name: String) -> Int? {
        interfaceIndex(forInterface: name).flatMap { interfaces[$0].mtu }
    }

    /// The addresses of the interface called `name` with their prefix lengths, such as
    /// `["10.1.0.5/16", "fd00::5/64"]`: `prefixes(forInterface:)` as text.
    public func addresses(forInterface name: String) -> [String] {
        prefixes(forInterface: name).map(\.description)
    }

    /// The MAC address of the interface called `name` (see `interfaceIndex(forInterface:)`),
    /// `nil` when there is no such interface or it has no MAC.
    public func mac(forInterface name: String) -> String? {
        guard let index = interfaceIndex(forInterface: name), let mac = interfaces[index].mac, !mac.isEmpty else {
            return nil
        }
        return mac
    }
}
