import MultinetCNI
import MultinetCheckpoint
@testable import MultinetCore
import MultinetNetlink
import Testing

/// One pod, `web` in `default`, attached on eth0 (the cluster network, a file) and net1
/// (NAD default/macnet); each table row changes one view and names the drift it must cause.
@Suite("Reconciliation: cluster, store, kernel and config")
struct ReconcilerTests {
    static let netns = "/var/run/netns/cni-1"
    static let uid = "u-1"

    static func record(_ ifName: String, network: String, networkNamespace: String, address: String, mac: String,
                       state: AttachmentState = .attached) -> AttachmentRecord {
        let result = #"{"cniVersion":"1.0.0","interfaces":[{"name":"\#(ifName)","mac":"\#(mac)","sandbox":"\#(netns)"}],"ips":[{"interface":0,"address":"\#(address)"}]}"#
        return AttachmentRecord(
            containerID: "c1", runtimeIfName: "eth0", ifName: ifName, position: ifName == "eth0" ? 0 : 1,
            isDefault: ifName == "eth0", netns: netns, podNamespace: "default", podName: "web", podUID: uid,
            network: network, networkNamespace: networkNamespace, networkKind: networkNamespace.isEmpty ? "file" : "NetworkAttachmentDefinition",
            config: [], cniPath: "/opt/cni/bin", cniArgs: "", state: state, result: Array(result.utf8))
    }

    /// Every view agrees.
    static var healthy: ReconcileInput {
        ReconcileInput(
            records: [
                record("eth0", network: "podnet", networkNamespace: "", address: "10.1.0.5/16", mac: "0a:58:0a:01:00:05"),
                record("net1", network: "macnet", networkNamespace: "default", address: "192.168.7.9/24", mac: "0a:58:c0:a8:07:09"),
            ],
            pods: ["default/web": ObservedPod(uid: uid, networkStatus: [
                .init(name: "podnet", interface: "eth0", ips: ["10.1.0.5"]),
                .init(name: "default/macnet", interface: "net1", ips: ["192.168.7.9"]),
            ])],
            namespaces: [netns: .present(
                links: [KernelLink(index: 1, name: "lo"), KernelLink(index: 2, name: "eth0", mac: "0A:58:0A:01:00:05"),
                        KernelLink(index: 3, name: "net1", mac: "0a:58:c0:a8:07:09"), KernelLink(index: 4, name: "tunl0")],
                addresses: [addr(1, "127.0.0.1/8"), addr(2, "10.1.0.5/16"), addr(2, "fe80::858:aff:fe01:5/64"),
                            addr(3, "192.168.7.9/24")])],
            definedNetworks: ["podnet", "default/macnet"])
    }

