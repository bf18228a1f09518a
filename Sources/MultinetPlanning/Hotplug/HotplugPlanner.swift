/// The difference between what a running pod's selection annotation asks for and what the
/// store recorded for its sandbox. Pure; table-tested.
///
/// - Identity is the network plus the interface. An element that names its interface
///   (`macnet@eth5`) is kept when that network is on that interface; an element that does
///   not keeps the interface it got (`net2` stays `net2` when `net1` is removed), matched
///   after the named ones so it never takes an interface a named element wants. The same
///   network listed twice is two interfaces.
/// - Recorded interfaces no element matches are detached, except the default network's
///   (`CNI_IFNAME`, never hot-unplugged) and the node's `defaultNetworks` (`net1` …).
/// - A new unnamed element takes the lowest free `net<N>` (`eth<N>` in the alpha dialect);
///   a new named one whose interface the pod keeps for another network is refused.
/// - The alpha dialect's first element is the default network: changing it is refused.
public enum HotplugPlanner {
    /// The plan for `pod` (its `namespace/name`, for messages).
    public static func plan(_ request: PodNetworkRequest, attached: [AttachedInterface], pod: String,
                            runtimeIfName: String, defaultNetworks: Int = 0) throws(HotplugRefusal) -> HotplugPlan {
        var pinned = Set([runtimeIfName])
        for number in stride(from: 1, through: defaultNetworks, by: 1) { pinned.insert("net\(number)") }
        var keep = attached.filter { $0.isDefault || pinned.contains($0.ifName) }
        var candidates = attached.filter { !$0.isDefault && !pinned.contains($0.ifName) }
        var elements = request.selections.filter { !$0.isDefault }

        if request.dialect == .alpha, let first = request.selections.first, first.isDefault,
           let recorded = attached.first(where: \.isDefault), !sameNetwork(recorded.network, first.selection) {
            throw .defaultNetworkChanged(pod: pod, recorded: recorded.network, requested: first.selection.name)
        }
        if request.dialect == .alpha {
            // Alpha interfaces are positional; a running pod's keep the ones they got.
            elements = elements.map { entry in
                var entry = entry
                entry.selection.interfaceRequest = nil
                return entry
            }
        }

        var matched = Array(repeating: false, count: elements.count)
        // Named elements first: they claim exactly their interface.
        for (index, entry) in elements.enumerated() {
            guard let ifName = entry.selection.interfaceRequest,
                  let found = candidates.firstIndex(where: { $0.ifName == ifName && sameNetwork($0.network, entry.selection) })
            else { continue }
            keep.append(candidates.remove(at: found))
            matched[index] = true
        }
        // Unnamed elements keep an interface of their network, in recorded order.
        for (index, entry) in elements.enumerated() where !matched[index] && entry.selection.interfaceRequest == nil {
            guard let found = candidates.firstIndex(where: { sameNetwork($0.network, entry.selection) }) else { continue }
            keep.append(candidates.remove(at: found))
            matched[index] = true
        }
        let detach = candidates
        var used = Set(keep.map(\.ifName)).union(pinned)
        var attach: [HotplugPlan.Addition] = []
        let prefix = request.dialect == .alpha ? "eth" : "net"
        for (index, entry) in elements.enumerated() where !matched[index] {
            let ifName: String
            if let named = entry.selection.interfaceRequest {
                if used.contains(named) {
                    let holder = keep.first { $0.ifName == named }.map { kept in
                        kept.isDefault ? "the default network (\"\(kept.network)\")" : "network \"\(kept.network)\""
                    } ?? (named == runtimeIfName ? "the default network" : "a network of the node's defaultNetworks")
                    throw .interfaceTaken(pod: pod, network: entry.selection.qualifiedName, ifName: named, heldBy: holder)
                }
                ifName = named
            } else {
                var number = 1
                while used.contains("\(prefix)\(number)") { number += 1 }
                ifName = "\(prefix)\(number)"
            }
            used.insert(ifName)
            attach.append(HotplugPlan.Addition(selection: entry.selection, ifName: ifName))
        }
        return HotplugPlan(keep: keep, detach: detach, attach: attach)
    }

    /// Whether a recorded network (`namespace/name`, or a bare name) is the selection's.
    static func sameNetwork(_ recorded: String, _ selection: NetworkSelection) -> Bool {
        recorded == selection.qualifiedName || recorded == selection.name
    }
}
