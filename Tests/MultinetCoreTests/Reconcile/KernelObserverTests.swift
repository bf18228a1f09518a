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
        let links = [KernelLink(index: 1, name: "lo"), KernelLink(index: 2, name: "eth0", mac: "0a:58:0a:01:00:05")]
        let kernel = FakeKernel(links: links, routes: [])
        let observer = KernelObserver(kernel: kernel)
        #expect(observer.observe([netns, scratch.file("cni-gone"), ""]) == [
            netns: .present(links: links, addresses: []), scratch.file("cni-gone"): .gone, "": .unknown,
        ])
        #expect(kernel.sessions == [netns])
        kernel.state.withLock { $0.failOpen = .system(call: "setns", errno: 1) }
        #expect(observer.observe(netns) == .unknown)
    }
}
