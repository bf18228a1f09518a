import MultinetCNI
import MultinetCheckpoint
import MultinetJSON
import MultinetPlanning
import MultinetSystem

extension Multinet {
    /// CHECK: every recorded attachment in order, with its recorded result as `prevResult`.
    public func check(_ request: CNIRequest) async throws {
        guard request.config.cniVersion >= .v0_4_0 else {
            throw CommandFailure.versionTooOld(command: "CHECK", needs: "0.4.0 or later", declared: request.config.cniVersion)
        }
        let store = try openStore(request.config)
        try await recordingOperation("check", store: store, config: request.config) { try check(request, store: store) }
    }

    func check(_ request: CNIRequest, store: CheckpointStore) throws {
        let env = request.environment
        let records = try recordedAttachments(request, store: store)
        guard !records.isEmpty else {
            throw CommandFailure.notRecorded(containerID: env.containerID, ifName: env.ifName)
        }
        for record in records {
            guard record.state == .attached else {
                throw CommandFailure.notAttached(network: record.network, ifName: record.ifName, containerID: env.containerID,
                                                 state: record.state, error: record.error)
            }
            let started = MonotonicClock.nanoseconds()
            do throws {
                let list = try NetworkConfigList(parsing: record.config, source: "the recorded configuration of network \"\(record.network)\"",
                                                 requireName: false)
                guard let version = list.cniVersion, version >= .v0_4_0, !list.disableCheck else { continue }
                let prevResult = record.result.flatMap { try? JSONValue(parsing: $0) }
                try invoker.check(list, prevResult: prevResult, context: context(request, ifName: record.ifName))
                try? store.recordCheck(containerID: record.containerID, runtimeIfName: record.runtimeIfName,
                                       ifName: record.ifName, error: nil, durationMs: Self.millisecondsSince(started))
            } catch {
                try? store.recordCheck(containerID: record.containerID, runtimeIfName: record.runtimeIfName,
                                       ifName: record.ifName, error: String(describing: error),
                                       durationMs: Self.millisecondsSince(started))
                throw ContextualFailure(context: "CHECK of container \(env.containerID): network \"\(record.network)\" on \(record.ifName)", underlying: error)
            }
        }
    }
}
