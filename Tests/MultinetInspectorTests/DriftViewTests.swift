import MultinetCNI
import MultinetCheckpoint
import MultinetCore
import MultinetNetlink
import Testing
@testable import MultinetInspector

/// The fixture node with drift and events: web-1's net1 has another address in the kernel
/// than recorded; db-0 (container c2) is gone from the cluster and its netns too.
enum DriftFixture {
    typealias F = InspectorFixture

    static let drift = [
        DriftEntry(containerID: "c1", namespace: "default", pod: "web-1", network: "default/macvlan-a", interface: "net1",
                   kind: .addressMismatch, detail: "recorded 192.168.5.7/24, the kernel has 192.168.5.99/24 on net1",
                   since: F.now - 60_000),
        DriftEntry(containerID: "c2", namespace: "default", pod: "db-0", network: "default/macvlan-a", interface: "net1",
                   kind: .podGone, detail: "pod default/db-0 is not in the cluster; its attachment is a leak candidate",
                   since: F.now - 300_000),
        DriftEntry(containerID: "c2", namespace: "default", pod: "db-0", network: "default/macvlan-a", interface: "net1",
                   kind: .netnsGone, detail: "netns /var/run/netns/c2 no longer exists", since: F.now - 300_000),
    ]

    static var snapshot: InspectorSnapshot {
        var snapshot = F.snapshot()
        snapshot.drift = drift
        snapshot.namespaces = [
            "/var/run/netns/c1": .present(
                links: [KernelLink(index: 1, name: "lo"), KernelLink(index: 2, name: "eth0", mac: "0a:58:0a:01:00:05"),
                        KernelLink(index: 3, name: "net1", mac: "aa:bb:cc:dd:ee:01")],
                addresses: [KernelAddress(interfaceIndex: 2, prefix: IPAddressPrefix("10.1.0.5/16")!),
                            KernelAddress(interfaceIndex: 3, prefix: IPAddressPrefix("192.168.5.99/24")!)]),
            "/var/run/netns/c2": .gone,
        ]
        snapshot.pods[0].existsInCluster = true
        snapshot.pods[0].status = [.init(name: "cluster", interface: "eth0", ips: ["10.1.0.5", "fd00::5"]),
                                   .init(name: "default/macvlan-a", interface: "net1", ips: ["192.168.5.7"])]
        snapshot.events = [
            EventRow(namespace: "default", pod: "web-1", type: "Warning", reason: "MultinetAttachFailed",
                     message: "network default/macvlan-a: macvlan: device busy", component: "multinet", count: 3,
                     lastSeen: F.now - 120_000),
            EventRow(namespace: "default", pod: "web-1", type: "Normal", reason: "Started", message: "Started container web",
                     component: "kubelet", lastSeen: F.now - 10_000),
        ]
        return snapshot
    }

    static func state(view: InspectorView = .drift, width: Int = 80, height: Int = 24, readOnly: Bool = false) -> InspectorState {
        InspectorState(snapshot: snapshot, view: view, width: width, height: height, readOnly: readOnly, now: F.now)
    }
}

@Suite("Drift and Events views, the command line")
struct DriftViewTests {
    typealias F = InspectorFixture
    typealias D = DriftFixture

    func render(_ state: InspectorState) -> ScreenBuffer { InspectorRenderer.render(state, now: F.now) }

    @Test("80x24 Drift: the tab counts, one row per drift with kind and since, the action; nothing wider than the screen")
    func drift80x24() {
        let lines = render(D.state()).lines
        #expect(lines.count == 24 && lines.allSatisfy { TextWidth.width($0) <= 80 })
        #expect(lines[2].contains("[4 Drift 3]") && lines[2].contains("5 Events 2"))
        #expect(lines[3].contains("POD") && lines[3].contains("KIND") && lines[3].contains("SINCE"))
        let mismatch = lines.first { $0.contains("address-mis") } ?? ""
        #expect(mismatch.contains("default/web-1") && mismatch.contains("net1") && mismatch.contains("1m"))
        #expect(lines.contains { $0.contains("default/db-0") && $0.contains("pod-gone") && $0.contains("5m") })
        #expect(lines.contains { $0.contains("netns-gone") })
        // The selected drift's action, on the status line above the footer.
        #expect(lines[22].hasPrefix("action r: tear down the leak (CNI DEL with the recorded config)"), "\(lines[22])")
    }

