import Logging
import MultinetCNI
import MultinetJSON
import MultinetKubeAPI
import MultinetModel
import MultinetPlanning

extension Multinet {
    /// What the pod wants attached, in order: its default network on `CNI_IFNAME` (the
    /// cluster network, or the alpha dialect's first network), the networks the node gives
    /// every pod (Multus's `defaultNetworks`, or the `delegates` after the first) on `net1`,
    /// `net2`, …, then the networks its annotation selects, each resolved to the
    /// configuration to run. The apiserver is contacted only when something needs it.
    func plan(_ request: CNIRequest, kube: KubeSession) async throws -> AttachmentPlan {
        let pod = request.pod
        if let problem = pod.argumentError { throw problem }
        try await waitForReadiness(request)
        let annotations = try await podAnnotations(request, kube: kube)
        let multus = request.config.multus
        let extras = multus.networksAfterClusterNetwork(podNamespace: pod.namespace)
        let wanted = try PodNetworkRequest.parse(annotations: annotations, pod: pod,
                                                 runtimeIfName: request.environment.ifName,
                                                 defaultNetworks: extras.count)
        let dialect = wanted.selections.isEmpty ? nil : wanted.dialect
        // The alpha dialect's first network is the pod's default: it replaces the cluster network.
        let cluster = dialect == .alpha ? nil : multus.clusterNetwork
        let nodeNetworks = (cluster.map { [$0] } ?? []) + extras
        if dialect == nil && nodeNetworks.isEmpty {
            return AttachmentPlan(dialect: nil, attachments: [try defaultAttachment(request)])
        }
        var access: (any KubeAccess)?
        if let dialect {
            try NamespacePolicy(request.config).check(wanted, pod: pod)
            guard let made = try kube.get() else {
                throw PlanFailure.noAPIServer(pod: pod.displayName, annotation: dialect.annotation)
            }
            access = made
        } else if nodeNetworks.contains(where: \.mayReadApiserver) {
            access = try kube.get()
        }
        let lookups = nodeNetworks.map(NetworkLookup.node)
            + wanted.selections.map { NetworkLookup.selection($0.selection, dialect ?? .multus) }
        var definitions = try await resolve(lookups, pod: pod, access: access, config: request.config)[...]

        let head: PlannedAttachment
        var selections = wanted.selections[...]
        if cluster != nil {
            head = Self.planned(definitions.removeFirst(), ifName: request.environment.ifName, isDefault: true,
                                runtimeConfig: request.config.runtimeConfig)
        } else if dialect == .alpha, let first = selections.first {
            head = Self.planned(definitions[definitions.startIndex + extras.count], ifName: first.ifName, isDefault: true,
                                runtimeConfig: request.config.runtimeConfig)
            definitions.remove(at: definitions.startIndex + extras.count)
            selections = selections.dropFirst()
        } else {
            head = try defaultAttachment(request)
        }
        var attachments = [head]
        for (index, definition) in definitions.prefix(extras.count).enumerated() {
            attachments.append(Self.planned(definition, ifName: "net\(index + 1)", isDefault: false, runtimeConfig: JSONObject()))
        }
        for (entry, definition) in zip(selections, definitions.dropFirst(extras.count)) {
            let list: NetworkConfigList
            let runtimeConfig: JSONObject
            do throws {
                (list, runtimeConfig) = try entry.selection.applied(to: definition.list)
            } catch {
                throw ContextualFailure(context: "pod \(pod.displayName)", underlying: error)
            }
            var attachment = Self.planned(definition, ifName: entry.ifName, isDefault: false, runtimeConfig: runtimeConfig)
            attachment.list = list
            attachment.defaultRoute = entry.selection.defaultRoute.compactMap(IPAddress.init)
            attachments.append(attachment)
        }
        return AttachmentPlan(dialect: dialect, attachments: attachments)
    }

    /// An attachment of a resolved network.
    static func planned(_ definition: NetworkDefinition, ifName: String, isDefault: Bool,
                        runtimeConfig: JSONObject) -> PlannedAttachment {
        PlannedAttachment(network: definition.name, networkNamespace: definition.namespace, kind: definition.kind,
                          ifName: ifName, isDefault: isDefault, list: definition.list, runtimeConfig: runtimeConfig)
    }

