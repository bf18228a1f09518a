/// The discovery documents kubectl reads before anything else (`/version`, `/api`,
/// `/apis`, `/api/v1`, `/apis/GROUP/VERSION`), in the apiserver's plain JSON form.
///
/// Aggregated discovery (`as=APIGroupDiscoveryList`) is not offered: kubectl asks for it
/// with `application/json` as a fallback, gets these documents and uses them.
struct Discovery: Sendable {
    var resources: [ServedResource]
    var kubernetesVersion: String

    /// `/version`.
    var version: KubeJSON {
        let numbers = kubernetesVersion.dropFirst(kubernetesVersion.hasPrefix("v") ? 1 : 0).split(separator: ".")
        return [
            "major": .string(numbers.first.map(String.init) ?? "1"),
            "minor": .string(numbers.count > 1 ? String(numbers[1]) : "32"),
            "gitVersion": .string(kubernetesVersion),
            "gitCommit": "0000000000000000000000000000000000000000",
            "gitTreeState": "clean",
            "buildDate": "2024-12-11T00:00:00Z",
            "goVersion": "go1.23.4",
            "compiler": "gc",
            "platform": "linux/amd64",
        ]
    }

    /// `/api`.
    func coreVersions(serverAddress: String) -> KubeJSON {
        [
            "kind": "APIVersions", "versions": ["v1"],
            "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": .string(serverAddress)]],
        ]
    }

    /// The groups other than core, in order.
    var groupNames: [String] {
        var names: [String] = []
        for resource in resources where !resource.group.isEmpty && !names.contains(resource.group) {
            names.append(resource.group)
        }
        return names
    }

    /// `/apis/GROUP`, or `nil` when the group is not served.
    func group(_ name: String) -> KubeJSON? {
        let versions = resources.filter { $0.group == name }.map(\.version)
        guard let preferred = versions.first else { return nil }
        var unique: [String] = []
        for version in versions where !unique.contains(version) { unique.append(version) }
        let entries: [KubeJSON] = unique.map { ["groupVersion": .string("\(name)/\($0)"), "version": .string($0)] }
        return [
            "kind": "APIGroup", "apiVersion": "v1", "name": .string(name), "versions": .array(entries),
            "preferredVersion": ["groupVersion": .string("\(name)/\(preferred)"), "version": .string(preferred)],
        ]
    }

    /// `/apis`.
    var groupList: KubeJSON {
        let groups: [KubeJSON] = groupNames.compactMap { name in
            guard var group = group(name)?.objectValue else { return nil }
            group["kind"] = nil
            group["apiVersion"] = nil
            return .object(group)
        }
        return ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(groups)]
    }

    /// `/api/v1` or `/apis/GROUP/VERSION`.
    func resourceList(group: String, version: String) -> KubeJSON {
        var entries: [KubeJSON] = []
        for resource in resources where resource.group == group && resource.version == version {
            var entry: KubeJSON.Object = [
                "name": .string(resource.plural), "singularName": .string(resource.singular),
                "namespaced": .bool(resource.namespaced), "kind": .string(resource.kind),
                "verbs": .array(Self.verbs(resource).map { .string($0) }),
            ]
            if !resource.shortNames.isEmpty { entry["shortNames"] = .array(resource.shortNames.map { .string($0) }) }
            if !resource.categories.isEmpty { entry["categories"] = .array(resource.categories.map { .string($0) }) }
            entries.append(.object(entry))
            if resource.hasStatusSubresource {
                entries.append([
                    "name": .string("\(resource.plural)/status"), "singularName": "",
                    "namespaced": .bool(resource.namespaced), "kind": .string(resource.kind),
                    "verbs": ["get", "patch", "update"],
                ])
            }
        }
        let groupVersion = group.isEmpty ? version : "\(group)/\(version)"
        return ["kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string(groupVersion), "resources": .array(entries)]
    }

    /// The verbs a resource supports.
    static func verbs(_ resource: ServedResource) -> [String] {
        resource.namespaced
            ? ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
            : ["create", "delete", "get", "list", "patch", "update", "watch"]
    }
}
