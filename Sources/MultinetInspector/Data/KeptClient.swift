import MultinetKube
import Synchronization

/// The one ``KubeClient`` a ``KubeClusterSource`` reuses between reads.
final class KeptClient: Sendable {
    private let current = Mutex<KubeClient?>(nil)

    /// The kept client, made by `make` when there is none.
    func client(_ make: () throws(KubeError) -> KubeClient) throws(KubeError) -> KubeClient {
        try current.withLock { (current: inout KubeClient?) throws(KubeError) -> KubeClient in
            if let client = current { return client }
            let client = try make()
            current = client
            return client
        }
    }

    /// Drops `client` (if it is still the kept one) and closes it.
    func discard(_ client: KubeClient) async {
        let dropped = current.withLock { current -> Bool in
            guard current === client else { return false }
            current = nil
            return true
        }
        if dropped { try? await client.shutdown() }
    }

    /// Closes the kept client, if any.
    func close() async {
        let client = current.withLock { current -> KubeClient? in
            defer { current = nil }
            return current
        }
        try? await client?.shutdown()
    }

    deinit {
        // A source dropped without `close()`: shut the client down in the background (the
        // task keeps it alive until then).
        if let client = current.withLock({ $0 }) {
            Task { try? await client.shutdown() }
        }
    }
}
