import Foundation

/// Reads links and addresses with iproute2's JSON output (`ip -j`), in the host network
/// namespace (`netns == nil`) or in a named one (`ip -n NAME`).
enum IPRoute2 {
    /// `ip [-n NETNS] ARGS...`.
    static func command(netns: String?, _ args: [String]) -> [String] {
        ["ip"] + (netns.map { ["-n", $0] } ?? []) + args
    }

    /// Runs `ip -j [-n NETNS] ARGS...` and returns the array of objects it prints.
    static func json(netns: String?, _ args: [String]) throws -> [[String: Any]] {
        let command = command(netns: netns, ["-j"] + args)
        let output = try Shell.check(command)
        let trimmed = output.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return [] }
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)),
              let objects = parsed as? [[String: Any]] else {
            throw TestSupportError.unexpectedOutput(command: command, reason: "expected a JSON array of objects", output: output)
        }
        return objects
    }

    /// The names of all links.
    static func linkNames(netns: String?) throws -> [String] {
        try json(netns: netns, ["link", "show"]).compactMap { $0["ifname"] as? String }
    }

    /// Whether a link of that name exists.
    static func linkExists(netns: String?, _ name: String) throws -> Bool {
        try linkNames(netns: netns).contains(name)
    }

    /// The link's addresses as `ADDRESS/PREFIX` strings, IPv4 first, in the kernel's order;
    /// link-local ones (`scope link`, e.g. `fe80::…/64`) only when asked for.
    static func addresses(netns: String?, of ifname: String, includeLinkLocal: Bool) throws -> [String] {
        let entries = try json(netns: netns, ["addr", "show", "dev", ifname])
        var v4: [String] = [], v6: [String] = []
        for entry in entries {
            for info in entry["addr_info"] as? [[String: Any]] ?? [] {
                guard let local = info["local"] as? String, let prefix = info["prefixlen"] as? Int else { continue }
                if !includeLinkLocal, info["scope"] as? String == "link" { continue }
                if info["family"] as? String == "inet6" { v6.append("\(local)/\(prefix)") } else { v4.append("\(local)/\(prefix)") }
            }
        }
        return v4 + v6
    }

    /// The link's MAC address, lower case, or `nil` when it has none.
    static func mac(netns: String?, of ifname: String) throws -> String? {
        try json(netns: netns, ["link", "show", "dev", ifname]).first?["address"] as? String
    }
}
