import Foundation
import KubeAPIServerDouble
import MultinetJSON
import MultinetTestSupport
import Testing

/// A delegate misbehaving in every way a third-party plugin can, at every position of a
/// three-network NPWG pod (podnet on eth0, macnet on net1, othernet on eth5), chained after
/// that network's real plugin so the network is half-configured when the fault hits.
@Suite("End to end: a faulty delegate at each position of a three-network pod", .endToEnd)
struct DelegateFaultTests {
    /// How the chained delegate `faulty` misbehaves on ADD (its DEL succeeds silently).
    struct Fault: Sendable, CustomTestStringConvertible {
        var name: String
        /// What `faulty` does on ADD, as shell lines (stdin is already read).
        var onAdd: String
        /// multinet's config additions.
        var extra: KeyValuePairs<String, JSONValue> = [:]
        var code: Int
        /// What the error must say about the fault.
        var fragment: String
        var testDescription: String { name }

        var script: String {
            """
            #!/bin/sh
            cat > /dev/null
            if [ "$CNI_COMMAND" = ADD ]; then
            \(onAdd)
            fi
            exit 0

            """
        }
    }

    static let faults: [Fault] = [
        Fault(name: "crashes (SIGSEGV)", onAdd: "kill -SEGV $$", code: 100, fragment: "plugin faulty was killed by signal 11 during ADD"),
        Fault(name: "hangs past delegateTimeoutSeconds", onAdd: "sleep 30", extra: ["delegateTimeoutSeconds": .number("0.5")],
              code: 100, fragment: "plugin faulty did not finish ADD within 0.5 s (delegateTimeoutSeconds) and was killed"),
        Fault(name: "prints garbage", onAdd: "echo 'this is not json'", code: 6, fragment: "plugin faulty of network"),
        Fault(name: "exits 0 without a result", onAdd: ":", code: 100, fragment: "exited 0 on ADD without printing a result"),
    ]

    @Test("ADD exits 1 naming pod, network, interface and the fault; everything is rolled back; DEL clears the records",
          arguments: faults, [1, 2, 3])
    func faultAtPosition(_ fault: Fault, _ position: Int) async throws {
        try await MultinetCluster.with(annotations: [Dialect.npwg: NPWGNetworks.selection]) { cluster in
            let node = cluster.node
            try node.writeDelegate("faulty", script: fault.script)
            let networks = try NPWGNetworks(cluster, chained: JSONObject([("type", .string("faulty"))]), atPosition: position)
            let ns = try node.namespace()
            let id = RuntimeInvocation.randomContainerID()
            let config = cluster.config(extra: fault.extra)
            let (network, interface) = NPWGNetworks.attachOrder[position - 1]

            let add = try await cluster.run("ADD", containerID: id, netns: ns.path, config: config)
            // The plugin's own run time, measured by the runner's threads (not this busy test process).
            let elapsed = add.duration
            #expect(add.exitCode == 1, "\(add.summary)")
            let error = try #require(add.cniError, "\(add.summary)")
            #expect(error.code == fault.code, "\(error)")
            for fragment in ["pod \(cluster.podDisplayName)", network, "on interface \(interface)", fault.fragment] {
                #expect(error.msg.contains(fragment), "msg lacks \"\(fragment)\": \(error)")
            }
            // The hang was cut short: nowhere near the delegate's 30 s.
            #expect(elapsed < .seconds(15), "ADD took \(elapsed)")

            // Rolled back: no interface but lo, no address held, no network-status.
            #expect(try ns.linksBesidesLoopback().isEmpty, "\(add.summary)")
            #expect(try cluster.reservations(in: networks.dataDirs).isEmpty, "\(add.summary)")
            #expect(try cluster.networkStatus() ?? [] == [], "a failed ADD must not publish network-status")
            // The store keeps the rolled-back attempts (as failed ADDs) up to the faulty network, none after.
            let kept = try cluster.records(of: id)
            #expect(kept.map(\.network) == NPWGNetworks.attachOrder.prefix(position).map(\.0), "\(kept)")
            #expect(kept.allSatisfy { $0.state == .addFailed }, "\(kept.map(\.state))")
            #expect(kept.last?.error?.contains(fault.fragment) == true, "\(String(describing: kept.last?.error))")

            let del = try await cluster.run("DEL", containerID: id, netns: ns.path, config: config)
            #expect(del.succeeded, "\(del.summary)")
            #expect(try ns.linksBesidesLoopback().isEmpty)
            #expect(try cluster.reservations(in: networks.dataDirs).isEmpty)
            #expect(try cluster.records(of: id).isEmpty)
            #expect(try node.integrityCheck() == "ok")
        }
    }
}
