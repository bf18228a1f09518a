import MultinetCheckpoint
import Testing
@testable import MultinetInspector

@Suite("renderer")
struct RendererTests {
    typealias F = InspectorFixture

    func render(_ state: InspectorState) -> ScreenBuffer { InspectorRenderer.render(state, now: F.now) }

    func find(_ text: String, in buffer: ScreenBuffer) -> (row: Int, column: Int)? {
        for (row, line) in buffer.lines.enumerated() {
            var column = 0
            var rest = Substring(line)
            while !rest.isEmpty {
                if rest.hasPrefix(text) { return (row, column) }
                column += 1
                rest = rest.dropFirst()
            }
        }
        return nil
    }

    @Test("80x24 Networks: header, tab bar, headings, rows, footer")
    func networks80x24() {
        let screen = render(F.state())
        let lines = screen.lines
        #expect(lines.count == 24)
        #expect(lines[0].hasPrefix(" multinet-inspect │ node node-a │ apiserver ✔ https://10.0.0.1:6443 │ context k…"))
        #expect(lines[1].hasPrefix(" 5 pods, 6 attachments, 2 failures │ refreshed 3s ago │ store /var/lib/multinet"))
        #expect(screen[0, 0]?.style == .header)
        #expect(lines[2].hasPrefix("[1 Networks 3]  2 Pods 7   3 Failures 2 "))
        #expect(lines[3].hasPrefix("  NAME▲"))
        #expect(lines[4].hasPrefix("▸ bridge-b"))
        #expect(screen[4, 2]?.style == .selected)
        #expect(lines[4].contains("✔ usable"))
        #expect(lines[5].contains("file") && lines[5].contains("✖ binary ipvlan missing"))
        let problem = find("✖ binary", in: screen)!
        #expect(screen[problem.row, problem.column]?.style == .failed)
        #expect(lines[23].hasPrefix("q quit  ? help  / filter  Tab view  : cmd  ⏎ details  r retry  s sort"))
        #expect(screen[23, 0]?.style == .key && screen[23, 1]?.style == .footer)
    }

