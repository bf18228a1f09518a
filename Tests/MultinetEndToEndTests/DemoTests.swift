import Foundation
import MultinetTestSupport
import Testing

/// `multinet-inspect demo`, the README's main job, run as a script would run it (stdout
/// not a terminal: the inspector step prints one snapshot and retries from the script).
/// The inspector execs `multinet-demo` from its own directory, which runs the real
/// `multinet` and `multinet-inspect` beside it.
@Suite("End to end: multinet-inspect demo", .serialized)
struct DemoTests {
    static func expectCompleteRun(_ result: ShellResult) {
        #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
        for fragment in ["ADD pod default/analytics-0", "default/othernet", "alpha.network.k8s.io/networks: othernet,podnet",
                         "DEL default/legacy-0: interfaces left besides lo: none", "FAILURES", "demo-flaky: this teardown fails once",
                         "torn down default/batch-0 network default/flaky on net1", "host-local reservations left: none", "(no attachments recorded)"] {
            #expect(result.stdout.contains(fragment), "the demo's output lacks \(fragment):\n\(result.stdout)")
        }
    }

    @Test("with real namespaces and Debian's plugins: three networks, a failed teardown retried, nothing left", .endToEnd)
    func realDemo() throws {
        let result = try InspectorBinary.run(["demo"], timeout: 240)
        Self.expectCompleteRun(result)
        #expect(!result.stdout.contains("SIMULATED"))
        #expect(result.stdout.contains("inside the pod: data0"), "\(result.stdout)")
        // The two drifts it makes, in the inspector's snapshot: net1 deleted by hand, db-0's object deleted.
        let drift = result.stdout.components(separatedBy: "DRIFT\n").dropFirst().first ?? ""
        let driftLines = drift.split(separator: "\n").prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(driftLines.contains { $0.contains("analytics-0") && $0.contains("net1") && $0.contains("interface-missing") }, "\(drift)")
        #expect(driftLines.contains { $0.contains("db-0") && $0.contains("pod-gone") }, "\(drift)")
        #expect(try !Shell.check(["ip", "netns", "list"]).contains("mndemo-c0ffee"), "the demo left network namespaces")
    }

    @Test("simulated (no root or no plugins needed): the same flow through the real multinet, labelled as simulated")
    func simulatedDemo() throws {
        let result = try InspectorBinary.run(["demo", "--simulate"], timeout: 240)
        Self.expectCompleteRun(result)
        #expect(result.stdout.contains("SIMULATED DEMO"))
        #expect(result.stdout.contains("[simulated]"))
    }

    @Test("an inspector without multinet-demo beside it (as installed on a node) says where the demo comes from and exits 2")
    func demoNotInstalled() throws {
        let scratch = try TemporaryDirectory(prefix: "demo-absent")
        defer { scratch.remove() }
        let copy = scratch.file("multinet-inspect")
        try FileManager.default.copyItem(atPath: try InspectorBinary.path, toPath: copy)
        for arguments in [["demo"], ["demo", "--simulate"]] {
            let result = try Shell.run([copy] + arguments)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("the demo is not installed on this node; it ships with a source build"), "\(result.stderr)")
            #expect(result.stderr.contains("swift build -c release && .build/release/multinet-inspect demo"), "\(result.stderr)")
            #expect(result.stderr.contains(scratch.file("multinet-demo")), "\(result.stderr)")
        }
        // The rest of the inspector works there.
        let help = try Shell.run([copy, "--help"])
        #expect(help.status == 0 && help.stdout.contains("demo"), "\(help)")
    }

    @Test("on a terminal the demo's inspector takes the keys: 4 shows the drift, r and y tear down db-0's leak, q lets the demo finish clean", .endToEnd)
    func demoInspectorKeys() throws {
        try TmuxSession.require()
        let command = "'\(try InspectorBinary.path)' demo"
        let tmux = try TmuxSession.start(command, environment: [
            "PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root", "TERM": "xterm-256color", "LANG": "C.UTF-8",
        ], width: 120, height: 30)
        defer { tmux.kill() }
        do {
            try tmux.waitFor("the inspector on the demo node", timeout: 120) { $0.contains("node demo-node") && $0.contains("4 Drift 2") }
            try tmux.send("4")
            try tmux.waitFor("the Drift view") { $0.contains("[4 Drift 2]") && $0.contains("interface-missing") && $0.contains("pod-gone") }
            try tmux.send("/")
            try tmux.send("-l", "pod-gone")
            try tmux.send("Enter")
            try tmux.waitFor("the leak's row") { !$0.contains("interface-missing") && $0.contains("default/db-0") }
            try tmux.send("r")
            try tmux.waitFor("the confirmation") { $0.contains("Tear down the leak?") && $0.contains("eth0 (podnet)") }
            try tmux.send("y")
            try tmux.waitFor("the outcome", timeout: 30) { $0.contains("Done") && $0.contains("torn down") }
            try tmux.send("Escape")
            try tmux.waitFor("the outcome closed") { !$0.contains("Done") }
            try tmux.send("q")
            // The demo goes on: every DEL (db-0's is now of a container multinet no longer knows) and nothing left.
            let end = try tmux.waitFor("the demo's end", timeout: 120) { $0.contains("EXIT=") }
            let flat = end.replacingOccurrences(of: "\n", with: "")
            #expect(flat.contains("EXIT=0"), "\(end)")
        } catch {
            Issue.record("screen: \((try? tmux.screen()) ?? "?")")
            throw error
        }
        #expect(try !Shell.check(["ip", "netns", "list"]).contains("mndemo-c0ffee"), "namespaces left")
        #expect(try !Shell.check(["ip", "-br", "link"]).contains("mndemo"), "bridges left")
    }

    @Test("on a terminal it ends in the curses inspector; Ctrl-C there removes every namespace and link it made", .endToEnd)
    func interruptedDemo() throws {
        try TmuxSession.require()
        let command = "'\(try InspectorBinary.path)' demo"
        let tmux = try TmuxSession.start(command, environment: [
            "PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root", "TERM": "xterm-256color", "LANG": "C.UTF-8",
        ], width: 100, height: 30)
        defer { tmux.kill() }
        try tmux.waitFor("the inspector on the demo node", timeout: 120) { $0.contains("node demo-node") && $0.contains("Failures 1") }
        #expect(try Shell.check(["ip", "netns", "list"]).contains("mndemo-c0ffee"))
        try tmux.send("C-c")
        // The shell's line may wrap at the window's edge after curses gives the screen back.
        try tmux.waitFor("the demo's exit", timeout: 30) { $0.replacingOccurrences(of: "\n", with: "").contains("EXIT=130") }
        #expect(try !Shell.check(["ip", "netns", "list"]).contains("mndemo-c0ffee"), "namespaces left after Ctrl-C")
        #expect(try !Shell.check(["ip", "-br", "link"]).contains("mndemo"), "bridges left after Ctrl-C")
    }
}
