import MultinetJSON

/// The targets of `Package.swift` and what each depends on, as `swift package
/// dump-package` prints them, with the rules the layering imposes on them.
struct PackageGraph: Equatable {
    /// Each target's direct dependencies: targets of the package and products of other
    /// packages, by name.
    var dependencies: [String: [String]]
    /// Each target's source folder, relative to the package root.
    var paths: [String: String] = [:]

    /// Reads the JSON that `swift package dump-package` prints.
    init(dumpedManifest json: JSONValue) throws(PackageGraphError) {
        guard case .array(let targets)? = json.objectValue?["targets"] else { throw .malformed("no \"targets\" array") }
        var dependencies: [String: [String]] = [:]
        for target in targets {
            guard let object = target.objectValue, let name = object["name"]?.stringValue else {
                throw .malformed("a target without a name")
            }
            var names: [String] = []
            if case .array(let entries)? = object["dependencies"] {
                for entry in entries {
                    // {"byName": [name, condition]}, {"target": [name, condition]},
                    // {"product": [name, package, moduleAliases, condition]}
                    guard let kind = entry.objectValue?.keys.first,
                          case .array(let fields)? = entry.objectValue?[kind],
                          let dependency = fields.first?.stringValue else {
                        throw .malformed("a dependency of \(name) that is not byName, target or product")
                    }
                    names.append(dependency)
                }
            }
            dependencies[name] = names
            let folder = object["type"]?.stringValue == "test" ? "Tests" : "Sources"
            paths[name] = object["path"]?.stringValue ?? "\(folder)/\(name)"
        }
        self.dependencies = dependencies
    }

    /// A graph from its edges (for the rules' own tests).
    init(dependencies: [String: [String]]) {
        self.dependencies = dependencies
    }

    /// Everything `target` depends on, directly or through others.
    func reachable(from target: String) -> Set<String> {
        var seen = Set<String>()
        var queue = dependencies[target] ?? []
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            queue += dependencies[next] ?? []
        }
        return seen
    }

    /// The path by which `target` reaches `forbidden`, for the failure message.
    func path(from target: String, to forbidden: String) -> [String]? {
        var previous: [String: String] = [:]
        var queue = [target]
        var seen: Set<String> = [target]
        while !queue.isEmpty {
            let node = queue.removeFirst()
            if node == forbidden {
                var path = [node]
                while let back = previous[path[0]] { path.insert(back, at: 0) }
                return path
            }
            for next in dependencies[node] ?? [] where seen.insert(next).inserted {
                previous[next] = node
                queue.append(next)
            }
        }
        return nil
    }

    /// The edges that break `rules`, one line each: "A → B → C (why)".
    func violations(of rules: [LayerRule]) -> [String] {
        var found: [String] = []
        for rule in rules {
            for target in rule.targets.sorted() {
                guard dependencies[target] != nil else {
                    found.append("\(target): named by a rule but not a target of the package")
                    continue
                }
                let reached = reachable(from: target)
                for forbidden in rule.forbidden.sorted() where reached.contains(forbidden) {
                    let path = self.path(from: target, to: forbidden) ?? [target, forbidden]
                    found.append("\(path.joined(separator: " → ")) (\(rule.reason))")
                }
            }
        }
        return found
    }
}

/// What a group of targets must never depend on, directly or not, and why.
struct LayerRule: Sendable {
    /// The targets the rule is about.
    var targets: Set<String>
    /// What none of them may reach.
    var forbidden: Set<String>
    /// The reason, printed with every violation.
    var reason: String
}

/// Why the manifest could not be read as a graph.
enum PackageGraphError: Error, Equatable {
    /// The JSON does not have the shape `dump-package` prints.
    case malformed(String)
}