    @Test("200x60 Drift: detail and action in full")
    func drift200x60() {
        let lines = render(D.state(width: 200, height: 60)).lines
        #expect(lines.count == 60 && lines.allSatisfy { TextWidth.width($0) <= 200 })
        #expect(lines[3].contains("DETAIL") && lines[3].contains("ACTION"))
        let leak = lines.first { $0.contains("pod-gone") } ?? ""
        #expect(leak.contains("pod default/db-0 is not in the cluster") && leak.contains("r: tear down the leak"))
        #expect(lines.contains { $0.contains("recorded 192.168.5.7/24, the kernel has 192.168.5.99/24 on net1") })
    }

    @Test("Events at 80x24 and 200x60: multinet's first, with reason, pod, count and message")
    func events() {
        for (width, height) in [(80, 24), (200, 60)] {
            let lines = render(D.state(view: .events, width: width, height: height)).lines
            #expect(lines.count == height && lines.allSatisfy { TextWidth.width($0) <= width })
            let first = lines.firstIndex { $0.contains("MultinetAttachFailed") }
            let second = lines.firstIndex { $0.contains("Started") }
            #expect(first != nil && second != nil && first! < second!, "\(lines)")
            #expect(lines[first!].contains("Warning") && lines[first!].contains("default/web-1") && lines[first!].contains("2m"))
        }
        let wide = render(D.state(view: .events, width: 200, height: 60)).lines
        #expect(wide.contains { $0.contains("network default/macvlan-a: macvlan: device busy") && $0.contains("multinet") })
    }

