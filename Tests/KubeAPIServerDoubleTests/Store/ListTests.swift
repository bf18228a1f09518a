import FoundationEssentials
import Testing
@testable import KubeAPIServerDouble

@Suite("Object store: lists and pagination")
struct ListTests {
    /// Five pods over two namespaces and two nodes.
    func seeded() throws -> ObjectStore {
        var store = makeStore()
        for (namespace, name, node) in [
            ("default", "a", "node-a"), ("default", "b", "node-b"), ("default", "c", "node-a"),
            ("kube-system", "d", "node-a"), ("kube-system", "e", "node-b"),
        ] {
            _ = try store.create(.pods, namespace: namespace, object: podBody(name, node: node, labels: ["app": name]))
        }
        return store
    }

    func names(_ result: ListResult) -> [String] {
        result.items.compactMap { $0.string(at: "metadata.name") }
    }

    @Test("lists filter by namespace and selectors, in key order", arguments: [
        ("default", "", "", ["a", "b", "c"]),
        (nil, "", "", ["a", "b", "c", "d", "e"]),
        (nil, "", "spec.nodeName=node-a", ["a", "c", "d"]),
        ("kube-system", "", "spec.nodeName=node-a", ["d"]),
        (nil, "app in (b,e)", "", ["b", "e"]),
        (nil, "app!=a", "metadata.namespace=default", ["b", "c"]),
        (nil, "", "metadata.name=e", ["e"]),
    ] as [(String?, String, String, [String])])
    func filters(namespace: String?, labels: String, fields: String, expected: [String]) throws {
        let store = try seeded()
        var options = ListOptions()
        options.labelSelector = try LabelSelector.parse(labels)
        options.fieldSelector = try FieldSelector.parse(fields, for: .pods)
        let result = try store.list(.pods, namespace: namespace, options: options)
        #expect(names(result) == expected)
        #expect(result.resourceVersion == 5)
    }

    @Test("pages are consistent snapshots of the first page's resourceVersion")
    func consistentPages() throws {
        var store = try seeded()
        var options = ListOptions()
        options.limit = 2
        let first = try store.list(.pods, namespace: nil, options: options)
        #expect(names(first) == ["a", "b"])
        #expect(first.remainingItemCount == 3)
        let token = try #require(first.continueToken)

        // Writes between pages: delete c, add "ca", change d.
        _ = try store.delete(.pods, namespace: "default", name: "c")
        _ = try store.create(.pods, namespace: "default", object: podBody("ca"))
        _ = try store.patch(.pods, namespace: "kube-system", name: "d", type: .merge, patch: ["metadata": ["labels": ["x": "y"]]])

        options.continueToken = token
        let second = try store.list(.pods, namespace: nil, options: options)
        #expect(names(second) == ["c", "d"])
        #expect(second.items[1].string(at: "metadata.labels.x") == nil)
        #expect(second.resourceVersion == first.resourceVersion)
        options.continueToken = second.continueToken
        #expect(second.continueToken != nil)
        let third = try store.list(.pods, namespace: nil, options: options)
        #expect(names(third) == ["e"])
        #expect(third.continueToken == nil)

        // A fresh list sees the writes.
        let fresh = try store.list(.pods, namespace: nil, options: ListOptions())
        #expect(names(fresh) == ["a", "b", "ca", "d", "e"])
    }

    @Test("selectors with limit page over the matching objects, without remainingItemCount")
    func selectorPages() throws {
        let store = try seeded()
        var options = ListOptions()
        options.fieldSelector = try FieldSelector.parse("spec.nodeName=node-a", for: .pods)
        options.limit = 2
        let first = try store.list(.pods, namespace: nil, options: options)
        #expect(names(first) == ["a", "c"])
        #expect(first.remainingItemCount == nil)
        options.continueToken = first.continueToken
        #expect(names(try store.list(.pods, namespace: nil, options: options)) == ["d"])
    }

    @Test("continuing after the history was compacted is 410 Expired")
    func expiredContinue() throws {
        var store = try seeded()
        var options = ListOptions()
        options.limit = 1
        let first = try store.list(.pods, namespace: nil, options: options)
        _ = try store.create(.pods, namespace: "default", object: podBody("z"))
        store.compactHistory()
        options.continueToken = first.continueToken
        let error = #expect(throws: APIStatusError.self) { try store.list(.pods, namespace: nil, options: options) }
        #expect(error?.code == 410)
        #expect(error?.reason == "Expired")
    }

    @Test("continuing with no intervening writes works even after compaction")
    func continueAtHead() throws {
        var store = try seeded()
        var options = ListOptions()
        options.limit = 4
        let first = try store.list(.pods, namespace: nil, options: options)
        store.compactHistory()
        options.continueToken = first.continueToken
        #expect(names(try store.list(.pods, namespace: nil, options: options)) == ["e"])
    }

    @Test("a continue token that is not ours is 400", arguments: ["garbage", "eyJ2IjoieCJ9"])
    func badToken(token: String) throws {
        let store = try seeded()
        var options = ListOptions()
        options.continueToken = token
        let error = #expect(throws: APIStatusError.self) { try store.list(.pods, namespace: nil, options: options) }
        #expect(error?.code == 400)
    }

    @Test("tokens round-trip in the apiserver's format")
    func tokenFormat() throws {
        let token = ContinueToken(resourceVersion: 42, lastKey: "default/web")
        let decoded = try ContinueToken(decoding: token.encoded)
        #expect(decoded == token)
        let json = try KubeJSON.parse(Array(Data(base64Encoded: token.encoded)!))
        #expect(json == ["v": "meta.k8s.io/v1", "rv": 42, "start": "default/web\u{0}"])
    }

    @Test("resourceVersionMatch=Exact lists an earlier state")
    func exact() throws {
        var store = try seeded()
        _ = try store.delete(.pods, namespace: "default", name: "a")
        var options = ListOptions()
        options.resourceVersion = "3"
        options.resourceVersionMatch = "Exact"
        #expect(names(try store.list(.pods, namespace: nil, options: options)) == ["a", "b", "c"])
    }
}