    /// The cluster default network from the conf dir, with the kubelet's runtime config.
    func defaultAttachment(_ request: CNIRequest) throws -> PlannedAttachment {
        let file = try defaultNetworkFile(request.config)
        return PlannedAttachment(network: file.list.name, networkNamespace: "", kind: "file",
                                 ifName: request.environment.ifName, isDefault: true,
                                 list: file.list, runtimeConfig: request.config.runtimeConfig)
    }

    /// Looks up every network concurrently and resolves each to a configuration, in the
    /// given order. The first failure (in that order) is thrown, naming the pod and the
    /// configuration key or annotation element at fault.
    func resolve(_ lookups: [NetworkLookup], pod: PodReference, access: (any KubeAccess)?,
                 config: MultinetConfig) async throws -> [NetworkDefinition] {
        let resolver = NetworkResolver(confDirectory: confDirectory(config), thickConfDir: config.thickConfDir)
        let collected = LookupResults()
        let logger = logger
        await withTaskGroup(of: Void.self) { group in
            for (index, lookup) in lookups.enumerated() {
                group.addTask {
                    collected.store(index, await Self.resolveCapturingError(lookup, access: access, resolver: resolver,
                                                                            config: config, logger: logger))
                }
            }
        }
        var definitions: [NetworkDefinition] = []
        var selectionIndex = 0
        for (index, lookup) in lookups.enumerated() {
            let error: any Error
            switch collected.result(at: index) {
            case .success(let definition)?:
                definitions.append(definition)
                if case .selection = lookup { selectionIndex += 1 }
                continue
            case .failure(let failure)?:
                error = failure
            case nil:
                error = PlanFailure.lookupUnfinished(number: index + 1)
            }
            switch lookup {
            case .node(let network):
                throw ContextualFailure(context: "pod \(pod.displayName): \"\(network.key)\" (\"\(network.text)\")", underlying: error)
            case .selection(let selection, let dialect):
                throw ContextualFailure(context: "pod \(pod.displayName): annotation \(dialect.annotation), element \(selectionIndex + 1) (\"\(selection.qualifiedName)\")", underlying: error)
            }
        }
        return definitions
    }

    /// One lookup's outcome as a value. The task group's children only store values: a
    /// child closure returning `(Int, Result<_, CNIError>)` from a typed `do`/`catch`
    /// crashed the optimised plugin (SIGILL) or lost results, where debug builds worked.
    static func resolveCapturingError(_ lookup: NetworkLookup, access: (any KubeAccess)?, resolver: NetworkResolver,
                                      config: MultinetConfig, logger: Logger) async -> Result<NetworkDefinition, any Error> {
        do {
            switch lookup {
            case .node(let network):
                return .success(try await resolve(network, access: access, resolver: resolver, config: config, logger: logger))
            case .selection(let selection, let dialect):
                guard let access else {
                    return .failure(PlanFailure.noAPIServerForSelection)
                }
                return .success(try await resolve(selection, dialect: dialect, access: access, resolver: resolver))
            }
        } catch {
            return .failure(error)
        }
    }

    /// One selection: the object from the apiserver, then its configuration.
    static func resolve(_ selection: NetworkSelection, dialect: SelectionDialect, access: any KubeAccess,
                        resolver: NetworkResolver) async throws -> NetworkDefinition {
        switch dialect {
        case .multus:
            guard let nad = try await access.networkAttachmentDefinition(namespace: selection.namespace, name: selection.name) else {
                throw PlanFailure.attachmentDefinitionMissing(qualifiedName: selection.qualifiedName)
            }
            return try resolver.resolve(nad)
        case .alpha:
            guard let network = try await access.network(namespace: selection.namespace, name: selection.name) else {
                throw PlanFailure.networkMissing(qualifiedName: selection.qualifiedName, group: Network.resourceType.group)
            }
            return try resolver.resolve(network)
        }
    }
}
