import ArgumentParser
import Foundation
import Synchronization

/// `multinet-demo`, run as `multinet-inspect demo` (which execs it with the same
/// arguments): a self-contained demonstration on this machine with real network
/// namespaces, Debian's real CNI plugins and the apiserver test double, ending in the
/// inspector on the demo node. Its own executable, so that neither the double nor the demo
/// is linked into the binaries installed on nodes.
@main
struct MultinetDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "multinet-inspect demo",
        abstract: "Attach pods through multinet (plain, three networks, a failing teardown) with real plugins, open the inspector, tear down.",
        discussion: "As root with Debian's containernetworking-plugins (scripts/setup-machine installs them) it uses real network namespaces and plugins; otherwise a simulated stand-in plugin that says so. Everything it creates is removed on exit, also on Ctrl-C. It runs the multinet and multinet-inspect binaries beside it."
    )

    @Option(help: "Directories holding the CNI plugins, ':'-separated.")
    var cniPath = "/usr/lib/cni:/opt/cni/bin"

    @Flag(help: "Keep the demo's directory, namespaces and bridges for a look afterwards.")
    var keep = false

    @Flag(help: "Use the simulated stand-in plugin even where root and Debian's plugins are available.")
    var simulate = false

    mutating func run() async throws {
        var demo = try Demo(cniPath: cniPath, forceSimulation: simulate)
        let signals = keep ? [] : Self.cleanUpOnSignals(demo.resources)
        defer {
            if !keep { demo.cleanUp() }
            for number in signals { signal(number, SIG_DFL) }
        }
        do {
            try await demo.run()
        } catch {
            try? await demo.server?.shutdown()
            throw error
        }
        if keep { print("\nkept: \(demo.root), netns \(demo.namespaces.joined(separator: " ")), links \(demo.resources.links.joined(separator: " "))") }
    }

    /// On Ctrl-C or SIGTERM: remove what the demo created, exit 130. (The inspector, when
    /// it is open, gets the same Ctrl-C and gives the terminal back itself.)
    ///
    /// The signal handler only writes a byte to a pipe (all a handler may safely do); a
    /// thread waiting on the pipe does the work.
    static func cleanUpOnSignals(_ resources: DemoResources) -> [Int32] {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return [] }
        demoSignalPipeWriter = fds[1]
        let reader = fds[0]
        let thread = Thread {
            var byte: UInt8 = 0
            guard read(reader, &byte, 1) == 1 else { return }
            FileHandle.standardError.write(Data("\nmultinet-inspect demo: interrupted; removing what the demo created\n".utf8))
            resources.cleanUp()
            Foundation.exit(130)
        }
        thread.start()
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in
                demoInterrupted.store(true, ordering: .sequentiallyConsistent)
                var byte: UInt8 = 1
                _ = write(demoSignalPipeWriter, &byte, 1)
            }
        }
        return [SIGINT, SIGTERM]
    }
}

/// The write end of the demo's signal pipe, read by the signal handler.
nonisolated(unsafe) private var demoSignalPipeWriter: Int32 = -1

/// Set by the signal handler: the demo was interrupted and its clean-up thread ends it.
let demoInterrupted = Atomic<Bool>(false)
