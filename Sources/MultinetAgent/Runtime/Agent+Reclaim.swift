import Logging
import MultinetCheckpoint
import MultinetCore
import MultinetKubeAPI
import MultinetModel

extension Agent {
    /// The reason of the Event the agent posts when it reclaims a sandbox of a pod whose
    /// object (by name) still exists.
    public static let reclaimedReason = "MultinetReclaimed"

    /// Reclaims each candidate under its container lock, after checking once more that
    /// every recorded netns is still gone; logs each, counts them, and posts an Event on a
    /// pod object of the same name when one exists (a pod recreated with a new UID).
    func reclaim(_ candidates: [ReclaimPlanner.Candidate], pods: [ObjectMeta], store: CheckpointStore,
                 report: inout CycleReport) async {
        let reclaimer = LeakReclaimer(plugin: plugin, config: teardownConfig)
        let observer = self.observer
        for candidate in candidates {
            let outcome = reclaimer.reclaim(containerID: candidate.containerID, store: store) { records in
                for record in records {
                    if case .gone = observer.observe(record.netns) { continue }
                    return "netns \(record.netns) is no longer known to be gone"
                }
                return nil
            }
            let metadata: Logger.Metadata = [
                "container": .string(candidate.containerID), "pod": .string(candidate.podName),
                "interfaces": .string(candidate.interfaces.joined(separator: ",")),
            ]
            switch outcome {
            case .reclaimed:
                report.reclaimed.append(candidate.containerID)
                logger.notice("reclaimed a leaked sandbox: its pod and netns are gone", metadata: metadata)
                if let pod = pods.first(where: { $0.namespace == candidate.namespace && $0.name == candidate.pod }) {
                    await postReclaimEvent(candidate, pod: pod)
                }
            case .busy:
                report.skipped[candidate.containerID] = "another multinet process holds it"
            case .alreadyGone:
                report.skipped[candidate.containerID] = "already torn down"
            case .notALeak(let reason):
                report.skipped[candidate.containerID] = reason
            case .failed(_, let failures):
                let text = failures.map { "\($0.ifName): \($0.error.msg)" }.joined(separator: "; ")
                report.skipped[candidate.containerID] = "teardown failed: \(text)"
                logger.error("reclaiming a leaked sandbox failed; its records stay as failed teardowns",
                             metadata: metadata.merging(["error": .string(text)]) { $1 })
            case .storeFailed(let problem):
                report.skipped[candidate.containerID] = problem
                report.problems.append(problem)
            }
        }
        metrics.countReclaimed(report.reclaimed.count)
    }

    private func postReclaimEvent(_ candidate: ReclaimPlanner.Candidate, pod: ObjectMeta) async {
        guard let cluster else { return }
        let reference = PodReference(namespace: candidate.namespace, name: candidate.pod, uid: pod.uid ?? "")
        let message = "multinet-agent tore down the attachments (\(candidate.interfaces.joined(separator: ", "))) of an "
            + "earlier sandbox of this pod (UID \(candidate.podUID.isEmpty ? "unknown" : candidate.podUID), container "
            + "\(candidate.containerID)): its pod and its netns were gone"
        let event = KubeEvent.event(about: reference, type: "Normal", reason: Self.reclaimedReason, message: message,
                                    now: Double(CheckpointStore.wallClockMilliseconds()) / 1000,
                                    component: "multinet-agent")
        do {
            try await cluster.post(event: event, namespace: candidate.namespace)
        } catch {
            logger.warning("cannot post the reclaim's Event", metadata: [
                "pod": .string(candidate.podName), "error": .string(String(describing: error)),
            ])
        }
    }
}
