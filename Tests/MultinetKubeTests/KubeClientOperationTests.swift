import Testing
@testable import MultinetKube
@testable import MultinetKubeAPI

extension KubeTests {
    @Suite("client operations against a scripted server")
    struct KubeClientOperationTests {
        @Test("a pod decodes with its node, phase, IPs and unknown fields")
        func podDecoding() async throws {
            let transport = ScriptedTransport([ScriptedTransport.json(200, podJSON("web", annotations: ["a": "1"]))])
            let client = KubeClient.scripted(transport)
            let pod = try await client.get(Pod.self, name: "web", namespace: "default")
            #expect(pod.metadata == ObjectMeta(name: "web", namespace: "default", uid: "uid-web", resourceVersion: "1",
                                               annotations: ["a": "1"]))
            #expect(pod.nodeName == "node-1")
            #expect(pod.phase == "Running")
            #expect(pod.podIPs == ["10.1.0.5"])
            #expect(pod.raw["apiVersion"] == .string("v1"))
        }

        @Test("NetworkAttachmentDefinitions and Networks")
        func networkKinds() async throws {
            let transport = ScriptedTransport([
                ScriptedTransport.json(200, #"{"kind":"NetworkAttachmentDefinition","apiVersion":"k8s.cni.cncf.io/v1","metadata":{"name":"macvlan","namespace":"ns"},"spec":{"config":"{\"cniVersion\":\"1.0.0\",\"type\":\"macvlan\"}"}}"#),
                ScriptedTransport.json(200, #"{"kind":"Network","apiVersion":"alpha.network.k8s.io/v1","metadata":{"name":"thick","namespace":"ns"},"spec":{"plugin":"thick-plugin"}}"#),
            ])
            let client = KubeClient.scripted(transport)
            let nad = try await client.get(NetworkAttachmentDefinition.self, name: "macvlan", namespace: "ns")
            #expect(nad.config == #"{"cniVersion":"1.0.0","type":"macvlan"}"#)
            let network = try await client.get(Network.self, name: "thick", namespace: "ns")
            #expect(network.plugin == "thick-plugin")
            #expect(transport.requests.map(\.path) == [
                "/apis/k8s.cni.cncf.io/v1/namespaces/ns/network-attachment-definitions/macvlan",
                "/apis/alpha.network.k8s.io/v1/namespaces/ns/networks/thick",
            ])
        }

        @Test("an object of another kind is a decoding error")
        func wrongKind() async throws {
            let transport = ScriptedTransport([ScriptedTransport.json(200, #"{"kind":"Status","metadata":{}}"#)])
            let client = KubeClient.scripted(transport)
            let error = await #expect(throws: KubeError.self) { _ = try await client.get(Pod.self, name: "web", namespace: "default") }
            #expect(error?.description.hasSuffix("returned an unexpected object: expected a Pod, got a Status") == true)
        }

        @Test("listAll follows continue tokens with the selectors on every page")
        func pagination() async throws {
            let transport = ScriptedTransport([
                ScriptedTransport.json(200, podListJSON(["a", "b"], resourceVersion: "10", continueToken: "page2")),
                ScriptedTransport.json(200, podListJSON(["c", "d"], resourceVersion: "10", continueToken: "page3")),
                ScriptedTransport.json(200, podListJSON(["e"], resourceVersion: "10")),
            ])
            let client = KubeClient.scripted(transport)
            let list = try await client.listAll(Pod.self, namespace: nil,
                                                options: KubeListOptions(fieldSelector: "spec.nodeName=node-1", limit: 2))
            #expect(list.items.map(\.metadata.name) == ["a", "b", "c", "d", "e"])
            #expect(list.resourceVersion == "10")
            #expect(list.continueToken == nil)
            #expect(transport.requests.map(\.path) == [
                "/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-1&limit=2",
                "/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-1&limit=2&continue=page2",
                "/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-1&limit=2&continue=page3",
            ])
        }

        @Test("an expired continue token restarts the list without pagination")
        func expiredContinue() async throws {
            let transport = ScriptedTransport([
                ScriptedTransport.json(200, podListJSON(["a"], resourceVersion: "10", continueToken: "old")),
                ScriptedTransport.status(410, reason: "Expired", message: "continue token expired"),
                ScriptedTransport.json(200, podListJSON(["a", "b"], resourceVersion: "12")),
            ])
            let client = KubeClient.scripted(transport)
            let list = try await client.listAll(Pod.self, namespace: "ns", options: KubeListOptions(labelSelector: "app=web", limit: 1))
            #expect(list.items.map(\.metadata.name) == ["a", "b"])
            #expect(list.resourceVersion == "12")
            #expect(transport.requests.last?.path == "/api/v1/namespaces/ns/pods?labelSelector=app%3Dweb")
        }

        @Test("patchAnnotations sends a JSON merge patch of metadata.annotations; nil removes a key")
        func patchAnnotations() async throws {
            let transport = ScriptedTransport([ScriptedTransport.json(200, podJSON("web", resourceVersion: "2", annotations: ["k8s.v1.cni.cncf.io/network-status": "[]"]))])
            let client = KubeClient.scripted(transport)
            let pod = try await client.patchAnnotations(Pod.self, name: "web", namespace: "default",
                                                        annotations: ["k8s.v1.cni.cncf.io/network-status": "[]", "old": nil])
            #expect(pod.metadata.annotations["k8s.v1.cni.cncf.io/network-status"] == "[]")
            let request = try #require(transport.requests.first)
            #expect(request.method == "PATCH")
            #expect(request.header("Content-Type") == "application/merge-patch+json")
            #expect(String(decoding: request.body ?? [], as: UTF8.self)
                == #"{"metadata":{"annotations":{"k8s.v1.cni.cncf.io/network-status":"[]","old":null}}}"#)
        }

        @Test("a failed patch names the request")
        func patchConflict() async throws {
            let transport = ScriptedTransport([ScriptedTransport.status(422, reason: "Invalid", message: "metadata.annotations: Invalid value")])
            let client = KubeClient.scripted(transport)
            let error = await #expect(throws: KubeError.self) {
                try await client.patchAnnotations(Pod.self, name: "web", namespace: "default", annotations: ["a": "b"])
            }
            #expect(error?.description
                == "apiserver request PATCH https://kube.test:6443/api/v1/namespaces/default/pods/web is invalid (422 Invalid: metadata.annotations: Invalid value)")
        }
    }
}
