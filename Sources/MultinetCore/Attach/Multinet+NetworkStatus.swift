import MultinetCNI
import MultinetCheckpoint
import MultinetModel
import MultinetPlanning
import MultinetSystem

extension Multinet {
    /// Merge-patches `k8s.v1.cni.cncf.io/network-status` onto the pod after a successful
    /// ADD. A failure does not fail the pod (its networks work): it is logged and recorded
    /// on the default attachment, where the inspector shows it.
    func publishNetworkStatus(_ attached: [(planned: PlannedAttachment, result: CNIResult)], request: CNIRequest,
                              kube: KubeSession, store: CheckpointStore) async {
        let pod = request.pod
        guard !pod.name.isEmpty, !pod.namespace.isEmpty else { return }
        let entries = attached.map { NetworkStatus.Entry(planned: $0.planned, result: $0.result) }
        let started = MonotonicClock.nanoseconds()
        var failure: String?
        do throws {
            guard let access = try kube.get() else { return }
            try await access.annotatePod(namespace: pod.namespace, name: pod.name,
                                         annotations: [NetworkStatus.annotation: NetworkStatus.value(entries)])
        } catch {
            failure = "writing \(NetworkStatus.annotation): \(String(describing: error))"
            logger.error("the pod's networks are attached, but its network-status annotation could not be written",
                         metadata: ["pod": .string(pod.displayName), "error": .string(String(describing: error))])
        }
        guard let defaultAttachment = attached.first(where: { $0.planned.isDefault })?.planned else { return }
        do {
            try store.recordStatusWrite(containerID: request.environment.containerID,
                                        runtimeIfName: request.environment.ifName, ifName: defaultAttachment.ifName,
                                        error: failure, durationMs: Self.millisecondsSince(started))
        } catch {
            logger.warning("cannot record the network-status write", metadata: ["error": .string(error.description)])
        }
    }
}
