import ArgumentParser
import Foundation
import MultinetCore

/// `multinet-inspect demo`: a self-contained demonstration on this machine with real
/// network namespaces and Debian's real CNI plugins.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Attach pods through multinet (one with three networks) with real plugins and namespaces, show the record, tear down.",
        discussion: "Needs root and Debian's containernetworking-plugins (scripts/setup-machine installs them)."
    )

    @Option(help: "Directories holding the CNI plugins, ':'-separated.")
    var cniPath = "/usr/lib/cni:/opt/cni/bin"

    @Flag(help: "Keep the demo's directory, namespaces and bridge for a look afterwards.")
    var keep = false

    mutating func run() async throws {
        var demo = try Demo(cniPath: cniPath)
        defer { if !keep { demo.cleanUp() } }
        do {
            try await demo.run()
        } catch {
            try? await demo.server?.shutdown()
            throw error
        }
        if keep { print("\nkept: \(demo.root), netns \(demo.namespaces.joined(separator: " ")), bridge \(demo.bridge)") }
    }
}
