import Foundation
import Glibc
import MultinetJSON
import MultinetTestSupport
import Testing

/// multinet killed halfway, and many plugin processes at once.
@Suite("End to end: crash safety and concurrency", .endToEnd)
struct CrashSafetyTests {
    @Test("multinet SIGKILLed mid-ADD (after bridge attached) leaves a record; a later DEL leaves nothing behind")
    func killedMidAdd() async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        // A chained delegate that kills its caller (multinet) during ADD and succeeds on DEL.
        try node.writeDelegate("killer", script: """
        #!/bin/sh
        if [ "$CNI_COMMAND" = ADD ]; then kill -9 $PPID; sleep 5; fi
        exit 0
        """)
        try node.writeConf("10-podnet.conflist", ConfigFixtures.conflist(name: "podnet", plugins: [
            ConfigFixtures.bridgePlugin(bridge: node.bridge, subnet: node.subnet, dataDir: node.ipamDir),
            JSONObject([("type", .string("killer"))]),
        ]))
        let ns = try node.namespace()
        let id = RuntimeInvocation.randomContainerID()
        let add = try await node.run("ADD", containerID: id, netns: ns.path)
        #expect(add.signal == SIGKILL)
        // The bridge did its part before multinet died: the interface and address exist.
        #expect(try ns.linkExists("eth0"))
        #expect(try node.reservations.held(by: id).count == 1)
        #expect(try node.records().map(\.state) == [.adding])

        try await node.run("DEL", containerID: id, netns: ns.path).requireSuccess()
        #expect(try !ns.linkExists("eth0"))
        #expect(try node.reservations.ips().isEmpty)
        #expect(try node.records().isEmpty)
        #expect(try node.integrityCheck() == "ok")
    }

    @Test("32 pods added and deleted in parallel: every pod attached, no reservation leaked, store intact")
    func parallelPods() async throws {
        let node = try MultinetNode()
        defer { node.cleanUp() }
        let pods = try (0..<32).map { i in (id: RuntimeInvocation.randomContainerID(), ns: try node.namespace(), name: "pod-\(i)") }

        let adds = try await withThrowingTaskGroup(of: CNIPluginResult.self) { group in
            for pod in pods {
                group.addTask { try await node.run("ADD", containerID: pod.id, netns: pod.ns.path, pod: pod.name) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for add in adds { _ = try add.requireSuccess() }
        let ips = adds.flatMap(\.ipAddresses)
        #expect(Set(ips).count == 32)
        #expect(try node.reservations.ips().count == 32)
        #expect(try node.records().count == 32)
        #expect(try node.records().allSatisfy { $0.state == .attached })

        let dels = try await withThrowingTaskGroup(of: CNIPluginResult.self) { group in
            for pod in pods {
                group.addTask { try await node.run("DEL", containerID: pod.id, netns: pod.ns.path, pod: pod.name) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for del in dels { _ = try del.requireSuccess() }
        #expect(try node.reservations.ips().isEmpty)
        #expect(try node.records().isEmpty)
        #expect(try node.integrityCheck() == "ok")
        for pod in pods { #expect(try !pod.ns.linkExists("eth0")) }
    }
}
