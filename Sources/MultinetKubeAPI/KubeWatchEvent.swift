/// One event of a watch stream.
public enum KubeWatchEvent<Object: KubeResource>: Sendable {
    /// `ADDED`: the object was created (or existed when the watch started without a version).
    case added(Object)
    /// `MODIFIED`: the object changed.
    case modified(Object)
    /// `DELETED`: the object is gone; this is its last state.
    case deleted(Object)
    /// `BOOKMARK`: nothing changed, but the collection has reached this version.
    case bookmark(resourceVersion: String)

    /// The version this event brings the collection to.
    public var resourceVersion: String? {
        switch self {
        case .added(let object), .modified(let object), .deleted(let object): object.metadata.resourceVersion
        case .bookmark(let version): version
        }
    }

    /// The object, unless this is a bookmark.
    public var object: Object? {
        switch self {
        case .added(let object), .modified(let object), .deleted(let object): object
        case .bookmark: nil
        }
    }
}

extension KubeWatchEvent: Equatable where Object: Equatable {}
