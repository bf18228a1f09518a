import MultinetSystem

extension KubeConfig {
    /// Reads one kubeconfig file (kubectl's `--kubeconfig`), JSON or YAML. The file must exist.
    public static func load(path: String) throws(KubeConfigError) -> KubeConfig {
        let absolute = KubeConfigPath.absolute(path)
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(absolute, limit: 4 << 20)
        } catch {
            if error.isNotFound { throw .fileNotFound(path: absolute) }
            throw .unreadable(path: absolute, reason: error.description)
        }
        return try parse(bytes, path: absolute)
    }

    /// Reads and merges several files as kubectl merges `KUBECONFIG`: files that do not
    /// exist are skipped, a name repeated in the list is read once, and for each cluster,
    /// user and context name the first file defining it wins, as does the first
    /// `current-context`. At least one file must exist.
    public static func load(paths: [String]) throws(KubeConfigError) -> KubeConfig {
        var merged = KubeConfig()
        var seen: Set<String> = []
        for path in paths where !path.isEmpty {
            let absolute = KubeConfigPath.absolute(path)
            guard seen.insert(absolute).inserted else { continue }
            let config: KubeConfig
            do {
                config = try load(path: absolute)
            } catch .fileNotFound {
                continue
            }
            merged.merge(config)
        }
        guard !merged.paths.isEmpty else {
            throw .noConfiguration(reason: "none of the kubeconfig files \(paths.joined(separator: ":")) exists")
        }
        return merged
    }

    /// Reads the kubeconfig kubectl would use without `--kubeconfig`: the files in
    /// `KUBECONFIG` (colon-separated), or else `$HOME/.kube/config`.
    public static func loadDefault(environment: [String: String]) throws(KubeConfigError) -> KubeConfig {
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            return try load(paths: list.split(separator: ":").map(String.init))
        }
        guard let home = KubeConfigPath.home(environment) else {
            throw .noConfiguration(reason: "KUBECONFIG is not set and there is no HOME for ~/.kube/config")
        }
        let path = home + "/.kube/config"
        do {
            return try load(path: path)
        } catch .fileNotFound {
            throw .noConfiguration(reason: "KUBECONFIG is not set and \(path) does not exist")
        }
    }
}
