import Testing
@testable import KubeAPIServerDouble

@Suite("Object store: writes")
struct ObjectStoreTests {
    @Test("create sets server fields and bumps the global resourceVersion")
    func create() throws {
        var store = makeStore()
        let (pod, event) = try store.create(.pods, namespace: "default", object: podBody("web"))
        #expect(pod.string(at: "metadata.uid") == "uid-1")
        #expect(pod.string(at: "metadata.resourceVersion") == "1")
        #expect(pod.string(at: "metadata.creationTimestamp") == "2023-11-14T22:13:20Z")
        #expect(pod.string(at: "metadata.namespace") == "default")
        #expect(pod.string(at: "status.phase") == "Pending")
        #expect(event?.type == .added)
        let (nad, _) = try store.create(
            .networkAttachmentDefinitions, namespace: "default",
            object: ["metadata": ["name": "net1"], "spec": ["config": "{}"]])
        #expect(nad.resourceVersion == 2)
        #expect(nad.string(at: "kind") == "NetworkAttachmentDefinition")
        #expect(nad.string(at: "apiVersion") == "k8s.cni.cncf.io/v1")
        #expect(nad.value(at: "metadata.generation") == 1)
        #expect(store.resourceVersion == 2)
    }

    @Test("a second create of the same name is 409 AlreadyExists")
    func alreadyExists() throws {
        var store = makeStore()
        _ = try store.create(.pods, namespace: "default", object: podBody("web"))
        let error = #expect(throws: APIStatusError.self) {
            try store.create(.pods, namespace: "default", object: podBody("web"))
        }
        #expect(error?.code == 409)
        #expect(error?.reason == "AlreadyExists")
        #expect(error?.message == #"pods "web" already exists"#)
        // Same name in another namespace is fine.
        _ = try store.create(.pods, namespace: "other", object: podBody("web"))
    }

    @Test("invalid objects are 422 and bad bodies 400", arguments: [
        (podBody(""), 422, "Invalid"),
        (podBody("Bad_Name"), 422, "Invalid"),
        (["metadata": ["name": "x"], "spec": [:]] as KubeJSON, 422, "Invalid"),
        (["kind": "Service", "metadata": ["name": "x"]] as KubeJSON, 400, "BadRequest"),
        (podBody("x", namespace: "elsewhere"), 400, "BadRequest"),
        (["x"] as KubeJSON, 400, "BadRequest"),
    ])
    func invalid(body: KubeJSON, code: Int, reason: String) {
        var store = makeStore()
        let error = #expect(throws: APIStatusError.self) {
            try store.create(.pods, namespace: "default", object: body)
        }
        #expect(error?.code == code)
        #expect(error?.reason == reason)
        #expect(store.resourceVersion == 0)
    }

    @Test("a missing name is reported as the apiserver words it")
    func missingName() {
        var store = makeStore()
        let error = #expect(throws: APIStatusError.self) {
            try store.create(.pods, namespace: "default", object: podBody(""))
        }
        #expect(error?.message == #"Pod "" is invalid: metadata.name: Required value: name or generateName is required"#)
        #expect(error?.details?.kind == "Pod")
        #expect(error?.details?.causes.first?.field == "metadata.name")
    }

    @Test("generateName gets a random suffix")
    func generateName() throws {
        var store = makeStore()
        let (pod, _) = try store.create(
            .pods, namespace: "default",
            object: ["metadata": ["generateName": "web-"], "spec": ["containers": [["name": "a", "image": "b"]]]])
        let name = try #require(pod.string(at: "metadata.name"))
        #expect(name.hasPrefix("web-") && name.count == 9)
    }

    @Test("update with the current resourceVersion succeeds, with a stale one is 409 Conflict")
    func updateConflict() throws {
        var store = makeStore()
        let (created, _) = try store.create(.pods, namespace: "default", object: podBody("web"))
        var changed = created
        changed.setValue("v", at: ["metadata", "labels", "k"])
        let (updated, event) = try store.update(.pods, namespace: "default", name: "web", object: changed)
        #expect(updated.resourceVersion == 2)
        #expect(updated.string(at: "metadata.uid") == created.string(at: "metadata.uid"))
        #expect(event?.type == .modified)
        // `changed` still carries resourceVersion 1: stale.
        changed.setValue("w", at: ["metadata", "labels", "k"])
        let error = #expect(throws: APIStatusError.self) {
            try store.update(.pods, namespace: "default", name: "web", object: changed)
        }
        #expect(error?.code == 409)
        #expect(error?.reason == "Conflict")
        #expect(error?.message.hasPrefix(#"Operation cannot be fulfilled on pods "web": the object has been modified"#) == true)
    }

    @Test("an update that changes nothing does not write")
    func noOpUpdate() throws {
        var store = makeStore()
        let (created, _) = try store.create(.pods, namespace: "default", object: podBody("web"))
        let (same, event) = try store.update(.pods, namespace: "default", name: "web", object: created)
        #expect(event == nil)
        #expect(same.resourceVersion == 1)
        #expect(store.resourceVersion == 1)
    }

    @Test("custom resources need a resourceVersion to update; pods do not")
    func unconditionalUpdate() throws {
        var store = makeStore()
        _ = try store.create(.networks, namespace: "default", object: ["metadata": ["name": "n"]])
        let error = #expect(throws: APIStatusError.self) {
            try store.update(.networks, namespace: "default", name: "n", object: ["metadata": ["name": "n"], "spec": ["plugin": "p"]])
        }
        #expect(error?.code == 422)
        _ = try store.create(.pods, namespace: "default", object: podBody("web"))
        let (pod, _) = try store.update(.pods, namespace: "default", name: "web", object: podBody("web", node: "n1"))
        #expect(pod.string(at: "spec.nodeName") == "n1")
    }

    @Test("spec changes bump a custom resource's generation")
    func generation() throws {
        var store = makeStore()
        _ = try store.create(.networks, namespace: "default", object: ["metadata": ["name": "n"]])
        let (patched, _) = try store.patch(
            .networks, namespace: "default", name: "n", type: .merge, patch: ["spec": ["plugin": "thick"]])
        #expect(patched.value(at: "metadata.generation") == 2)
        let (labelled, _) = try store.patch(
            .networks, namespace: "default", name: "n", type: .merge, patch: ["metadata": ["labels": ["a": "b"]]])
        #expect(labelled.value(at: "metadata.generation") == 2)
    }

    @Test("a pod's status changes only through the status subresource")
    func statusSubresource() throws {
        var store = makeStore()
        _ = try store.create(.pods, namespace: "default", object: podBody("web"))
        let (main, _) = try store.patch(
            .pods, namespace: "default", name: "web", type: .merge, patch: ["status": ["phase": "Running"], "metadata": ["labels": ["a": "b"]]])
        #expect(main.string(at: "status.phase") == "Pending")
        #expect(main.string(at: "metadata.labels.a") == "b")
        let (status, _) = try store.patch(
            .pods, namespace: "default", name: "web", type: .merge,
            patch: ["status": ["phase": "Running"], "metadata": ["labels": ["a": "c"]]], subresource: .status)
        #expect(status.string(at: "status.phase") == "Running")
        #expect(status.string(at: "metadata.labels.a") == "b")
    }

    @Test("patch preconditions and immutable names")
    func patchPreconditions() throws {
        var store = makeStore()
        _ = try store.create(.pods, namespace: "default", object: podBody("web"))
        let stale = #expect(throws: APIStatusError.self) {
            try store.patch(.pods, namespace: "default", name: "web", type: .merge,
                            patch: ["metadata": ["resourceVersion": "99", "labels": ["a": "b"]]])
        }
        #expect(stale?.code == 409)
        let rename = #expect(throws: APIStatusError.self) {
            try store.patch(.pods, namespace: "default", name: "web", type: .merge, patch: ["metadata": ["name": "other"]])
        }
        #expect(rename?.code == 422)
        let missing = #expect(throws: APIStatusError.self) {
            try store.patch(.pods, namespace: "default", name: "nope", type: .merge, patch: [:])
        }
        #expect(missing?.code == 404)
        #expect(missing?.message == #"pods "nope" not found"#)
    }

    @Test("strategic merge patch is refused on custom resources with 415")
    func strategicOnCustomResource() throws {
        var store = makeStore()
        _ = try store.create(.networks, namespace: "default", object: ["metadata": ["name": "n"]])
        let error = #expect(throws: APIStatusError.self) {
            try store.patch(.networks, namespace: "default", name: "n", type: .strategicMerge, patch: ["spec": [:]])
        }
        #expect(error?.code == 415)
    }

    @Test("delete returns the object with the deletion's resourceVersion; a second delete is 404")
    func delete() throws {
        var store = makeStore()
        _ = try store.create(.pods, namespace: "default", object: podBody("web"))
        let (deleted, event) = try store.delete(.pods, namespace: "default", name: "web")
        #expect(deleted.resourceVersion == 2)
        #expect(event?.type == .deleted)
        let error = #expect(throws: APIStatusError.self) { try store.delete(.pods, namespace: "default", name: "web") }
        #expect(error?.code == 404)
    }

    @Test("delete preconditions are checked")
    func deletePreconditions() throws {
        var store = makeStore()
        _ = try store.create(.pods, namespace: "default", object: podBody("web"))
        let error = #expect(throws: APIStatusError.self) {
            try store.delete(.pods, namespace: "default", name: "web", preconditions: .init(uid: "other"))
        }
        #expect(error?.code == 409)
        _ = try store.delete(.pods, namespace: "default", name: "web", preconditions: .init(uid: "uid-1", resourceVersion: "1"))
    }

    @Test("objects with finalizers are only marked for deletion until the finalizers are gone")
    func finalizers() throws {
        var store = makeStore()
        var body = podBody("web")
        body.setValue(["example.com/keep"], at: ["metadata", "finalizers"])
        _ = try store.create(.pods, namespace: "default", object: body)
        let (marked, event) = try store.delete(.pods, namespace: "default", name: "web")
        #expect(event?.type == .modified)
        #expect(marked.value(at: "metadata.deletionTimestamp") != nil)
        let (_, last) = try store.patch(.pods, namespace: "default", name: "web", type: .merge, patch: ["metadata": ["finalizers": .null]])
        #expect(last?.type == .deleted)
        #expect(throws: APIStatusError.self) { try store.get(.pods, namespace: "default", name: "web") }
    }
}

@Suite("Object store: namespaces")
struct NamespaceStoreTests {
    @Test("deleting a namespace deletes what is in it, and nothing else")
    func cascade() throws {
        var store = makeStore()
        for name in ["doomed", "kept"] {
            _ = try store.create(.namespaces, namespace: nil, object: ["metadata": ["name": .string(name)]])
            _ = try store.create(.pods, namespace: name, object: podBody("web"))
            _ = try store.create(.networks, namespace: name, object: ["metadata": ["name": "n"]])
        }
        let (namespace, events) = try store.deleteNamespace("doomed")
        #expect(namespace.string(at: "metadata.name") == "doomed")
        #expect(events.map(\.key) == ["doomed/n", "doomed/web", "doomed"])
        #expect(events.allSatisfy { $0.type == .deleted })
        #expect(try store.list(.pods, namespace: nil, options: ListOptions()).items.map { $0.string(at: "metadata.namespace") } == ["kept"])
        #expect(try store.list(.networks, namespace: nil, options: ListOptions()).items.count == 1)
        #expect(throws: APIStatusError.self) { try store.deleteNamespace("doomed") }
    }
}
