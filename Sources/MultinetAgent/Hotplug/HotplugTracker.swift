import MultinetKubeAPI
import MultinetPlanning

/// Which of this node's pods the hot-plug still has to act on (pure: no I/O).
///
/// It keeps the last metadata seen of every pod (from the watch's lists and changes) and,
/// per pod, the selection it last acted on. A pod is due while its selection differs from
/// that: after a change of its selection annotation, and once after the agent starts (so a
/// change made while the agent was down is applied too). An act that could not start (no
/// sandbox recorded yet, the container busy, the store unreadable) leaves the pod due, but
/// *waiting*: passes run for a watch event skip it until that pod changes again, the
/// periodic pass tries it (so a node's host-network pods, which never get a sandbox, cost
/// nothing per event). One that ran, or was refused for its selection, is not due.
public struct HotplugTracker: Sendable {
    /// A pod's selection: the values of both dialects' annotations.
    public struct Selection: Sendable, Hashable {
        /// `k8s.v1.cni.cncf.io/networks`.
        public var multus: String?
        /// The alpha dialect's annotation.
        public var alpha: String?

        /// The selection in `annotations`.
        public init(annotations: [String: String]) {
            multus = annotations[SelectionDialect.multus.annotation]
            alpha = annotations[SelectionDialect.alpha.annotation]
        }
    }

    /// A pod as the hot-plug needs it.
    public struct Pod: Sendable, Equatable {
        /// Its namespace.
        public var namespace: String
        /// Its name.
        public var name: String
        /// Its UID (how its sandbox's records name it).
        public var uid: String
        /// Every annotation (the selection is parsed from them as the plugin's ADD does).
        public var annotations: [String: String]

        /// Its selection.
        public var selection: Selection { Selection(annotations: annotations) }
        /// `namespace/name`.
        public var displayName: String { "\(namespace)/\(name)" }
    }

    private var pods: [String: Pod] = [:]
    private var handled: [String: Selection] = [:]
    private var waiting: Set<String> = []

    /// A tracker that has seen nothing.
    public init() {}

    /// A full list (the first, or a relist after the watch fell behind): replaces every pod.
    public mutating func listed(_ metadata: [ObjectMeta]) {
        pods = [:]
        for meta in metadata { changed(meta) }
        handled = handled.filter { pods[$0.key] != nil }
        waiting = waiting.filter { pods[$0] != nil }
    }

    /// A pod added or modified.
    public mutating func changed(_ meta: ObjectMeta) {
        guard let uid = meta.uid, !uid.isEmpty, let namespace = meta.namespace else { return }
        pods[uid] = Pod(namespace: namespace, name: meta.name, uid: uid, annotations: meta.annotations)
        waiting.remove(uid)
    }

    /// A pod deleted: forgotten.
    public mutating func deleted(_ meta: ObjectMeta) {
        guard let uid = meta.uid else { return }
        pods[uid] = nil
        handled[uid] = nil
        waiting.remove(uid)
    }

    /// The pods whose selection has not been acted on, by namespace and name; those
    /// waiting only with `includingWaiting`.
    public func due(includingWaiting: Bool) -> [Pod] {
        pods.values.filter { handled[$0.uid] != $0.selection && (includingWaiting || !waiting.contains($0.uid)) }
            .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    }

    /// Records that pod `uid` could not be acted on yet (no sandbox, busy): it waits for
    /// its next change or the periodic pass.
    public mutating func wait(uid: String) {
        guard pods[uid] != nil else { return }
        waiting.insert(uid)
    }

    /// Records that `selection` of pod `uid` was acted on (also when that act failed or
    /// was refused: only a new selection is tried again).
    public mutating func handled(uid: String, selection: Selection) {
        guard pods[uid] != nil else { return }
        handled[uid] = selection
        waiting.remove(uid)
    }
}
