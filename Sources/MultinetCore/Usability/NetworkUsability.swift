import MultinetCNI

/// The rules for "usable on this node", as multinet's ADD would find out:
///
/// 1. every plugin `type` must be a bare file name found in the bin dirs
///    ("plugin binary missing");
/// 2. the version: a declared `cniVersion` up to 1.0.0 that multinet speaks is sent as is,
///    so every plugin must list it in its `VERSION` answer; a missing, unknown or newer one
///    is negotiated, so multinet and all the plugins must share some version
///    ("cniVersion not supported");
/// 3. a config that does not parse is "config invalid" (decided before these rules run).
public struct NetworkUsability: Sendable {
    /// Where a plugin type is installed, or `nil` when it is not.
    public var locate: @Sendable (String) -> String?
    /// Why a type was not found (`locate` gave `nil`): "missing from the bin dirs", or the
    /// locator's reason, such as a symbolic link leading outside the plugin directories.
    public var whyNotFound: @Sendable (String) -> String = { type in "plugin binary \"\(type)\" missing from the bin dirs" }
    /// The versions the plugin at a path supports.
    public var probe: any PluginVersionProbe

    /// Rules over a locator and a version probe.
    public init(locate: @escaping @Sendable (String) -> String?, probe: any PluginVersionProbe) {
        self.locate = locate
        self.probe = probe
    }

    /// Rules over real bin dirs (searched in order, as `PluginLocator` does).
    public init(binDirs: [String], probe: any PluginVersionProbe) {
        self.init(locate: { type in try? PluginLocator.find(type: type, in: binDirs) }, probe: probe)
        whyNotFound = { type in
            do {
                _ = try PluginLocator.find(type: type, in: binDirs)
            } catch let failure as PluginLookupFailure {
                if case .linkOutsideDirectories = failure { return failure.cniError.msg }
            } catch {}
            return "plugin binary \"\(type)\" missing from the bin dirs"
        }
    }

    /// `nil` when `list` is usable, else the problem.
    public func problem(of list: NetworkConfigList) async -> String? {
        var paths: [(type: String, path: String)] = []
        for type in list.pluginTypes {
            if let problem = PluginName.problem(type) {
                return "config invalid: plugin type \"\(type)\" is not a plugin name (\(problem))"
            }
            guard let path = locate(type) else { return whyNotFound(type) }
            paths.append((type, path))
        }
        let declared = list.cniVersion
        if list.cniVersionText.isEmpty == false, declared == nil {
            return "config invalid: cniVersion \"\(list.cniVersionText)\" is not a version"
        }
        var common = CNIVersion.supported
        for (type, path) in paths {
            let theirs: [CNIVersion]
            switch await probe.versions(ofPluginAt: path) {
            case .success(let versions): theirs = versions
            case .failure(let error): return "plugin \"\(type)\" did not answer VERSION: \(error.msg)"
            }
            if let declared, declared.isSupported, declared <= .v1_0_0 {
                if !theirs.contains(declared) {
                    return "cniVersion \(declared) not supported by plugin \"\(type)\" (it supports \(Self.list(theirs)))"
                }
            }
            common = common.filter(theirs.contains)
        }
        if let declared, declared.isSupported, declared <= .v1_0_0 { return nil }
        if common.isEmpty {
            return "cniVersion \(list.cniVersionText.isEmpty ? "(none)" : list.cniVersionText): the plugins \(list.pluginTypes) share no version with multinet"
        }
        return nil
    }

    /// `nil` when a thick plugin's binary is installed and answers VERSION, else the problem.
    public func problem(ofThickPlugin type: String) async -> String? {
        if let problem = PluginName.problem(type) {
            return "config invalid: spec.plugin \"\(type)\" is not a plugin name (\(problem))"
        }
        guard let path = locate(type) else { return whyNotFound(type) }
        if case .failure(let error) = await probe.versions(ofPluginAt: path) {
            return "plugin \"\(type)\" did not answer VERSION: \(error.msg)"
        }
        return nil
    }

    private static func list(_ versions: [CNIVersion]) -> String {
        versions.isEmpty ? "none" : versions.map(\.description).joined(separator: ", ")
    }
}
