import MultinetCheckpoint
import MultinetCore
import Testing
@testable import MultinetAgent

@Suite("The agent's metrics: names, bounded labels, counts from samples")
struct AgentMetricsTests {
    static func text(_ metrics: AgentMetrics) -> String { String(decoding: metrics.render(), as: UTF8.self) }

    /// The value of the series `line` starts with (name and labels exactly), or `nil`.
    static func value(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    @Test("every fixed series is there at zero before the first operation")
    func zeroes() {
        let text = Self.text(AgentMetrics())
        #expect(Self.value(text, #"multinet_operations_total{command="add",result="failure"}"#) == 0)
        #expect(Self.value(text, #"multinet_operations_total{command="gc",result="success"}"#) == 0)
        #expect(Self.value(text, #"multinet_hotplug_operations_total{op="attach",result="success"}"#) == 0)
        #expect(Self.value(text, "multinet_reclaimed_total") == 0)
        #expect(Self.value(text, "multinet_pending_teardowns") == 0)
        #expect(Self.value(text, #"multinet_drift{kind="pod-gone"}"#) == 0)
        #expect(Self.value(text, #"multinet_attachments{state="attached"}"#) == 0)
        #expect(text.contains("# TYPE multinet_operation_duration_seconds histogram"))
    }

    @Test("samples become counts, histogram counts and sums; delegate calls their own histogram")
    func ingest() {
        let metrics = AgentMetrics()
        metrics.ingest([
            OperationSample(id: 1, command: "add", plugin: "bridge", outcome: .success, durationMicroseconds: 7_000, finishedAt: 0),
            OperationSample(id: 2, command: "add", outcome: .success, durationMicroseconds: 20_000, finishedAt: 0),
            OperationSample(id: 3, command: "add", outcome: .success, durationMicroseconds: 30_000, finishedAt: 0),
            OperationSample(id: 4, command: "add", outcome: .failure, durationMicroseconds: 2_000_000, finishedAt: 0),
            OperationSample(id: 5, command: "del", plugin: "host-local", outcome: .failure, durationMicroseconds: 1_000, finishedAt: 0),
        ])
        let text = Self.text(metrics)
        #expect(Self.value(text, #"multinet_operations_total{command="add",result="success"}"#) == 2)
        #expect(Self.value(text, #"multinet_operations_total{command="add",result="failure"}"#) == 1)
        #expect(Self.value(text, #"multinet_operations_total{command="del",result="success"}"#) == 0)
        #expect(Self.value(text, #"multinet_operation_duration_seconds_count{command="add",result="success"}"#) == 2)
        #expect(Self.value(text, #"multinet_operation_duration_seconds_sum{command="add",result="success"}"#) == 0.05)
        #expect(Self.value(text, #"multinet_operation_duration_seconds_bucket{command="add",result="success",le="0.025"}"#) == 1)
        #expect(Self.value(text, #"multinet_operation_duration_seconds_bucket{command="add",result="failure",le="2.5"}"#) == 1)
        #expect(Self.value(text, #"multinet_delegate_duration_seconds_count{plugin="bridge",command="add",result="success"}"#) == 1)
        #expect(Self.value(text, #"multinet_delegate_duration_seconds_count{plugin="host-local",command="del",result="failure"}"#) == 1)
    }

    @Test("gauges follow the records and the drift; labels are from fixed sets, never a pod or container")
    func gauges() {
        let metrics = AgentMetrics()
        func record(_ id: String, _ state: AttachmentState) -> AttachmentRecord {
            AttachmentRecord(containerID: id, runtimeIfName: "eth0", ifName: "eth0", position: 0, isDefault: true,
                             netns: "/n", podNamespace: "secret-ns", podName: "secret-pod", podUID: "u", network: "n",
                             networkNamespace: "", networkKind: "file", config: [], cniPath: "", cniArgs: "", state: state)
        }
        let drift = [DriftEntry(containerID: "c1", namespace: "secret-ns", pod: "secret-pod", network: "n",
                                interface: "eth0", kind: .podGone, detail: "")]
        metrics.observe(records: [record("c1", .attached), record("c2", .attached), record("c3", .delFailed)], drift: drift)
        metrics.countReclaimed(2)
        let text = Self.text(metrics)
        #expect(Self.value(text, #"multinet_attachments{state="attached"}"#) == 2)
        #expect(Self.value(text, #"multinet_attachments{state="del_failed"}"#) == 1)
        #expect(Self.value(text, "multinet_pending_teardowns") == 1)
        #expect(Self.value(text, #"multinet_drift{kind="pod-gone"}"#) == 1)
        #expect(Self.value(text, #"multinet_drift{kind="netns-gone"}"#) == 0)
        #expect(Self.value(text, "multinet_reclaimed_total") == 2)
        for secret in ["secret-ns", "secret-pod", "c1", "c3"] {
            #expect(!text.contains(secret), "\(secret) leaked into a label")
        }
        // The drift gauge keeps its last value when the cluster could not be read.
        metrics.observe(records: [], drift: nil)
        #expect(Self.value(Self.text(metrics), #"multinet_drift{kind="pod-gone"}"#) == 1)
    }

    @Test("hot-plug reports count attaches and detaches by result")
    func hotplug() {
        let metrics = AgentMetrics()
        var report = HotplugReport(pod: "default/web")
        report.attached = [.init(network: "default/red", ifName: "net1"), .init(network: "default/x", ifName: "net2", error: "no")]
        report.detached = [.init(network: "default/blue", ifName: "net3")]
        metrics.countHotplug(report)
        metrics.countHotplug(HotplugReport(pod: "default/idle"))
        let text = Self.text(metrics)
        #expect(Self.value(text, #"multinet_hotplug_operations_total{op="attach",result="success"}"#) == 1)
        #expect(Self.value(text, #"multinet_hotplug_operations_total{op="attach",result="failure"}"#) == 1)
        #expect(Self.value(text, #"multinet_hotplug_operations_total{op="detach",result="success"}"#) == 1)
        #expect(Self.value(text, #"multinet_hotplug_operations_total{op="detach",result="failure"}"#) == 0)
        #expect(!text.contains("default/red") && !text.contains("net1"), "no pod, network or interface in a label")
    }
}
