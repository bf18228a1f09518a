import MultinetKubeAPI
import Testing
@testable import MultinetInspector

@Suite("the watched pods' cache")
struct PodCacheTests {
    private func pod(_ name: String, namespace: String = "default", version: String, uid: String = "u") -> PodMetadata {
        PodMetadata(metadata: ObjectMeta(name: name, namespace: namespace, uid: uid, resourceVersion: version))
    }

    @Test("a list, then added, modified, deleted and bookmark events")
    func events() {
        var cache = PodCache(listed: [pod("web", version: "3"), pod("db", namespace: "data", version: "2")], resourceVersion: "5")
        #expect(cache.pods.map(\.metadata.name) == ["db", "web"])
        #expect(cache.resourceVersion == "5")
        cache.apply(.added(pod("api", version: "6")))
        cache.apply(.modified(pod("web", version: "7", uid: "u2")))
        #expect(cache.pods.map(\.metadata.name) == ["db", "api", "web"])
        #expect(cache.pods.last?.metadata.uid == "u2")
        cache.apply(.deleted(pod("db", namespace: "data", version: "8")))
        #expect(cache.pods.map(\.metadata.name) == ["api", "web"])
        cache.apply(.bookmark(resourceVersion: "9"))
        #expect(cache.pods.count == 2)
        #expect(cache.resourceVersion == "9")
    }

    @Test("pods of one name in two namespaces are two pods; deleting one keeps the other")
    func namespaces() {
        var cache = PodCache(listed: [pod("web", namespace: "a", version: "1"), pod("web", namespace: "b", version: "2")],
                             resourceVersion: "2")
        cache.apply(.deleted(pod("web", namespace: "a", version: "3")))
        #expect(cache.pods.map { $0.metadata.namespace } == ["b"])
        cache.apply(.deleted(pod("ghost", version: "4")))
        #expect(cache.pods.count == 1)
        #expect(cache.resourceVersion == "4")
    }
}
