import Testing
@testable import MultinetCNI
@testable import MultinetModel
@testable import MultinetPlanning

/// Interfaces when the node gives every pod default networks (Multus's `defaultNetworks`).
@Suite("selection annotations after the node's default networks")
struct DefaultNetworkNumberingTests {
    let pod = PodReference(namespace: "default", name: "web", uid: "u1")

    func parse(_ annotations: [String: String], defaultNetworks: Int) throws -> PodNetworkRequest {
        try PodNetworkRequest.parse(annotations: annotations, pod: pod, runtimeIfName: "eth0", defaultNetworks: defaultNetworks)
    }

    @Test("NPWG selections are numbered after the default networks, as Multus numbers its delegates")
    func numbering() throws {
        let request = try parse(["k8s.v1.cni.cncf.io/networks": "a,b@data0,c"], defaultNetworks: 2)
        #expect(request.selections.map(\.ifName) == ["net3", "data0", "net5"])
        let alpha = try parse(["alpha.network.k8s.io/networks": "a,b"], defaultNetworks: 2)
        #expect(alpha.selections.map(\.ifName) == ["eth0", "eth1"])
        let none = try parse(["k8s.v1.cni.cncf.io/networks": "a@net1"], defaultNetworks: 0)
        #expect(none.selections.map(\.ifName) == ["net1"])
    }

    @Test("a selection asking for a default network's interface is refused", arguments: ["net1", "net2"])
    func taken(ifName: String) {
        #expect {
            try parse(["k8s.v1.cni.cncf.io/networks": "a@\(ifName)"], defaultNetworks: 2)
        } throws: { error in
            CNIError(reporting: error).msg == "pod default/web: annotation k8s.v1.cni.cncf.io/networks, element 1 (\"default/a\"): interface \(ifName) is taken by the node's defaultNetworks (net1 to net2)"
        }
    }

    @Test("names that only look like one are free", arguments: ["net3", "net01", "net", "netx"])
    func free(ifName: String) throws {
        let request = try parse(["k8s.v1.cni.cncf.io/networks": "a@\(ifName)"], defaultNetworks: 2)
        #expect(request.selections.map(\.ifName) == [ifName])
    }
}
