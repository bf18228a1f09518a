/// The `type` of a watch event.
public enum WatchEventType: String, Sendable, Equatable {
    /// An object was created (or entered a watch's selection).
    case added = "ADDED"
    /// An object was changed.
    case modified = "MODIFIED"
    /// An object was deleted (or left a watch's selection).
    case deleted = "DELETED"
    /// A progress marker carrying only a resourceVersion.
    case bookmark = "BOOKMARK"
    /// The watch failed; the object is a `Status`.
    case error = "ERROR"
}

/// One write to the store, as kept in the event history.
struct StoreEvent: Sendable, Equatable {
    /// What happened.
    var type: WatchEventType
    /// The kind of object.
    var resource: ServedResource
    /// The object's key (`namespace/name`, or `name` when cluster-scoped).
    var key: String
    /// The object after the write; for a deletion, its last state carrying the deletion's
    /// resourceVersion.
    var object: KubeJSON
    /// The object before the write (`nil` for a creation).
    var previous: KubeJSON?
    /// The resourceVersion the write produced.
    var resourceVersion: Int
}
