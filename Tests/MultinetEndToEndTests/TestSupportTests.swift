import Foundation
import Glibc
import MultinetTestSupport
import Testing

/// Proves the end-to-end test support against the real world: Debian's CNI plugins called
/// directly (no multinet), real network namespaces, real host-local reservations.
@Suite("Test support")
struct TestSupportTests {
    // MARK: - Closed ports

    @Test("a ClosedPort refuses connections, and no other socket can bind its port while it lives")
    func closedPort() throws {
        let closed = try ClosedPort()
        #expect(closed.port > 0)
        func attempt(_ operation: (Int32, UnsafePointer<sockaddr>, socklen_t) -> Int32) -> Int32 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(closed.port).bigEndian
            let result = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    operation(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            return result == 0 ? 0 : errno
        }
        #expect(attempt { connect($0, $1, $2) } == ECONNREFUSED)
        #expect(attempt { bind($0, $1, $2) } == EADDRINUSE)
    }

    // MARK: - Environment

    @Test("this machine has everything end-to-end tests need (or says exactly what it lacks)")
    func environmentIsComplete() {
        if E2EEnvironment.isRequired || geteuid() == 0 {
            #expect(E2EEnvironment.missing.isEmpty, "missing: \(E2EEnvironment.missing)")
            #expect(E2EEnvironment.skipReason == nil)
        } else {
            #expect(E2EEnvironment.skipReason?.isEmpty == false)
            #expect(E2EEnvironment.missing.contains { $0.contains("not running as root") })
        }
    }

    @Test("missing prerequisites skip the test, or fail it when MULTINET_REQUIRE_E2E demands them")
    func decisions() {
        #expect(E2EEnvironment.decision(missing: [], isRequired: false) == .run)
        #expect(E2EEnvironment.decision(missing: [], isRequired: true) == .run)
        let missing = ["not running as root (uid 1000)", "Debian package containernetworking-plugins: /usr/lib/cni/bridge not found"]
        guard case .skip(let reason) = E2EEnvironment.decision(missing: missing, isRequired: false) else {
            Issue.record("expected a skip")
            return
        }
        #expect(reason.contains("uid 1000") && reason.contains("/usr/lib/cni/bridge not found"))
        guard case .fail(let message) = E2EEnvironment.decision(missing: missing, isRequired: true) else {
            Issue.record("expected a failure")
            return
        }
        #expect(message.contains("MULTINET_REQUIRE_E2E") && message.contains("/usr/lib/cni/bridge not found"))
        #expect("\(TestSupportError.environmentIncomplete(missing: missing))".contains("uid 1000"))
    }

    // MARK: - Running plugins

