import MultinetKubeAPI
import MultinetPlanning
import Testing
@testable import MultinetAgent

@Suite("Hot-plug tracker: which pods are due")
struct HotplugTrackerTests {
    static let npwg = SelectionDialect.multus.annotation
    static let alpha = SelectionDialect.alpha.annotation

    static func pod(_ name: String, uid: String? = nil, _ annotations: [String: String] = [:]) -> ObjectMeta {
        ObjectMeta(name: name, namespace: "default", uid: uid ?? "uid-\(name)", annotations: annotations)
    }

    /// One step of a table: what the tracker sees or is told, then the pods due.
    enum Step {
        case listed([ObjectMeta])
        case changed(ObjectMeta)
        case deleted(ObjectMeta)
        case handled(ObjectMeta)
    }

    static let rows: [(String, [Step], [String])] = [
        ("after the first list every pod is due once", [.listed([pod("a"), pod("b", [npwg: "red"])])], ["a", "b"]),
        ("acted on: not due", [.listed([pod("a", [npwg: "red"])]), .handled(pod("a", [npwg: "red"]))], []),
        ("an unrelated change (network-status, labels) is not a new selection",
         [.listed([pod("a", [npwg: "red"])]), .handled(pod("a", [npwg: "red"])),
          .changed(pod("a", [npwg: "red", NetworkStatus.annotation: "[]", "x": "y"]))], []),
        ("a changed multus selection is due", [.listed([pod("a", [npwg: "red"])]), .handled(pod("a", [npwg: "red"])),
                                              .changed(pod("a", [npwg: "red,blue"]))], ["a"]),
        ("a changed alpha selection is due", [.listed([pod("a", [alpha: "x"])]), .handled(pod("a", [alpha: "x"])),
                                             .changed(pod("a", [alpha: "x,y"]))], ["a"]),
        ("a selection removed is due", [.listed([pod("a", [npwg: "red"])]), .handled(pod("a", [npwg: "red"])),
                                       .changed(pod("a"))], ["a"]),
        ("changed back to what was acted on: not due",
         [.listed([pod("a", [npwg: "red"])]), .handled(pod("a", [npwg: "red"])), .changed(pod("a", [npwg: "blue"])),
          .changed(pod("a", [npwg: "red"]))], []),
        ("handled an older selection: the newer stays due",
         [.listed([pod("a", [npwg: "red"])]), .changed(pod("a", [npwg: "blue"])), .handled(pod("a", [npwg: "red"]))], ["a"]),
        ("a deleted pod is forgotten", [.listed([pod("a"), pod("b")]), .deleted(pod("a"))], ["b"]),
        ("a pod recreated with a new UID is due again",
         [.listed([pod("a", [npwg: "red"])]), .handled(pod("a", [npwg: "red"])), .deleted(pod("a")),
          .changed(pod("a", uid: "uid-new", [npwg: "red"]))], ["a"]),
        ("a relist drops pods gone meanwhile and keeps what was acted on",
         [.listed([pod("a", [npwg: "red"]), pod("b")]), .handled(pod("a", [npwg: "red"])), .handled(pod("b")),
          .listed([pod("a", [npwg: "red"]), pod("c")])], ["c"]),
        ("a relist with a changed selection makes it due",
         [.listed([pod("a", [npwg: "red"])]), .handled(pod("a", [npwg: "red"])), .listed([pod("a", [npwg: "blue"])])], ["a"]),
        ("a pod without a UID or namespace is ignored",
         [.listed([ObjectMeta(name: "x", namespace: "default"), ObjectMeta(name: "y", uid: "u")])], []),
        ("handled before it was seen: nothing remembered", [.handled(pod("a")), .changed(pod("a"))], ["a"]),
    ]

    @Test("due pods", arguments: rows.indices)
    func due(row: Int) {
        let (name, steps, expected) = Self.rows[row]
        var tracker = HotplugTracker()
        for step in steps {
            switch step {
            case .listed(let pods): tracker.listed(pods)
            case .changed(let pod): tracker.changed(pod)
            case .deleted(let pod): tracker.deleted(pod)
            case .handled(let pod):
                tracker.handled(uid: pod.uid ?? "", selection: .init(annotations: pod.annotations))
            }
        }
        #expect(tracker.due(includingWaiting: true).map(\.name) == expected, "\(name)")
        #expect(tracker.due(includingWaiting: false).map(\.name) == expected, "\(name): nothing waits")
    }

    @Test("a due pod carries every annotation, its UID and namespace")
    func carries() {
        var tracker = HotplugTracker()
        tracker.listed([Self.pod("a", [Self.npwg: "red", "other": "1"])])
        let pod = tracker.due(includingWaiting: false).first
        #expect(pod == HotplugTracker.Pod(namespace: "default", name: "a", uid: "uid-a",
                                          annotations: [Self.npwg: "red", "other": "1"]))
        #expect(pod?.displayName == "default/a")
    }

    @Test("a pod that could not be acted on waits: event passes skip it until it changes, the periodic pass tries it")
    func waiting() {
        var tracker = HotplugTracker()
        tracker.listed([Self.pod("host", [Self.npwg: "red"]), Self.pod("web", [Self.npwg: "red"])])
        tracker.wait(uid: "uid-host")
        #expect(tracker.due(includingWaiting: false).map(\.name) == ["web"])
        #expect(tracker.due(includingWaiting: true).map(\.name) == ["host", "web"])
        // Its next change (the runtime's ADD patched network-status): event passes try it again.
        tracker.changed(Self.pod("host", [Self.npwg: "red", NetworkStatus.annotation: "[]"]))
        #expect(tracker.due(includingWaiting: false).map(\.name) == ["host", "web"])
        // Handled: no longer waiting, not due.
        tracker.wait(uid: "uid-host")
        tracker.handled(uid: "uid-host", selection: .init(annotations: [Self.npwg: "red"]))
        #expect(tracker.due(includingWaiting: true).map(\.name) == ["web"])
        // A relist is news of every pod: the waiting ones are tried again.
        tracker.wait(uid: "uid-web")
        #expect(tracker.due(includingWaiting: false).isEmpty)
        tracker.listed([Self.pod("web", [Self.npwg: "red"])])
        #expect(tracker.due(includingWaiting: false).map(\.name) == ["web"])
        // A deleted pod is forgotten, waiting or not; waiting on an unknown one is ignored.
        tracker.wait(uid: "uid-web")
        tracker.wait(uid: "uid-ghost")
        tracker.deleted(Self.pod("web"))
        #expect(tracker.due(includingWaiting: true).isEmpty)
    }
}