    @Test("80x24 Pods: one line per interface with every IP, MAC, state glyph and word, age, duration")
    func pods80x24() {
        let screen = render(F.state(view: .pods))
        let lines = screen.lines
        #expect(lines[3].hasPrefix("  POD▲"))
        let web = lines.first { $0.contains("default/web") && $0.contains("eth0") } ?? ""
        #expect(web.contains("10.1.0.5/16,fd00::5/64"))
        #expect(web.contains("✔ attached"))
        #expect(web.contains("2m") && web.contains("240ms"))
        for (word, glyph, role) in [("attached", "✔", StyleRole.ok), ("del_failed", "✖", .failed),
                                    ("add_failed", "✖", .failed), ("adding", "…", .warn), ("deleting", "…", .warn)] {
            let at = find("\(glyph) \(word)", in: screen)
            #expect(at != nil, "\(glyph) \(word)")
            if let at, at.row != 4 { #expect(screen[at.row, at.column]?.style == role) }
        }
        #expect(lines.contains { $0.contains("default/idle") && $0.contains("- none") })
    }

    @Test("80x24 Failures: pod, network, interface, operation, error, attempts, age")
    func failures80x24() {
        let lines = render(F.state(view: .failures)).lines
        #expect(lines[3].hasPrefix("  POD▲"))
        #expect(lines[3].contains("OP") && lines[3].contains("ERROR") && lines[3].contains("TRIES"))
        let db = lines[4]
        #expect(db.hasPrefix("▸ default/db-0      default/macvlan-a   net1 del macvlan: failed to …"))
        #expect(db.hasSuffix("3  10m"))
        #expect(lines[5].contains("kube-system/agent") && lines[5].contains(" add ") && lines[5].contains("1m"))
    }

    @Test("a hot-plugged interface: marked in the Pods view, its origin named in the details")
    func hotplugged() {
        var plugged = F.web.attachments[1]
        plugged.origin = .hotplug
        let web = PodRow(namespace: "default", name: "web-1", uid: "uid-c1", containerID: "c1",
                         attachments: [F.web.attachments[0], plugged])
        var state = InspectorState(snapshot: F.snapshot(pods: [web]), view: .pods, width: 120, height: 30, now: F.now)
        let lines = render(state).lines
        #expect(lines.contains { $0.contains("net1 (hotplug)") }, "\(lines)")
        #expect(lines.contains { $0.contains("eth0") && !$0.contains("(hotplug)") })
        state.overlay = .details(.attachment(AttachmentKey(plugged)), history: [], scroll: 0)
        let details = render(state).lines
        #expect(details.contains { $0.contains("origin      hotplug") }, "\(details)")
        state.overlay = .details(.attachment(AttachmentKey(F.web.attachments[0])), history: [], scroll: 0)
        #expect(render(state).lines.contains { $0.contains("origin      runtime") })
    }

    @Test("read-only: the header says so and retry is not offered")
    func readOnly() {
        let lines = render(F.state(readOnly: true)).lines
        #expect(lines[0].hasPrefix(" multinet-inspect READ-ONLY"))
        #expect(!lines[23].contains("retry"))
    }

    @Test("ASCII mode draws only ASCII, with glyphs +, x, ~ beside the words")
    func asciiOnly() {
        for view in InspectorView.allCases {
            for overlay in [InspectorOverlay.none, .help(scroll: 0)] {
                var state = F.state(view: view, ascii: true)
                state.overlay = overlay
                let screen = render(state)
                #expect(screen.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) && !$0.text.isEmpty })
            }
        }
        let pods = render(F.state(view: .pods, ascii: true)).lines.joined(separator: "\n")
        for badge in ["+ attached", "x del_failed", "x add_failed", "~ adding", "~ deleting"] {
            #expect(pods.contains(badge), "\(badge)")
        }
        #expect(pods.contains("> ") && pods.contains("POD^"))
        var details = F.state(view: .failures, ascii: true)
        details = F.run(details, [.key(.enter)]).0
        let box = render(details)
        #expect(box[1, 1]?.text == "+" && box.lines[2].hasPrefix(" |"))
    }

    @Test("40x10: the most important columns stay, with glyph and word")
    func small40x10() {
        let screen = render(F.state(view: .pods, width: 40, height: 10))
        let lines = screen.lines
        #expect(lines.count == 10 && lines.allSatisfy { TextWidth.width($0) == 40 })
        #expect(lines[0].hasPrefix(" multinet-inspect │ node node-a │ apise…"))
        #expect(lines[2].hasPrefix("[1 Networks 3]") == false)
        #expect(lines[2].hasPrefix(" 1 Networks 3  [2 Pods 7]"))
        #expect(lines[3].contains("POD") && lines[3].contains("STATE") && !lines[3].contains("MAC"))
        #expect(lines.contains { $0.contains("✖ del_failed") })
        #expect(lines[9].hasPrefix("q quit  ? help  / filter"))
    }

    @Test("any size down to nothing renders without a crash, at exactly the size asked", arguments: [false, true])
    func tinySizes(ascii: Bool) {
        let overlays: [InspectorOverlay] = [
            .none, .help(scroll: 3),
            .details(.attachment(AttachmentKey(containerID: "c2", runtimeIfName: "eth0", ifName: "net1")),
                     history: [], scroll: 50),
            .confirmRetry(RetryTarget(key: AttachmentKey(containerID: "c2", runtimeIfName: "eth0", ifName: "net1"),
                                      pod: "default/db-0", network: "default/macvlan-a")),
            .outcome(message: "teardown failed: busy", success: false),
        ]
        for width in [0, 1, 2, 5, 11, 12, 20, 33] {
            for height in [0, 1, 2, 3, 4, 5, 6, 9] {
                for view in InspectorView.allCases {
                    for overlay in overlays {
                        var state = F.state(view: view, width: width, height: height, ascii: ascii)
                        state.overlay = overlay
                        state.filter = height > 4 ? "a" : ""
                        let screen = render(state)
                        #expect(screen.width == width && screen.height == height)
                        #expect(screen.lines.allSatisfy { TextWidth.width($0) == width })
                    }
                }
            }
        }
    }

    @Test("details show the exact config pretty-printed, the result and the attempt history")
    func details() {
        var state = F.run(F.state(view: .pods), [.key(.char("G")), .key(.char("k")), .key(.enter)]).0
        #expect(state.selectedRow?.record?.ifName == "net1" && state.selectedRow?.record?.podName == "web-1")
        let key = AttachmentKey(containerID: "c1", runtimeIfName: "eth0", ifName: "net1")
        state = F.run(state, [.historyLoaded(key, [
            AttemptRecord(containerID: "c1", runtimeIfName: "eth0", ifName: "net1", operation: .add,
                          startedAt: F.now - 130_000, durationMs: 240, error: nil),
            AttemptRecord(containerID: "c1", runtimeIfName: "eth0", ifName: "net1", operation: .add,
                          startedAt: F.now - 200_000, durationMs: 1500, error: "timeout"),
        ])]).0
        state.height = 60
        let screen = render(state)
        let text = screen.lines.joined(separator: "\n")
        #expect(screen.lines[1].hasPrefix(" ┌─ default/web-1 net1 (default/macvlan-a) "))
        for expected in ["Config sent (", "  \"cniVersion\": \"1.0.0\",", "      \"type\": \"macvlan\",",
                         "      \"mtu\": 1500", "Result:", "\"mac\": \"aa:bb:cc:dd:ee:01\"", "Attempts:",
                         "add  2m ago  took 240ms  ✔ ok", "add  3m ago  took 1.5s  ✖ timeout", "CNI_PATH    /opt/cni/bin"] {
            #expect(text.contains(expected), "\(expected)")
        }
        state.overlay = .details(.attachment(key), history: nil, scroll: 0)
        #expect(render(state).lines.joined().contains("loading…"))
    }

    @Test("the confirmation names pod, network, interface and container; the outcome shows glyph and word")
    func confirmAndOutcome() {
        let state = F.run(F.state(view: .failures), [.key(.char("r"))]).0
        let text = render(state).lines.joined(separator: "\n")
        for expected in ["Retry teardown?", "pod        default/db-0", "network    default/macvlan-a",
                         "interface  net1", "container  c2", "y = retry   n = cancel"] {
            #expect(text.contains(expected), "\(expected)")
        }
        #expect(render(state).lines[23].hasPrefix("y retry the teardown  n cancel"))
        let done = F.run(state, [.key(.char("y")), .retryFinished(containerID: "c2", ifName: "net1", success: false,
                                                                   message: "device busy")]).0
        let outcome = render(done).lines.joined(separator: "\n")
        #expect(outcome.contains("✖ teardown of net1 in c2 failed: device busy"))
    }

    @Test("the help overlay lists the keymap; read-only leaves retry out")
    func helpOverlay() {
        var state = F.state()
        state.overlay = .help(scroll: 0)
        let text = render(state).lines.joined(separator: "\n")
        #expect(text.contains(" Help "))
        for binding in Keymap.bindings.prefix(8) { #expect(text.contains(binding.description), "\(binding.description)") }
        // At 80x24 the rest is scrolled to; at 200x60 every key shows at once.
        #expect(text.contains("▼"))
        state.width = 200
        state.height = 60
        let large = render(state).lines.joined(separator: "\n")
        for binding in Keymap.bindings { #expect(large.contains(binding.description), "\(binding.description)") }
        state.readOnly = true
        let readOnly = render(state).lines.joined(separator: "\n")
        #expect(!readOnly.contains("retry the selected") && readOnly.contains("read-only: actions are hidden"))
    }

    @Test("the filter line shows while editing, with the rows it matches")
    func filterLine() {
        let state = F.run(F.state(view: .pods), [.key(.char("/"))] + F.keys("agent")).0
        let lines = render(state).lines
        #expect(lines[22].hasPrefix("/agent▏  Enter keeps, Esc clears"))
        #expect(lines[4].contains("kube-system/a") && !lines[5].contains("default"))
        #expect(lines[23].hasPrefix("⏎ keep filter  Esc clear filter"))
        let none = F.run(state, F.keys("zzz")).0
        #expect(render(none).lines[4].contains("no rows match \"agentzzz\""))
    }

    @Test("an unreachable apiserver and an unreadable store are shown with glyph and word")
    func unreachable() {
        var state = F.state()
        var snapshot = F.snapshot(apiserver: .unreachable(server: "https://10.0.0.1:6443", error: "connection refused"))
        snapshot.header.storeProblem = "database is locked"
        state.snapshot = snapshot
        state.width = 200
        let lines = render(state).lines
        #expect(lines[0].contains("apiserver ✖ https://10.0.0.1:6443 unreachable: connection refused"))
        #expect(lines[1].contains("store ✖ /var/lib/multinet/state.db: database is locked"))
    }

    @Test("before the first snapshot the screen says it is waiting")
    func waiting() {
        let lines = InspectorRenderer.render(InspectorState(width: 80, height: 24), now: 0).lines
        #expect(lines[0].contains("waiting for the first refresh"))
    }
}
