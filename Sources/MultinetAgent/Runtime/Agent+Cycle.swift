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
        let view = readStore()
        var storeProblem: String?
        var store: CheckpointStore?
        var records: [AttachmentRecord]?
        var samples: [OperationSample] = []
        switch view {
        case .missing:
            // A node where no plugin ran yet: nothing to count, nothing to reclaim.
            records = []
        case .unreadable(let problem):
            storeProblem = problem
            report.problems.append(problem)
        case let .read(opened, read, counted):
            store = opened
            records = read
            samples = counted
        }
        report.records = records?.count ?? 0

        var pods: [ObjectMeta]?
        var objects: (nads: [NetworkAttachmentDefinition], networks: [Network])?
        var nodeLabels: [String: String]?
        var clusterProblem: String?
        if let cluster {
            async let listedPods = Result.capturing { () async throws(KubeError) in try await cluster.pods(on: settings.node) }
            async let listedNetworks = Result.capturing { () async throws(KubeError) in try await cluster.networks() }
            switch await listedPods {
            case .success(let list): pods = list
            case .failure(let error): clusterProblem = "listing the pods of node \(settings.node): \(error)"
            }
            switch await listedNetworks {
            case .success(let list): objects = list
            case .failure(let error): clusterProblem = clusterProblem ?? "listing the networks: \(error)"
            }
            if settings.publishNodeLabels {
                switch await Result.capturing({ () async throws(KubeError) in try await cluster.labels(of: settings.node) }) {
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
        if let pods, let records {
            let namespaces = observer.observe(ReconcileInput.netnsPaths(records))
            let defined = catalogEntries.map { Set($0.map(\.qualifiedName)) }
            drift = Reconciler.drift(ReconcileInput(records: records, podMetadata: pods, namespaces: namespaces,
                                                    definedNetworks: defined))
        }
        let usable = catalogEntries?.filter { $0.usable && $0.kind != .file }
            .map { (namespace: $0.namespace ?? "", name: $0.name) }
        let observation = AgentObservation(now: now, records: records ?? [], operations: samples, drift: drift,
                                           usableNetworks: usable, nodeLabels: nodeLabels)
        let plan = updateState { state in AgentStep.plan(&state, observation, settings: settings) }

        metrics.ingest(samples)
        report.operationsCounted = samples.count
        if let through = plan.countedThrough, let store {
            do {
                try store.pruneOperations(through: through)
            } catch {
                report.problems.append("pruning counted operations: \(error)")
            }
        }
        report.drift = plan.drift?.count
        if !plan.reclaims.isEmpty, let store {
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
        if let records {
            let after = store.flatMap { try? $0.allAttachments() } ?? records
            let reclaimed = Set(report.reclaimed)
            metrics.observe(records: after, drift: plan.drift?.filter { !reclaimed.contains($0.containerID) })
        }
        // Pods the watch found due before their sandbox was recorded (or while it was busy).
        if settings.hotplug, cluster != nil { await hotplugPass(includingWaiting: true) }
        setHealth(AgentHealth(lastCycle: CheckpointStore.wallClockMilliseconds(), notReady: storeProblem ?? clusterProblem))
        return report
    }

    /// What the store gave this cycle.
    enum StoreView {
        /// No database yet.
        case missing
        /// It could not be read (or is at another schema): why.
        case unreadable(String)
        /// Opened, with its records and the samples not yet counted.
        case read(CheckpointStore, [AttachmentRecord], [OperationSample])
    }

    /// Opens the store only when it is at this agent's schema (never creating or migrating
    /// it) and reads the records and the samples after the last one counted.
    func readStore() -> StoreView {
        do {
            let store: CheckpointStore
            switch try CheckpointStore.openIfCurrent(directory: settings.stateDir) {
            case .missing:
                return .missing
            case let .older(found, current):
                return .unreadable("checkpoint store \(settings.stateDir): schema version \(found), this agent reads \(current); "
                    + "the plugin migrates it on its next operation (the agent never does, so an older plugin keeps working)")
            case .current(let opened):
                store = opened
            }
            let latest = try store.latestOperationID()
            // A store that never reached the last ID counted is another one (moved aside,
            // recreated): count it from its start.
            let after = updateState { state in
                if latest < state.lastOperationID { state.lastOperationID = 0 }
                return state.lastOperationID
            }
            return .read(store, try store.allAttachments(), try store.operations(after: after))
        } catch {
            return .unreadable("checkpoint store \(settings.stateDir): \(error)")
        }
    }
}