    static func addr(_ index: UInt32, _ text: String) -> KernelAddress {
        KernelAddress(interfaceIndex: index, prefix: IPAddressPrefix(text)!)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var change: @Sendable (inout ReconcileInput) -> Void
        /// (interface, kind) of every expected entry.
        var expected: [(String, DriftKind)]
        var fragment: String
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "netns removed", change: { $0.namespaces[netns] = .gone },
            expected: [("eth0", .netnsGone), ("net1", .netnsGone)], fragment: "netns \(netns) no longer exists"),
        Row(name: "net1 deleted by hand", change: { input in
                guard case .present(let links, let addresses) = input.namespaces[netns] else { return }
                input.namespaces[netns] = .present(links: links.filter { $0.name != "net1" }, addresses: addresses)
            }, expected: [("net1", .interfaceMissing)], fragment: "interface net1 is not in netns"),
        Row(name: "net1's address changed", change: { input in
                guard case .present(let links, var addresses) = input.namespaces[netns] else { return }
                addresses.removeAll { $0.interfaceIndex == 3 }
                addresses.append(addr(3, "192.168.7.77/24"))
                input.namespaces[netns] = .present(links: links, addresses: addresses)
            }, expected: [("net1", .addressMismatch)], fragment: "recorded 192.168.7.9/24, the kernel has 192.168.7.77/24 on net1"),
        Row(name: "eth0's MAC changed", change: { input in
                guard case .present(var links, let addresses) = input.namespaces[netns] else { return }
                links[1].mac = "0a:58:0a:01:00:99"
                input.namespaces[netns] = .present(links: links, addresses: addresses)
            }, expected: [("eth0", .macMismatch)], fragment: "recorded MAC 0a:58:0a:01:00:05, the kernel has 0a:58:0a:01:00:99"),
        Row(name: "an interface nobody recorded", change: { input in
                guard case .present(var links, let addresses) = input.namespaces[netns] else { return }
                links.append(KernelLink(index: 9, name: "net9"))
                input.namespaces[netns] = .present(links: links, addresses: addresses)
            }, expected: [("net9", .unrecordedInterface)], fragment: "interface net9 in netns \(netns) is in no record"),
        Row(name: "pod object deleted", change: { $0.pods = [:] },
            expected: [("eth0", .podGone), ("net1", .podGone)], fragment: "pod default/web is not in the cluster"),
        Row(name: "pod recreated under the same name", change: { $0.pods = ["default/web": ObservedPod(uid: "u-2", networkStatus: nil)] },
            expected: [("eth0", .podGone), ("net1", .podGone)], fragment: "now UID u-2; this attachment belongs to UID u-1"),
        Row(name: "network-status lacks net1", change: { $0.pods?["default/web"]?.networkStatus?.removeLast() },
            expected: [("net1", .statusMismatch)], fragment: "network-status has no entry for interface net1"),
        Row(name: "network-status lists another address", change: { $0.pods?["default/web"]?.networkStatus?[1].ips = ["192.168.7.10"] },
            expected: [("net1", .statusMismatch)], fragment: "network-status lists 192.168.7.10 on net1, the store 192.168.7.9"),
        Row(name: "network-status names another network", change: { $0.pods?["default/web"]?.networkStatus?[1].name = "default/other" },
            expected: [("net1", .statusMismatch)], fragment: "network-status names default/other on net1, the store default/macnet"),
        Row(name: "NAD deleted", change: { $0.definedNetworks = ["podnet"] },
            expected: [("net1", .networkGone)], fragment: "network default/macnet is no longer defined"),
    ]

    @Test("every view agreeing: no drift, not even for lo, tunl0 or a link-local address")
    func healthy() {
        #expect(Reconciler.drift(Self.healthy) == [])
    }

    @Test("each disagreement gives exactly its drift kind, for exactly the attachments concerned", arguments: rows)
    func drift(_ row: Row) {
        var input = Self.healthy
        row.change(&input)
        let found = Reconciler.drift(input)
        #expect(found.map(\.interface) == row.expected.map(\.0), "\(found)")
        #expect(found.map(\.kind) == row.expected.map(\.1), "\(found)")
        #expect(found.allSatisfy { $0.detail.contains(row.fragment) && $0.containerID == "c1" && $0.pod == "web" },
                "\(found.map(\.detail))")
    }

    @Test("a view that could not be read gives no drift: no apiserver, no root, no config")
    func unknownViews() {
        var input = Self.healthy
        input.pods = nil
        input.namespaces = [Self.netns: .unknown]
        input.definedNetworks = nil
        // Everything would disagree, were the views known.
        input.records = input.records.map { var r = $0; r.podUID = "u-9"; r.result = nil; return r }
        #expect(Reconciler.drift(input) == [])
        input.namespaces = [:]
        #expect(Reconciler.drift(input) == [])
    }

    @Test("a record that is not attached is checked for leaks and a gone netns only", arguments: [
        AttachmentState.adding, .addFailed, .deleting, .delFailed,
    ])
    func unattached(state: AttachmentState) {
        var input = Self.healthy
        input.records = input.records.map { var r = $0; r.state = state; return r }
        input.namespaces = [Self.netns: .present(links: [KernelLink(index: 1, name: "lo")], addresses: [])]
        input.definedNetworks = []
        input.pods?["default/web"]?.networkStatus = []
        #expect(Reconciler.drift(input) == [])
        input.pods = [:]
        input.namespaces = [Self.netns: .gone]
        #expect(Reconciler.drift(input).map(\.kind) == [.podGone, .netnsGone, .podGone, .netnsGone])
    }

    @Test("since: the first time a drift was seen, kept while it lasts, forgotten when it ends")
    func since() {
        var tracker = DriftTracker()
        var input = Self.healthy
        input.pods = [:]
        let first = tracker.observe(Reconciler.drift(input), at: 1_000)
        #expect(first.map(\.since) == [1_000, 1_000])
        #expect(tracker.observe(Reconciler.drift(input), at: 2_000).map(\.since) == [1_000, 1_000])
        #expect(tracker.observe(Reconciler.drift(Self.healthy), at: 3_000) == [])
        #expect(tracker.observe(Reconciler.drift(input), at: 4_000).map(\.since) == [4_000, 4_000])
    }

    @Test("the kinds are the contract's strings")
    func kinds() {
        #expect(DriftKind.allCases.map(\.rawValue) == ["pod-gone", "netns-gone", "interface-missing", "address-mismatch",
                                                     "mac-mismatch", "unrecorded-interface", "status-mismatch", "network-gone"])
    }
}

extension ReconcilerTests {
    @Test("drift of a container whose records changed while the kernel was read is not confirmed; others are")
    func confirmation() {
        var input = Self.healthy
        input.pods = [:]
        var other = input.records[0]
        other.containerID = "c2"
        input.records.append(other)
        let found = Reconciler.drift(input)
        #expect(Set(found.map(\.containerID)) == ["c1", "c2"])
        #expect(Reconciler.confirmed(found, before: input.records, after: input.records) == found)
        var after = input.records
        after[1].state = .deleting
        #expect(Set(Reconciler.confirmed(found, before: input.records, after: after).map(\.containerID)) == ["c2"])
        #expect(Reconciler.confirmed(found, before: input.records, after: [other]).map(\.containerID) == ["c2"])
    }
}
