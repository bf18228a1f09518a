import MultinetKubeAPI

/// What ``KubeInformer`` reports: full lists and the changes between them.
public enum KubeInformerEvent<Object: KubeResource>: Sendable {
    /// Every object as of `resourceVersion`: replace what you know with this. Comes first,
    /// and again whenever the watch fell too far behind (410) and the informer relisted.
    case listed([Object], resourceVersion: String?)
    /// A change since the last list (or a bookmark).
    case changed(KubeWatchEvent<Object>)
}
