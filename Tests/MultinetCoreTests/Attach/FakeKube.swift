import Synchronization
@testable import MultinetCore
@testable import MultinetCNI
@testable import MultinetKubeAPI
@testable import MultinetModel
@testable import MultinetPlanning

/// An apiserver stand-in for in-process plugin tests: answers pod, NAD and Network lookups
/// from tables or with a scripted error, records annotation patches, and counts requests.
final class FakeKube: KubeAccessFactory, KubeAccess {
    struct State {
        var pods: [String: PodInfo] = [:]
        var nads: [String: NetworkAttachmentDefinition] = [:]
        var networks: [String: Network] = [:]
        var error: CNIError?
        var patchError: CNIError?
        var patches: [(pod: String, annotations: [String: String])] = []
        var events: [(pod: String, reason: String, message: String)] = []
        var requests = 0
        var made = 0
        var shutdowns = 0
        var lookupDelayNanoseconds: UInt64 = 0
        var inFlight = 0
        var maxInFlight = 0
    }
    private let state = Mutex<State>(State())

    func add(_ pod: PodInfo) { state.withLock { $0.pods["\(pod.namespace)/\(pod.name)"] = pod } }
    func add(_ nad: NetworkAttachmentDefinition) {
        state.withLock { $0.nads["\(nad.metadata.namespace ?? "")/\(nad.metadata.name)"] = nad }
    }
    func add(_ network: Network) {
        state.withLock { $0.networks["\(network.metadata.namespace ?? "")/\(network.metadata.name)"] = network }
    }
    func fail(with error: CNIError?) { state.withLock { $0.error = error } }
    func failPatches(with error: CNIError?) { state.withLock { $0.patchError = error } }
    var requests: Int { state.withLock { $0.requests } }
    var made: Int { state.withLock { $0.made } }
    var shutdowns: Int { state.withLock { $0.shutdowns } }
    var patches: [(pod: String, annotations: [String: String])] { state.withLock { $0.patches } }
    var events: [(pod: String, reason: String, message: String)] { state.withLock { $0.events } }

    func recordWarning(about pod: PodReference, reason: String, message: String) async throws(CNIError) {
        state.withLock { $0.events.append((pod.displayName, reason, message)) }
    }

    /// Makes every NAD and Network lookup take `nanoseconds`, to observe concurrency.
    func delayLookups(by nanoseconds: UInt64) { state.withLock { $0.lookupDelayNanoseconds = nanoseconds } }
    /// The most lookups that were in flight at once.
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    private func lookup<T: Sendable>(_ read: @Sendable (inout State) -> T) async throws(CNIError) -> T {
        let (value, error, delay) = state.withLock { s in
            s.requests += 1
            s.inFlight += 1
            s.maxInFlight = max(s.maxInFlight, s.inFlight)
            return (read(&s), s.error, s.lookupDelayNanoseconds)
        }
        if delay > 0 { try? await Task.sleep(nanoseconds: delay) }
        state.withLock { $0.inFlight -= 1 }
        if let error { throw error }
        return value
    }

    func networkAttachmentDefinition(namespace: String, name: String) async throws(CNIError) -> NetworkAttachmentDefinition? {
        try await lookup { $0.nads["\(namespace)/\(name)"] }
    }

    func network(namespace: String, name: String) async throws(CNIError) -> Network? {
        try await lookup { $0.networks["\(namespace)/\(name)"] }
    }

    func annotatePod(namespace: String, name: String, annotations: [String: String]) async throws(CNIError) {
        let error = state.withLock { s in
            s.requests += 1
            if s.patchError == nil { s.patches.append(("\(namespace)/\(name)", annotations)) }
            return s.patchError
        }
        if let error { throw error }
    }

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

    func shutdown() async { state.withLock { $0.shutdowns += 1 } }
}