    @Test("r on a pod-gone leak asks first, naming pod, container and every attachment; y tears it down; n does not")
    func reclaim() {
        var leak = D.state()
        leak.select(leak.visibleRows(.drift).firstIndex { $0.drift?.kind == .podGone } ?? -1, in: .drift)
        #expect(leak.selectedRow?.drift?.kind == .podGone)
        // From the details too, whose footer offers it.
        let details = F.run(leak, [.key(.enter)]).0
        #expect(render(details).lines[23].contains("r tear down"))
        guard case .confirmReclaim = F.run(details, [.key(.char("r"))]).0.overlay else {
            Issue.record("r in the details did not ask")
            return
        }
        let (asking, none) = F.run(leak, [.key(.char("r"))])
        #expect(none.isEmpty)
        guard case .confirmReclaim(let target) = asking.overlay else {
            Issue.record("no confirmation: \(asking.overlay)")
            return
        }
        #expect(target == ReclaimTarget(containerID: "c2", pod: "default/db-0", attachments: ["net1 (default/macvlan-a)"],
                                        reason: D.drift[1].detail))
        let dialog = render(asking).lines.joined(separator: "\n")
        for fragment in ["Tear down the leak?", "default/db-0", "c2", "net1 (default/macvlan-a)", "y = tear down"] {
            #expect(dialog.contains(fragment), "\(fragment)")
        }
        #expect(render(asking).lines[23].hasPrefix("y tear down the leak  n cancel"))
        let (running, effects) = F.run(asking, [.key(.char("y"))])
        #expect(effects == [.reclaim(containerID: "c2")])
        guard case .reclaiming = running.overlay else {
            Issue.record("not running: \(running.overlay)")
            return
        }
        let done = F.run(running, [.reclaimFinished(containerID: "c2", success: true, message: "default/macvlan-a on net1")]).0
        #expect(render(done).lines.joined(separator: "\n").contains("leak of c2 torn down: default/macvlan-a on net1"))
        #expect(F.run(asking, [.key(.char("n"))]).1.isEmpty)
        #expect(F.run(asking, [.key(.char("n"))]).0.overlay == .none)
    }

    @Test("r on other drift says what to do instead; read-only refuses", arguments: [DriftKind.netnsGone, .addressMismatch])
    func notReclaimable(kind: DriftKind) {
        var selected = D.state()
        selected.select(selected.visibleRows(.drift).firstIndex { $0.drift?.kind == kind } ?? -1, in: .drift)
        #expect(selected.selectedRow?.drift?.kind == kind)
        let (state, effects) = F.run(selected, [.key(.char("r"))])
        #expect(effects.isEmpty && state.overlay == .none)
        #expect(state.lastError?.contains("r tears down pod-gone leaks only; \(kind.rawValue): \(kind.action)") == true,
                "\(state.lastError ?? "")")
        let readOnly = F.run(D.state(readOnly: true), [.key(.char("j")), .key(.char("r"))]).0
        #expect(readOnly.overlay == .none)
        #expect(readOnly.lastError == "read-only: retry is disabled")
    }

    @Test("Enter on an attachment shows the cluster, the store and the kernel side by side, and its drift")
    func threeViews() {
        for (width, height) in [(80, 24), (200, 60)] {
            var state = F.run(D.state(view: .pods, width: width, height: height), []).0
            let row = state.visibleRows(.pods).firstIndex { $0.record?.ifName == "net1" && $0.record?.containerID == "c1" } ?? 0
            state.select(row, in: .pods)
            state = F.run(state, [.key(.enter)]).0
            let lines = render(state).lines
            let text = lines.joined(separator: "\n")
            #expect(lines.allSatisfy { TextWidth.width($0) <= width })
            #expect(text.contains("Cluster / store / kernel:"))
            #expect(text.contains("cluster (status)") && text.contains("kernel (netns)"))
            let addresses = lines.first { $0.contains("addresses") } ?? ""
            #expect(addresses.contains("192.168.5.7") && addresses.contains("192.168.5.99/24"), "\(addresses)")
            #expect(text.contains("drift     address-mismatch"))
        }
    }

    @Test("the three views mark a row only where they disagree; addresses agree with or without a prefix length")
    func threeViewRoles() throws {
        var state = D.state(view: .pods, width: 120, height: 40)
        let net1 = try #require(state.snapshot?.pods[0].attachments.first { $0.ifName == "net1" })
        func role(_ name: String) -> StyleRole? {
            DetailsContent.threeViews(net1, state: state).first { $0.0.hasPrefix(name) }?.1
        }
        #expect(role("addresses") == .warn, "192.168.5.99/24 in the kernel")
        #expect(role("mac") == .normal && role("interface") == .normal && role("network") == .normal)
        state.snapshot?.namespaces["/var/run/netns/c1"] = .present(
            links: [KernelLink(index: 3, name: "net1", mac: "AA:BB:CC:DD:EE:01")],
            addresses: [KernelAddress(interfaceIndex: 3, prefix: IPAddressPrefix("192.168.5.7/24")!)])
        #expect(role("addresses") == .normal && role("mac") == .normal)
    }

    @Test("the command line: : opens, Tab completes, Enter runs, unknown commands say which exist")
    func commandLine() {
        let opened = F.run(F.state(), [.key(.char(":"))]).0
        #expect(opened.commandLine == "")
        #expect(render(opened).lines[22].hasPrefix(":▏  :nets :pods :fail :drift :events :help :q"))
        let typed = F.run(opened, F.keys("dr") + [.key(.tab)]).0
        #expect(typed.commandLine == "drift")
        let ran = F.run(typed, [.key(.enter)]).0
        #expect(ran.view == .drift && ran.commandLine == nil)
        #expect(F.run(F.state(), [.key(.char(":"))] + F.keys("ev") + [.key(.enter)]).0.view == .events)
        #expect(F.run(F.state(), [.key(.char(":"))] + F.keys("fail") + [.key(.enter)]).0.view == .failures)
        #expect(F.run(F.state(), [.key(.char(":"))] + F.keys("q") + [.key(.enter)]).1 == [.quit])
        let unknown = F.run(F.state(), [.key(.char(":"))] + F.keys("zap") + [.key(.enter)]).0
        #expect(unknown.lastError == "unknown command :zap (try :nets :pods :fail :drift :events :help :q)")
        #expect(unknown.view == .networks)
        #expect(F.run(opened, [.key(.escape)]).0.commandLine == nil)
        #expect(F.run(opened, [.key(.backspace)]).0.commandLine == nil)
        // Keys typed into the command line are not table keys.
        #expect(F.run(opened, F.keys("q")).1.isEmpty)
    }

    @Test("completion", arguments: [
        ("", ""), ("n", "nets"), ("p", "pods"), ("d", "drift"), ("e", "events"), ("f", "fail"), ("h", "help"),
        ("x", "x"), (":dr", "drift"), ("drift", "drift"),
    ])
    func completion(typed: String, completed: String) {
        #expect(InspectorCommand.complete(typed) == completed)
    }
}
