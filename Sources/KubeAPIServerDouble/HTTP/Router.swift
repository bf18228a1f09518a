/// Turns request paths into ``Route``s for the resources the double serves.
struct Router: Sendable {
    var resources: [ServedResource]

    init(resources: [ServedResource] = ServedResource.all) {
        self.resources = resources
    }

    /// The groups other than core, in order of first appearance.
    var groups: [String] {
        var seen: [String] = []
        for resource in resources where !resource.group.isEmpty && !seen.contains(resource.group) {
            seen.append(resource.group)
        }
        return seen
    }

    /// The route for a percent-decoded path.
    func route(_ path: String) -> Route {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let first = segments.first else { return .notFound }
        switch first {
        case "version" where segments.count == 1: return .version
        case "healthz", "livez", "readyz": return segments.count == 1 ? .health : .notFound
        case "openapi" where segments == ["openapi", "v2"]: return .openAPIV2
        case "api":
            if segments.count == 1 { return .coreVersions }
            return routeInGroupVersion(group: "", version: segments[1], rest: Array(segments.dropFirst(2)))
        case "apis":
            if segments.count == 1 { return .groupList }
            let group = segments[1]
            guard groups.contains(group) else { return .notFound }
            if segments.count == 2 { return .group(group) }
            return routeInGroupVersion(group: group, version: segments[2], rest: Array(segments.dropFirst(3)))
        default:
            return .notFound
        }
    }

    private func resource(group: String, version: String, plural: String) -> ServedResource? {
        resources.first { $0.group == group && $0.version == version && $0.plural == plural }
    }

    private func routeInGroupVersion(group: String, version: String, rest: [String]) -> Route {
        guard resources.contains(where: { $0.group == group && $0.version == version }) else { return .notFound }
        if rest.isEmpty { return .resourceList(group: group, version: version) }
        // namespaces/NS/PLURAL[/NAME[/SUB]]
        if rest[0] == "namespaces", rest.count >= 3,
           let resource = resource(group: group, version: version, plural: rest[2]), resource.namespaced {
            guard rest.count <= 5 else { return .notFound }
            return .resource(.init(
                resource: resource, namespace: rest[1], name: rest.count > 3 ? rest[3] : nil,
                subresource: rest.count > 4 ? rest[4] : nil))
        }
        // PLURAL[/NAME[/SUB]]: cluster-scoped objects, or a namespaced collection in all namespaces.
        guard let resource = resource(group: group, version: version, plural: rest[0]), rest.count <= 3 else {
            return .notFound
        }
        if resource.namespaced, rest.count > 1 { return .notFound }
        return .resource(.init(
            resource: resource, namespace: nil, name: rest.count > 1 ? rest[1] : nil,
            subresource: rest.count > 2 ? rest[2] : nil))
    }
}
