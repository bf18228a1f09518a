import MultinetCNI
import MultinetCheckpoint
import MultinetNetlink

/// Compares the cluster, the store, the kernel and the CNI config for every recorded
/// attachment and lists where they disagree. Pure: the views come in as values
/// (``ReconcileInput``), so the inspector and the node agent share it and tables test it.
public enum Reconciler {
    /// Links the kernel creates in every netns once a tunnel module is loaded; never a pod's.
    static let fallbackDevices: Set<String> = [
        "lo", "tunl0", "gre0", "gretap0", "erspan0", "ip_vti0", "ip6_vti0", "sit0", "ip6tnl0", "ip6gre0",
    ]

    /// Every drift in `input`, ordered by container, interface and kind.
    ///
    /// `addresses` gives each record's recorded addresses and MAC (by default parsed from
    /// its result; a caller that refreshes passes the ones it keeps, so an unchanged record
    /// is not parsed again).
    public static func drift(_ input: ReconcileInput,
                             addresses: (AttachmentRecord) -> AttachmentAddresses = AttachmentAddresses.init) -> [DriftEntry] {
        var found: [DriftEntry] = []
        for record in input.records {
            let recorded = addresses(record)
            found += podDrift(record, recorded: recorded, pods: input.pods)
            found += kernelDrift(record, recorded: recorded, namespace: input.namespaces[record.netns] ?? .unknown)
            if record.state == .attached, let defined = input.definedNetworks, !defined.contains(record.qualifiedNetwork) {
                found.append(entry(record, .networkGone,
                                   "network \(record.qualifiedNetwork) is no longer defined (no NetworkAttachmentDefinition, Network or conf-dir file of that name)"))
            }
        }
        found += unrecordedInterfaces(input)
        return found.sorted { ($0.containerID, $0.interface, $0.kind) < ($1.containerID, $1.interface, $1.kind) }
    }

    static func entry(_ record: AttachmentRecord, _ kind: DriftKind, _ detail: String) -> DriftEntry {
        DriftEntry(containerID: record.containerID, namespace: record.podNamespace, pod: record.podName,
                   network: record.qualifiedNetwork, interface: record.ifName, kind: kind, detail: detail)
    }

    /// `pod-gone` (any state: a leak is a leak) and `status-mismatch` (attached only).
    static func podDrift(_ record: AttachmentRecord, recorded addresses: AttachmentAddresses,
                         pods: [String: ObservedPod]?) -> [DriftEntry] {
        guard let pods, !record.podName.isEmpty else { return [] }
        let name = "\(record.podNamespace)/\(record.podName)"
        guard let pod = pods[name] else {
            return [entry(record, .podGone, "pod \(name) is not in the cluster; its attachment is a leak candidate")]
        }
        if !record.podUID.isEmpty, pod.uid != record.podUID {
            return [entry(record, .podGone, "pod \(name) is now UID \(pod.uid); this attachment belongs to UID \(record.podUID)")]
        }
        guard record.state == .attached, let status = pod.networkStatus else { return [] }
        guard let listed = status.first(where: { $0.interface == record.ifName }) else {
            return [entry(record, .statusMismatch, "network-status has no entry for interface \(record.ifName)")]
        }
        if listed.name != record.qualifiedNetwork && listed.name != record.network {
            return [entry(record, .statusMismatch,
                          "network-status names \(listed.name) on \(record.ifName), the store \(record.qualifiedNetwork)")]
        }
        let recorded = addresses.bareAddresses
        if !recorded.isEmpty, Set(recorded) != Set(listed.ips) {
            return [entry(record, .statusMismatch,
                          "network-status lists \(describe(listed.ips)) on \(record.ifName), the store \(describe(recorded))")]
        }
        return []
    }

    /// `netns-gone` (any state), and for attached records `interface-missing`,
    /// `address-mismatch` and `mac-mismatch`.
    static func kernelDrift(_ record: AttachmentRecord, recorded addresses: AttachmentAddresses,
                            namespace: NamespaceObservation) -> [DriftEntry] {
        switch namespace {
        case .unknown:
            return []
        case .gone:
            return [entry(record, .netnsGone, "netns \(record.netns) no longer exists")]
        case .present:
            guard record.state == .attached else { return [] }
            guard let (link, kernel) = namespace.interface(record.ifName) else {
                return [entry(record, .interfaceMissing, "interface \(record.ifName) is not in netns \(record.netns)")]
            }
            var found: [DriftEntry] = []
            let recorded = addresses.ips
            if !recorded.isEmpty, Set(recorded) != Set(kernel) {
                found.append(entry(record, .addressMismatch,
                                   "recorded \(describe(recorded)), the kernel has \(describe(kernel)) on \(record.ifName)"))
            }
            if let mac = addresses.mac, let actual = link.mac,
               mac.lowercased() != actual.lowercased() {
                found.append(entry(record, .macMismatch, "recorded MAC \(mac.lowercased()), the kernel has \(actual.lowercased())"))
            }
            return found
        }
    }

    /// Links in a recorded netns that no record of that netns names.
    static func unrecordedInterfaces(_ input: ReconcileInput) -> [DriftEntry] {
        var byNetns: [String: [AttachmentRecord]] = [:]
        for record in input.records { byNetns[record.netns, default: []].append(record) }
        var found: [DriftEntry] = []
        for (netns, records) in byNetns {
            guard case .present(let links, _)? = input.namespaces[netns], let first = records.first else { continue }
            let recorded = Set(records.map(\.ifName))
            for link in links where !recorded.contains(link.name) && !fallbackDevices.contains(link.name) {
                found.append(DriftEntry(containerID: first.containerID, namespace: first.podNamespace, pod: first.podName,
                                        network: "", interface: link.name, kind: .unrecordedInterface,
                                        detail: "interface \(link.name) in netns \(netns) is in no record"))
            }
        }
        return found
    }

    /// IPv6 link-local addresses are the kernel's own, never in a CNI result.
    static func isLinkLocal(_ address: IPAddress) -> Bool {
        address.family == .v6 && address.description.hasPrefix("fe80:")
    }

    static func describe(_ addresses: [String]) -> String {
        addresses.isEmpty ? "none" : addresses.sorted().joined(separator: ", ")
    }
}
