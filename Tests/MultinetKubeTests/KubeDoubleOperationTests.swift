import KubeAPIServerDouble
import Testing
@testable import MultinetKube
@testable import MultinetKubeAPI

extension KubeTests {
    @Suite("operations against the apiserver double")
    struct KubeDoubleOperationTests {
        static func withClient(_ configuration: KubeAPIServerConfiguration = KubeAPIServerConfiguration(),
                               _ body: (KubeDoubleFixture, KubeClient) async throws -> Void) async throws {
            let fixture = try await KubeDoubleFixture.start(configuration)
            do {
                let client = try fixture.client(try fixture.connection())
                try await fixture.with(client) { try await body(fixture, $0) }
            } catch {
                try await fixture.stop()
                throw error
            }
            try await fixture.stop()
        }

        @Test("get a pod, a NetworkAttachmentDefinition and a Network; a missing pod is not found")
        func get() async throws {
            try await Self.withClient { fixture, client in
                try fixture.seedPod("web", annotations: ["k8s.v1.cni.cncf.io/networks": "macvlan-conf"])
                try fixture.server.store.create(.networkAttachmentDefinitions, KubeObjects.networkAttachmentDefinition(
                    name: "macvlan-conf", config: #"{"cniVersion":"1.0.0","type":"macvlan"}"#))
                try fixture.server.store.create(.networks, KubeObjects.network(name: "dbnet", plugin: "thick"))

                let pod = try await client.get(Pod.self, name: "web", namespace: "default")
                #expect(pod.metadata.annotations == ["k8s.v1.cni.cncf.io/networks": "macvlan-conf"])
                #expect(pod.nodeName == "node-a")
                #expect(pod.podIPs == ["10.1.0.5"])
                #expect(pod.phase == "Running")
                #expect(pod.metadata.uid?.isEmpty == false)
                let nad = try await client.get(NetworkAttachmentDefinition.self, name: "macvlan-conf", namespace: "default")
                #expect(nad.config == #"{"cniVersion":"1.0.0","type":"macvlan"}"#)
                let network = try await client.get(Network.self, name: "dbnet", namespace: "default")
                #expect(network.plugin == "thick")

                let error = await #expect(throws: KubeError.self) { _ = try await client.get(Pod.self, name: "ghost", namespace: "default") }
                #expect(error?.description == "apiserver request GET \(fixture.server.url)/api/v1/namespaces/default/pods/ghost not found (404 NotFound: pods \"ghost\" not found)")
            }
        }

        @Test("list by node across namespaces, page by page")
        func paginate() async throws {
            try await Self.withClient { fixture, client in
                for index in 0..<5 { try fixture.seedPod("a-\(index)", namespace: index % 2 == 0 ? "default" : "kube-system") }
                for index in 0..<3 { try fixture.seedPod("b-\(index)", nodeName: "node-b") }
                let page = try await client.list(Pod.self, namespace: nil, options: KubeListOptions(fieldSelector: "spec.nodeName=node-a", limit: 2))
                #expect(page.items.count == 2)
                #expect(page.continueToken != nil)

                fixture.server.requests.clear()
                let all = try await client.listAll(Pod.self, namespace: nil, options: KubeListOptions(fieldSelector: "spec.nodeName=node-a", limit: 2))
                #expect(Set(all.items.map(\.metadata.name)) == ["a-0", "a-1", "a-2", "a-3", "a-4"])
                #expect(all.resourceVersion?.isEmpty == false)
                #expect(fixture.server.requests.all.map { $0.queryValue("continue") != nil } == [false, true, true])

                let labelled = try await client.listAll(Pod.self, namespace: "default", options: KubeListOptions(labelSelector: "app notin (x)"))
                #expect(labelled.items.count == 6)
            }
        }

        @Test("patchAnnotations adds and removes annotations, keeping the others")
        func patchAnnotations() async throws {
            try await Self.withClient { fixture, client in
                try fixture.seedPod("web", annotations: ["keep": "1", "drop": "2"])
                let status = #"[{"name":"default/pods","interface":"eth0","ips":["10.1.0.5/16"],"default":true}]"#
                let pod = try await client.patchAnnotations(Pod.self, name: "web", namespace: "default",
                                                            annotations: ["k8s.v1.cni.cncf.io/network-status": status, "drop": nil])
                #expect(pod.metadata.annotations == ["keep": "1", "k8s.v1.cni.cncf.io/network-status": status])
                let stored = try #require(fixture.server.store.get(.pods, namespace: "default", name: "web"))
                #expect(stored.string(at: "metadata.annotations.keep") == "1")
                #expect(fixture.server.requests.requests(method: "PATCH", pathPrefix: "/api/v1/namespaces/default/pods/web")
                    .map(\.contentType) == ["application/merge-patch+json"])

                let missing = await #expect(throws: KubeError.self) {
                    try await client.patchAnnotations(Pod.self, name: "ghost", namespace: "default", annotations: ["a": "b"])
                }
                #expect(missing?.status?.code == 404)
            }
        }

