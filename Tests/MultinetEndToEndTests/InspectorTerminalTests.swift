import Foundation
import MultinetTestSupport
import Testing

/// The curses inspector driven through tmux as an operator would over ssh: views, the
/// help overlay, a confirmed retry of a failed teardown, quitting, an unknown terminal.
@Suite("End to end: the interactive inspector in tmux", .endToEnd, .serialized)
struct InspectorTerminalTests {
    static func environment(term: String = "xterm-256color") -> [String: String] {
        ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": "/root", "TERM": term, "LANG": "C.UTF-8"]
    }

    static func command(_ arguments: [String]) throws -> String {
        ([try InspectorBinary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    }

    @Test("Failures view, r on the failed teardown, a confirmation naming pod, network, interface and container, y tears it down, q quits")
    func retryFromTheTerminal() async throws {
        try TmuxSession.require()
        let setup = try await InspectorTests.FailedTeardown.make()
        let tmux = try TmuxSession.start(try Self.command(setup.options), environment: Self.environment())
        defer { tmux.kill() }
        do {
            try tmux.waitFor("the first snapshot") { $0.contains("Failures 1") && $0.contains("node node-a") }
            try tmux.send("?")
            try tmux.waitFor("the help overlay") { $0.contains("Help") && $0.contains("retry the selected failed teardown") }
            try tmux.send("Escape")
            try tmux.send("2")
            try tmux.waitFor("the Pods view") { $0.contains("podnet") || $0.contains("flaky") }
            // A filter that matches nothing empties the table; Escape clears it.
            try tmux.send("/")
            try tmux.send("-l", "zzz-nothing")
            try tmux.waitFor("the filter line") { $0.contains("zzz-nothing") && !$0.contains("flaky") }
            try tmux.send("Escape")
            try tmux.waitFor("the cleared filter") { $0.contains("flaky") }
            // A smaller window is redrawn to fit.
            try tmux.resize(width: 80, height: 24)
            try tmux.waitFor("the redraw at 80x24") { screen in
                let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
                return lines.allSatisfy { $0.count <= 80 } && screen.contains("q quit")
            }
            try tmux.send("3")
            let failures = try tmux.waitFor("the Failures view") { $0.contains("flaky") && $0.contains("del") && $0.contains("web") }
            #expect(failures.contains("3 Failures 1"), "\(failures)")
            try tmux.send("r")
            // The whole dialog, not a frame tmux caught half drawn.
            let fragments = ["Retry teardown?", "default/web", "flaky", "net1", String(setup.containerID.prefix(20)), "y = retry"]
            let confirm = try tmux.waitFor("the confirmation naming pod, network, interface and container") { screen in
                fragments.allSatisfy { screen.contains($0) }
            }
            #expect(fragments.allSatisfy { confirm.contains($0) }, "\(confirm)")
            #expect(try setup.cluster.node.records().count == 1, "nothing may run before y")
            try tmux.send("y")
            try tmux.waitFor("the outcome") { $0.contains("Done") && $0.contains("torn down") }
            #expect(try setup.cluster.node.records().isEmpty)
            try tmux.send("Escape")
            try tmux.send("q")
            try tmux.waitFor("the exit") { $0.contains("EXIT=0") }
        } catch {
            Issue.record("screen: \((try? tmux.screen()) ?? "?")")
            await setup.cluster.cleanUp()
            throw error
        }
        await setup.cluster.cleanUp()
    }

    @Test("read-only: no r in the footer, r is refused, and the state dir is byte for byte as it was")
    func readOnly() async throws {
        try TmuxSession.require()
        let setup = try await InspectorTests.FailedTeardown.make()
        let before = try InspectorTests.fingerprint(setup.cluster.node.stateDir)
        let tmux = try TmuxSession.start(try Self.command(setup.options + ["--read-only"]), environment: Self.environment())
        defer { tmux.kill() }
        do {
            let first = try tmux.waitFor("the first snapshot") { $0.contains("Failures 1") }
            #expect(!first.contains("r retry"), "\(first)")
            try tmux.send("3")
            try tmux.waitFor("the Failures view") { $0.contains("flaky") }
            try tmux.send("r")
            try await Task.sleep(nanoseconds: 500_000_000)
            #expect(try !tmux.screen().contains("Retry teardown?"))
            try tmux.send("q")
            try tmux.waitFor("the exit") { $0.contains("EXIT=0") }
            // Polling the store for a while, the refused r included, wrote nothing.
            #expect(try InspectorTests.fingerprint(setup.cluster.node.stateDir) == before)
            #expect(try setup.cluster.node.records().count == 1)
        } catch {
            Issue.record("screen: \((try? tmux.screen()) ?? "?")")
            await setup.cluster.cleanUp()
            throw error
        }
        await setup.cluster.cleanUp()
    }

    @Test("a TERM the host's terminfo lacks: the view draws on the built-in entry (colour for xterm-like names, vt100 for dumb ones), q quits, no directory is left", arguments: [
        ("no-such-terminal", true), ("dumb", false),
    ])
    func unknownTerminal(term: String, colour: Bool) throws {
        try TmuxSession.require()
        let scratch = try TemporaryDirectory(prefix: "inspect-term")
        defer { scratch.remove() }
        let tmp = try scratch.directory("tmp")
        let options = ["--state-dir", scratch.file("state"), "--conf-dir", scratch.file("net.d"), "--node", "node-a"]
        var environment = Self.environment(term: term)
        environment["TMPDIR"] = tmp
        let tmux = try TmuxSession.start(try Self.command(options), environment: environment)
        defer { tmux.kill() }
        do {
            try tmux.waitFor("the first snapshot") { $0.contains("node node-a") && $0.contains("q quit") }
            // The private terminfo directory is gone once curses has read the entry.
            #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty)
            let styled = try tmux.screen(escapes: true)
            let coloured = styled.contains("\u{1B}[3") || styled.contains("\u{1B}[9")
            #expect(coloured == colour, "colours on \(term): \(styled.debugDescription)")
            try tmux.send("q")
            try tmux.waitFor("the exit") { $0.contains("EXIT=0") }
        } catch {
            Issue.record("screen: \((try? tmux.screen()) ?? "?")")
            throw error
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty)
        let piped = try InspectorBinary.run(options).requireSuccess()
        #expect(piped.stdout.contains("NETWORKS") || piped.stdout.contains("NAME"), "\(piped.stdout)")
    }

    @Test("an unknown TERM where the built-in entry cannot be written (TMPDIR missing) exits 2 naming TERM, the directory and --once")
    func unknownTerminalWithoutTemporaryDirectory() throws {
        try TmuxSession.require()
        let scratch = try TemporaryDirectory(prefix: "inspect-term")
        defer { scratch.remove() }
        let options = ["--state-dir", scratch.file("state"), "--conf-dir", scratch.file("net.d"), "--node", "node-a"]
        var environment = Self.environment(term: "no-such-terminal")
        environment["TMPDIR"] = scratch.file("missing")
        let tmux = try TmuxSession.start(try Self.command(options), environment: environment, width: 200)
        defer { tmux.kill() }
        let screen = try tmux.waitFor("the exit") { $0.contains("EXIT=") }
        #expect(screen.contains("EXIT=2"), "\(screen)")
        let flat = screen.replacingOccurrences(of: "\n", with: "")  // the message wraps at the window's width
        for fragment in ["no-such-terminal", "xterm-256color", scratch.file("missing"), "--once"] {
            #expect(flat.contains(fragment), "\(fragment): \(screen)")
        }
    }
}

extension InspectorTerminalTests {
    @Test("the terminal hangs up under a view that ignores SIGHUP (a parent that died, a dropped connection): the inspector ends instead of spinning")
    func terminalHangsUp() throws {
        try TmuxSession.require()
        let scratch = try TemporaryDirectory(prefix: "inspect-hangup")
        defer { scratch.remove() }
        let options = ["--state-dir", scratch.file("state"), "--conf-dir", scratch.file("net.d"), "--node", "node-a"]
        // SIGHUP ignored, as for a child the terminal's hangup never reaches: only the
        // terminal itself can tell the view that nobody is left.
        let tmux = try TmuxSession.start("trap '' HUP; exec " + (try Self.command(options)), environment: Self.environment())
        defer { tmux.kill() }
        try tmux.waitFor("the first snapshot") { $0.contains("node node-a") }
        // The inspector itself, not tmux, whose command line holds the same command.
        let pids = try Shell.run(["pgrep", "-f", scratch.file("state")]).stdout
            .split(separator: "\n").compactMap { Int32($0) }
            .filter { (try? String(contentsOfFile: "/proc/\($0)/comm", encoding: .utf8))?.hasPrefix("multinet-inspec") == true }
        #expect(pids.count == 1, "\(pids)")
        let pid = try #require(pids.first)
        tmux.kill()
        let deadline = Date().addingTimeInterval(10)
        while ProcessTable.isRunning(pid), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let alive = ProcessTable.isRunning(pid)
        if alive { kill(pid, SIGKILL) }
        #expect(!alive, "the inspector (pid \(pid)) still runs 10 s after its terminal hung up")
    }
}
