import Foundation
import Testing
@testable import MultinetCNI
@testable import MultinetCheckpoint
@testable import MultinetCore
@testable import MultinetPlanning

/// Hot-plug in-process: a pod attached by the plugin's ADD, then its selection changed;
/// the fake executor records every delegate call.
@Suite("Hot-plug: a running pod's interfaces follow its selection")
struct HotplugTests {
    static let npwg = SelectionDialect.multus.annotation
    static let nad = #"{"cniVersion":"1.0.0","type":"macvlan","master":"veth0","ipam":{"type":"static"}}"#

    /// A pod `default/web` started with `initial`, and NADs red and blue.
    func started(_ initial: String?) async throws -> (MultinetFixture, FakeKube, Multinet) {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", MultinetTests.bridgeList)
        let kube = FakeKube()
        kube.add(PodInfo(namespace: "default", name: "web", uid: "u1", annotations: initial.map { [Self.npwg: $0] } ?? [:]))
        kube.add(KubeObjectFixtures.nad("default", "red", config: Self.nad))
        kube.add(KubeObjectFixtures.nad("default", "blue", config: Self.nad))
        f.executor.on("bridge", MultiNetworkTests.addressing)
        f.executor.on("macvlan", MultiNetworkTests.addressing)
        var plugin = f.plugin
        plugin.kubeFactory = kube
        _ = try await plugin.add(f.request(.add))
        return (f, kube, plugin)
    }

    func hotplug(_ f: MultinetFixture, _ kube: FakeKube, _ plugin: Multinet, _ annotation: String?) async throws -> HotplugReport {
        let config = try f.request(.add).config
        return await plugin.hotplug(containerID: "c1", annotations: annotation.map { [Self.npwg: $0] } ?? [:], access: kube,
                                    config: config, store: try f.store())
    }

    func interfaces(_ f: MultinetFixture) throws -> [String] {
        try f.store().attachments(containerID: "c1", runtimeIfName: "eth0").map { "\($0.network)@\($0.ifName):\($0.state.rawValue)" }
    }

    @Test("add one, add a second (the first untouched), remove the first; the runtime's DEL tears down what is left")
    func addAddRemove() async throws {
        let (f, kube, plugin) = try await started(nil)
        let calls = f.executor.calls.count
        let first = try await hotplug(f, kube, plugin, "red")
        #expect(first.refusal == nil, "\(first)")
        #expect(first.attached == [.init(network: "default/red", ifName: "net1")])
        #expect(Array(f.executor.trace.dropFirst(calls)) == ["macvlan ADD net1"])
        #expect(try interfaces(f) == ["podnet@eth0:attached", "red@net1:attached"])
        #expect(try f.store().attachments(containerID: "c1").map(\.origin) == [.runtime, .hotplug])
        let status = try #require(first.networkStatus)
        #expect(status.contains("\"default/red\"") && status.contains("\"net1\"") && status.contains("\"podnet\""), "\(status)")

        let mark = f.executor.calls.count
        let second = try await hotplug(f, kube, plugin, "red, blue")
        #expect(second.attached == [.init(network: "default/blue", ifName: "net2")])
        #expect(Array(f.executor.trace.dropFirst(mark)) == ["macvlan ADD net2"], "net1 untouched")
        let third = try await hotplug(f, kube, plugin, "blue")
        #expect(third.detached == [.init(network: "default/red", ifName: "net1")])
        #expect(try interfaces(f) == ["podnet@eth0:attached", "blue@net2:attached"])
        // Unchanged: nothing at all.
        let calm = f.executor.calls.count
        let none = try await hotplug(f, kube, plugin, "blue")
        #expect(none == HotplugReport(pod: "default/web"))
        #expect(f.executor.calls.count == calm)
        // The runtime's DEL tears the hot-plugged interface down with the rest.
        let end = f.executor.calls.count
        try await plugin.del(f.request(.del))
        #expect(Array(f.executor.trace.dropFirst(end)) == ["macvlan DEL net2", "portmap DEL eth0", "bridge DEL eth0"])
        #expect(try f.store().attachments(containerID: "c1").isEmpty)
    }

    @Test("a missing NAD fails that element only: nothing attached, nothing recorded, the others added")
    func missingNAD() async throws {
        let (f, kube, plugin) = try await started(nil)
        let report = try await hotplug(f, kube, plugin, "ghost, red")
        #expect(report.attached.map(\.ifName) == ["net1", "net2"])
        #expect(report.attached[0].error?.contains("ghost") == true, "\(report)")
        #expect(report.attached[1].error == nil)
        #expect(try interfaces(f) == ["podnet@eth0:attached", "red@net2:attached"])
    }

    @Test("a delegate that fails is rolled back alone and leaves no record; the pod keeps its interfaces")
    func failingDelegate() async throws {
        let (f, kube, plugin) = try await started("red")
        f.executor.on("macvlan") { call throws(CNIError) in
            if call.command == .add && call.environment["CNI_IFNAME"] == "net2" { throw CNIError(code: 11, msg: "master veth0 is gone") }
            return try MultiNetworkTests.addressing(call)
        }
        let report = try await hotplug(f, kube, plugin, "red, blue")
        #expect(report.attached.count == 1 && report.attached[0].error?.contains("master veth0 is gone") == true, "\(report)")
        #expect(f.executor.trace.suffix(2) == ["macvlan ADD net2", "macvlan DEL net2"])
        #expect(try interfaces(f) == ["podnet@eth0:attached", "red@net1:attached"])
        #expect(report.networkStatus == nil, "nothing changed")
    }

    @Test("refused: a selection the parser rejects, a sandbox without records, the container held too long")
    func refusals() async throws {
        let (f, kube, plugin) = try await started(nil)
        let bad = try await hotplug(f, kube, plugin, "red@eth0")
        #expect(bad.refusal?.message.contains("interface eth0 is the default network's") == true, "\(bad)")
        let config = try f.request(.add).config
        let unknown = await plugin.hotplug(containerID: "nope", annotations: [Self.npwg: "red"], access: kube, config: config,
                                           store: try f.store())
        #expect(unknown.refusal?.message.contains("container nope has no attached default network recorded") == true)
        #expect(bad.refusal?.kind == .selection && unknown.refusal?.kind == .noSandbox)
        // Held by another process's ADD or DEL for longer than the hot-plug waits: busy, nothing done.
        let held = try #require(try ContainerLock.acquire(directory: config.stateDir, containerID: "c1", waitSeconds: 0))
        let busy = await plugin.hotplug(containerID: "c1", annotations: [Self.npwg: "red"], access: kube, config: config,
                                        store: try f.store(), lockWaitSeconds: 0.2)
        held.release()
        #expect(busy.refusal?.kind == .busy, "\(busy)")
        #expect(busy.attached.isEmpty)
        #expect(try interfaces(f) == ["podnet@eth0:attached"])
    }

    @Test("the sandbox torn down by the runtime's DEL first: nothing attached, nothing recorded")
    func tornDownFirst() async throws {
        let (f, kube, plugin) = try await started(nil)
        try await plugin.del(f.request(.del))
        let report = try await hotplug(f, kube, plugin, "red")
        #expect(report.refusal?.kind == .noSandbox, "\(report)")
        #expect(try f.store().attachments(containerID: "c1").isEmpty)
    }
}
