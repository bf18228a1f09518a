import Logging
import MultinetCheckpoint
import MultinetCore
import MultinetJSON
import MultinetKube
import MultinetKubeAPI
import MultinetModel
import MultinetPlanning

extension Agent {
    /// Watches this node's pods (one watch, resumed from the last version seen, relisting
    /// after a 410) until the task is cancelled, and runs a hot-plug pass after each list
    /// or change. A watch that fails for good is logged and started again after an interval.
    func watchPods() async {
        guard let cluster else { return }
        let options = KubeListOptions(fieldSelector: "spec.nodeName=\(settings.node)", limit: 500)
        while !Task.isCancelled {
            do throws(KubeError) {
                for try await event in cluster.client.listAndWatch(PodMetadata.self, namespace: nil, options: options) {
                    updateHotplug { state in
                        switch event {
                        case .listed(let pods, _): state.tracker.listed(pods.map(\.metadata))
                        case .changed(.added(let pod)), .changed(.modified(let pod)): state.tracker.changed(pod.metadata)
                        case .changed(.deleted(let pod)): state.tracker.deleted(pod.metadata)
                        case .changed(.bookmark): break
                        }
                    }
                    await hotplugPass(includingWaiting: false)
                }
                return
            } catch {
                logger.error("watching the pods of this node for hot-plug failed; starting again", metadata: [
                    "node": .string(settings.node), "error": .string(String(describing: error)),
                ])
                try? await Task.sleep(for: .milliseconds(Int(settings.intervalSeconds * 1000)))
            }
        }
    }

    /// One pass over the pods due (``HotplugTracker``), those waiting too with
    /// `includingWaiting` (the periodic pass); a pass asked for while one runs is run right
    /// after it instead of beside it (the periodic kind when either asked for it).
    func hotplugPass(includingWaiting: Bool) async {
        let first = updateHotplug { state -> Bool in
            state.againIncludingWaiting = state.againIncludingWaiting || includingWaiting
            if state.running { state.again = true; return false }
            state.running = true
            return true
        }
        guard first else { return }
        var waitingToo = includingWaiting
        repeat {
            updateHotplug { $0.againIncludingWaiting = false }
            await hotplugDue(includingWaiting: waitingToo)
        } while updateHotplug { state -> Bool in
            waitingToo = state.againIncludingWaiting
            if state.again { state.again = false; return true }
            state.running = false
            return false
        }
    }

    /// Acts on each pod due whose sandbox is recorded in the store; marks the others waiting.
    private func hotplugDue(includingWaiting: Bool) async {
        let due = updateHotplug { $0.tracker.due(includingWaiting: includingWaiting) }
        guard !due.isEmpty, let cluster else { return }
        guard case .current(let store) = try? CheckpointStore.openIfCurrent(directory: settings.stateDir),
              let records = try? store.allAttachments() else { return }
        var sandboxes: [(HotplugTracker.Pod, String)] = []
        for pod in due {
            if let sandbox = Self.sandbox(of: pod, in: records) {
                sandboxes.append((pod, sandbox))
            } else {
                updateHotplug { $0.tracker.wait(uid: pod.uid) }
            }
        }
        guard !sandboxes.isEmpty else { return }
        let config: MultinetConfig
        switch hotplugConfig() {
        case .found(let found):
            config = found
        case .missing(let problem):
            let fresh = updateHotplug { state -> Bool in
                defer { state.configurationProblem = problem }
                return state.configurationProblem != problem
            }
            if fresh { logger.error("hot-plug is waiting for multinet's configuration", metadata: ["problem": .string(problem)]) }
            return
        }
        updateHotplug { $0.configurationProblem = nil }
        let access = KubeClientAccess(client: cluster.client)
        for (pod, containerID) in sandboxes {
            let report = await plugin.hotplug(containerID: containerID, annotations: pod.annotations, access: access,
                                              config: config, store: store)
            switch report.refusal?.kind {
            case .noSandbox?, .busy?, .store?:
                logger.debug("hot-plug deferred", metadata: ["pod": .string(pod.displayName),
                                                            "reason": .string(report.refusal?.message ?? "")])
                updateHotplug { $0.tracker.wait(uid: pod.uid) }
                continue
            case .selection?, nil:
                updateHotplug { $0.tracker.handled(uid: pod.uid, selection: pod.selection) }
            }
            metrics.countHotplug(report)
            await publish(report, pod: pod, cluster: cluster)
        }
    }

    /// What ``hotplugConfig()`` found.
    enum HotplugConfiguration {
        /// The configuration to plan with.
        case found(MultinetConfig)
        /// Why there is none.
        case missing(String)
    }

    /// multinet's configuration from the conf dir, with the agent's own paths (as mounted
    /// in its container), or why there is none.
    func hotplugConfig() -> HotplugConfiguration {
        do {
            guard let (_, config) = try ConfDirectory(path: settings.confDir, ownName: "").ownConfig() else {
                return .missing("no file in \(settings.confDir) has a plugin of type multinet: the hot-plug plans with "
                    + "the plugin's configuration (namespace isolation, default networks), as the runtime's ADD does")
            }
            return .found(withAgentPaths(config))
        } catch {
            return .missing(String(describing: error))
        }
    }

    /// The container of `pod`'s newest sandbox whose default attachment is attached.
    static func sandbox(of pod: HotplugTracker.Pod, in records: [AttachmentRecord]) -> String? {
        records.filter { record in
            record.isDefault && record.state == .attached
                && (record.podUID.isEmpty ? record.podNamespace == pod.namespace && record.podName == pod.name
                                          : record.podUID == pod.uid)
        }.max { $0.createdAt < $1.createdAt }?.containerID
    }

    /// Logs the report, writes the pod's `network-status` when its interfaces changed, and
    /// posts its Events.
    private func publish(_ report: HotplugReport, pod: HotplugTracker.Pod, cluster: AgentCluster) async {
        let metadata: Logger.Metadata = ["pod": .string(pod.displayName)]
        if let refusal = report.refusal {
            logger.warning("hot-plug refused", metadata: metadata.merging(["reason": .string(refusal.message)]) { $1 })
        }
        for change in report.detached + report.attached {
            var details = metadata
            details["interface"] = .string(change.ifName)
            details["network"] = .string(change.network)
            if let error = change.error {
                details["error"] = .string(error)
                logger.error("hot-plug of an interface failed", metadata: details)
            } else {
                logger.notice("hot-plug changed an interface", metadata: details)
            }
        }
        if let status = report.networkStatus {
            do {
                try await cluster.client.patchAnnotations(Pod.self, name: pod.name, namespace: pod.namespace,
                                                          annotations: [NetworkStatus.annotation: status])
            } catch {
                logger.error("the pod's interfaces changed, but its network-status annotation could not be written",
                             metadata: metadata.merging(["error": .string(String(describing: error))]) { $1 })
            }
        }
        let reference = PodReference(namespace: pod.namespace, name: pod.name, uid: pod.uid)
        for event in HotplugEvents.events(report) {
            let object = KubeEvent.event(about: reference, type: event.type, reason: event.reason, message: event.message,
                                         now: Double(CheckpointStore.wallClockMilliseconds()) / 1000,
                                         component: "multinet-agent")
            do {
                try await cluster.post(event: object, namespace: pod.namespace)
            } catch {
                logger.warning("cannot post a hot-plug Event", metadata: metadata.merging([
                    "reason": .string(event.reason), "error": .string(String(describing: error)),
                ]) { $1 })
            }
        }
    }
}
