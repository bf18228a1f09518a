import Foundation
import MultinetBenchmark
import MultinetCheckpoint
import MultinetSystem

/// (f) The store's cost per attachment, in this process: the write-ahead record (fsynced)
/// before the delegate runs, the result update after it, and DEL's two writes.
struct StoreScenario {
    let node: BenchNode
    let attachments: Int

    func run() throws -> [Figure] {
        let store = try CheckpointStore(directory: node.root + "/store-bench")
        let config = Array(node.podnetList.utf8)
        let result = Array(#"{"cniVersion":"1.0.0","interfaces":[{"name":"eth0","mac":"0a:58:0a:00:00:01","sandbox":"/var/run/netns/x"}],"ips":[{"address":"10.250.96.2/20","gateway":"10.250.96.1","interface":0}]}"#.utf8)
        var ahead = Samples(), update = Samples(), del = Samples(), open = Samples()
        func ms(_ body: () throws -> Void) rethrows -> Double {
            let start = MonotonicClock.nanoseconds()
            try body()
            return Double(MonotonicClock.nanoseconds() &- start) / 1e6
        }
        for index in 0..<attachments {
            let id = String(format: "%064x", index + 1)
            let record = AttachmentRecord(
                containerID: id, runtimeIfName: "eth0", ifName: "eth0", position: 0, isDefault: true,
                netns: "/var/run/netns/x", podNamespace: "default", podName: "p\(index)", podUID: "u\(index)",
                network: "podnet", networkNamespace: "", networkKind: "file", config: config,
                cniPath: node.cniPath, cniArgs: "IgnoreUnknown=1")
            ahead.append(try ms { try store.recordAddStarted(record) })
            update.append(try ms {
                try store.recordAddSucceeded(containerID: id, runtimeIfName: "eth0", ifName: "eth0", result: result, durationMs: 20)
            })
        }
        for index in 0..<attachments {
            let id = String(format: "%064x", index + 1)
            del.append(try ms {
                try store.recordDelStarted(containerID: id, runtimeIfName: "eth0", ifName: "eth0")
                try store.removeAttachment(containerID: id, runtimeIfName: "eth0", ifName: "eth0")
            })
        }
        for _ in 0..<20 {
            open.append(try ms { _ = try CheckpointStore(directory: node.root + "/store-bench") })
        }
        let perADD = Samples(zip(ahead.values, update.values).map { $0 + $1 })
        return [
            Figure(name: "(f) write-ahead record before the delegate (fsynced)", samples: ahead, unit: "ms",
                        note: "synchronous=FULL for this commit"),
            Figure(name: "(f) result update after the delegate", samples: update, unit: "ms", note: "synchronous=NORMAL"),
            Figure(name: "(f) both, per attachment on ADD", samples: perADD, unit: "ms"),
            Figure(name: "(f) DEL: state change + removal, per attachment", samples: del, unit: "ms", note: "synchronous=NORMAL"),
            Figure(name: "(f) opening the store (each plugin run)", samples: open, unit: "ms", note: "WAL mode, schema check"),
        ]
    }
}
