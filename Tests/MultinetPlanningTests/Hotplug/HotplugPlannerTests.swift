import MultinetModel
import Testing
@testable import MultinetPlanning

@Suite("Hot-plug: the difference between a running pod's selection and its recorded interfaces")
struct HotplugPlannerTests {
    static let pod = PodReference(namespace: "default", name: "vm", uid: "u")

    static func request(_ annotation: String?, dialect: SelectionDialect = .multus, defaultNetworks: Int = 0) throws -> PodNetworkRequest {
        try PodNetworkRequest.parse(annotations: annotation.map { [dialect.annotation: $0] } ?? [:], pod: pod,
                                    runtimeIfName: "eth0", defaultNetworks: defaultNetworks)
    }

    /// `network@ifName` strings, `*` marking the default.
    static func interfaces(_ text: String) -> [AttachedInterface] {
        text.split(separator: " ").map { item in
            let parts = item.split(separator: "@")
            let network = String(parts[0]).replacingOccurrences(of: "*", with: "")
            return AttachedInterface(network: network, ifName: String(parts[1]), isDefault: parts[0].hasPrefix("*"))
        }
    }

    static func describe(_ plan: HotplugPlan) -> String {
        let detach = plan.detach.map { "-\($0.network)@\($0.ifName)" }
        let attach = plan.attach.map { "+\($0.selection.qualifiedName)@\($0.ifName)" }
        return (detach + attach).joined(separator: " ")
    }

    /// Each row: name, dialect, annotation, recorded interfaces, and the plan as
    /// "-detached +attached" (empty: nothing to do).
    static let rows: [(String, SelectionDialect, String?, String, String)] = [
        ("unchanged", .multus, "macnet", "*podnet@eth0 default/macnet@net1", ""),
        ("one added: the lowest free netN", .multus, "macnet, othernet", "*podnet@eth0 default/macnet@net1",
         "+default/othernet@net2"),
        ("one removed: its interface detached", .multus, "othernet", "*podnet@eth0 default/macnet@net1 default/othernet@net2",
         "-default/macnet@net1"),
        ("the rest keep their interfaces (net2 stays net2)", .multus, "othernet, third",
         "*podnet@eth0 default/macnet@net1 default/othernet@net2", "-default/macnet@net1 +default/third@net1"),
        ("reordered: nothing changes", .multus, "othernet, macnet", "*podnet@eth0 default/macnet@net1 default/othernet@net2", ""),
        ("renamed interface: detached and attached again", .multus, "macnet@eth6", "*podnet@eth0 default/macnet@eth5",
         "-default/macnet@eth5 +default/macnet@eth6"),
        ("named and kept", .multus, "macnet@eth5, othernet", "*podnet@eth0 default/macnet@eth5",
         "+default/othernet@net1"),
        ("the same network twice is two interfaces", .multus, "macnet, macnet", "*podnet@eth0 default/macnet@net1",
         "+default/macnet@net2"),
        ("a duplicate removed: one interface goes", .multus, "macnet", "*podnet@eth0 default/macnet@net1 default/macnet@net2",
         "-default/macnet@net2"),
        ("a named element takes an interface being freed", .multus, "othernet@net1",
         "*podnet@eth0 default/macnet@net1", "-default/macnet@net1 +default/othernet@net1"),
        ("a named element does not lose its interface to an unnamed one", .multus, "macnet, macnet@net2",
         "*podnet@eth0 default/macnet@net2", "+default/macnet@net1"),
        ("another namespace's network", .multus, "team-b/macnet", "*podnet@eth0 default/macnet@net1",
         "-default/macnet@net1 +team-b/macnet@net1"),
        ("the annotation removed: every extra detached, the default kept", .multus, nil,
         "*podnet@eth0 default/macnet@net1 default/othernet@net2", "-default/macnet@net1 -default/othernet@net2"),
        ("alpha: one added on the lowest free ethN", .alpha, "podnet, red, blue", "*podnet@eth0 default/red@eth1",
         "+default/blue@eth2"),
        ("alpha: one removed, the other keeps eth2", .alpha, "podnet, blue", "*podnet@eth0 default/red@eth1 default/blue@eth2",
         "-default/red@eth1"),
        ("alpha: reordered, nothing changes", .alpha, "podnet, blue, red", "*podnet@eth0 default/red@eth1 default/blue@eth2", ""),
    ]

    @Test("the plan", arguments: rows.indices)
    func plan(row: Int) throws {
        let (name, dialect, annotation, recorded, expected) = Self.rows[row]
        let plan = try HotplugPlanner.plan(try Self.request(annotation, dialect: dialect), attached: Self.interfaces(recorded),
                                           pod: "default/vm", runtimeIfName: "eth0")
        #expect(Self.describe(plan) == expected, "\(name)")
        #expect(plan.keep.contains { $0.isDefault }, "\(name): the default network is always kept")
        // Every interface after the plan is unique.
        let after = plan.keep.map(\.ifName) + plan.attach.map(\.ifName)
        #expect(Set(after).count == after.count, "\(name): \(after)")
    }

    @Test("the node's defaultNetworks (net1 … netN) are never detached, and new interfaces are numbered after them")
    func defaultNetworksPinned() throws {
        let plan = try HotplugPlanner.plan(try Self.request("macnet", defaultNetworks: 1),
                                           attached: Self.interfaces("*podnet@eth0 nodewide@net1"),
                                           pod: "default/vm", runtimeIfName: "eth0", defaultNetworks: 1)
        #expect(Self.describe(plan) == "+default/macnet@net2")
    }

    /// Each row: name, dialect, annotation, recorded interfaces, and a piece of the refusal.
    static let refusals: [(String, SelectionDialect, String, String, String)] = [
        ("alpha: the default network changed", .alpha, "othernet, red", "*podnet@eth0 default/red@eth1",
         "the first element of alpha.network.k8s.io/networks is the default network, \"podnet\""),
        ("a new named element on an interface an unnamed one keeps", .multus, "othernet, third@net2",
         "*podnet@eth0 default/macnet@net1 default/othernet@net2",
         "network \"default/third\" asks for interface net2, which network \"default/othernet\" keeps"),
        ("a new named element on the default network's interface", .multus, "macnet@eth0x", "*podnet@eth0x",
         "asks for interface eth0x, which the default network (\"podnet\") keeps"),
    ]

    @Test("refused, naming the pod, the network and the interface", arguments: refusals.indices)
    func refused(row: Int) throws {
        let (name, dialect, annotation, recorded, message) = Self.refusals[row]
        let request = try Self.request(annotation, dialect: dialect)
        #expect(name.isEmpty == false)
        do {
            let plan = try HotplugPlanner.plan(request, attached: Self.interfaces(recorded), pod: "default/vm", runtimeIfName: "eth0")
            Issue.record("\(name): planned \(Self.describe(plan))")
        } catch {
            #expect(error.description.contains(message), "\(name): \(error)")
            #expect(error.description.contains("pod default/vm"), "\(name): \(error)")
        }
    }

    @Test("what the annotation parser refuses never reaches the planner: a duplicate interface, eth0 itself", arguments: [
        "macnet@net1, othernet@net1", "macnet@eth0",
    ])
    func parserRefuses(annotation: String) {
        #expect(throws: (any Error).self) { try Self.request(annotation) }
    }
}