        @Test("a watch sees additions, changes, deletions and bookmarks")
        func watch() async throws {
            var configuration = KubeAPIServerConfiguration()
            configuration.bookmarkInterval = .milliseconds(100)
            try await Self.withClient(configuration) { fixture, client in
                try fixture.seedPod("existing")
                let list = try await client.list(Pod.self, namespace: "default")
                let watch = try await client.watch(Pod.self, namespace: "default", resourceVersion: list.resourceVersion, timeoutSeconds: 30)
                try fixture.seedPod("web")
                try fixture.server.store.mergePatch(.pods, namespace: "default", name: "web", ["metadata": ["labels": ["app": "web"]]])
                try fixture.server.store.delete(.pods, namespace: "default", name: "web")
                var seen: [String] = []
                var bookmarks = 0
                for try await event in watch {
                    switch event {
                    case .added(let pod): seen.append("added \(pod.metadata.name)")
                    case .modified(let pod): seen.append("modified \(pod.metadata.name) \(pod.metadata.labels)")
                    case .deleted(let pod): seen.append("deleted \(pod.metadata.name)")
                    case .bookmark: bookmarks += 1
                    }
                    if seen.count == 3 && bookmarks > 0 { break }
                }
                #expect(seen == ["added web", "modified web [\"app\": \"web\"]", "deleted web"])
            }
        }

        @Test("watching from an expired version is gone")
        func expiredWatch() async throws {
            try await Self.withClient { fixture, client in
                let old = try fixture.seedPod("a")
                try fixture.seedPod("b")
                fixture.server.store.compactHistory()
                let error = await #expect(throws: KubeError.self) {
                    for try await _ in try await client.watch(Pod.self, namespace: nil, resourceVersion: old) {}
                }
                guard case .gone(_, let status)? = error else {
                    Issue.record("expected gone, got \(String(describing: error))")
                    return
                }
                #expect(status.reason == "Expired")
            }
        }

        @Test("pod metadata is listed, read and watched as PartialObjectMetadata")
        func podMetadata() async throws {
            try await Self.withClient { fixture, client in
                try fixture.seedPod("web", annotations: ["k8s.v1.cni.cncf.io/networks": "a"])
                try fixture.seedPod("elsewhere", nodeName: "node-b")
                fixture.server.requests.clear()
                let listed = try await client.listAll(PodMetadata.self, namespace: nil,
                                                      options: KubeListOptions(fieldSelector: "spec.nodeName=node-a"))
                #expect(listed.items.map(\.metadata.name) == ["web"])
                #expect(listed.items.first?.metadata.annotations == ["k8s.v1.cni.cncf.io/networks": "a"])
                #expect(listed.items.first?.raw["kind"]?.stringValue == "PartialObjectMetadata")
                #expect(listed.items.first?.raw["spec"] == nil)
                let one = try await client.get(PodMetadata.self, name: "elsewhere", namespace: "default")
                #expect(one.raw["kind"]?.stringValue == "PartialObjectMetadata")
                #expect(one.metadata.uid?.isEmpty == false)
                var seen: [String] = []
                for try await event in client.listAndWatch(PodMetadata.self, namespace: nil,
                                                           options: KubeListOptions(fieldSelector: "spec.nodeName=node-a"),
                                                           watchTimeoutSeconds: 30) {
                    switch event {
                    case .listed(let pods, _):
                        seen.append("listed " + pods.map(\.metadata.name).joined(separator: ","))
                        try fixture.seedPod("other-node", nodeName: "node-b")
                        try fixture.seedPod("db")
                    case .changed(.added(let pod)):
                        seen.append("added \(pod.metadata.name) \(pod.raw["kind"]?.stringValue ?? "-")")
                    case .changed:
                        continue
                    }
                    if seen.count == 2 { break }
                }
                #expect(seen == ["listed web", "added db PartialObjectMetadata"])
                let accepts = fixture.server.requests.all.map { "\($0.queryValue("watch") == nil ? "list/get" : "watch") \($0.accept ?? "-")" }
                #expect(accepts == [
                    "list/get application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json",
                    "list/get application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json",
                    "list/get application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json",
                    "watch application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json",
                ])
            }
        }

        @Test("the informer lists, then streams changes")
        func informer() async throws {
            try await Self.withClient { fixture, client in
                try fixture.seedPod("a")
                var seen: [String] = []
                for try await event in client.listAndWatch(Pod.self, namespace: "default", watchTimeoutSeconds: 30) {
                    switch event {
                    case .listed(let pods, _):
                        seen.append("listed " + pods.map(\.metadata.name).joined(separator: ","))
                        try fixture.seedPod("b")
                    case .changed(.added(let pod)):
                        seen.append("added \(pod.metadata.name)")
                    case .changed:
                        continue
                    }
                    if seen.count == 2 { break }
                }
                #expect(seen == ["listed a", "added b"])
            }
        }
    }
}