    @Test("a plugin gets exactly the runtime's environment and its config on stdin")
    func runtimeEnvironment() async throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let script = try tmp.write("plugin", contents: "#!/bin/sh\nenv | sort >&2\ncat\n")
        chmod(script, 0o755)
        let invocation = RuntimeInvocation(
            command: "ADD", containerID: "c1", netns: "/var/run/netns/x", ifname: "net1",
            args: RuntimeInvocation.kubernetesArgs(namespace: "ns", name: "pod", uid: "u-1", containerID: "c1"),
            cniPath: ["/a", "/b"], config: #"{"cniVersion":"1.0.0","name":"n","type":"t"}"#,
            extraEnvironment: ["EXTRA": "yes"])
        let result = try await CNIPluginRunner(executable: script).run(invocation).requireSuccess()
        #expect(result.stdout == invocation.configText)
        #expect((result.jsonObject?["name"] as? String) == "n")
        let variables = Set(result.stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("PWD=") && !$0.hasPrefix("SHLVL=") && !$0.hasPrefix("_=") })
        #expect(variables == [
            "CNI_ARGS=IgnoreUnknown=1;K8S_POD_NAMESPACE=ns;K8S_POD_NAME=pod;K8S_POD_INFRA_CONTAINER_ID=c1;K8S_POD_UID=u-1",
            "CNI_COMMAND=ADD", "CNI_CONTAINERID=c1", "CNI_IFNAME=net1", "CNI_NETNS=/var/run/netns/x", "CNI_PATH=/a:/b",
            "EXTRA=yes", "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
        ])
    }

    @Test("a plugin starts as from a Go runtime: only stdin/stdout/stderr open, no blocked or ignored signals")
    func cleanProcessState() async throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        // `exec`, so the shell's own signal juggling around fork does not show.
        let signals = try tmp.write("signals", contents: "#!/bin/sh\nexec grep -E '^Sig(Blk|Ign)' /proc/self/status\n")
        let descriptors = try tmp.write("descriptors", contents: "#!/bin/sh\nexec ls /proc/self/fd\n")
        chmod(signals, 0o755)
        chmod(descriptors, 0o755)

        let status = try await CNIPluginRunner(executable: signals).run(RuntimeInvocation(command: "ADD", config: "{}")).requireSuccess()
        var masks: [String: UInt64] = [:]
        for line in status.stdout.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            if parts.count == 2 { masks[String(parts[0])] = UInt64(parts[1], radix: 16) }
        }
        #expect(masks["SigBlk:"] == 0)
        // glibc's posix_spawn leaves its two internal real-time signals (32, 33) ignored.
        #expect(masks["SigIgn:"].map { $0 & ~UInt64(0x1_8000_0000) } == 0)

        let listing = try await CNIPluginRunner(executable: descriptors).run(RuntimeInvocation(command: "ADD", config: "{}")).requireSuccess()
        // ls itself holds one more descriptor: the directory it lists.
        #expect(listing.stdout.split(separator: "\n").map(String.init) == ["0", "1", "2", "3"])
    }

    @Test("a failing plugin's result carries its CNI error, and requireSuccess reports everything")
    func failureReport() async throws {
        let result = try await CNIPluginRunner.plugin("bridge").run(
            RuntimeInvocation(command: "ADD", containerID: "c", netns: "/nonexistent", config: "{not json"))
        #expect(!result.succeeded)
        #expect(result.cniError != nil)
        #expect(throws: TestSupportError.self) { try result.requireSuccess() }
        do {
            try result.requireSuccess()
        } catch {
            let text = "\(error)"
            #expect(text.contains("/usr/lib/cni/bridge (ADD) exited with status \(result.exitCode)"))
            #expect(text.contains("{not json") && text.contains("CNI_NETNS=/nonexistent"))
        }
    }

    @Test("VERSION of a reference plugin lists the versions it supports")
    func version() async throws {
        let result = try await CNIPluginRunner.plugin("bridge").run(.version()).requireSuccess()
        let versions = result.jsonObject?["supportedVersions"] as? [String] ?? []
        #expect(versions.contains("1.0.0") && versions.contains("0.3.1"))
    }

    @Test("a plugin that hangs is killed, with its children, when the timeout expires")
    func timeout() async throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        // A sleep with a duration no other test uses, to find survivors by command line.
        let marker = "30.\(Int.random(in: 100_000...999_999))"
        let script = try tmp.write("hang", contents: "#!/bin/sh\necho started\nsleep \(marker) &\nwait\n")
        chmod(script, 0o755)
        await #expect {
            _ = try await CNIPluginRunner(executable: script).run(RuntimeInvocation(command: "ADD", config: "{}", timeout: 0.5))
        } throws: { error in
            "\(error)".contains("did not finish within 0.5 s and was killed")
        }
        let survivors = try Shell.run(["pgrep", "-f", "sleep \(marker)"])
        #expect(survivors.stdout.isEmpty, "the plugin's child survived the timeout: \(survivors.stdout)")
    }

    @Test("a running plugin can be killed by pid, and its result says so")
    func kill() async throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let script = try tmp.write("slow", contents: "#!/bin/sh\nexec sleep 30\n")
        chmod(script, 0o755)
        let running = try CNIPluginRunner(executable: script).start(RuntimeInvocation(command: "ADD", config: "{}"))
        #expect(running.pid > 0 && running.isRunning)
        running.kill()
        let result = try await running.wait()
        #expect(result.signal == SIGKILL && result.exitCode == 128 + SIGKILL && !result.succeeded)
        #expect(!running.isRunning)
    }

    @Test("many plugins run in parallel from a task group")
    func parallel() async throws {
        let runner = CNIPluginRunner(executable: "/bin/cat")
        let count = 40
        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<count {
                group.addTask {
                    try await runner.run(RuntimeInvocation(command: "ADD", config: "payload-\(index)")).requireSuccess().stdout
                }
            }
            var outputs = Set<String>()
            for try await output in group { outputs.insert(output) }
            return outputs
        }
        #expect(outputs == Set((0..<count).map { "payload-\($0)" }))
    }

    @Test("a large config is written and a large output read without deadlock")
    func largeStreams() async throws {
        let big = String(repeating: "x", count: 1_000_000)
        let result = try await CNIPluginRunner(executable: "/bin/cat").run(RuntimeInvocation(command: "ADD", config: big))
        #expect(result.stdout.count == big.count)
    }

    // MARK: - Fixtures

    @Test("the runtime's view of a conflist: one plugin with the list's cniVersion and name")
    func fixtures() throws {
        let conflist = ConfigFixtures.bridgeConflist(name: "net", bridge: "br0", subnet: "10.200.1.0/24", dataDir: "/d")
        #expect(try ConfigFixtures.pluginConfig(fromConflist: conflist) == ConfigFixtures.bridgeConf(
            name: "net", bridge: "br0", subnet: "10.200.1.0/24", dataDir: "/d"))
        #expect(try ConfigFixtures.pluginConfig(fromConflist: conflist) ==
            #"{"cniVersion":"1.0.0","name":"net","type":"bridge","bridge":"br0","isGateway":true,"ipMasq":false,"#
            + #""ipam":{"type":"host-local","subnet":"10.200.1.0/24","dataDir":"/d"}}"#)
        #expect(ConfigFixtures.multinetConflist(confDir: "/c", stateDir: "/s", binDir: "/b", logFile: "/l") ==
            #"{"cniVersion":"1.0.0","name":"multinet","plugins":[{"type":"multinet","confDir":"/c","stateDir":"/s","#
            + #""binDir":"/b","logFile":"/l","logLevel":"debug"}]}"#)
        #expect(ConfigFixtures.multinetPluginConfig(
            confDir: "/c", stateDir: "/s", binDir: "/b", logFile: "/l", extra: ["logLevel": .string("info"), "defaultNetwork": .string("n")]) ==
            #"{"cniVersion":"1.0.0","name":"multinet","type":"multinet","confDir":"/c","stateDir":"/s","binDir":"/b","#
            + #""logFile":"/l","logLevel":"info","defaultNetwork":"n"}"#)
        let subnets = (0..<50).map { _ in ConfigFixtures.uniqueSubnet() }
        #expect(Set(subnets).count == subnets.count)
        #expect(subnets.allSatisfy { ConfigFixtures.subnet("10.200.0.0/13", contains: $0) || $0.hasPrefix("10.2") })
        #expect(ConfigFixtures.gateway(of: "10.201.7.0/24") == "10.201.7.1")
        #expect(HostNetwork.uniqueName(prefix: "averylongprefix").count <= 15)
    }

    @Test("host-local reservation files are read as container ID and interface")
    func reservationFiles() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        try tmp.write("ipam/net/10.200.0.10", contents: "abc\r\neth0")
        try tmp.write("ipam/net/10.200.0.9", contents: "old-format-id")
        try tmp.write("ipam/net/last_reserved_ip.0", contents: "10.200.0.10")
        try tmp.write("ipam/net/lock", contents: "")
        let reservations = HostLocalReservations(dataDir: tmp.file("ipam"), network: "net")
        #expect(try reservations.all() == [
            .init(ip: "10.200.0.9", containerID: "old-format-id", ifname: nil),
            .init(ip: "10.200.0.10", containerID: "abc", ifname: "eth0"),
        ])
        #expect(try reservations.held(by: "abc").map(\.ip) == ["10.200.0.10"])
        #expect(reservations.lastReserved() == "10.200.0.10")
        #expect(try HostLocalReservations(dataDir: tmp.file("ipam"), network: "other").all().isEmpty)
    }

    @Test("the built multinet binary is found")
    func multinetBinary() throws {
        let path = try MultinetBinary.path
        #expect(path.hasSuffix("/multinet") && FileManager.default.isExecutableFile(atPath: path))
        #expect(MultinetBinary.packageRoot().map { FileManager.default.fileExists(atPath: $0 + "/Package.swift") } == true)
    }

    // MARK: - Real plugins in real namespaces

    @Test("bridge ADD puts an address of the subnet on eth0 and reserves it; DEL releases it", .endToEnd)
    func bridgeAddDel() async throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let netns = try NetworkNamespace.create()
        defer { netns.delete() }
        let bridge = HostNetwork.uniqueName(prefix: "mntbr")
        defer { HostNetwork.deleteLink(bridge) }

        let network = "e2e-bridge"
        let subnet = ConfigFixtures.uniqueSubnet()
        let dataDir = tmp.file("ipam")
        let conflist = ConfigFixtures.bridgeConflist(name: network, bridge: bridge, subnet: subnet, dataDir: dataDir)
        let config = try ConfigFixtures.pluginConfig(fromConflist: conflist)
        let containerID = RuntimeInvocation.randomContainerID()
        let runner = CNIPluginRunner.plugin("bridge")

        let add = try await runner.run(.add(containerID: containerID, netns: netns.path, config: config)).requireSuccess()
        let address = try #require(add.ipAddresses.first)
        #expect(ConfigFixtures.subnet(subnet, contains: address) && address.hasSuffix("/24"))
        #expect(add.interfaceNames.contains("eth0") && add.interfaceNames.contains(bridge))
        #expect(try netns.links().contains("eth0"))
        #expect(try netns.addresses(of: "eth0") == [address])
        #expect(try netns.mac(of: "eth0")?.count == 17)
        #expect(try HostNetwork.linkExists(bridge))
        #expect(try HostNetwork.addresses(of: bridge).contains(ConfigFixtures.gateway(of: subnet) + "/24"))

        let reservations = HostLocalReservations(dataDir: dataDir, network: network)
        let held = try reservations.all()
        #expect(held.count == 1)
        #expect(held.first?.containerID == containerID)
        #expect(held.first?.ifname == "eth0")
        #expect(held.first.map { address.hasPrefix($0.ip + "/") } == true)

        // DEL as libcni sends it: the cached result as prevResult.
        let delConfig = try ConfigFixtures.pluginConfig(fromConflist: conflist, prevResult: add.jsonValue)
        try await runner.run(.del(containerID: containerID, netns: netns.path, config: delConfig)).requireSuccess()
        #expect(try reservations.all().isEmpty)
        #expect(try !netns.linkExists("eth0"))
        // DEL is idempotent.
        try await runner.run(.del(containerID: containerID, netns: netns.path, config: delConfig)).requireSuccess()
    }

    @Test("bridge ADDs for several pods in parallel get distinct addresses", .endToEnd)
    func parallelBridgeAdds() async throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let bridge = HostNetwork.uniqueName(prefix: "mntbr")
        defer { HostNetwork.deleteLink(bridge) }
        var namespaces: [NetworkNamespace] = []
        defer { namespaces.forEach { $0.delete() } }
        for _ in 0..<4 { namespaces.append(try NetworkNamespace.create()) }

        let network = "e2e-parallel"
        let dataDir = tmp.file("ipam")
        let config = ConfigFixtures.bridgeConf(name: network, bridge: bridge, subnet: ConfigFixtures.uniqueSubnet(), dataDir: dataDir)
        let runner = CNIPluginRunner.plugin("bridge")
        let pods = namespaces.map { (containerID: RuntimeInvocation.randomContainerID(), netns: $0.path) }

        let addresses = try await withThrowingTaskGroup(of: String.self) { group in
            for pod in pods {
                group.addTask {
                    let result = try await runner.run(.add(containerID: pod.containerID, netns: pod.netns, config: config))
                    return try #require(try result.requireSuccess().ipAddresses.first)
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(addresses).count == pods.count)
        let reservations = HostLocalReservations(dataDir: dataDir, network: network)
        #expect(Set(try reservations.all().map(\.containerID)) == Set(pods.map(\.containerID)))

        try await withThrowingTaskGroup(of: Void.self) { group in
            for pod in pods {
                group.addTask {
                    try await runner.run(.del(containerID: pod.containerID, netns: pod.netns, config: config)).requireSuccess()
                }
            }
            try await group.waitForAll()
        }
        #expect(try reservations.all().isEmpty)
    }

    @Test("macvlan on a veth parent gets an address in the pod's namespace", .endToEnd)
    func macvlanOnVeth() async throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        let netns = try NetworkNamespace.create()
        defer { netns.delete() }
        let parent = HostNetwork.uniqueName(prefix: "mntva")
        let peer = HostNetwork.uniqueName(prefix: "mntvb")
        try HostNetwork.createVethPair(parent, peer)
        defer { HostNetwork.deleteLink(parent) }

        let subnet = ConfigFixtures.uniqueSubnet()
        let config = ConfigFixtures.macvlanConf(name: "e2e-macvlan", master: parent, subnet: subnet, dataDir: tmp.file("ipam"))
        let containerID = RuntimeInvocation.randomContainerID()
        let runner = CNIPluginRunner.plugin("macvlan")
        let add = try await runner.run(.add(containerID: containerID, netns: netns.path, ifname: "net1", config: config)).requireSuccess()
        let addresses = try netns.addresses(of: "net1")
        #expect(addresses.count == 1 && addresses == add.ipAddresses)
        #expect(addresses.allSatisfy { ConfigFixtures.subnet(subnet, contains: $0) })
        try await runner.run(.del(containerID: containerID, netns: netns.path, ifname: "net1", config: config)).requireSuccess()
        #expect(try !netns.linkExists("net1"))
        #expect(try HostLocalReservations(dataDir: tmp.file("ipam"), network: "e2e-macvlan").all().isEmpty)
    }
}
