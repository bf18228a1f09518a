import ArgumentParser

/// `multinet-inspect`: the operator's view of multinet on one node.
@main
struct MultinetInspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "multinet-inspect",
        abstract: "Inspect multinet's networks, pod attachments and failures on this node.",
        discussion: """
        The interactive curses inspector arrives with issue 5. Today this tool runs the
        end-to-end demo of the plugin (`multinet-inspect demo`).
        """,
        subcommands: [DemoCommand.self]
    )

    mutating func run() throws {
        print(Self.helpMessage())
        throw ExitCode(2)
    }
}
