import MultinetCNI
import MultinetCheckpoint
import MultinetJSON
import MultinetModel
import MultinetPlanning

extension Multinet {
    /// Hot-plug: brings a running sandbox's interfaces to what `annotations` (the pod's
    /// current selection) ask for, with the code the runtime's ADD and DEL use — the
    /// recorded netns, `CNI_PATH` and `CNI_ARGS` of the sandbox's default attachment; a
    /// write-ahead record before each delegate ADD; DEL from the recorded config.
    ///
    /// Under the container's lock (waiting up to `lockWaitSeconds` for the runtime's ADD or DEL): the
    /// difference is planned (``HotplugPlanner``), removed interfaces are detached first,
    /// added ones attached in order. A failed attach is rolled back alone and its record
    /// removed; the pod's other interfaces are untouched. Never throws: refusals and
    /// failures are in the report, with the `network-status` value to publish when
    /// something changed.
    public func hotplug(containerID: String, annotations: [String: String], access: (any KubeAccess)?,
                        config: MultinetConfig, store: CheckpointStore, lockWaitSeconds: Double = 10) async -> HotplugReport {
        let recorded: [AttachmentRecord]
        do {
            recorded = try store.attachments(containerID: containerID)
        } catch {
            var report = HotplugReport(pod: "container \(containerID)")
            report.refusal = .init(.store, "cannot read the checkpoint store: \(error.description)")
            return report
        }
        guard let head = recorded.first(where: { $0.isDefault && $0.state == .attached }) else {
            var report = HotplugReport(pod: "container \(containerID)")
            report.refusal = .init(.noSandbox, "container \(containerID) has no attached default network recorded: nothing to hot-plug into")
            return report
        }
        let pod = PodReference(namespace: head.podNamespace, name: head.podName, uid: head.podUID)
        var report = HotplugReport(pod: pod.displayName)
        let lock: ContainerLock
        do {
            guard let taken = try ContainerLock.acquire(directory: config.stateDir, containerID: containerID,
                                                        waitSeconds: lockWaitSeconds) else {
                report.refusal = .init(.busy, "pod \(pod.displayName): container \(containerID) is held by another multinet process")
                return report
            }
            lock = taken
        } catch {
            // Held past the wait: busy, tried again; the lock file unusable: the store's trouble.
            if case .containerLocked = error {
                report.refusal = .init(.busy, error.description)
            } else {
                report.refusal = .init(.store, error.description)
            }
            return report
        }
        defer { lock.release() }
        // Read again under the lock: the runtime's DEL may have torn the sandbox down meanwhile.
        let records = ((try? store.attachments(containerID: containerID)) ?? [])
            .filter { $0.runtimeIfName == head.runtimeIfName }
        guard records.contains(where: { $0.isDefault && $0.state == .attached }) else {
            report.refusal = .init(.noSandbox, "pod \(pod.displayName): its sandbox was torn down meanwhile")
            return report
        }
        let extras = config.multus.networksAfterClusterNetwork(podNamespace: pod.namespace).count
        let plan: HotplugPlan
        let dialect: SelectionDialect
        do {
            let request = try PodNetworkRequest.parse(annotations: annotations, pod: pod, runtimeIfName: head.runtimeIfName,
                                                      defaultNetworks: extras)
            dialect = request.dialect ?? .multus
            try NamespacePolicy(config).check(request, pod: pod)
            let attached = records.filter { $0.state == .attached }.map {
                AttachedInterface(network: $0.qualifiedNetwork, ifName: $0.ifName, isDefault: $0.isDefault)
            }
            plan = try HotplugPlanner.plan(request, attached: attached, pod: pod.displayName,
                                           runtimeIfName: head.runtimeIfName, defaultNetworks: extras)
        } catch {
            report.refusal = .init(.selection, String(describing: error))
            return report
        }
        guard !plan.isEmpty else { return report }

        let leaving = records.filter { record in plan.detach.contains { $0.ifName == record.ifName } }
        let failures = teardown(leaving, store: store, config: config, overrides: .replay)
        for record in leaving {
            let failure = failures.first { $0.ifName == record.ifName }
            report.detached.append(.init(network: record.qualifiedNetwork, ifName: record.ifName, error: failure?.error.msg))
        }
        var position = (records.map(\.position).max() ?? 0) + 1
        for addition in plan.attach {
            let error = await hotplugAttach(addition, dialect: dialect, head: head, pod: pod, position: position,
                                            access: access, config: config, store: store)
            report.attached.append(.init(network: addition.selection.qualifiedName, ifName: addition.ifName, error: error))
            if error == nil { position += 1 }
        }
        if report.changed {
            report.networkStatus = networkStatus(of: containerID, runtimeIfName: head.runtimeIfName, store: store)
        }
        return report
    }

    /// Attaches one element as the runtime's ADD would; `nil` when it worked, else why (its
    /// delegates rolled back and its record removed).
    private func hotplugAttach(_ addition: HotplugPlan.Addition, dialect: SelectionDialect, head: AttachmentRecord,
                               pod: PodReference, position: Int, access: (any KubeAccess)?, config: MultinetConfig,
                               store: CheckpointStore) async -> String? {
        do {
            guard let definition = try await resolve([.selection(addition.selection, dialect)], pod: pod, access: access,
                                                     config: config).first else {
                return "network \"\(addition.selection.qualifiedName)\" resolved to nothing"
            }
            let (list, runtimeConfig) = try addition.selection.applied(to: definition.list)
            var planned = Self.planned(definition, ifName: addition.ifName, isDefault: false, runtimeConfig: runtimeConfig)
            planned.list = list
            let environment = try CNIEnvironment([
                "CNI_COMMAND": "ADD", "CNI_CONTAINERID": head.containerID, "CNI_NETNS": head.netns,
                "CNI_IFNAME": head.runtimeIfName, "CNI_PATH": head.cniPath, "CNI_ARGS": head.cniArgs,
                "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
            ])
            _ = try attach([planned], request: CNIRequest(environment: environment, config: config), store: store,
                           firstPosition: position, origin: .hotplug)
            return nil
        } catch {
            // attach rolled the element back; a rolled-back record goes with it. One whose
            // rollback failed stays (`del_failed`): it may hold an address a retry must free.
            if let left = try? store.attachment(containerID: head.containerID, runtimeIfName: head.runtimeIfName,
                                                ifName: addition.ifName), left.state == .addFailed {
                try? store.removeAttachment(containerID: head.containerID, runtimeIfName: head.runtimeIfName,
                                            ifName: addition.ifName)
            }
            return CNIError(reporting: error).msg
        }
    }

    /// The `network-status` value of a sandbox's attached records, in attach order.
    func networkStatus(of containerID: String, runtimeIfName: String, store: CheckpointStore) -> String? {
        guard let records = try? store.attachments(containerID: containerID, runtimeIfName: runtimeIfName) else { return nil }
        let entries: [NetworkStatus.Entry] = records.filter { $0.state == .attached }.compactMap { record in
            guard let bytes = record.result, let json = try? JSONValue(parsing: bytes),
                  let result = try? CNIResult(json: json),
                  let list = try? NetworkConfigList(parsing: record.config, source: "recorded", requireName: false) else { return nil }
            let planned = PlannedAttachment(network: record.network, networkNamespace: record.networkNamespace,
                                            kind: record.networkKind, ifName: record.ifName, isDefault: record.isDefault,
                                            list: list, runtimeConfig: JSONObject())
            return NetworkStatus.Entry(planned: planned, result: result)
        }
        return NetworkStatus.value(entries)
    }
}
