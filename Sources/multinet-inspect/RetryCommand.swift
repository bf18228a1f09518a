import ArgumentParser
import Foundation
import MultinetInspector

/// `multinet-inspect retry CONTAINER_ID [--interface IF]`: retries a container's failed
/// teardowns from scripts. Exit 0 when every retried teardown succeeded, 1 when one failed
/// again (or the store could not be written), 2 for usage errors (unknown container,
/// nothing failed, `--read-only`).
struct RetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Retry a container's failed teardowns (state del_failed) with the same code as DEL.",
        discussion: """
        Replays each failed teardown's recorded config bytes, CNI_PATH, CNI_ARGS and netns, in \
        reverse attach order, records the attempt and removes the record on success. Failed \
        ADDs whose rollback failed are failed teardowns too; ADDs that failed and were rolled \
        back are left to the runtime's DEL. Exit 0: all succeeded; 1: one failed; 2: usage.
        """
    )

    @OptionGroup var options: InspectorOptions

    @Argument(help: "The sandbox's container ID (CNI_CONTAINERID), as --once shows it.")
    var containerID: String

    @Option(name: .customLong("interface"), help: ArgumentHelp("Only the attachment on this interface.", valueName: "if"))
    var interface: String?

    mutating func run() throws {
        let retry = TeardownRetry(stateDir: options.stateDir, binDirs: options.binDirs)
        let outcomes: [RetryOutcome]
        do {
            outcomes = try retry.run(containerID: containerID, interface: interface, readOnly: options.readOnly)
        } catch {
            FileHandle.standardError.write(Data("multinet-inspect: \(error.description)\n".utf8))
            throw ExitCode(error.isUsageError ? 2 : 1)
        }
        for outcome in outcomes {
            let record = outcome.record
            let what = "\(record.podNamespace)/\(record.podName) network \(record.qualifiedNetwork) on \(record.ifName)"
            if let error = outcome.error {
                print("FAILED    \(what): \(error)")
            } else {
                print("torn down \(what)")
            }
        }
        if outcomes.contains(where: { !$0.succeeded }) { throw ExitCode(1) }
    }
}
