import Foundation
import Testing
@testable import MultinetCNI

@Suite("multinet plugin (in-process, fake delegates, real store)")
struct MultinetTests {
    static let bridgeList = #"{"cniVersion":"1.0.0","name":"podnet","plugins":[{"type":"bridge","bridge":"cni0","customKey":{"kept":true},"ipam":{"type":"host-local","subnet":"10.1.0.0/24"}},{"type":"portmap","capabilities":{"portMappings":true}}]}"#

    @Test("ADD attaches the first network file in lexical order, skipping multinet's own")
    func addDefault() async throws {
        let f = try MultinetFixture()
        try f.write("20-other.conf", #"{"cniVersion":"1.0.0","name":"other","type":"macvlan"}"#)
        try f.write("10-podnet.conflist", Self.bridgeList)
        let result = try await f.plugin.add(f.request(.add))
        #expect(result["cniVersion"] == .string("1.0.0"))
        #expect(result["ips"]?.arrayValue?.first?["address"] == .string("10.1.0.5/24"))
        #expect(f.executor.trace == ["bridge ADD eth0", "portmap ADD eth0"])
        let bridgeStdin = f.executor.calls[0].stdin
        #expect(bridgeStdin["name"] == .string("podnet"))
        #expect(bridgeStdin["customKey"]?["kept"] == .bool(true))
        #expect(f.executor.calls[0].environment["CNI_ARGS"] == "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web;K8S_POD_UID=u1")
        // portmap is chained: it receives the bridge's result as prevResult
        #expect(f.executor.calls[1].stdin["prevResult"]?["ips"] != nil)

        let records = try f.store().attachments(containerID: "c1", runtimeIfName: "eth0")
        #expect(records.count == 1)
        #expect(records[0].state == .attached)
        #expect(records[0].network == "podnet")
        #expect(records[0].podName == "web")
        #expect(records[0].isDefault)
        let recorded = try NetworkConfigList(parsing: records[0].config, source: "record")
        #expect(recorded.plugins[0]["customKey"]?["kept"] == .bool(true))
    }

    @Test("ADD returns the result in the version the runtime asked for", arguments: ["0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"])
    func resultVersion(version: String) async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", Self.bridgeList)
        let result = try await f.plugin.add(f.request(.add, version: version))
        #expect(result["cniVersion"] == .string(version))
        let ip = result["ips"]?.arrayValue?.first
        #expect((ip?["version"] == .string("4")) == version.hasPrefix("0."))
    }

