/// What a watch stream carries, in order.
enum WatchMessage: Sendable, Equatable {
    /// An `ADDED`, `MODIFIED` or `DELETED` event.
    case event(WatchEventType, KubeJSON)
    /// A `BOOKMARK` at this resourceVersion; `initialEventsEnd` marks the end of the
    /// initial events of a `sendInitialEvents=true` watch.
    case bookmark(resourceVersion: Int, initialEventsEnd: Bool)
    /// An `ERROR` event; the stream ends after it.
    case error(APIStatusError)

    /// The `{"type":…,"object":…}` line for `resource`.
    func json(for resource: ServedResource) -> KubeJSON {
        switch self {
        case .event(let type, let object):
            return ["type": .string(type.rawValue), "object": object]
        case .bookmark(let version, let initialEventsEnd):
            var metadata: KubeJSON.Object = ["resourceVersion": .string(String(version))]
            if initialEventsEnd {
                metadata["annotations"] = ["k8s.io/initial-events-end": "true"]
            }
            return [
                "type": "BOOKMARK",
                "object": ["kind": .string(resource.kind), "apiVersion": .string(resource.apiVersion), "metadata": .object(metadata)],
            ]
        case .error(let status):
            return ["type": "ERROR", "object": status.statusObject]
        }
    }
}
