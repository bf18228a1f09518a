import Foundation
import MultinetCheckpoint
import MultinetInspector

/// The curses inspector: the main thread reads keys, reduces actions and draws; a
/// background task polls the sources every `--interval` and posts snapshots; retries and
/// history reads run in the background too and post their results.
@MainActor
final class InteractiveSession {
    let options: InspectorOptions
    private let terminal = CursesTerminal()
    private let mailbox = ActionMailbox()
    private var state = InspectorState()

    init(options: InspectorOptions) {
        self.options = options
    }

    /// Runs until `q`, or until the terminal hangs up; throws before taking the terminal when
    /// it cannot be used.
    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        try terminal.start(environment: environment)
        defer { terminal.stop() }
        let styles: [StyleRole: TerminalStyle]
        do {
            styles = try ThemeSelection.styles(theme: options.theme, colors: terminal.colorCount, environment: environment)
        } catch {
            terminal.stop()
            throw error
        }
        let size = terminal.size
        state = InspectorState(width: size.width, height: size.height, readOnly: options.readOnly || options.allNodes,
                               asciiOnly: !terminal.isUTF8, now: Self.now())
        let builder = options.sources.builder(environment: environment)
        // The cluster view lists every pod of the cluster: no more often than every 10 s.
        let interval = options.allNodes ? max(options.interval, InteractiveSession.clusterViewInterval) : options.interval
        let mailbox = self.mailbox
        let poller = Task.detached {
            while !Task.isCancelled {
                mailbox.post(.snapshot(await builder.snapshot()))
                try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
            }
        }
        defer { poller.cancel() }

        terminal.draw(InspectorRenderer.render(state, now: state.now), styles: styles)
        var running = true
        while running {
            var actions: [InspectorAction] = []
            // Wait for the first key, then take whatever else is queued without waiting;
            // a burst of resize events (a window being dragged) becomes one resize.
            var resized = false
            var wait: Int32 = 100
            while actions.count < 64, let input = terminal.readKey(timeoutMilliseconds: wait) {
                wait = 0
                if input == .hangup {
                    return  // nobody is watching: end as `q` would (the deferred stop restores the terminal)
                }
                if input == .resize {
                    resized = true
                } else if let key = KeyTranslation.key(input) {
                    actions.append(.key(key))
                }
            }
            if resized {
                let size = terminal.size
                actions.insert(.resize(width: size.width, height: size.height), at: 0)
            }
            actions += mailbox.drain()
            actions.append(.tick(now: Self.now()))
            for action in actions {
                let (next, effects) = InspectorReducer.reduce(state, action)
                state = next
                for effect in effects where !perform(effect) { running = false }
            }
            terminal.draw(InspectorRenderer.render(state, now: state.now), styles: styles)
        }
    }

    /// Runs one effect in the background; `false` to quit.
    private func perform(_ effect: InspectorEffect) -> Bool {
        let mailbox = self.mailbox
        switch effect {
        case .quit:
            return false
        case .retry(let containerID, let ifName):
            let retry = TeardownRetry(stateDir: options.stateDir, binDirs: options.binDirs)
            let readOnly = options.readOnly
            Task.detached {
                do throws(RetryError) {
                    let outcomes = try retry.run(containerID: containerID, interface: ifName, readOnly: readOnly)
                    let failed = outcomes.filter { !$0.succeeded }
                    let message = failed.isEmpty
                        ? "torn down: \(outcomes.map { "\($0.record.qualifiedNetwork) on \($0.record.ifName)" }.joined(separator: ", "))"
                        : "failed again: \(failed.compactMap(\.error).joined(separator: "; "))"
                    mailbox.post(.retryFinished(containerID: containerID, ifName: ifName, success: failed.isEmpty, message: message))
                } catch {
                    mailbox.post(.retryFinished(containerID: containerID, ifName: ifName, success: false, message: error.description))
                }
            }
        case .reclaim(let containerID):
            let retry = TeardownRetry(stateDir: options.stateDir, binDirs: options.binDirs)
            let readOnly = options.readOnly
            Task.detached {
                do throws(RetryError) {
                    let outcomes = try retry.reclaim(containerID: containerID, readOnly: readOnly)
                    let failed = outcomes.filter { !$0.succeeded }
                    let message = failed.isEmpty
                        ? outcomes.map { "\($0.record.qualifiedNetwork) on \($0.record.ifName)" }.joined(separator: ", ")
                        : failed.compactMap(\.error).joined(separator: "; ")
                    mailbox.post(.reclaimFinished(containerID: containerID, success: failed.isEmpty, message: message))
                } catch {
                    mailbox.post(.reclaimFinished(containerID: containerID, success: false, message: error.description))
                }
            }
        case .loadHistory(let containerID, let runtimeIfName, let ifName):
            let stateDir = options.stateDir
            Task.detached {
                let history = (try? CheckpointStore.openReadOnly(directory: stateDir)?
                    .history(containerID: containerID, runtimeIfName: runtimeIfName, ifName: ifName)) ?? []
                mailbox.post(.historyLoaded(AttachmentKey(containerID: containerID, runtimeIfName: runtimeIfName, ifName: ifName),
                                            history))
            }
        }
        return true
    }

    /// The shortest refresh interval of `--all-nodes`.
    static let clusterViewInterval = 10.0

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}
