import Testing
@testable import KubeAPIServerDouble

@Suite("Request handling without sockets")
struct HandlerTests {
    let store: KubeObjectStore = {
        let store = KubeObjectStore()
        _ = try? store.create(.namespaces, KubeObjects.namespace("default"))
        return store
    }()
    var handler: APIHandler {
        var handler = APIHandler(
            store: store, discovery: Discovery(resources: ServedResource.all, kubernetesVersion: "v1.32.0"),
            serverAddress: { "127.0.0.1:6443" })
        handler.forbiddenUsers = ["mallory"]
        return handler
    }

    func send(
        _ method: String, _ target: String, body: String = "", headers: [(String, String)] = [], user: String = "admin"
    ) throws -> (status: Int, json: KubeJSON, headers: [(String, String)]) {
        let response = handler.handle(
            APIRequest(method: method, target: target, headers: headers, body: Array(body.utf8)), user: KubeUser(name: user))
        guard case .bytes(let bytes) = response.body else {
            Issue.record("expected a complete body")
            return (response.status, .null, response.headers)
        }
        #expect(bytes.last == UInt8(ascii: "\n"))
        return (response.status, try KubeJSON.parse(bytes), response.headers)
    }

    @Test("404 for a missing object is the apiserver's Status")
    func notFound() throws {
        let response = try send("GET", "/api/v1/namespaces/default/pods/missing")
        #expect(response.status == 404)
        #expect(response.json.serialized
            == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"missing\" not found","reason":"NotFound","details":{"name":"missing","kind":"pods"},"code":404}"#)
        let crd = try send("GET", "/apis/k8s.cni.cncf.io/v1/namespaces/default/network-attachment-definitions/x")
        #expect(crd.json["message"] == #"network-attachment-definitions.k8s.cni.cncf.io "x" not found"#)
        #expect(crd.json["details"] == ["name": "x", "group": "k8s.cni.cncf.io", "kind": "network-attachment-definitions"])
    }

    @Test("unknown paths, verbs and subresources", arguments: [
        ("GET", "/api/v1/services", 404),
        ("GET", "/openapi/v3", 404),
        ("GET", "/openapi/v2", 406),
        ("PUT", "/api/v1/namespaces/default/pods", 405),
        ("POST", "/api/v1/pods", 405),
        ("POST", "/version", 405),
        ("GET", "/api/v1/namespaces/default/pods/web/log", 404),
        ("DELETE", "/api/v1/namespaces/default/pods/web/status", 405),
    ])
    func rejected(method: String, path: String, status: Int) throws {
        #expect(try send(method, path).status == status)
    }

    @Test("create, get, merge-patch annotations, strategic-merge-patch, put, delete")
    func lifecycle() throws {
        let created = try send("POST", "/api/v1/namespaces/default/pods", body: podBody("web").serialized)
        #expect(created.status == 201)
        #expect(created.json.string(at: "metadata.resourceVersion") == "2")

        let annotated = try send(
            "PATCH", "/api/v1/namespaces/default/pods/web",
            body: #"{"metadata":{"annotations":{"k8s.v1.cni.cncf.io/network-status":"[]"}}}"#,
            headers: [("Content-Type", "application/merge-patch+json")])
        #expect(annotated.status == 200)
        #expect(annotated.json.value(at: ["metadata", "annotations", "k8s.v1.cni.cncf.io/network-status"]) == "[]")
        #expect(annotated.json.string(at: "metadata.resourceVersion") == "3")

        let strategic = try send(
            "PATCH", "/api/v1/namespaces/default/pods/web", body: #"{"metadata":{"labels":{"a":"b"}}}"#,
            headers: [("Content-Type", "application/strategic-merge-patch+json")])
        #expect(strategic.json.string(at: "metadata.labels.a") == "b")
        #expect(strategic.json.value(at: ["metadata", "annotations", "k8s.v1.cni.cncf.io/network-status"]) == "[]")

        var replacement = strategic.json
        replacement.setValue("node-a", at: ["spec", "nodeName"])
        let put = try send("PUT", "/api/v1/namespaces/default/pods/web", body: replacement.serialized)
        #expect(put.status == 200)
        #expect(put.json.string(at: "spec.nodeName") == "node-a")
        let stale = try send("PUT", "/api/v1/namespaces/default/pods/web", body: replacement.serialized)
        #expect(stale.status == 409)
        #expect(stale.json["reason"] == "Conflict")

        let deleted = try send("DELETE", "/api/v1/namespaces/default/pods/web")
        #expect(deleted.status == 200)
        #expect(deleted.json["kind"] == "Pod")
        #expect(try send("GET", "/api/v1/namespaces/default/pods/web").status == 404)
    }

    @Test("creating in a namespace that does not exist is 404, as in a cluster")
    func missingNamespace() throws {
        let response = try send("POST", "/api/v1/namespaces/nope/pods", body: podBody("web").serialized)
        #expect(response.status == 404)
        #expect(response.json["message"] == #"namespaces "nope" not found"#)
    }

    @Test("deleting a custom resource answers a success Status")
    func deleteCustomResource() throws {
        try store.create(.networks, KubeObjects.network(name: "n", plugin: "thick"))
        let response = try send("DELETE", "/apis/alpha.network.k8s.io/v1/namespaces/default/networks/n")
        #expect(response.status == 200)
        #expect(response.json["status"] == "Success")
        #expect(response.json["details"]?["group"] == "alpha.network.k8s.io")
    }

    @Test("bad bodies and patch types", arguments: [
        ("POST", "/api/v1/namespaces/default/pods", "{", "application/json", 400),
        ("POST", "/api/v1/namespaces/default/pods", #"{"metadata":{}}"#, "application/json", 422),
        ("PATCH", "/api/v1/namespaces/default/pods/web", "{}", "application/apply-patch+yaml", 415),
        ("PATCH", "/api/v1/namespaces/default/pods/web", "[", "application/merge-patch+json", 400),
        ("GET", "/api/v1/pods?labelSelector=a%20b", "", "", 400),
        ("GET", "/api/v1/pods?fieldSelector=spec.bogus%3Dx", "", "", 400),
        ("GET", "/api/v1/pods?limit=-1", "", "", 400),
    ])
    func badRequests(method: String, path: String, body: String, contentType: String, status: Int) throws {
        try store.create(.pods, KubeObjects.pod(name: "web"))
        let response = try send(method, path, body: body, headers: [("Content-Type", contentType)])
        #expect(response.status == status)
        #expect(response.json["kind"] == "Status")
        #expect(response.json["code"] == .integer(status))
    }

    @Test("lists: all namespaces, field selector, pagination, list kind")
    func lists() throws {
        for (name, namespace, node) in [("a", "default", "node-a"), ("b", "ns2", "node-b"), ("c", "ns2", "node-a")] {
            try store.create(.pods, KubeObjects.pod(name: name, namespace: namespace, nodeName: node))
        }
        let all = try send("GET", "/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-a&limit=1")
        #expect(all.json["kind"] == "PodList")
        #expect(all.json["apiVersion"] == "v1")
        #expect(all.json["items"]?.arrayValue?.map { $0.string(at: "metadata.name") } == ["a"])
        #expect(all.json["items"]?.arrayValue?.first?["kind"] == nil)
        #expect(all.json.string(at: "metadata.resourceVersion") == "4")
        let token = try #require(all.json.string(at: "metadata.continue"))
        let next = try send("GET", "/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-a&limit=1&continue=\(QueryString.encode(token))")
        #expect(next.json["items"]?.arrayValue?.map { $0.string(at: "metadata.name") } == ["c"])
        #expect(next.json.value(at: "metadata.continue") == nil)
    }

    @Test("kubectl's Table requests get tables")
    func table() throws {
        try store.create(.pods, KubeObjects.pod(name: "web", nodeName: "node-a", podIPs: ["10.1.0.5"]))
        let accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"
        let response = try send("GET", "/api/v1/namespaces/default/pods", headers: [("Accept", accept)])
        #expect(response.json["kind"] == "Table")
        #expect(response.headers.contains { $0 == ("Content-Type", "application/json;as=Table;v=v1;g=meta.k8s.io") })
        let columns = response.json["columnDefinitions"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(columns == ["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"])
        let cells = try #require(response.json["rows"]?.arrayValue?.first?["cells"]?.arrayValue)
        #expect(Array(cells[0...3]) == ["web", "0/1", "Running", 0])
        #expect(Array(cells[5...6]) == ["10.1.0.5", "node-a"])
        #expect(response.json["rows"]?.arrayValue?.first?["object"]?["kind"] == "PartialObjectMetadata")
    }

    @Test("metadata requests get PartialObjectMetadataList and PartialObjectMetadata, as client-go's metadata client")
    func partialObjectMetadata() throws {
        try store.create(.pods, KubeObjects.pod(name: "web", nodeName: "node-a", annotations: ["a": "1"], podIPs: ["10.1.0.5"]))
        try store.create(.pods, KubeObjects.pod(name: "db", nodeName: "node-b"))
        let list = try send("GET", "/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-a", headers: [
            ("Accept", "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json"),
        ])
        #expect(list.json["kind"] == "PartialObjectMetadataList")
        #expect(list.json["apiVersion"] == "meta.k8s.io/v1")
        #expect(list.json.string(at: "metadata.resourceVersion") == String(store.resourceVersion))
        #expect(list.headers.contains { $0 == ("Content-Type", "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1") })
        let item = try #require(list.json["items"]?.arrayValue?.first)
        #expect(list.json["items"]?.arrayValue?.count == 1)
        #expect(item["kind"] == "PartialObjectMetadata")
        #expect(item.string(at: "metadata.name") == "web")
        #expect(item.string(at: "metadata.annotations.a") == "1")
        #expect(item["spec"] == nil)
        #expect(item["status"] == nil)
        let one = try send("GET", "/api/v1/namespaces/default/pods/db", headers: [
            ("Accept", "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json"),
        ])
        #expect(one.json["kind"] == "PartialObjectMetadata")
        #expect(one.json.string(at: "metadata.name") == "db")
        #expect(one.json["spec"] == nil)
        let refused = try send("GET", "/api/v1/pods", headers: [("Accept", "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1")])
        #expect(refused.status == 406)
        #expect(refused.json["reason"] == "NotAcceptable")
    }

    @Test("aggregated discovery requests fall back to plain discovery documents")
    func discovery() throws {
        let accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json"
        let apis = try send("GET", "/apis", headers: [("Accept", accept)])
        #expect(apis.json["kind"] == "APIGroupList")
        #expect(apis.json["groups"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == [
            "apps", "rbac.authorization.k8s.io", "apiextensions.k8s.io", "k8s.cni.cncf.io", "alpha.network.k8s.io",
        ])
        let api = try send("GET", "/api", headers: [("Accept", accept)])
        #expect(api.json == [
            "kind": "APIVersions", "versions": ["v1"],
            "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1:6443"]],
        ])
        let core = try send("GET", "/api/v1")
        let pods = core.json["resources"]?.arrayValue?.first { $0["name"] == "pods" }
        #expect(pods?["shortNames"] == ["po"])
        #expect(pods?["namespaced"] == true)
        #expect(pods?["verbs"]?.arrayValue?.contains("watch") == true)
        let nads = try send("GET", "/apis/k8s.cni.cncf.io/v1")
        #expect(nads.json["resources"]?.arrayValue?.first?["kind"] == "NetworkAttachmentDefinition")
        #expect(try send("GET", "/version").json["gitVersion"] == "v1.32.0")
    }

    @Test("forbidden users get 403 on resources but may read discovery")
    func forbidden() throws {
        let response = try send("GET", "/api/v1/namespaces/default/pods/web", user: "mallory")
        #expect(response.status == 403)
        #expect(response.json["message"]
            == #"pods "web" is forbidden: User "mallory" cannot get resource "pods" in API group "" in the namespace "default""#)
        #expect(try send("GET", "/api/v1", user: "mallory").status == 200)
    }

    @Test("dryRun=All answers as if written but stores nothing")
    func dryRun() throws {
        let response = try send("POST", "/api/v1/namespaces/default/pods?dryRun=All", body: podBody("ghost").serialized)
        #expect(response.status == 201)
        #expect(store.get(.pods, namespace: "default", name: "ghost") == nil)
        #expect(store.resourceVersion == 1)
    }

    @Test("a watch request opens a stream on the store")
    func watch() async throws {
        let response = handler.handle(
            APIRequest(method: "GET", target: "/api/v1/namespaces/default/pods?watch=true&resourceVersion=0&timeoutSeconds=5&allowWatchBookmarks=true"),
            user: .admin)
        guard case .watch(let stream) = response.body else {
            Issue.record("expected a watch stream")
            return
        }
        #expect(stream.timeout == .seconds(5))
        #expect(stream.bookmarks)
        try store.create(.pods, KubeObjects.pod(name: "web"))
        var encoder = WatchEncoder(resource: .pods, encoding: .plain)
        for await message in stream.messages {
            let line = String(decoding: encoder.line(for: message), as: UTF8.self)
            #expect(line.hasPrefix(#"{"type":"ADDED","object":{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web""#))
            #expect(line.hasSuffix("}\n"))
            break
        }
        store.endWatch(stream.id)
    }
}
