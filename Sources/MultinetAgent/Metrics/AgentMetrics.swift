import MultinetCheckpoint
import MultinetCore
import Prometheus

/// The agent's Prometheus metrics (the contract's names; labels only from small fixed sets:
/// command, result, plugin type, state, drift kind, hot-plug op — never a pod, namespace or
/// container). Counters and histograms are fed from the operation samples the plugin
/// recorded in the store (``ingest(_:)``), gauges from each cycle's view (``observe(records:drift:)``).
public final class AgentMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry = PrometheusCollectorRegistry()

    /// Operation duration buckets, in seconds: a pod's ADD takes tens of milliseconds, a
    /// slow apiserver or delegate seconds, a delegate's time limit minutes.
    public static let durationBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120]

    /// The commands operations are counted for.
    public static let commands = ["add", "del", "check", "gc"]

    private let reclaimed: Counter
    private let pendingTeardowns: Gauge

    /// A registry with every fixed series present (at zero), so alerts see them before the
    /// first operation.
    public init() {
        reclaimed = registry.makeCounter(descriptor: Self.reclaimedTotal)
        pendingTeardowns = registry.makeGauge(descriptor: Self.pendingTeardownsDescriptor)
        for command in Self.commands {
            for outcome in OperationSample.Outcome.allCases {
                _ = operationCounter(command, outcome)
                _ = operationHistogram(command, outcome)
            }
        }
        for op in ["attach", "detach"] {
            for outcome in OperationSample.Outcome.allCases {
                _ = registry.makeCounter(descriptor: Self.hotplugOperations, labels: [("op", op), ("result", outcome.rawValue)])
            }
        }
        for state in AttachmentState.allCases { attachmentGauge(state).set(to: 0.0) }
        for kind in DriftKind.allCases { driftGauge(kind).set(to: 0.0) }
    }

    /// Counts samples read from the store: an operation's count and duration, or a
    /// delegate call's duration.
    public func ingest(_ samples: [OperationSample]) {
        for sample in samples {
            let seconds = Double(sample.durationMicroseconds) / 1_000_000
            if let plugin = sample.plugin {
                registry.makeValueHistogram(
                    descriptor: Self.delegateDuration,
                    labels: [("plugin", plugin), ("command", sample.command), ("result", sample.outcome.rawValue)],
                    buckets: Self.durationBuckets
                ).record(seconds)
            } else {
                operationCounter(sample.command, sample.outcome).increment()
                operationHistogram(sample.command, sample.outcome).record(seconds)
            }
        }
    }

    /// Sets the gauges from the store's records and the current drift.
    public func observe(records: [AttachmentRecord], drift: [DriftEntry]?) {
        var states: [AttachmentState: Int] = [:]
        for record in records { states[record.state, default: 0] += 1 }
        for state in AttachmentState.allCases { attachmentGauge(state).set(to: Double(states[state] ?? 0)) }
        pendingTeardowns.set(to: Double((states[.delFailed] ?? 0) + (states[.deleting] ?? 0)))
        guard let drift else { return }
        var kinds: [DriftKind: Int] = [:]
        for entry in drift { kinds[entry.kind, default: 0] += 1 }
        for kind in DriftKind.allCases { driftGauge(kind).set(to: Double(kinds[kind] ?? 0)) }
    }

    /// Counts reclaimed containers.
    public func countReclaimed(_ count: Int) {
        guard count > 0 else { return }
        reclaimed.increment(by: Int64(count))
    }

    /// Counts a hot-plug's attaches and detaches, each a success or a failure.
    public func countHotplug(_ report: HotplugReport) {
        for (op, changes) in [("attach", report.attached), ("detach", report.detached)] {
            for change in changes {
                let outcome: OperationSample.Outcome = change.error == nil ? .success : .failure
                registry.makeCounter(descriptor: Self.hotplugOperations, labels: [("op", op), ("result", outcome.rawValue)])
                    .increment()
            }
        }
    }

    /// The exposition text.
    public func render() -> [UInt8] { registry.emitToBuffer() }

    private func operationCounter(_ command: String, _ outcome: OperationSample.Outcome) -> Counter {
        registry.makeCounter(descriptor: Self.operationsTotal, labels: [("command", command), ("result", outcome.rawValue)])
    }

    private func operationHistogram(_ command: String, _ outcome: OperationSample.Outcome) -> ValueHistogram {
        registry.makeValueHistogram(descriptor: Self.operationDuration,
                                    labels: [("command", command), ("result", outcome.rawValue)], buckets: Self.durationBuckets)
    }

    private func attachmentGauge(_ state: AttachmentState) -> Gauge {
        registry.makeGauge(descriptor: Self.attachments, labels: [("state", state.rawValue)])
    }

    private func driftGauge(_ kind: DriftKind) -> Gauge {
        registry.makeGauge(descriptor: Self.drift, labels: [("kind", kind.rawValue)])
    }

    /// A metric of the contract: `multinet_<name>[_<unit>]` with its help text.
    private static func descriptor(_ name: String, unit: String = "", _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "multinet", metricName: name, unitName: unit, helpText: help)
    }

    static var operationsTotal: MetricNameDescriptor {
        descriptor("operations", unit: "total",
                   "CNI operations the multinet plugin finished on this node, by command and result")
    }

    static var operationDuration: MetricNameDescriptor {
        descriptor("operation_duration", unit: "seconds",
                   "Duration of the multinet plugin's CNI operations, from process start to result")
    }

    static var delegateDuration: MetricNameDescriptor {
        descriptor("delegate_duration", unit: "seconds",
                   "Duration of each delegate plugin call, by the delegate's type, command and result")
    }

    static var attachments: MetricNameDescriptor {
        descriptor("attachments",
                   "Attachments recorded in this node's checkpoint store, by state")
    }

    static var pendingTeardownsDescriptor: MetricNameDescriptor {
        descriptor("pending_teardowns",
                   "Attachments whose teardown failed or has not finished (states del_failed and deleting)")
    }

    static var drift: MetricNameDescriptor {
        descriptor("drift",
                   "Current disagreements between the cluster, the store and the kernel, by kind")
    }

    static var reclaimedTotal: MetricNameDescriptor {
        descriptor("reclaimed", unit: "total",
                   "Leaked sandboxes (pod and netns gone) the agent tore down")
    }

    static var hotplugOperations: MetricNameDescriptor {
        descriptor("hotplug_operations", unit: "total",
                   "Hot-plug attaches and detaches, by result")
    }
}
