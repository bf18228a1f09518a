import ArgumentParser
import Foundation
import MultinetInspector

#if canImport(Glibc)
import Glibc
#endif

/// `multinet-inspect`: the operator's view of multinet on one node (README, "The inspector").
struct MultinetInspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "multinet-inspect",
        abstract: "Inspect multinet's networks, pod attachments and failures on this node.",
        discussion: """
        Without a subcommand on a terminal: the interactive curses view (q quits, ? shows the \
        keys; views 1 Networks, 2 Pods, 3 Failures, 4 Drift, 5 Events; : opens the command \
        line). With --once, or whenever stdout is not a terminal: one snapshot of this node as \
        tables or, with -o json, one JSON document (node, networks, pods, failures, drift, \
        events). With --all-nodes: every pod of the cluster that has a network-status, with \
        its node, from the apiserver alone. \
        The store is only ever read for snapshots; only `retry` and a confirmed r in the curses view write it.
        """,
        subcommands: [RetryCommand.self, DemoCommand.self]
    )

    @OptionGroup var options: InspectorOptions

    @Flag(help: "Print one snapshot and exit (no curses).")
    var once = false

    @Option(name: .short, help: ArgumentHelp("The --once format.", valueName: "table|json"))
    var output: OutputFormat = .table

    mutating func run() async throws {
        if options.allNodes, options.sources.clusterSource(environment: ProcessInfo.processInfo.environment) is FixedClusterSource {
            let reason = "--all-nodes reads the apiserver alone: no usable kubeconfig (--kubeconfig, KUBECONFIG, ~/.kube/config or in-cluster)"
            FileHandle.standardError.write(Data("multinet-inspect: \(reason)\n".utf8))
            throw ExitCode(2)
        }
        if !once && isatty(STDOUT_FILENO) == 1 {
            do {
                try await InteractiveSession(options: options).run()
            } catch let failure as CursesTerminal.Failure {
                FileHandle.standardError.write(Data("multinet-inspect: \(failure.description)\n".utf8))
                throw ExitCode(2)
            } catch let failure as ThemeError {
                FileHandle.standardError.write(Data("multinet-inspect: theme \(failure.description)\n".utf8))
                throw ExitCode(2)
            }
            return
        }
        let snapshot = await options.sources.builder(environment: ProcessInfo.processInfo.environment, watch: false).snapshot()
        switch output {
        case .table: print(SnapshotTables.text(snapshot), terminator: "")
        case .json: print(SnapshotJSON.text(snapshot), terminator: "")
        }
    }

    /// Parses and runs like ArgumentParser's own `main`, except that usage errors exit 2
    /// (as `retry`'s usage errors do) instead of 64, and that `demo` hands all its
    /// arguments to the demo's own executable.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "demo" { DemoLauncher.exec(arguments: Array(arguments.dropFirst())) }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
