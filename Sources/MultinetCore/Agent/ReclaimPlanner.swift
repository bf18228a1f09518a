import MultinetCheckpoint

/// Which leaked sandboxes the agent's `--reclaim` tears down now. Pure: the store's
/// records, the drift (with since when each entry has been seen, ``DriftTracker``) and the
/// clock come in.
///
/// A container is due when every one of its recorded attachments is both `pod-gone` and
/// `netns-gone`, each seen without a break for at least the grace: the pod object and the
/// sandbox are both gone, so no runtime will ever DEL it. A container of which some
/// attachment is only one of the two (a pod that still exists, a netns still there, a view
/// that could not be read) is left alone.
public enum ReclaimPlanner {
    /// A sandbox to tear down.
    public struct Candidate: Sendable, Equatable {
        /// Its container ID.
        public var containerID: String
        /// The pod's namespace, as recorded.
        public var namespace: String
        /// The pod's name, as recorded.
        public var pod: String
        /// The pod's UID, as recorded (empty when the runtime passed none).
        public var podUID: String
        /// Its interfaces, sorted.
        public var interfaces: [String]
        /// Since when it has been a leak: the latest of its entries' since.
        public var since: Int64

        /// A candidate from its parts.
        public init(containerID: String, namespace: String, pod: String, podUID: String = "", interfaces: [String], since: Int64) {
            self.containerID = containerID
            self.namespace = namespace
            self.pod = pod
            self.podUID = podUID
            self.interfaces = interfaces
            self.since = since
        }

        /// `namespace/pod`, for messages.
        public var podName: String { "\(namespace)/\(pod)" }
    }

    /// The containers due at `now` (milliseconds since the epoch) after `graceMilliseconds`,
    /// ordered by container ID.
    public static func due(_ drift: [DriftEntry], records: [AttachmentRecord], now: Int64,
                           graceMilliseconds: Int64) -> [Candidate] {
        var since: [String: Int64] = [:]
        for entry in drift where entry.kind == .podGone || entry.kind == .netnsGone {
            guard let seen = entry.since else { continue }
            since[entry.identity] = seen
        }
        var byContainer: [String: [AttachmentRecord]] = [:]
        for record in records { byContainer[record.containerID, default: []].append(record) }
        var due: [Candidate] = []
        for (containerID, recorded) in byContainer {
            var latest = Int64.min
            var complete = true
            for record in recorded {
                guard let podGone = since[DriftEntry.identity(containerID: containerID, interface: record.ifName, kind: .podGone)],
                      let netnsGone = since[DriftEntry.identity(containerID: containerID, interface: record.ifName, kind: .netnsGone)]
                else {
                    complete = false
                    break
                }
                latest = max(latest, podGone, netnsGone)
            }
            guard complete, let first = recorded.first, now - latest >= graceMilliseconds else { continue }
            due.append(Candidate(containerID: containerID, namespace: first.podNamespace, pod: first.podName,
                                 podUID: first.podUID, interfaces: recorded.map(\.ifName).sorted(), since: latest))
        }
        return due.sorted { $0.containerID < $1.containerID }
    }
}
