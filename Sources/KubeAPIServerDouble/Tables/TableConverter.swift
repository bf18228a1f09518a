import FoundationEssentials

/// Builds the `meta.k8s.io/v1` `Table` objects `kubectl get` prints, with the columns the
/// apiserver uses: pods (`Name Ready Status Restarts Age`, wide: `IP Node Nominated Node
/// Readiness Gates`), namespaces (`Name Status Age`), other kinds (`Name Age`).
struct TableConverter: Sendable {
    var resource: ServedResource
    /// `None`, `Metadata` or `Object`: what each row carries besides its cells.
    var includeObject: String
    var now: Date

    /// A table of `objects`; `withColumns: false` leaves the column definitions out (watch
    /// events after the first).
    func table(_ objects: [KubeJSON], listMetadata: KubeJSON.Object = [:], withColumns: Bool = true) -> KubeJSON {
        var table: KubeJSON.Object = ["kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": .object(listMetadata)]
        if withColumns { table["columnDefinitions"] = .array(columns.map(\.json)) }
        table["rows"] = .array(objects.map(row))
        return .object(table)
    }

    private struct Column {
        var name: String
        var type: String
        var format: String = ""
        var description: String
        var priority: Int = 0

        var json: KubeJSON {
            ["name": .string(name), "type": .string(type), "format": .string(format),
             "description": .string(description), "priority": .integer(priority)]
        }
    }

    private var columns: [Column] {
        let name = Column(
            name: "Name", type: "string", format: "name",
            description: "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names")
        let age = Column(
            name: "Age", type: "string",
            description: "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata")
        switch resource {
        case .pods:
            return [
                name,
                Column(name: "Ready", type: "string", description: "The aggregate readiness state of this pod for accepting traffic."),
                Column(name: "Status", type: "string", description: "The aggregate status of the containers in this pod."),
                Column(name: "Restarts", type: "string", description: "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
                age,
                Column(name: "IP", type: "string", description: "IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.", priority: 1),
                Column(name: "Node", type: "string", description: "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName.", priority: 1),
                Column(name: "Nominated Node", type: "string", description: "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.", priority: 1),
                Column(name: "Readiness Gates", type: "string", description: "If specified, all readiness gates will be evaluated for pod readiness.", priority: 1),
            ]
        case .namespaces:
            return [name, Column(name: "Status", type: "string", description: "The status of the namespace"), age]
        default:
            return [name, age]
        }
    }

    private func row(_ object: KubeJSON) -> KubeJSON {
        var row: KubeJSON.Object = ["cells": .array(cells(object))]
        switch includeObject {
        case "None":
            break
        case "Object":
            row["object"] = object
        default:
            row["object"] = ResponseEncoding.partialMetadata(object)
        }
        return .object(row)
    }

    private func cells(_ object: KubeJSON) -> [KubeJSON] {
        let name = KubeJSON.string(object.string(at: "metadata.name") ?? "")
        let age = KubeJSON.string(self.age(object))
        switch resource {
        case .pods:
            return podCells(object, name: name, age: age)
        case .namespaces:
            return [name, .string(object.string(at: "status.phase") ?? ""), age]
        default:
            return [name, age]
        }
    }

    private func podCells(_ object: KubeJSON, name: KubeJSON, age: KubeJSON) -> [KubeJSON] {
        let containers = object.value(at: "spec.containers")?.arrayValue ?? []
        let statuses = object.value(at: "status.containerStatuses")?.arrayValue ?? []
        let ready = statuses.filter { $0["ready"]?.boolValue == true }.count
        let restarts = statuses.reduce(0) { $0 + ($1["restartCount"]?.intValue ?? 0) }
        var status = object.string(at: "status.reason") ?? object.string(at: "status.phase") ?? "Unknown"
        if object.value(at: "metadata.deletionTimestamp") != nil { status = "Terminating" }
        let none = KubeJSON.string("<none>")
        let ip = object.string(at: "status.podIP").map(KubeJSON.string) ?? none
        let node = object.string(at: "spec.nodeName").map(KubeJSON.string) ?? none
        let nominated = object.string(at: "status.nominatedNodeName").map(KubeJSON.string) ?? none
        return [name, .string("\(ready)/\(containers.count)"), .string(status), .integer(restarts), age, ip, node, nominated, none]
    }

    private func age(_ object: KubeJSON) -> String {
        guard let text = object.string(at: "metadata.creationTimestamp"),
              let created = try? Date.ISO8601FormatStyle().parse(text) else { return "<unknown>" }
        return HumanDuration.format(seconds: now.timeIntervalSince(created))
    }
}
