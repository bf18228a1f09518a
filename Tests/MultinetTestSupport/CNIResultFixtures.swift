import MultinetCNI
import MultinetJSON

/// Result documents as plugins print them, in the exact key order and form the CNI Go
/// types write, so a written document can be compared with them byte for byte.
public enum CNIResultFixtures {
    /// The sandbox path the fixtures name.
    public static let netns = "/var/run/netns/cni-6f0c2c3e-8f5b-1d3c-4b0e-1f0c9c7b5a2d"

    /// What the `bridge` plugin with `host-local` IPAM prints: the host bridge, the host
    /// end of the veth pair, the container's `eth0`, its address and gateway, a default
    /// route and DNS settings. Before 1.0.0 the address carries `version`; for 1.1.0,
    /// `v1_1Fields` adds an interface MTU, socket path and PCI address and route attributes.
    public static func bridge(_ version: CNIVersion, v1_1Fields: Bool = false) -> String {
        let ipVersion = version < .v1_0_0 ? #""version":"4","# : ""
        let mtu = v1_1Fields ? #","mtu":1450"# : ""
        let device = v1_1Fields ? #","socketPath":"/run/vhost/eth0.sock","pciID":"0000:3b:00.1""# : ""
        let routeAttributes = v1_1Fields ? #","mtu":1400,"advmss":1360,"priority":100,"table":254,"scope":0"# : ""
        return #"{"cniVersion":"\#(version)","interfaces":["#
            + #"{"name":"cni0","mac":"0a:58:0a:01:00:01"},"#
            + #"{"name":"veth3f2a6c1d","mac":"6e:1d:2a:9b:47:c0"},"#
            + #"{"name":"eth0","mac":"0a:58:0a:01:00:05"\#(mtu),"sandbox":"\#(netns)"\#(device)}],"#
            + #""ips":[{\#(ipVersion)"interface":2,"address":"10.1.0.5/16","gateway":"10.1.0.1"}],"#
            + #""routes":[{"dst":"0.0.0.0/0","gw":"10.1.0.1"\#(routeAttributes)}],"#
            + #""dns":{"nameservers":["10.96.0.10"],"domain":"cluster.local","#
            + #""search":["default.svc.cluster.local","svc.cluster.local","cluster.local"],"options":["ndots:5"]}}"#
    }

    /// A dual-stack result: an IPv4 and an IPv6 address on the container's `net1`, an IPv6
    /// address without an interface index, and IPv6 routes.
    public static func dualStack(_ version: CNIVersion) -> String {
        let v4 = version < .v1_0_0 ? #""version":"4","# : ""
        let v6 = version < .v1_0_0 ? #""version":"6","# : ""
        return #"{"cniVersion":"\#(version)","interfaces":["#
            + #"{"name":"net1","mac":"02:42:ac:11:00:02","sandbox":"\#(netns)"}],"#
            + #""ips":[{\#(v4)"interface":0,"address":"192.168.10.7/24","gateway":"192.168.10.1"},"#
            + #"{\#(v6)"interface":0,"address":"fd00:10::7/64","gateway":"fd00:10::1"},"#
            + #"{\#(v6)"address":"2001:db8:0:1::7/64"}],"#
            + #""routes":[{"dst":"::/0","gw":"fd00:10::1"},{"dst":"2001:db8::/32"}]}"#
    }

    /// Parses a fixture, failing the test on error.
    public static func parse(_ text: String) throws -> CNIResult {
        try CNIResult(json: JSONValue(parsing: text))
    }
}
