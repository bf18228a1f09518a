import MultinetCNI
@testable import MultinetCore
import MultinetNetlink
import MultinetTestSupport
import Testing

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
        #expect(observer.observe(netns) == .unknown)
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
