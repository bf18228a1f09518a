import MultinetCNI
import MultinetPlanning

extension Multinet {
    /// The reason of the Event recorded on a pod whose ADD failed.
    public static let attachFailedReason = "MultinetAttachFailed"

    /// Records a `Warning` Event on the pod for a failed ADD, so `kubectl describe pod`
    /// shows why, when this ADD already talks to the apiserver and the apiserver was not
    /// itself the trouble (a failure that asks to be retried later would only wait for the
    /// same timeout again). Best effort: a failure to record is logged.
    func reportFailure(_ failure: any Error, request: CNIRequest, kube: KubeSession) async {
        let pod = request.pod
        let error = CNIError(reporting: failure)
        guard kube.isOpen, !error.asksToRetryLater, !pod.name.isEmpty, !pod.namespace.isEmpty,
              pod.argumentError == nil, let access = try? kube.get() else { return }
        do {
            try await access.recordWarning(about: pod, reason: Self.attachFailedReason, message: error.msg)
        } catch {
            logger.warning("cannot record an event about the failed ADD", metadata: [
                "pod": .string(pod.displayName), "error": .string(String(describing: error)),
            ])
        }
    }
}
