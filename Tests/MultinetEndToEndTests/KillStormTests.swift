import Foundation
import Glibc
import KubeAPIServerDouble
import MultinetCheckpoint
import MultinetTestSupport
import Testing

/// Many three-network pods added and deleted at once while multinet processes are
/// SIGKILLed at random moments, and other writers use the store meanwhile.
@Suite("End to end: a kill storm", .endToEnd)
struct KillStormTests {
    static let podCount = 24

    /// One runtime call in a pod's sequence, and when (if at all) it is killed.
    struct Step: Sendable {
        var command: String
        var killAfterMilliseconds: Int?
    }

    /// What became of a step.
    struct Outcome: Sendable {
        var pod: Int
        var step: Step
        var result: CNIPluginResult
    }

    @Test("24 pods, ADDs and DELs in parallel, multinet SIGKILLed at random: a later DEL of each leaves no interface, no reservation, an intact and empty store")
    func storm() async throws {
        let seed = SeededGenerator.seed(environment: "MULTINET_STORM_SEED")
        print("kill storm: seed \(seed) (MULTINET_STORM_SEED=\(seed) replays it)")
        try await MultinetCluster.with(annotations: [Dialect.npwg: NPWGNetworks.selection]) { cluster in
            let networks = try NPWGNetworks(cluster)
            let node = cluster.node
            var generator = SeededGenerator(seed: seed)
            let pods = try (0..<Self.podCount).map { _ in
                (id: RuntimeInvocation.randomContainerID(), ns: try node.namespace())
            }
            // Each pod: ADD, then 1–3 further ADDs or DELs; two calls in three are killed 0–400 ms in.
            let plans: [[Step]] = pods.map { _ in
                let further = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                    Bool.random(using: &generator) ? "DEL" : "ADD"
                }
                return (["ADD"] + further).map { command in
                    Step(command: command,
                         killAfterMilliseconds: Int.random(in: 0..<3, using: &generator) < 2
                             ? Int.random(in: 0...400, using: &generator) : nil)
                }
            }
            let config = cluster.config(extra: ["apiTimeoutSeconds": .number("20")])

            // Another writer hammers the same store from this process meanwhile (one connection,
            // as multinet and the inspector have; see StoreFaultTests.concurrentCreation).
            let writers = StoreWriters(directory: node.stateDir, threads: 1, iterations: 60)
            writers.start()
            let outcomes = try await withThrowingTaskGroup(of: [Outcome].self) { group in
                for (index, pod) in pods.enumerated() {
                    group.addTask {
                        var outcomes: [Outcome] = []
                        for step in plans[index] {
                            let running = try node.runner.start(
                                cluster.invocation(step.command, containerID: pod.id, netns: pod.ns.path, config: config))
                            if let delay = step.killAfterMilliseconds {
                                try await Task.sleep(for: .milliseconds(delay))
                                running.kill()
                            }
                            outcomes.append(Outcome(pod: index, step: step, result: try await running.wait()))
                        }
                        return outcomes
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            let writerFailures = writers.join()
            #expect(writerFailures.isEmpty, "in-process writers failed: \(writerFailures)")
            // Killed processes never make a healthy store look damaged.
            let stateFiles = (try? FileManager.default.contentsOfDirectory(atPath: node.stateDir)) ?? []
            let log = (try? String(contentsOfFile: node.logFile, encoding: .utf8)) ?? ""
            #expect(!stateFiles.contains { $0.contains("corrupt") }, "\(stateFiles); log: \(log.split(separator: "\n").filter { $0.contains("damaged") })")

            let killed = outcomes.filter { $0.result.signal == SIGKILL }.count
            print("kill storm: \(outcomes.count) calls, \(killed) killed")
            for outcome in outcomes where outcome.result.signal != SIGKILL {
                // A call that was not killed ends with a result or a proper CNI error, never a crash.
                #expect(outcome.result.signal == nil, "pod \(outcome.pod) \(outcome.step.command): \(outcome.result.summary)")
                #expect(outcome.result.exitCode == 0 || outcome.result.cniError != nil,
                        "pod \(outcome.pod) \(outcome.step.command): \(outcome.result.summary)")
            }

            // Delegates orphaned by a killed multinet finish on their own; then the runtime's DEL.
            try await ProcessTable.waitForPlugins(of: Set(pods.map(\.id)))
            let dels = try await withThrowingTaskGroup(of: (Int, CNIPluginResult).self) { group in
                for (index, pod) in pods.enumerated() {
                    group.addTask {
                        (index, try await cluster.run("DEL", containerID: pod.id, netns: pod.ns.path, config: config))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for (index, del) in dels {
                #expect(del.succeeded, "pod \(index) (seed \(seed)): \(del.summary)")
            }
            for (index, pod) in pods.enumerated() {
                #expect(try pod.ns.linksBesidesLoopback().isEmpty, "pod \(index) (seed \(seed)) keeps interfaces")
            }
            #expect(try cluster.reservations(in: networks.dataDirs).isEmpty, "seed \(seed)")
            #expect(try node.integrityCheck() == "ok", "seed \(seed)")
            let left = try node.records()
            #expect(left.isEmpty, "seed \(seed): \(left.map { "\($0.containerID) \($0.ifName) \($0.state)" })")
        }
    }
}

/// Threads that each open the store and record, update and remove attachments of their
/// own in a loop, as other multinet processes and the inspector's retries do.
final class StoreWriters: @unchecked Sendable {
    // @unchecked: `failures` is behind `lock`; the threads are joined before it is read.
    private let directory: String
    private let threads: Int
    private let iterations: Int
    private let lock = NSLock()
    private var failures: [String] = []
    private let group = DispatchGroup()

    init(directory: String, threads: Int, iterations: Int) {
        self.directory = directory
        self.threads = threads
        self.iterations = iterations
    }

    func start() {
        for thread in 0..<threads {
            group.enter()
            Thread.detachNewThread { [self] in
                defer { group.leave() }
                run(thread)
            }
        }
    }

    /// Waits for the threads; the failures they met.
    func join() -> [String] {
        group.wait()
        return lock.withLock { failures }
    }

    private func run(_ thread: Int) {
        do {
            let store = try CheckpointStore(directory: directory)
            for index in 0..<iterations {
                let id = "writer\(thread)x\(index)"
                try store.recordAddStarted(AttachmentRecord(
                    containerID: id, runtimeIfName: "eth0", ifName: "eth0", position: 0, isDefault: true,
                    netns: "/var/run/netns/\(id)", podNamespace: "default", podName: id, podUID: id,
                    network: "podnet", networkNamespace: "", networkKind: "file",
                    config: Array(#"{"cniVersion":"1.0.0","name":"podnet","plugins":[{"type":"bridge"}]}"#.utf8),
                    cniPath: "/usr/lib/cni", cniArgs: "IgnoreUnknown=1"))
                try store.recordAddSucceeded(containerID: id, runtimeIfName: "eth0", ifName: "eth0",
                                             result: Array(#"{"cniVersion":"1.0.0"}"#.utf8), durationMs: 1)
                try store.recordDelStarted(containerID: id, runtimeIfName: "eth0", ifName: "eth0")
                try store.removeAttachment(containerID: id, runtimeIfName: "eth0", ifName: "eth0")
            }
        } catch {
            lock.withLock { failures.append("writer \(thread): \(error)") }
        }
    }
}
