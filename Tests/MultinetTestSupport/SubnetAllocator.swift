import Foundation

/// Hands out `10.X.Y.0/24` test subnets (X in 200…254, except 250, which
/// `multinet-inspect demo` uses) that this process has not handed out and that no host
/// route overlaps, so tests running in parallel never share a range.
final class SubnetAllocator: @unchecked Sendable {
    /// The process-wide allocator.
    static let shared = SubnetAllocator()

    private let lock = NSLock()
    private var handedOut = Set<String>()

    /// The next free subnet.
    func next() -> String {
        let routed = routedPrefixes()
        return lock.withLock {
            var attempts = 0
            while true {
                attempts += 1
                let second = Int.random(in: 200...254)
                guard second != 250 else { continue }
                let subnet = "10.\(second).\(Int.random(in: 0...255)).0/24"
                guard !handedOut.contains(subnet) else { continue }
                // After many tries (a crowded host), routes are ignored rather than looping forever.
                let overlaps = attempts < 1000 && routed.contains { route in
                    ConfigFixtures.subnet(route, contains: subnet) || ConfigFixtures.subnet(subnet, contains: route)
                }
                guard !overlaps else { continue }
                handedOut.insert(subnet)
                return subnet
            }
        }
    }

    /// The destinations of the host's IPv4 routes as `A.B.C.D/N`, leaving out `default` and
    /// anything broader than a `/16` (a test `/24` on a bridge is more specific and wins).
    private func routedPrefixes() -> [String] {
        guard let routes = try? IPRoute2.json(netns: nil, ["-4", "route", "show", "table", "all"]) else { return [] }
        return routes.compactMap { $0["dst"] as? String }
            .filter { $0 != "default" }
            .map { $0.contains("/") ? $0 : $0 + "/32" }
            .filter { Int($0.split(separator: "/").last ?? "") ?? 0 >= 16 }
    }
}
