import MultinetCNI
import MultinetCheckpoint
import MultinetJSON
import MultinetModel
import MultinetPlanning
import MultinetSystem

extension Multinet {
    /// ADD: attach every planned network in order, recording each before its delegate runs;
    /// on the first failure roll back what was attached and report the pod, network and interface.
    public func add(_ request: CNIRequest) async throws -> JSONValue {
        let store = try openStore(request.config)
        return try await recordingOperation("add", store: store, config: request.config) {
            let lock = try lockContainer(request)
            defer { lock?.release() }
            return try await add(request, store: store)
        }
    }

    func add(_ request: CNIRequest, store: CheckpointStore) async throws -> JSONValue {
        try clearStaleRecords(request, store: store)
        let kube = KubeSession(factory: kubeFactory, config: request.config, environment: request.environment, phases: phases)
        do throws {
            let plan = try await plan(request, kube: kube)
            let attached = try applyDefaultRoute(try attach(plan.attachments, request: request, store: store),
                                                 request: request, store: store)
            if plan.publishesStatus {
                await publishNetworkStatus(attached, request: request, kube: kube, store: store)
            }
            await kube.shutdown()
            guard let defaultResult = attached.first(where: { $0.planned.isDefault })?.result else {
                throw PlanFailure.noDefaultNetworkAttached(pod: request.pod.displayName)
            }
            return try defaultResult.json(as: request.config.cniVersion)
        } catch {
            logger.error("ADD failed", metadata: [
                "pod": .string(request.pod.displayName), "container": .string(request.environment.containerID),
                "error": .string(String(describing: error)),
            ])
            await reportFailure(error, request: request, kube: kube)
            await kube.shutdown()
            throw error
        }
    }

    /// Attaches every planned network in order; on the first failure rolls back what was
    /// attached (reverse order) and throws an error naming the pod, network and interface.
    ///
    /// `firstPosition`: the position of the first in the record (a hot-plug appends after
    /// the sandbox's existing attachments); `origin`: how the records say they came.
    func attach(_ plan: [PlannedAttachment], request: CNIRequest, store: CheckpointStore,
                firstPosition: Int = 0, origin: AttachmentOrigin = .runtime) throws -> [(planned: PlannedAttachment, result: CNIResult)] {
        let env = request.environment
        let pod = request.pod
        var attached: [(PlannedAttachment, AttachmentRecord)] = []
        var results: [(planned: PlannedAttachment, result: CNIResult)] = []
        for planned in plan {
            let context = context(request, ifName: planned.ifName)
            let prefix = "pod \(pod.displayName) (container \(env.containerID)): network \"\(planned.qualifiedName)\" on interface \(planned.ifName)"
            let record: AttachmentRecord
            let outcome: DelegateResult
            let started = MonotonicClock.nanoseconds()
            do throws {
                let list = try invoker.negotiated(planned.list, context: context)
                    .injectingRuntimeConfig(planned.runtimeConfig)
                try invoker.locateAll(list, context: context)
                record = AttachmentRecord(
                    containerID: env.containerID, runtimeIfName: env.ifName, ifName: planned.ifName,
                    position: firstPosition + attached.count, isDefault: planned.isDefault, netns: env.netns,
                    podNamespace: pod.namespace, podName: pod.name, podUID: pod.uid,
                    network: planned.network, networkNamespace: planned.networkNamespace,
                    networkKind: planned.kind, config: list.serialized(),
                    cniPath: env.rawPath, cniArgs: env.args.raw, origin: origin)
                do throws(CheckpointError) {
                    try store.recordAddStarted(record)
                } catch {
                    throw StoreFailure(action: "cannot record the attachment before running its plugins", underlying: error)
                }
                do {
                    outcome = try phases.measure("delegate.add") { () throws in
                        try invoker.add(list, prevResult: request.config.prevResult, context: context)
                    }
                } catch {
                    attached.append((planned, record))
                    throw error
                }
            } catch {
                let failure = ContextualFailure(context: prefix, underlying: error)
                rollBack(attached, store: store, request: request, cause: failure)
                throw failure
            }
            do throws(CheckpointError) {
                try store.recordAddSucceeded(containerID: env.containerID, runtimeIfName: env.ifName,
                                             ifName: planned.ifName, result: outcome.json.serialized(),
                                             durationMs: Self.millisecondsSince(started))
            } catch {
                attached.append((planned, record))
                let failure = StoreFailure(action: "\(prefix): attached, but the result could not be recorded; rolled back",
                                           underlying: error)
                rollBack(attached, store: store, request: request, cause: failure)
                throw failure
            }
            attached.append((planned, record))
            results.append((planned, outcome.result))
            logger.info("attached", metadata: [
                "pod": .string(pod.displayName), "container": .string(env.containerID),
                "network": .string(planned.qualifiedName), "interface": .string(planned.ifName),
                "ms": .string(String(Self.millisecondsSince(started))),
            ])
        }
        return results
    }

