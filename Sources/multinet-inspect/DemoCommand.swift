import ArgumentParser
import CNCursesw
import Foundation
import MultinetCore

/// `multinet-inspect demo`: a self-contained demonstration on this machine with real
/// network namespaces, Debian's real CNI plugins and the apiserver test double, ending in
/// the inspector on the demo node.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Attach pods through multinet (plain, three networks, a failing teardown) with real plugins, open the inspector, tear down.",
        discussion: "As root with Debian's containernetworking-plugins (scripts/setup-machine installs them) it uses real network namespaces and plugins; otherwise a simulated stand-in plugin that says so. Everything it creates is removed on exit, also on Ctrl-C."
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
            for source in signals { source.cancel() }
        }
        do {
            try await demo.run()
        } catch {
            try? await demo.server?.shutdown()
            throw error
        }
        if keep { print("\nkept: \(demo.root), netns \(demo.namespaces.joined(separator: " ")), links \(demo.resources.links.joined(separator: " "))") }
    }

    /// On Ctrl-C or SIGTERM: give the terminal back, remove what the demo created, exit 130.
    static func cleanUpOnSignals(_ resources: DemoResources) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                _ = endwin()
                FileHandle.standardError.write(Data("\nmultinet-inspect demo: interrupted; removing what the demo created\n".utf8))
                resources.cleanUp()
                Foundation.exit(130)
            }
            source.resume()
            return source
        }
    }
}
