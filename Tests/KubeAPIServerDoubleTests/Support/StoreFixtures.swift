import FoundationEssentials
import Synchronization
@testable import KubeAPIServerDouble

/// A store with a fixed clock and predictable uids.
func makeStore(history: Int = 1000) -> ObjectStore {
    let counter = UIDCounter()
    return ObjectStore(
        historyCapacity: history,
        environment: .init(now: { Date(timeIntervalSince1970: 1_700_000_000) }, makeUID: { counter.next() }))
}

/// Hands out `uid-1`, `uid-2`, ...
final class UIDCounter: Sendable {
    private let value = Synchronization.Mutex(0)
    func next() -> String {
        value.withLock { value in
            value += 1
            return "uid-\(value)"
        }
    }
}

/// A minimal valid pod body.
func podBody(_ name: String, namespace: String? = nil, node: String? = nil, labels: [String: String] = [:]) -> KubeJSON {
    var metadata: KubeJSON.Object = ["name": .string(name)]
    if let namespace { metadata["namespace"] = .string(namespace) }
    if !labels.isEmpty {
        metadata["labels"] = .object(KubeJSON.Object(labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
    }
    var spec: KubeJSON.Object = ["containers": [["name": "app", "image": "pause"]]]
    if let node { spec["nodeName"] = .string(node) }
    return ["apiVersion": "v1", "kind": "Pod", "metadata": .object(metadata), "spec": .object(spec)]
}

extension KubeJSON {
    /// `metadata.resourceVersion` as a number.
    var resourceVersion: Int? { string(at: "metadata.resourceVersion").flatMap { Int($0) } }
}
