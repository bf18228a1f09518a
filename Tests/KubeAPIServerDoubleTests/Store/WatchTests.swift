import Testing
@testable import KubeAPIServerDouble

@Suite("Event history and watches")
struct WatchTests {
    func event(_ version: Int) -> StoreEvent {
        StoreEvent(type: .added, resource: .pods, key: "default/p\(version)", object: [:], previous: nil, resourceVersion: version)
    }

    @Test("the history keeps the newest events; older versions are 410 Expired")
    func boundedHistory() throws {
        var history = EventHistory(capacity: 3)
        for version in 1...5 { history.append(event(version)) }
        #expect(history.events.map(\.resourceVersion) == [3, 4, 5])
        #expect(try history.events(after: 2).map(\.resourceVersion) == [3, 4, 5])
        #expect(try history.events(after: 4).map(\.resourceVersion) == [5])
        #expect(try history.events(after: 5).isEmpty)
        let error = #expect(throws: APIStatusError.self) { try history.events(after: 1) }
        #expect(error?.code == 410)
        #expect(error?.reason == "Expired")
        #expect(error?.message == "too old resource version: 1 (2)")
    }

    static let node = WatchFilter(
        resource: .pods, namespace: nil,
        options: ListOptions(fieldSelector: FieldSelector(terms: [.init(field: "spec.nodeName", value: "a", negated: false)])))

    static func pod(_ node: String) -> KubeJSON { ["metadata": ["name": "p", "namespace": "default"], "spec": ["nodeName": .string(node)]] }

    @Test("writes look like the apiserver shows them through a selection", arguments: [
        (WatchEventType.added, nil, "a", WatchEventType?.some(.added)),
        (.added, nil, "b", nil),
        (.modified, "a", "a", .modified),
        (.modified, "b", "a", .added),
        (.modified, "a", "b", .deleted),
        (.modified, "b", "c", nil),
        (.deleted, "a", "a", .deleted),
        (.deleted, "b", "b", nil),
    ] as [(WatchEventType, String?, String, WatchEventType?)])
    func selectionTransitions(type: WatchEventType, before: String?, after: String, seen: WatchEventType?) {
        let event = StoreEvent(
            type: type, resource: .pods, key: "default/p", object: Self.pod(after), previous: before.map(Self.pod), resourceVersion: 9)
        #expect(Self.node.translate(event)?.type == seen)
    }

    @Test("other resources and namespaces are not seen")
    func scope() {
        let filter = WatchFilter(resource: .pods, namespace: "default", options: ListOptions())
        let other = StoreEvent(type: .added, resource: .networks, key: "default/p", object: Self.pod("a"), previous: nil, resourceVersion: 1)
        #expect(filter.translate(other) == nil)
        var elsewhere = Self.pod("a")
        elsewhere.setValue("kube-system", at: ["metadata", "namespace"])
        let event = StoreEvent(type: .added, resource: .pods, key: "kube-system/p", object: elsewhere, previous: nil, resourceVersion: 1)
        #expect(filter.translate(event) == nil)
    }

    func collect(_ stream: AsyncStream<WatchMessage>, count: Int) async -> [WatchMessage] {
        var messages: [WatchMessage] = []
        for await message in stream {
            messages.append(message)
            if messages.count == count { break }
        }
        return messages
    }

    func types(_ messages: [WatchMessage]) -> [String] {
        messages.map { message in
            switch message {
            case .event(let type, let object): return "\(type.rawValue) \(object.string(at: "metadata.name") ?? "")"
            case .bookmark(let version, let end): return "BOOKMARK \(version)\(end ? " end" : "")"
            case .error(let status): return "ERROR \(status.code)"
            }
        }
    }

    @Test("a watch from a resourceVersion replays history, then follows live writes in order")
    func watchFromVersion() async throws {
        let store = KubeObjectStore()
        try store.create(.pods, KubeObjects.pod(name: "one"))
        let start = store.resourceVersion
        try store.create(.pods, KubeObjects.pod(name: "two"))
        let (id, stream) = store.watch(WatchFilter(resource: .pods, namespace: "default", options: ListOptions()), from: .after(start))
        try store.mergePatch(.pods, namespace: "default", name: "one", ["metadata": ["labels": ["a": "b"]]])
        store.sendBookmark(to: id)
        try store.delete(.pods, namespace: "default", name: "two")
        let messages = await collect(stream, count: 4)
        #expect(types(messages) == ["ADDED two", "MODIFIED one", "BOOKMARK 3", "DELETED two"])
        store.endWatch(id)
        #expect(store.openWatchCount == 0)
    }

    @Test("a watch without a resourceVersion starts with the current objects")
    func watchFromNow() async throws {
        let store = KubeObjectStore()
        try store.create(.pods, KubeObjects.pod(name: "one"))
        try store.create(.pods, KubeObjects.pod(name: "two", namespace: "other"))
        let (_, stream) = store.watch(
            WatchFilter(resource: .pods, namespace: nil, options: ListOptions()), from: .currentState(initialEventsEnd: true))
        try store.create(.pods, KubeObjects.pod(name: "three"))
        #expect(types(await collect(stream, count: 4)) == ["ADDED one", "ADDED two", "BOOKMARK 2 end", "ADDED three"])
    }

    @Test("a watch from an expired resourceVersion gets one 410 error and ends")
    func watchExpired() async throws {
        let store = KubeObjectStore()
        try store.create(.pods, KubeObjects.pod(name: "one"))
        try store.create(.pods, KubeObjects.pod(name: "two"))
        store.compactHistory()
        let (_, stream) = store.watch(WatchFilter(resource: .pods, namespace: nil, options: ListOptions()), from: .after(1))
        let messages = await collect(stream, count: 10)
        #expect(types(messages) == ["ERROR 410"])
        #expect(messages.first?.json(for: .pods).serialized
            == #"{"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (2)","reason":"Expired","code":410}}"#)
    }
}
