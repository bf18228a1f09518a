import Synchronization
@testable import MultinetCore

/// An apiserver stand-in for in-process plugin tests: answers pod lookups from a table or
/// with a scripted error, and counts requests.
final class FakeKube: KubeAccessFactory, KubeAccess {
    private let state = Mutex<(pods: [String: PodInfo], error: CNIError?, requests: Int, made: Int)>(([:], nil, 0, 0))

    func add(_ pod: PodInfo) { state.withLock { $0.pods["\(pod.namespace)/\(pod.name)"] = pod } }
    func fail(with error: CNIError?) { state.withLock { $0.error = error } }
    var requests: Int { state.withLock { $0.requests } }
    var made: Int { state.withLock { $0.made } }

    func make(config: MultinetConfig, environment: CNIEnvironment) throws(CNIError) -> (any KubeAccess)? {
        state.withLock { $0.made += 1 }
        return self
    }

    func pod(namespace: String, name: String) async throws(CNIError) -> PodInfo {
        let (pod, error) = state.withLock { s -> (PodInfo?, CNIError?) in
            s.requests += 1
            return (s.pods["\(namespace)/\(name)"], s.error)
        }
        if let error { throw error }
        guard let pod else { throw CNIError(code: CNIErrorCode.unknownContainer, msg: "pod \(namespace)/\(name) not found") }
        return pod
    }

    func shutdown() async {}
}
