import MultinetCNI
import MultinetKubeAPI
import MultinetModel
import MultinetSystem

/// A ``KubeAccess`` that times every request in a ``PhaseClock`` (`kube.pod`,
/// `kube.lookup`, `kube.patch`, `kube.event`, `kube.shutdown`). The first request of an
/// invocation also pays for the connection and the TLS handshake.
struct TimedKubeAccess: KubeAccess {
    let base: any KubeAccess
    let phases: PhaseClock

    func pod(namespace: String, name: String) async throws -> PodInfo {
        try await phases.measure("kube.pod") { () async throws in
            try await base.pod(namespace: namespace, name: name)
        }
    }

    func networkAttachmentDefinition(namespace: String, name: String) async throws -> NetworkAttachmentDefinition? {
        try await phases.measure("kube.lookup") { () async throws in
            try await base.networkAttachmentDefinition(namespace: namespace, name: name)
        }
    }

    func network(namespace: String, name: String) async throws -> Network? {
        try await phases.measure("kube.lookup") { () async throws in
            try await base.network(namespace: namespace, name: name)
        }
    }

    func annotatePod(namespace: String, name: String, annotations: [String: String]) async throws {
        try await phases.measure("kube.patch") { () async throws in
            try await base.annotatePod(namespace: namespace, name: name, annotations: annotations)
        }
    }

    func recordWarning(about pod: PodReference, reason: String, message: String) async throws {
        try await phases.measure("kube.event") { () async throws in
            try await base.recordWarning(about: pod, reason: reason, message: message)
        }
    }

    func shutdown() async {
        await phases.measure("kube.shutdown") { () async in await base.shutdown() }
    }
}