    /// Records for this container and interface left by an earlier ADD that failed or was
    /// killed are torn down first; a live attachment is an error, as the spec asks of a
    /// second ADD without DEL.
    func clearStaleRecords(_ request: CNIRequest, store: CheckpointStore) throws {
        let env = request.environment
        let existing = try recordedAttachments(request, store: store)
        guard !existing.isEmpty else { return }
        if existing.contains(where: { $0.state == .attached }) {
            throw CommandFailure.alreadyAttached(containerID: env.containerID, ifName: env.ifName)
        }
        logger.warning("tearing down records of an earlier failed ADD before this one",
                       metadata: ["container": .string(env.containerID), "records": .string(String(existing.count))])
        settleLeftovers(of: existing, request: request)
        let failures = teardown(existing, store: store, config: request.config, overrides: TeardownOverrides(request))
        if !failures.isEmpty {
            throw TeardownIncomplete.recorded(failures: failures, containerID: env.containerID, command: "ADD (cleaning up an earlier attempt)")
        }
    }

    /// Undoes a failed ADD in reverse order. Rolled-back attachments stay recorded as failed
    /// ADDs (the runtime's DEL removes them); a rollback that fails leaves a failed teardown.
    func rollBack(_ attached: [(PlannedAttachment, AttachmentRecord)], store: CheckpointStore,
                  request: CNIRequest, cause: any Error) {
        let cause = CNIError(reporting: cause)
        for (index, (planned, record)) in attached.enumerated().reversed() {
            let started = MonotonicClock.nanoseconds()
            let list: NetworkConfigList
            do {
                list = try NetworkConfigList(parsing: record.config, source: "recorded config", requireName: false)
            } catch {
                continue
            }
            let prevResult = (try? store.attachments(containerID: record.containerID, runtimeIfName: record.runtimeIfName))?
                .first { $0.ifName == record.ifName }?.result
                .flatMap { try? JSONValue(parsing: $0) }
            do {
                try invoker.del(list, prevResult: prevResult, context: context(request, ifName: planned.ifName))
                try? store.recordAddFailed(containerID: record.containerID, runtimeIfName: record.runtimeIfName,
                                           ifName: record.ifName,
                                           error: index == attached.count - 1 ? cause.description : "rolled back because a later attachment failed: \(cause.msg)",
                                           durationMs: Self.millisecondsSince(started))
            } catch {
                logger.error("rollback of an attachment failed; its record is kept for a retry",
                             metadata: ["network": .string(planned.network), "interface": .string(planned.ifName),
                                        "error": .string(String(describing: error))])
                try? store.recordDelStarted(containerID: record.containerID, runtimeIfName: record.runtimeIfName, ifName: record.ifName)
                try? store.recordDelFailed(containerID: record.containerID, runtimeIfName: record.runtimeIfName,
                                           ifName: record.ifName, error: "rollback failed: \(error)",
                                           durationMs: Self.millisecondsSince(started))
            }
        }
    }
}
