import Foundation
import MultinetCNI
import MultinetCore
import MultinetNetlink
import MultinetTestSupport
import Testing

/// The netlink layer against the real kernel, in a real netns set up with `ip`: what it
/// reads must be what `ip` shows, what it changes must show up in `ip route`, and the
/// kernel's refusals must come back with their errno and text.
@Suite("End to end: netlink inside a network namespace", .endToEnd)
struct NetlinkKernelTests {
    /// A namespace with a veth pair `v0`/`v1` inside, `v0` addressed in a fresh subnet.
    static func namespace() throws -> (NetworkNamespace, subnet: String, address: String) {
        let ns = try NetworkNamespace.create(prefix: "mnnl")
        let subnet = ConfigFixtures.uniqueSubnet()
        var octets = (subnet.split(separator: "/").first ?? "").split(separator: ".").map(String.init)
        octets[octets.count - 1] = "5"
        let address = octets.joined(separator: ".")
        do {
            for command in [["ip", "link", "set", "lo", "up"], ["ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1"],
                            ["ip", "addr", "add", address + "/24", "dev", "v0"], ["ip", "link", "set", "v0", "up"],
                            ["ip", "link", "set", "v1", "up"]] {
                _ = try ns.run(command).requireSuccess()
            }
        } catch {
            ns.delete()
            throw error
        }
        return (ns, subnet, address)
    }

    @Test("links, addresses and routes read inside the namespace match ip; the calling thread stays in its own namespace")
    func reads() throws {
        let (ns, subnet, address) = try Self.namespace()
        defer { ns.delete() }
        let home = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self/ns/net")

        let socket = try NetlinkSocket.open(inNamespaceAt: ns.path)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self/ns/net") == home)
        let links = try socket.links()
        #expect(Set(links.map(\.name)) == ["lo", "v0", "v1"])
        let v0 = try #require(links.first { $0.name == "v0" })
        #expect(v0.mac == (try ns.mac(of: "v0")))
        #expect(v0.isUp && v0.mtu == 1500)
        let addresses = try socket.addresses()
        #expect(addresses.contains(KernelAddress(interfaceIndex: v0.index, prefix: IPAddressPrefix(address + "/24")!)), "\(addresses)")
        let routes = try socket.routes(family: .v4)
        let link = try #require(routes.first { $0.table == Netlink.Table.main && $0.outputInterface == v0.index && $0.destination.prefixLength == 24 },
                                "\(routes)")
        #expect(link.destination.address.description + "/24" == subnet)
        #expect(link.origin == Netlink.RouteProtocol.kernel && link.scope == Netlink.Scope.link)
        #expect(!routes.contains { $0.isMainDefault })
        #expect(routes.contains { $0.table == Netlink.Table.local }, "a dump covers every table")
    }

    @Test("a route added and removed shows in ip route; EEXIST, ENETUNREACH and ESRCH come back with their text")
    func changes() throws {
        let (ns, subnet, _) = try Self.namespace()
        defer { ns.delete() }
        let socket = try NetlinkSocket.open(inNamespaceAt: ns.path)
        let v0 = try #require(try socket.links().first { $0.name == "v0" })
        let gateway = IPAddress(ConfigFixtures.gateway(of: subnet))!
        let route = KernelRoute.defaultRoute(via: gateway, interface: v0.index)

        try socket.add(route)
        #expect(try ns.routes().filter(\.isDefault) == [IPRoute(destination: "default", gateway: gateway.description, device: "v0")])
        let dumped = try #require(try socket.routes(family: .v4).first { $0.isMainDefault })
        #expect(dumped == route)

        do {
            try socket.add(route)
            Issue.record("the same route was added twice")
        } catch {
            #expect(error.errno == EEXIST && error.description.contains("File exists"), "\(error)")
        }
        try socket.delete(dumped)
        #expect(try ns.routes().filter(\.isDefault).isEmpty)
        do {
            try socket.delete(dumped)
            Issue.record("a second delete succeeded")
        } catch {
            #expect(error.errno == ESRCH, "\(error)")
            #expect(error.description.contains("No such process"), "\(error)")
        }

        let offLink = KernelRoute.defaultRoute(via: IPAddress(ConfigFixtures.gateway(of: ConfigFixtures.uniqueSubnet()))!, interface: v0.index)
        do {
            try socket.add(offLink)
            Issue.record("a default route via an unreachable gateway was accepted")
        } catch {
            #expect(error.errno == ENETUNREACH, "\(error)")
            #expect(error.description.contains("Network is unreachable"), "\(error)")
        }
        #expect(try ns.routes().filter(\.isDefault).isEmpty)
    }

    @Test("a path that is no network namespace, or none at all, is refused by name")
    func badPaths() throws {
        let file = try TemporaryDirectory(prefix: "mnnl")
        defer { file.remove() }
        let plain = file.file("not-a-netns")
        try "x".write(toFile: plain, atomically: true, encoding: .utf8)
        for (path, fragment) in [(plain, "not a network namespace"), ("/var/run/netns/mnnl-does-not-exist", "No such file or directory")] {
            do {
                _ = try NetlinkSocket.open(inNamespaceAt: path)
                Issue.record("\(path) was accepted")
            } catch {
                #expect(error.description.contains(path) && error.description.contains(fragment), "\(error)")
            }
        }
    }

    @Test("the reconciliation's kernel view: a real netns is present with what ip shows, gone once deleted")
    func observedForReconciliation() throws {
        let (ns, _, address) = try Self.namespace()
        let observer = KernelObserver()
        guard case .present(let links, let addresses) = observer.observe(ns.path) else {
            ns.delete()
            Issue.record("\(ns.path) was not read")
            return
        }
        #expect(Set(links.map(\.name)) == ["lo", "v0", "v1"])
        #expect(links.first { $0.name == "v0" }?.mac == (try ns.mac(of: "v0")))
        let v0 = try #require(links.first { $0.name == "v0" })
        #expect(addresses.filter { $0.interfaceIndex == v0.index }.map(\.prefix.description).contains(address + "/24"))
        ns.delete()
        #expect(observer.observe(ns.path) == .gone)
    }

    @Test("a kept netns view follows every out-of-band change: an address added, a MAC changed, a link deleted")
    func keptViewFollowsChanges() throws {
        let (ns, _, _) = try Self.namespace()
        defer { ns.delete() }
        let observer = KernelObserver()
        func v0() -> (link: KernelLink, prefixes: [String])? { observer.observe([ns.path])[ns.path]?.interface("v0") }
        let first = try #require(v0())
        #expect(observer.observe([ns.path]) == observer.observe([ns.path]), "nothing changed: the same view")
        try ns.run(["ip", "addr", "add", "10.251.9.9/24", "dev", "v0"]).requireSuccess()
        #expect(v0()?.prefixes.contains("10.251.9.9/24") == true)
        try ns.run(["ip", "link", "set", "v0", "address", "0a:00:00:00:09:09"]).requireSuccess()
        #expect(v0()?.link.mac == "0a:00:00:00:09:09")
        #expect(first.link.mac != "0a:00:00:00:09:09")
        try ns.run(["ip", "link", "del", "v0"]).requireSuccess()
        #expect(v0() == nil)
        guard case .present(let links, _)? = observer.observe([ns.path])[ns.path] else {
            Issue.record("\(ns.path) was not read")
            return
        }
        #expect(!links.contains { $0.name == "v0" || $0.name == "v1" })
    }
}
