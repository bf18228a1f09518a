import MultinetCNI
import MultinetCheckpoint
import MultinetJSON
import MultinetPlanning
import MultinetSystem

extension Multinet {
    /// Tears down recorded attachments in reverse order from their records alone (config
    /// bytes, result, `CNI_ARGS`), continuing past failures. Each success removes its record;
    /// each failure is recorded and returned. This is the code behind DEL, GC, rollback of
    /// stale records and the inspector's retry.
    public func teardown(_ records: [AttachmentRecord], store: CheckpointStore, config: MultinetConfig,
                         overrides: TeardownOverrides) -> [TeardownFailure] {
        var failures: [TeardownFailure] = []
        for record in records.sorted(by: { $0.position > $1.position }) {
            let started = MonotonicClock.nanoseconds()
            do throws {
                try? store.recordDelStarted(containerID: record.containerID, runtimeIfName: record.runtimeIfName,
                                            ifName: record.ifName)
                let list = try NetworkConfigList(parsing: record.config,
                                                 source: "the recorded configuration of network \"\(record.qualifiedNetwork)\"",
                                                 requireName: false)
                let prevResult = record.result.flatMap { try? JSONValue(parsing: $0) }
                let context = DelegateContext(
                    containerID: record.containerID, netns: overrides.netns ?? record.netns, ifName: record.ifName,
                    cniPath: overrides.cniPath ?? record.cniPath, cniArgs: record.cniArgs, binDir: config.binDir,
                    baseEnvironment: overrides.baseEnvironment, timeoutSeconds: config.delegateTimeoutSeconds)
                try phases.measure("delegate.del") { () throws in
                    try invoker.del(list, prevResult: prevResult, context: context)
                }
                do {
                    try store.removeAttachment(containerID: record.containerID, runtimeIfName: record.runtimeIfName,
                                               ifName: record.ifName)
                } catch {
                    throw StoreFailure(action: "torn down, but its record could not be removed", underlying: error)
                }
                logger.info("detached", metadata: [
                    "container": .string(record.containerID), "network": .string(record.network),
                    "interface": .string(record.ifName), "ms": .string(String(Self.millisecondsSince(started))),
                ])
            } catch {
                try? store.recordDelFailed(containerID: record.containerID, runtimeIfName: record.runtimeIfName,
                                           ifName: record.ifName, error: String(describing: error),
                                           durationMs: Self.millisecondsSince(started))
                logger.error("teardown failed; the record is kept", metadata: [
                    "container": .string(record.containerID), "network": .string(record.network),
                    "interface": .string(record.ifName), "error": .string(String(describing: error)),
                ])
                failures.append(TeardownFailure(network: record.qualifiedNetwork, ifName: record.ifName, error: CNIError(reporting: error)))
            }
        }
        return failures
    }
}
