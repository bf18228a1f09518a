import MultinetCheckpoint
import MultinetCore
import MultinetKube
import MultinetKubeAPI

extension Agent {
    /// One cycle: read, plan (``AgentStep``), act. Never throws: what could not be read is
    /// reported and acted on by nothing.
    public func cycle() async -> CycleReport {
        var report = CycleReport()
        let now = CheckpointStore.wallClockMilliseconds()
        let store: CheckpointStore
        let records: [AttachmentRecord]
        let samples: [OperationSample]
        do {
            store = try CheckpointStore(directory: settings.stateDir)
            let latest = try store.latestOperationID()
            // A store that never reached the last ID counted is another one (moved aside,
            // recreated): count it from its start.
            let after = updateState { state in
                if latest < state.lastOperationID { state.lastOperationID = 0 }
                return state.lastOperationID
            }
            samples = try store.operations(after: after)
            records = try store.allAttachments()
        } catch {
            let problem = "checkpoint store \(settings.stateDir): \(error)"
            report.problems.append(problem)
            setHealth(AgentHealth(lastCycle: now, notReady: problem))
            return report
        }
        report.records = records.count

        var pods: [ObjectMeta]?
        var objects: (nads: [NetworkAttachmentDefinition], networks: [Network])?
        var nodeLabels: [String: String]?
        var clusterProblem: String?
        if let cluster {
            async let listedPods = result { () async throws(KubeError) in try await cluster.pods(on: settings.node) }
            async let listedNetworks = result { () async throws(KubeError) in try await cluster.networks() }
            switch await listedPods {
            case .success(let list): pods = list
            case .failure(let error): clusterProblem = "listing the pods of node \(settings.node): \(error)"
            }
            switch await listedNetworks {
            case .success(let list): objects = list
            case .failure(let error): clusterProblem = clusterProblem ?? "listing the networks: \(error)"
            }
            if settings.publishNodeLabels {
                switch await result({ () async throws(KubeError) in try await cluster.labels(of: settings.node) }) {
                case .success(let labels): nodeLabels = labels
                case .failure(let error): report.problems.append("reading node \(settings.node): \(error)")
                }
            }
        }
        if let clusterProblem { report.problems.append(clusterProblem) }

        var catalogEntries: [NetworkAvailability]?
        if let objects {
            catalogEntries = await catalog.networks(nads: objects.nads, networks: objects.networks)
        }
        var drift: [DriftEntry]?
        if let pods {
            let namespaces = observer.observe(ReconcileInput.netnsPaths(records))
            let defined = catalogEntries.map { Set($0.map(\.qualifiedName)) }
            drift = Reconciler.drift(ReconcileInput(records: records, podMetadata: pods, namespaces: namespaces,
                                                    definedNetworks: defined))
        }
        let usable = catalogEntries?.filter { $0.usable && $0.kind != .file }
            .map { (namespace: $0.namespace ?? "", name: $0.name) }
        let observation = AgentObservation(now: now, records: records, operations: samples, drift: drift,
                                           usableNetworks: usable, nodeLabels: nodeLabels)
        let plan = updateState { state in AgentStep.plan(&state, observation, settings: settings) }

        metrics.ingest(samples)
        report.operationsCounted = samples.count
        if let through = plan.countedThrough {
            do {
                try store.pruneOperations(through: through)
            } catch {
                report.problems.append("pruning counted operations: \(error)")
            }
        }
        report.drift = plan.drift?.count
        if !plan.reclaims.isEmpty {
            await reclaim(plan.reclaims, pods: pods ?? [], store: store, report: &report)
        }
        if let patch = plan.labelPatch, let cluster {
            do {
                try await cluster.patch(node: settings.node, patch)
                report.patchedLabels = true
                logger.info("node labels updated", metadata: ["node": .string(settings.node), "patch": .string(String(decoding: patch.serialized(), as: UTF8.self))])
            } catch {
                report.problems.append("patching the labels of node \(settings.node): \(error)")
            }
        }
        // The gauges show the store after this cycle's reclaims.
        let after = (try? store.allAttachments()) ?? records
        let reclaimed = Set(report.reclaimed)
        metrics.observe(records: after, drift: plan.drift?.filter { !reclaimed.contains($0.containerID) })
        setHealth(AgentHealth(lastCycle: CheckpointStore.wallClockMilliseconds(), notReady: clusterProblem))
        return report
    }

    func result<Value: Sendable>(_ body: () async throws(KubeError) -> Value) async -> Result<Value, KubeError> {
        do {
            return .success(try await body())
        } catch {
            return .failure(error)
        }
    }
}
