import Testing
@testable import MultinetKube
@testable import MultinetKubeAPI

extension KubeTests {
    @Suite("watch and informer against a scripted server")
    struct KubeWatchTests {
        static func event(_ type: String, _ object: String) -> String { #"{"type":"\#(type)","object":\#(object)}"# + "\n" }
        static func bookmark(_ version: String) -> String {
            event("BOOKMARK", #"{"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"\#(version)"}}"#)
        }
        static let expired = event("ERROR", #"{"kind":"Status","apiVersion":"v1","status":"Failure","message":"too old resource version: 1 (5)","reason":"Expired","code":410}"#)

        /// Splits text into chunks of `size` bytes, so events straddle chunk boundaries.
        static func chunks(_ text: String, size: Int) -> [[UInt8]] {
            let bytes = Array(text.utf8)
            return stride(from: 0, to: bytes.count, by: size).map { Array(bytes[$0..<min($0 + size, bytes.count)]) }
        }

        @Test("events decode across chunk boundaries, with bookmarks", arguments: [1, 7, 64, 100_000])
        func decoding(chunkSize: Int) async throws {
            let stream = Self.event("ADDED", podJSON("a", resourceVersion: "5")) + "\n"
                + Self.event("MODIFIED", podJSON("a", resourceVersion: "6"))
                + Self.bookmark("7")
                + Self.event("DELETED", podJSON("a", resourceVersion: "8")).dropLast() // no final newline
            let transport = ScriptedTransport([.respond(200, chunks: Self.chunks(stream, size: chunkSize))])
            let client = KubeClient.scripted(transport)
            let watch = try await client.watch(Pod.self, namespace: "default", options: KubeListOptions(labelSelector: "app=a", limit: 5),
                                               resourceVersion: "4", timeoutSeconds: 60)
            var seen: [String] = []
            for try await event in watch {
                switch event {
                case .added(let pod): seen.append("added \(pod.metadata.name)@\(event.resourceVersion ?? "")")
                case .modified(let pod): seen.append("modified \(pod.metadata.name)@\(event.resourceVersion ?? "")")
                case .deleted(let pod): seen.append("deleted \(pod.metadata.name)@\(event.resourceVersion ?? "")")
                case .bookmark(let version): seen.append("bookmark @\(version)")
                }
            }
            #expect(seen == ["added a@5", "modified a@6", "bookmark @7", "deleted a@8"])
            #expect(transport.requests.first?.path
                == "/api/v1/namespaces/default/pods?watch=true&labelSelector=app%3Da&resourceVersion=4&allowWatchBookmarks=true&timeoutSeconds=60")
        }

        @Test("an ERROR event with 410 Expired is thrown as gone")
        func expiredEvent() async throws {
            let transport = ScriptedTransport([.respond(200, chunks: [Array(Self.expired.utf8)])])
            let client = KubeClient.scripted(transport)
            let watch = try await client.watch(Pod.self, namespace: nil, resourceVersion: "1")
            var iterator = watch.makeAsyncIterator()
            let error = await #expect(throws: KubeError.self) { _ = try await iterator.next() }
            guard case .gone(_, let status)? = error else {
                Issue.record("expected gone, got \(String(describing: error))")
                return
            }
            #expect(status.reason == "Expired")
        }

        @Test("a watch broken mid-stream is unreachable")
        func brokenStream() async throws {
            let transport = ScriptedTransport([.respond(200, chunks: [Array(Self.event("ADDED", podJSON("a")).utf8)],
                                                        thenFail: KubeTestError.connectionRefused)])
            let client = KubeClient.scripted(transport)
            var iterator = try await client.watch(Pod.self, namespace: nil, resourceVersion: nil).makeAsyncIterator()
            #expect(try await iterator.next()?.object?.metadata.name == "a")
            let error = await #expect(throws: KubeError.self) { _ = try await iterator.next() }
            #expect(error?.isTransient == true)
        }

        @Test("the informer lists, watches from the list's version, resumes, and relists after 410")
        func informer() async throws {
            let transport = ScriptedTransport([
                ScriptedTransport.json(200, podListJSON(["a"], resourceVersion: "10")),
                .respond(200, chunks: [Array((Self.event("ADDED", podJSON("b", resourceVersion: "11")) + Self.bookmark("12")).utf8)]),
                // The server ended that watch; the next resumes from the bookmark, and has expired.
                .respond(200, chunks: [Array(Self.expired.utf8)]),
                ScriptedTransport.json(200, podListJSON(["a", "b", "c"], resourceVersion: "20")),
                .respond(200, chunks: [Array(Self.event("DELETED", podJSON("a", resourceVersion: "21")).utf8)]),
            ])
            let client = KubeClient.scripted(transport)
            var seen: [String] = []
            for try await event in client.listAndWatch(Pod.self, namespace: "default", watchTimeoutSeconds: 30) {
                switch event {
                case .listed(let pods, let version): seen.append("listed \(pods.map(\.metadata.name).joined(separator: ",")) @\(version ?? "")")
                case .changed(let change): seen.append("changed \(change.object?.metadata.name ?? "-") @\(change.resourceVersion ?? "")")
                }
                if seen.count == 5 { break }
            }
            #expect(seen == ["listed a @10", "changed b @11", "changed - @12", "listed a,b,c @20", "changed a @21"])
            let paths = transport.requests.map(\.path)
            #expect(paths == [
                "/api/v1/namespaces/default/pods",
                "/api/v1/namespaces/default/pods?watch=true&resourceVersion=10&allowWatchBookmarks=true&timeoutSeconds=30",
                "/api/v1/namespaces/default/pods?watch=true&resourceVersion=12&allowWatchBookmarks=true&timeoutSeconds=30",
                "/api/v1/namespaces/default/pods",
                "/api/v1/namespaces/default/pods?watch=true&resourceVersion=20&allowWatchBookmarks=true&timeoutSeconds=30",
            ])
        }
    
        @Test("the informer ends with non-transient errors and after repeated transient ones")
        func informerFailures() async throws {
            let forbidden = ScriptedTransport([ScriptedTransport.status(403, reason: "Forbidden", message: "no")])
            let error = await #expect(throws: KubeError.self) {
                for try await _ in KubeClient.scripted(forbidden).listAndWatch(Network.self, namespace: nil) {}
            }
            #expect(error?.status?.code == 403)

            // Every attempt of every request fails: the policy's 5 attempts per request, 5 requests.
            let down = ScriptedTransport(Array(repeating: .fail(KubeTestError.connectionRefused), count: 25))
            let client = KubeClient.scripted(down)
            let unreachable = await #expect(throws: KubeError.self) {
                for try await _ in client.listAndWatch(Network.self, namespace: nil) {}
            }
            #expect(unreachable?.isTransient == true)
            #expect(client.statistics.requests == 5)
            #expect(client.statistics.attempts == 25)
        }
    }
}
