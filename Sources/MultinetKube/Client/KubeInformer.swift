import MultinetKubeAPI

/// List, then watch from the list's version, for as long as it is iterated — like
/// client-go's reflector: the watch resumes from the last version seen when the server
/// ends it, relists when that version has expired (410 `Gone`/`Expired`), and backs off
/// and tries again on transient failures.
///
/// Non-transient failures (unauthorized, forbidden, …) end it by throwing, as do
/// ``KubeRetryPolicy/maximumAttempts`` transient failures in a row (each already retried
/// within its request). Iteration ends with `nil` when the task is cancelled.
public struct KubeInformer<Object: KubeResource>: AsyncSequence, Sendable {
    /// One list or change.
    public typealias Element = KubeInformerEvent<Object>
    /// Informers fail with ``KubeError``.
    public typealias Failure = KubeError

    let client: KubeClient
    let namespace: String?
    let options: KubeListOptions
    let watchTimeoutSeconds: Int

    /// The informer's state machine.
    public struct AsyncIterator: AsyncIteratorProtocol {
        /// Informers fail with ``KubeError``.
        public typealias Failure = KubeError

        enum State {
            case needsList
            case needsWatch
            case watching(KubeWatch<Object>.AsyncIterator)
        }

        let informer: KubeInformer
        var state = State.needsList
        var resourceVersion: String?
        var consecutiveFailures = 0

        /// The next list or change; `nil` once the task is cancelled.
        public mutating func next() async throws(KubeError) -> KubeInformerEvent<Object>? {
            let client = informer.client
            while !Task.isCancelled {
                do {
                    switch state {
                    case .needsList:
                        let list = try await client.listAll(Object.self, namespace: informer.namespace,
                                                            options: informer.options)
                        resourceVersion = list.resourceVersion
                        state = .needsWatch
                        consecutiveFailures = 0
                        return .listed(list.items, resourceVersion: list.resourceVersion)
                    case .needsWatch:
                        let watch = try await client.watch(Object.self, namespace: informer.namespace,
                                                           options: informer.options, resourceVersion: resourceVersion,
                                                           timeoutSeconds: informer.watchTimeoutSeconds)
                        state = .watching(watch.makeAsyncIterator())
                    case .watching(var iterator):
                        guard let event = try await iterator.next() else {
                            // The server ended the watch; resume from the last version seen.
                            state = .needsWatch
                            continue
                        }
                        state = .watching(iterator)
                        if let version = event.resourceVersion, !version.isEmpty { resourceVersion = version }
                        consecutiveFailures = 0
                        return .changed(event)
                    }
                } catch .gone(let request, let status) {
                    // Expired: start over from a fresh list. Only a list that itself keeps
                    // expiring counts against the failure limit (a good list resets it).
                    consecutiveFailures += 1
                    guard consecutiveFailures < client.options.retryPolicy.maximumAttempts else {
                        throw KubeError.gone(request, status)
                    }
                    resourceVersion = nil
                    state = .needsList
                } catch .cancelled {
                    return nil
                } catch {
                    guard error.isTransient else { throw error }
                    consecutiveFailures += 1
                    let policy = client.options.retryPolicy
                    guard consecutiveFailures < policy.maximumAttempts else { throw error }
                    if case .watching = state { state = .needsWatch }
                    do {
                        try await client.sleep(policy.backoff(attempt: consecutiveFailures, random: client.random()))
                    } catch {
                        return nil
                    }
                }
            }
            return nil
        }

    }

    /// An iterator that starts with a list.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(informer: self)
    }
}

extension KubeClient {
    /// Lists and then watches objects (in `namespace`, or all namespaces when `nil`),
    /// relisting when the watch falls behind. See ``KubeInformer``.
    ///
    /// With the default one connection per host, the open watch holds the connection:
    /// other requests on this client wait for it unless the server speaks HTTP/2 or
    /// ``KubeClientOptions/maximumConnectionsPerHost`` is raised.
    ///
    /// - Parameter watchTimeoutSeconds: how long each watch request lasts before the
    ///   server ends it and the informer starts the next one.
    public func listAndWatch<R: KubeResource>(_ type: R.Type, namespace: String?,
                                              options listOptions: KubeListOptions = KubeListOptions(),
                                              watchTimeoutSeconds: Int = 300) -> KubeInformer<R> {
        KubeInformer(client: self, namespace: namespace, options: listOptions, watchTimeoutSeconds: watchTimeoutSeconds)
    }
}
