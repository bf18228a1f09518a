extension Multinet {
    /// What the pod wants attached, in order: the default network on `CNI_IFNAME` and the
    /// networks its annotation selects, each resolved to the configuration to run.
    func plan(_ request: CNIRequest, kube: KubeSession) async throws(CNIError) -> AttachmentPlan {
        let pod = request.pod
        if let problem = pod.argumentError { throw problem }
        let annotations = try await podAnnotations(request, kube: kube)
        let wanted = try PodNetworkRequest.parse(annotations: annotations, pod: pod,
                                                 runtimeIfName: request.environment.ifName)
        guard let dialect = wanted.dialect, !wanted.selections.isEmpty else {
            return AttachmentPlan(dialect: nil, attachments: [try defaultAttachment(request)])
        }
        try NamespacePolicy(request.config).check(wanted, pod: pod)
        guard let access = try kube.get() else {
            throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                           msg: "pod \(pod.displayName) selects networks with \(dialect.annotation), but multinet has no apiserver to read them from",
                           details: "set \"kubeconfig\" in multinet's configuration, or run where KUBERNETES_SERVICE_HOST is set")
        }
        let definitions = try await resolve(wanted, dialect: dialect, pod: pod, access: access, config: request.config)
        var attachments: [PlannedAttachment] = []
        if dialect == .multus { attachments.append(try defaultAttachment(request)) }
        for (entry, definition) in zip(wanted.selections, definitions) {
            let list: NetworkConfigList
            let runtimeConfig: JSONObject
            if entry.isDefault {
                (list, runtimeConfig) = (definition.list, request.config.runtimeConfig)
            } else {
                do throws(CNIError) {
                    (list, runtimeConfig) = try entry.selection.applied(to: definition.list)
                } catch {
                    throw CNIError(code: error.code, msg: "pod \(pod.displayName): \(error.msg)", details: error.details)
                }
            }
            attachments.append(PlannedAttachment(network: definition.name, networkNamespace: definition.namespace,
                                                 kind: definition.kind, ifName: entry.ifName, isDefault: entry.isDefault,
                                                 list: list, runtimeConfig: runtimeConfig))
            attachments[attachments.count - 1].defaultRoute = entry.selection.defaultRoute.compactMap(IPAddress.init)
        }
        return AttachmentPlan(dialect: dialect, attachments: attachments)
    }

    /// The cluster default network from the conf dir, with the kubelet's runtime config.
    func defaultAttachment(_ request: CNIRequest) throws(CNIError) -> PlannedAttachment {
        let file = try defaultNetworkFile(request.config)
        return PlannedAttachment(network: file.list.name, networkNamespace: "", kind: "file",
                                 ifName: request.environment.ifName, isDefault: true,
                                 list: file.list, runtimeConfig: request.config.runtimeConfig)
    }

    /// Fetches every selected object concurrently and resolves each to a configuration,
    /// in the selections' order. The first failure (in selection order) is thrown.
    func resolve(_ wanted: PodNetworkRequest, dialect: SelectionDialect, pod: PodReference,
                 access: any KubeAccess, config: MultinetConfig) async throws(CNIError) -> [NetworkDefinition] {
        let resolver = NetworkResolver(confDirectory: confDirectory(config), thickConfDir: config.thickConfDir)
        let selections = wanted.selections.map(\.selection)
        let collected = LookupResults()
        await withTaskGroup(of: Void.self) { group in
            for (index, selection) in selections.enumerated() {
                group.addTask {
                    collected.store(index, await Self.resolveCapturingError(selection, dialect: dialect, access: access,
                                                                            resolver: resolver))
                }
            }
        }
        let results = (0..<selections.count).map { collected.result(at: $0) }
        var definitions: [NetworkDefinition] = []
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let definition)?:
                definitions.append(definition)
            case .failure(let error)?:
                throw CNIError(code: error.code,
                               msg: "pod \(pod.displayName): annotation \(dialect.annotation), element \(index + 1) (\"\(selections[index].qualifiedName)\"): \(error.msg)",
                               details: error.details)
            case nil:
                throw CNIError(code: CNIErrorCode.tryAgainLater, msg: "pod \(pod.displayName): network lookup \(index + 1) did not finish")
            }
        }
        return definitions
    }

    /// One selection's outcome as a value. The task group's children only store values: a
    /// child closure returning `(Int, Result<_, CNIError>)` from a typed `do`/`catch`
    /// crashed the optimised plugin (SIGILL) or lost results, where debug builds worked.
    static func resolveCapturingError(_ selection: NetworkSelection, dialect: SelectionDialect, access: any KubeAccess,
                                      resolver: NetworkResolver) async -> Result<NetworkDefinition, CNIError> {
        do {
            return .success(try await resolve(selection, dialect: dialect, access: access, resolver: resolver))
        } catch {
            return .failure(error)
        }
    }

    /// One selection: the object from the apiserver, then its configuration.
    static func resolve(_ selection: NetworkSelection, dialect: SelectionDialect, access: any KubeAccess,
                        resolver: NetworkResolver) async throws(CNIError) -> NetworkDefinition {
        switch dialect {
        case .multus:
            guard let nad = try await access.networkAttachmentDefinition(namespace: selection.namespace, name: selection.name) else {
                throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                               msg: "NetworkAttachmentDefinition \(selection.qualifiedName) does not exist")
            }
            return try resolver.resolve(nad)
        case .alpha:
            guard let network = try await access.network(namespace: selection.namespace, name: selection.name) else {
                throw CNIError(code: CNIErrorCode.invalidNetworkConfig,
                               msg: "Network \(selection.qualifiedName) (\(Network.resourceType.group)) does not exist")
            }
            return try resolver.resolve(network)
        }
    }
}
