import ArgumentParser

/// `multinet-inspect demo [ARGS]`: listed here for `--help`; ``MultinetInspect/main()``
/// hands these arguments to ``DemoLauncher`` before parsing, so that the demo's own
/// options and help are `multinet-demo`'s.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Attach pods through multinet (plain, three networks, a failing teardown) with real plugins, open the inspector, tear down.",
        discussion: "Runs multinet-demo from this binary's directory with the same arguments (`multinet-inspect demo --help` lists them). The demo ships with a source build, not on nodes."
    )

    @Argument(parsing: .captureForPassthrough, help: "The demo's arguments.")
    var arguments: [String] = []

    func run() throws {
        DemoLauncher.exec(arguments: arguments)
    }
}
