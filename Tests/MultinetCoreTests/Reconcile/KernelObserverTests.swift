import MultinetCNI
@testable import MultinetCore
import MultinetNetlink
import MultinetTestSupport
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Reconciliation: reading the kernel")
struct KernelObserverTests {
    @Test("a missing path is gone, a readable netns present, an unreadable one unknown (never drift)")
    func views() throws {
        let scratch = try TemporaryDirectory(prefix: "multinet-netns")
        defer { scratch.remove() }
        let netns = try scratch.write("cni-1", contents: "")
        let own = try scratch.write("own", contents: "")
        let links = [KernelLink(index: 1, name: "lo"), KernelLink(index: 2, name: "eth0", mac: "0a:58:0a:01:00:05")]
        let kernel = FakeKernel(links: links, routes: [])
        let observer = KernelObserver(kernel: kernel, ownNamespace: own)
        #expect(observer.observe([netns, scratch.file("cni-gone"), ""]) == [
            netns: .present(links: links, addresses: []), scratch.file("cni-gone"): .gone, "": .unknown,
        ])
        #expect(kernel.sessions == [own, netns])
        kernel.state.withLock { $0.failOpen = .system(call: "setns", errno: 1) }
        #expect(KernelObserver(kernel: kernel, ownNamespace: own).observe(netns) == .unknown)
    }

    @Test("a netns is entered once and its session kept while the path names the same namespace; a new one under the name gets a new session")
    func keptSessions() throws {
        let scratch = try TemporaryDirectory(prefix: "multinet-netns")
        defer { scratch.remove() }
        let netns = try scratch.write("cni-1", contents: "")
        let own = try scratch.write("own", contents: "")
        let kernel = FakeKernel(links: [KernelLink(index: 1, name: "lo")], routes: [])
        let observer = KernelObserver(kernel: kernel, ownNamespace: own)
        _ = observer.observe([netns])
        _ = observer.observe([netns])
        #expect(kernel.sessions == [own, netns, own])
        #expect(observer.sessions.count == 1)
        // Another namespace file under the same path (made before the old one goes, so its inode differs).
        let replacement = try scratch.write("cni-1.new", contents: "")
        #expect(rename(replacement, netns) == 0)
        _ = observer.observe([netns])
        #expect(kernel.sessions == [own, netns, own, own, netns])
        // A path no longer recorded closes its session.
        _ = observer.observe([scratch.file("cni-2")])
        #expect(observer.sessions.count == 0)
    }

    /// The fake kernel with a watch the test flips: "changed" or not.
    final class WatchedKernel: NamespaceKernel {
        final class Watch: KernelChangeWatch {
            let kernel: WatchedKernel
            init(kernel: WatchedKernel) { self.kernel = kernel }
            func changed() -> Bool { kernel.changed.withLock { $0 } }
        }
        let base: FakeKernel
        let changed = Mutex(false)
        init(_ base: FakeKernel) { self.base = base }
        func session(netns: String) throws(NetlinkError) -> any KernelSession { try base.session(netns: netns) }
        func watchedSession(netns: String) throws(NetlinkError) -> (any KernelSession, any KernelChangeWatch) {
            (try base.session(netns: netns), Watch(kernel: self))
        }
    }

    @Test("a kept view is reused while its watch saw no change, and read again when it did")
    func watchedView() throws {
        let scratch = try TemporaryDirectory(prefix: "multinet-netns")
        defer { scratch.remove() }
        let netns = try scratch.write("cni-1", contents: "")
        let own = try scratch.write("own", contents: "")
        let fake = FakeKernel(links: [KernelLink(index: 1, name: "lo")], routes: [])
        let kernel = WatchedKernel(fake)
        let observer = KernelObserver(kernel: kernel, ownNamespace: own)
        #expect(observer.observe(netns).interface("lo") != nil)
        fake.state.withLock { $0.links = [KernelLink(index: 1, name: "lo"), KernelLink(index: 2, name: "eth0")] }
        #expect(observer.observe(netns).interface("eth0") == nil, "no change seen: the kept view")
        kernel.changed.withLock { $0 = true }
        #expect(observer.observe(netns).interface("eth0") != nil, "a change seen: read again")
    }

    @Test("a process that may not enter namespaces, or a path whose directory is not there, learns nothing: unknown, not gone")
    func noFalseAlarm() throws {
        let scratch = try TemporaryDirectory(prefix: "multinet-netns")
        defer { scratch.remove() }
        let kernel = FakeKernel(links: [], routes: [])
        kernel.state.withLock { $0.failOpen = .system(call: "setns", errno: 1) }
        let observer = KernelObserver(kernel: kernel, ownNamespace: scratch.file("own"))
        // Without CAP_SYS_ADMIN (a container): even a missing path is unknown.
        #expect(observer.observe([scratch.file("cni-gone")]) == [scratch.file("cni-gone"): .unknown])
        // The host's /var/run/netns not mounted: its paths are unknown, not gone.
        kernel.state.withLock { $0.failOpen = nil }
        #expect(observer.observe(scratch.file("not-mounted/cni-1")) == .unknown)
        #expect(KernelObserver.directory(of: "/var/run/netns/cni-1") == "/var/run/netns")
        #expect(KernelObserver.directory(of: "/cni-1") == "/")
    }
}
