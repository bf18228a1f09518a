import MultinetCNI
import MultinetJSON
import MultinetPlanning
import MultinetSystem

extension Multinet {
    /// CHECK: every recorded attachment in order, with its recorded result as `prevResult`.
    public func check(_ request: CNIRequest) async throws {
        let env = request.environment
        guard request.config.cniVersion >= .v0_4_0 else {
            throw CNIError(code: CNIErrorCode.incompatibleVersion,
                           msg: "CHECK needs cniVersion 0.4.0 or later; the multinet configuration declares \(request.config.cniVersion)")
        }
        let store = try openStore(request.config)
        let records = try recordedAttachments(request, store: store)
        guard !records.isEmpty else {
            throw CNIError(code: CNIErrorCode.unknownContainer,
                           msg: "container \(env.containerID) has no attachment on \(env.ifName) recorded by multinet")
        }
        for record in records {
            guard record.state == .attached else {
                throw CNIError(code: CNIErrorCode.unknownContainer,
                               msg: "network \"\(record.network)\" on \(record.ifName) of container \(env.containerID) is \(record.state.rawValue), not attached",
                               details: record.error ?? "")
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
