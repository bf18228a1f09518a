import Foundation
import KubeAPIServerDouble
import MultinetCNI
import MultinetTestSupport
import Testing

/// The apiserver failing while a three-network NPWG pod is added: the ADD ends within a
/// bound set by `apiTimeoutSeconds`, says what went wrong with which pod, and attaches
/// nothing; DEL never needs the apiserver.
@Suite("End to end: apiserver faults during a three-network ADD", .endToEnd)
struct ApiserverFaultTests {
    /// `apiTimeoutSeconds` in these tests.
    static let apiTimeout = 3.0

    /// One way the apiserver fails, and what the error must say.
    struct Fault: Sendable, CustomTestStringConvertible {
        var name: String
        /// What the error says about the apiserver (any one of them, when there are several).
        var fragments: [String]
        /// Which read it names.
        var what = "cannot read pod default/web from the apiserver"
        var testDescription: String { name }
    }

    static let nadPath = "/apis/k8s.cni.cncf.io/v1/namespaces/default/network-attachment-definitions"

    /// What a reset connection is called, depending on when it is noticed.
    static let reset = ["the connection was closed", "connection reset by the server"]

    static let faults: [Fault] = [
        // Refused and reset connections are retried until the attempts or the time run out:
        // either way the error ends with the connection's fate.
        Fault(name: "down", fragments: ["connection refused"]),
        Fault(name: "slower than apiTimeoutSeconds", fragments: ["timed out: no answer within 3 s"]),
        Fault(name: "401 for every request", fragments: ["was rejected: the credentials are not valid"]),
        Fault(name: "500 for every request", fragments: ["failed on the apiserver"]),
        Fault(name: "resets every connection", fragments: Self.reset),
        Fault(name: "500 for the NetworkAttachmentDefinitions only", fragments: ["failed on the apiserver"],
              what: "cannot read NetworkAttachmentDefinition default/"),
        Fault(name: "resets connections for the NetworkAttachmentDefinitions only", fragments: Self.reset,
              what: "cannot read NetworkAttachmentDefinition default/"),
    ]

    /// Makes the cluster's apiserver misbehave as `fault` says. "down" returns the closed port
    /// the kubeconfig now names: keep it alive while the apiserver should stay down.
    static func inject(_ fault: Fault, into cluster: MultinetCluster) async throws -> ClosedPort? {
        let server = cluster.server
        switch fault.name {
        case "down": return try await server.shutdownLeavingNothingListening(kubeconfigs: [cluster.kubeconfig])
        case "slower than apiTimeoutSeconds": server.faults.latency = .seconds(30)
        case "401 for every request": server.faults.rejectAllAuthentication = true
        case "500 for every request": server.faults.failAll(status: 500)
        case "resets every connection": server.faults.dropAll()
        case "500 for the NetworkAttachmentDefinitions only": server.faults.failAll(status: 500, matching: .path(nadPath))
        case "resets connections for the NetworkAttachmentDefinitions only": server.faults.dropAll(matching: .path(nadPath))
        default: Issue.record("unknown fault \(fault.name)")
        }
        return nil
    }

    @Test("ADD fails within 3× apiTimeoutSeconds with code 11 naming the pod and the apiserver's trouble; nothing attached",
          arguments: faults)
    func addFails(_ fault: Fault) async throws {
        try await MultinetCluster.with(annotations: [Dialect.npwg: NPWGNetworks.selection]) { cluster in
            let networks = try NPWGNetworks(cluster)
            let ns = try cluster.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let config = cluster.config(extra: ["apiTimeoutSeconds": .number(String(Self.apiTimeout)),
                                                "logLevel": .string("debug")])
            let outage = try await Self.inject(fault, into: cluster)

            let add = try await cluster.run("ADD", containerID: id, netns: ns.path, config: config)
            // The plugin's own run time, measured by the runner's threads (not this busy test process).
            let elapsed = add.duration
            #expect(add.exitCode == 1, "\(add.summary)")
            let error = try #require(add.cniError, "\(add.summary)")
            #expect(error.code == CNIErrorCode.tryAgainLater, "\(error)")
            #expect(error.description.contains(fault.what), "error lacks \"\(fault.what)\": \(error)")
            #expect(fault.fragments.contains { error.description.contains($0) }, "error lacks any of \(fault.fragments): \(error)")
            #expect(!error.description.contains(KubeAPIServerConfiguration.defaultToken), "the token leaked")
            // The node's log says it too, for an operator on the node.
            let log = (try? String(contentsOfFile: cluster.node.logFile, encoding: .utf8)) ?? ""
            #expect(log.contains("ADD failed") && fault.fragments.contains { log.contains($0) }, "log: \(log.suffix(2000))")
            #expect(!log.contains(KubeAPIServerConfiguration.defaultToken), "the token leaked into the log")
            #expect(elapsed < .seconds(3 * Self.apiTimeout), """
                ADD took \(elapsed) with apiTimeoutSeconds \(Self.apiTimeout); log:
                \((try? String(contentsOfFile: cluster.node.logFile, encoding: .utf8)) ?? "")
                """)
            // Nothing attached, nothing reserved, nothing recorded.
            #expect(try ns.linksBesidesLoopback().isEmpty)
            #expect(try cluster.reservations(in: networks.dataDirs).isEmpty)
            #expect(try cluster.records(of: id).isEmpty)

            let del = try await cluster.run("DEL", containerID: id, netns: ns.path, config: config)
            #expect(del.succeeded, "\(del.summary)")
            withExtendedLifetime(outage) {}
        }
    }

    @Test("DEL with the apiserver down or hanging succeeds quickly and removes all three attachments",
          arguments: ["down", "hanging"])
    func delWithoutApiserver(_ trouble: String) async throws {
        try await MultinetCluster.with(annotations: [Dialect.npwg: NPWGNetworks.selection]) { cluster in
            let networks = try NPWGNetworks(cluster)
            let ns = try cluster.node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            // A long apiserver timeout: a DEL that waited for the apiserver at all would show.
            let config = cluster.config(extra: ["apiTimeoutSeconds": .number("20")])
            try await cluster.run("ADD", containerID: id, netns: ns.path, config: config).requireSuccess()
            #expect(try ns.linksBesidesLoopback() == ["eth0", "eth5", "net1"])
            #expect(try cluster.reservations(in: networks.dataDirs).count == 3)
            if trouble == "down" {
                try await cluster.server.shutdown()
            } else {
                cluster.server.faults.latency = .seconds(60)
            }
            let requestsBefore = cluster.server.requests.count

            let del = try await cluster.run("DEL", containerID: id, netns: ns.path, config: config)
            let elapsed = del.duration
            #expect(del.succeeded, "\(del.summary)")
            #expect(elapsed < .seconds(10), "DEL took \(elapsed)")
            #expect(cluster.server.requests.count == requestsBefore, "DEL contacted the apiserver")
            #expect(try ns.linksBesidesLoopback().isEmpty)
            #expect(try cluster.reservations(in: networks.dataDirs).isEmpty)
            #expect(try cluster.records(of: id).isEmpty)
        }
    }
}
