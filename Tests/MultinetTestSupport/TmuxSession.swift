import Foundation
import Testing

/// A detached tmux session on a private socket, for driving a curses program as a user
/// would: start it with an explicit environment (`swift test` exports `NO_COLOR`), send
/// keys, read the screen. `kill()` ends the session and its server.
public struct TmuxSession: Sendable {
    /// The socket name (`tmux -L`), unique per session.
    public let socket: String
    /// The session's name.
    public let name = "multinet"

    /// Whether tmux is installed.
    public static var isAvailable: Bool { Shell.which("tmux") != nil }

    /// Throws when tmux is missing, naming the package; under `MULTINET_REQUIRE_E2E` the
    /// test also records an issue, so CI cannot pass without tmux.
    public static func require() throws {
        guard !isAvailable else { return }
        if E2EEnvironment.isRequired { Issue.record("tmux is not installed (apt-get install tmux)") }
        throw TestSupportError.environmentIncomplete(missing: ["tmux (apt-get install tmux)"])
    }

    /// Starts `command` (run by `sh -c`) in a `width`×`height` window with exactly
    /// `environment`. The shell prints `EXIT=<status>` after the command (also after a
    /// Ctrl-C) and stays open,
    /// so the screen can be read after the program ends.
    public static func start(_ command: String, environment: [String: String], width: Int = 100, height: Int = 30) throws -> TmuxSession {
        let session = TmuxSession(socket: "mn-\(UInt32.random(in: 0...UInt32.max))")
        let env = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        // The shell outlives a Ctrl-C sent to the program (a trap with a command is reset to
        // the default in the program, unlike an ignored signal).
        let wrapped = "trap 'true' INT; \(command); echo EXIT=$?; sleep 600"
        _ = try Shell.check(["tmux", "-L", session.socket, "-f", "/dev/null", "new-session", "-d", "-s", session.name,
                             "-x", String(width), "-y", String(height), "env", "-i"] + env + ["sh", "-c", wrapped])
        return session
    }

    /// The visible screen, one string per row; with `escapes`, with the escape sequences
    /// of its colours and attributes (`capture-pane -e`).
    public func screen(escapes: Bool = false) throws -> String {
        try Shell.check(["tmux", "-L", socket, "capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", name])
    }

    /// Sends keys as tmux names them (`q`, `Enter`, `Escape`, `Down`, …).
    public func send(_ keys: String...) throws {
        _ = try Shell.check(["tmux", "-L", socket, "send-keys", "-t", name] + keys)
    }

    /// Resizes the window (the program gets SIGWINCH, curses a KEY_RESIZE).
    public func resize(width: Int, height: Int) throws {
        _ = try Shell.check(["tmux", "-L", socket, "resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Waits until the screen satisfies `condition` (polling), returning the screen; throws
    /// with the last screen when `timeout` passes.
    @discardableResult
    public func waitFor(_ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TestSupportError.unexpectedOutput(command: ["tmux", "capture-pane"], reason: "waited \(Int(timeout)) s for \(what)", output: last)
    }

    /// Ends the session and its server.
    public func kill() {
        _ = try? Shell.run(["tmux", "-L", socket, "kill-server"])
    }
}
