import ArgumentParser
import MultinetCheckpoint

/// `multinet-bench store-touch`: rewrites one attachment record's result, as a plugin's ADD
/// would, from a process of its own (a writer in the inspector's process would share its
/// read-only `-shm` mapping; see `KeptStores`).
struct StoreTouch: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "store-touch", shouldDisplay: false)

    @Option(name: .customLong("state-dir")) var stateDir: String
    @Option(name: .customLong("container-id")) var containerID: String
    @Option(name: .customLong("runtime-ifname")) var runtimeIfName: String
    @Option(name: .customLong("ifname")) var ifName: String
    @Option var result: String
    @Option var round = 0

    func run() throws {
        try CheckpointStore(directory: stateDir).recordAddSucceeded(
            containerID: containerID, runtimeIfName: runtimeIfName, ifName: ifName, result: Array(result.utf8),
            durationMs: Int64(round))
    }
}