    @Test("the kubelet's runtimeConfig reaches only plugins with the capability")
    func runtimeConfig() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", Self.bridgeList)
        _ = try await f.plugin.add(f.request(.add, extra: #","runtimeConfig":{"portMappings":[{"hostPort":8080,"containerPort":80,"protocol":"tcp"}]}"#))
        #expect(f.executor.calls[0].stdin["runtimeConfig"] == nil)
        #expect(f.executor.calls[1].stdin["runtimeConfig"]?["portMappings"]?.arrayValue?.count == 1)
    }

    @Test("a failing plugin rolls the network back and the error names pod, network and interface")
    func addFailureRollsBack() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", Self.bridgeList)
        f.executor.on("portmap") { call throws(CNIError) in
            if call.command == .add { throw CNIError(code: 11, msg: "iptables is locked") }
            return []
        }
        await #expect {
            try await f.plugin.add(f.request(.add))
        } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == 11 && error.msg.contains("pod default/web") && error.msg.contains("network \"podnet\"")
                && error.msg.contains("interface eth0") && error.msg.contains("iptables is locked")
        }
        #expect(f.executor.trace == ["bridge ADD eth0", "portmap ADD eth0", "portmap DEL eth0", "bridge DEL eth0"])
        let records = try f.store().attachments(containerID: "c1", runtimeIfName: "eth0")
        #expect(records.map(\.state) == [.addFailed])
        #expect(records[0].error?.contains("iptables is locked") == true)
        // The runtime's DEL after the failed ADD clears the record.
        try await f.plugin.del(f.request(.del))
        #expect(try f.store().attachments(containerID: "c1").isEmpty)
    }

    @Test("DEL replays the recorded bytes after the config file was removed")
    func delAfterConfigRemoved() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", Self.bridgeList)
        _ = try await f.plugin.add(f.request(.add))
        try f.remove("10-podnet.conflist")
        try await f.plugin.del(f.request(.del))
        #expect(f.executor.trace.suffix(2) == ["portmap DEL eth0", "bridge DEL eth0"])
        let del = f.executor.calls[3]
        #expect(del.stdin["name"] == .string("podnet"))
        #expect(del.stdin["customKey"]?["kept"] == .bool(true))
        #expect(del.stdin["prevResult"]?["ips"] != nil)
        #expect(try f.store().attachments(containerID: "c1").isEmpty)
        // DEL again: nothing recorded, no config file: still succeeds.
        try await f.plugin.del(f.request(.del))
    }

    @Test("DEL of a container multinet never saw succeeds, even without a conf dir")
    func delUnknown() async throws {
        let f = try MultinetFixture()
        try f.remove("00-multinet.conflist")
        try await f.plugin.del(f.request(.del, container: "never-seen"))
        #expect(f.executor.calls.isEmpty)
    }

    @Test("a failed DEL keeps its record with the error and attempts; the next DEL retries")
    func delFailureKept() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", Self.bridgeList)
        _ = try await f.plugin.add(f.request(.add))
        f.executor.on("bridge") { call throws(CNIError) in
            if call.command == .del { throw CNIError(code: 5, msg: "netlink busy") }
            return try FakeDelegateExecutor.standard(call)
        }
        await #expect {
            try await f.plugin.del(f.request(.del))
        } throws: { error in
            CNIError(reporting: error).msg.contains("network \"podnet\" on eth0: netlink busy")
        }
        var records = try f.store().attachments(containerID: "c1")
        #expect(records.map(\.state) == [.delFailed])
        #expect(records[0].attempts == 1)
        _ = try? await f.plugin.del(f.request(.del))
        records = try f.store().attachments(containerID: "c1")
        #expect(records[0].attempts == 2)
        f.executor.on("bridge") { call throws(CNIError) in try FakeDelegateExecutor.standard(call) }
        try await f.plugin.del(f.request(.del))
        #expect(try f.store().attachments(containerID: "c1").isEmpty)
    }

    @Test("a second ADD of an attached container is refused; a stale failed one is cleaned first")
    func secondAdd() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", Self.bridgeList)
        _ = try await f.plugin.add(f.request(.add))
        await #expect { try await f.plugin.add(f.request(.add)) } throws: { CNIError(reporting: $0).code == CNIErrorCode.alreadyAttached }
    }

    @Test("CHECK runs every plugin in order with the recorded result")
    func check() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", Self.bridgeList)
        _ = try await f.plugin.add(f.request(.add))
        try await f.plugin.check(f.request(.check))
        #expect(f.executor.trace.suffix(2) == ["bridge CHECK eth0", "portmap CHECK eth0"])
        #expect(f.executor.calls.last?.stdin["prevResult"]?["ips"] != nil)
        await #expect { try await f.plugin.check(f.request(.check, container: "other")) } throws: {
            CNIError(reporting: $0).code == CNIErrorCode.unknownContainer
        }
    }

    @Test("GC tears down what the runtime no longer lists and keeps the rest")
    func gc() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", Self.bridgeList)
        _ = try await f.plugin.add(f.request(.add, container: "keep"))
        _ = try await f.plugin.add(f.request(.add, container: "gone"))
        let gcRequest = try f.request(.gc, version: "1.1.0",
                                      extra: #","cni.dev/valid-attachments":[{"containerID":"keep","ifname":"eth0"}]"#)
        try await f.plugin.gc(gcRequest)
        #expect(try f.store().allAttachments().map(\.containerID) == ["keep"])
        #expect(f.executor.calls.filter { $0.command == .del }.allSatisfy { $0.environment["CNI_CONTAINERID"] == "gone" })
        await #expect { try await f.plugin.gc(f.request(.gc, version: "1.1.0")) } throws: {
            CNIError(reporting: $0).msg.contains("cni.dev/valid-attachments")
        }
    }

    @Test("STATUS reports a missing default network or plugin binary as code 50")
    func status() async throws {
        let f = try MultinetFixture()
        await #expect { try await f.plugin.status(f.request(.status, version: "1.1.0")) } throws: {
            CNIError(reporting: $0).code == CNIErrorCode.pluginNotAvailable
        }
        try f.write("10-podnet.conflist", Self.bridgeList.replacingOccurrences(of: "portmap", with: "absent"))
        await #expect { try await f.plugin.status(f.request(.status, version: "1.1.0")) } throws: { error in
            let error = CNIError(reporting: error)
            return error.code == CNIErrorCode.pluginNotAvailable && error.msg.contains("absent")
        }
        try f.write("10-podnet.conflist", Self.bridgeList)
        try await f.plugin.status(f.request(.status, version: "1.1.0"))
    }

    @Test("a list without cniVersion is negotiated with its plugins' VERSION answers")
    func negotiation() async throws {
        let f = try MultinetFixture()
        try f.write("10-podnet.conflist", #"{"name":"podnet","plugins":[{"type":"bridge"}]}"#)
        _ = try await f.plugin.add(f.request(.add))
        #expect(f.executor.trace == ["bridge VERSION -", "bridge ADD eth0"])
        #expect(f.executor.calls[1].stdin["cniVersion"] == .string("1.0.0"))
    }
}
